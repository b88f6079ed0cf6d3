"""Consultations: accepting, recording the outcome, lists and the clock job."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.consultations import (
    accept_consultation,
    jobs,
    open_consultations,
    record_outcome,
    route_job,
)
from bot.models import Consultation
from heard.db import transaction
from heard.errors import HeardError, NotAllowed, NotFound
from heard.models import Officer
from heard.notify import make_chat, make_mailer
from heard.scheduler import JobContext
from heard.settings import Settings
from tests.bot.helpers_consultations import (
    Cast,
    ask,
    chat_to,
    consultation_cast,
    counts,
    pass_on,
    route,
    timeline,
)
from tests.factories import NOW, make_officer


@pytest.fixture
def cast(session: Session) -> Cast:
    return consultation_cast(session)


# Accepting


def test_accepting_tells_the_social_worker_the_pos_name(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    later = NOW + timedelta(minutes=12)

    accepted = accept_consultation(
        session, consultation_id=consultation.id, officer=cast.daniel, now=later
    )

    assert accepted is consultation
    assert (consultation.status, consultation.accepted_by) == ("accepted", cast.daniel)
    assert consultation.accepted_at == later
    assert timeline(session, consultation)[-1] == ("accepted", cast.daniel.email)
    [told] = chat_to(session, cast.social_worker)
    assert "Daniel Okafor has accepted" in told.body
    assert route(session, NOW + timedelta(days=3)) == 0


def test_any_po_may_take_a_consultation_offered_to_someone_else(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast)

    accept_consultation(session, consultation_id=consultation.id, officer=cast.amira, now=NOW)

    assert consultation.accepted_by is cast.amira


def test_a_social_worker_cannot_accept_and_nothing_changes(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    before = counts(session)

    with pytest.raises(NotAllowed):
        accept_consultation(
            session, consultation_id=consultation.id, officer=cast.social_worker, now=NOW
        )

    assert counts(session) == before
    assert consultation.status == "waiting"


def test_a_second_po_accepting_is_told_who_already_has_it(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    accept_consultation(session, consultation_id=consultation.id, officer=cast.daniel, now=NOW)
    before = counts(session)

    with pytest.raises(HeardError, match="Already accepted by Daniel Okafor"):
        accept_consultation(session, consultation_id=consultation.id, officer=cast.amira, now=NOW)

    assert counts(session) == before
    assert consultation.accepted_by is cast.daniel


def test_the_same_po_accepting_twice_changes_nothing(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    accept_consultation(session, consultation_id=consultation.id, officer=cast.daniel, now=NOW)
    before = counts(session)

    again = accept_consultation(
        session, consultation_id=consultation.id, officer=cast.daniel, now=NOW + timedelta(1)
    )

    assert again is consultation
    assert counts(session) == before
    assert consultation.accepted_at == NOW


def test_passing_on_an_accepted_consultation_is_refused(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    accept_consultation(session, consultation_id=consultation.id, officer=cast.amira, now=NOW)

    with pytest.raises(HeardError, match="Already accepted by Amira Hussain"):
        pass_on(session, consultation, cast.daniel)


def test_a_stale_consultation_id_is_not_found(session: Session, cast: Cast) -> None:
    with pytest.raises(NotFound):
        accept_consultation(session, consultation_id=999, officer=cast.daniel, now=NOW)


# Outcomes


def accepted_by_daniel(session: Session, cast: Cast) -> Consultation:
    consultation = ask(session, cast)
    return accept_consultation(
        session, consultation_id=consultation.id, officer=cast.daniel, now=NOW
    )


def outcome(
    session: Session, consultation: Consultation, officer: Officer, **kwargs: str
) -> Consultation:
    arguments = {"outcome": "strategy_meeting", "note": "Strategy meeting on Friday.", **kwargs}
    return record_outcome(
        session, consultation_id=consultation.id, officer=officer, now=NOW, **arguments
    )


def test_the_accepting_po_records_the_outcome(session: Session, cast: Cast) -> None:
    consultation = accepted_by_daniel(session, cast)

    outcome(session, consultation, cast.daniel)

    assert consultation.status == "completed"
    assert (consultation.outcome, consultation.completed_at) == ("strategy_meeting", NOW)
    assert consultation.outcome_note == "Strategy meeting on Friday."
    assert timeline(session, consultation)[-1] == ("outcome", cast.daniel.email)
    assert open_consultations(session) == []


def test_an_assistant_head_may_record_the_outcome(session: Session, cast: Cast) -> None:
    consultation = accepted_by_daniel(session, cast)

    outcome(session, consultation, cast.head, outcome="icpc")

    assert consultation.outcome == "icpc"


@pytest.mark.parametrize("who", ["amira", "social_worker"])
def test_nobody_else_may_record_the_outcome(session: Session, cast: Cast, who: str) -> None:
    consultation = accepted_by_daniel(session, cast)
    before = counts(session)

    with pytest.raises(NotAllowed):
        outcome(session, consultation, getattr(cast, who))

    assert counts(session) == before
    assert consultation.status == "accepted"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"outcome": "sorted"}, "Unknown outcome"),
        ({"note": "x" * 2001}, "2000 characters or fewer"),
    ],
)
def test_a_bad_outcome_is_refused_and_changes_nothing(
    session: Session, cast: Cast, kwargs: dict[str, str], message: str
) -> None:
    consultation = accepted_by_daniel(session, cast)
    before = counts(session)

    with pytest.raises(HeardError, match=message):
        outcome(session, consultation, cast.daniel, **kwargs)

    assert counts(session) == before
    assert consultation.outcome is None


def test_an_outcome_needs_an_accepted_consultation(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)

    with pytest.raises(HeardError, match="Accept the consultation"):
        outcome(session, consultation, cast.daniel)


def test_recording_the_same_outcome_again_is_harmless_but_a_different_one_is_refused(
    session: Session, cast: Cast
) -> None:
    consultation = accepted_by_daniel(session, cast)
    outcome(session, consultation, cast.daniel)
    before = counts(session)

    outcome(session, consultation, cast.daniel)
    with pytest.raises(HeardError, match="already recorded: Strategy meeting to be held"):
        outcome(session, consultation, cast.daniel, outcome="mapping")

    assert counts(session) == before
    assert consultation.outcome == "strategy_meeting"


# Lists and the clock


def test_open_consultations_for_an_officer_are_those_they_asked_for_hold_or_are_offered(
    session: Session, cast: Cast
) -> None:
    first = ask(session, cast)
    second = ask(session, cast, case_reference="CP-1002", site=cast.amira.site)
    accept_consultation(session, consultation_id=second.id, officer=cast.daniel, now=NOW)

    assert open_consultations(session) == [first, second]
    assert open_consultations(session, officer=cast.social_worker) == [first, second]
    assert open_consultations(session, officer=cast.daniel) == [first, second]
    assert open_consultations(session, officer=cast.amira) == []
    assert open_consultations(session, officer=make_officer(session, "x@example.org")) == []


def test_the_clock_job_routes_timed_out_offers_every_minute(
    sessions: sessionmaker[Session], settings: Settings
) -> None:
    with transaction(sessions) as session:
        consultation_id = ask(session, consultation_cast(session)).id
    context = JobContext(
        settings=settings,
        factory=sessions,
        mailer=make_mailer(settings),
        chat=make_chat(settings),
        worker="test",
        now=lambda: NOW + timedelta(minutes=30),
    )

    [job] = jobs()
    assert (job.name, job.seconds, job.func) == ("consultations.route", 60, route_job)
    job.func(context)

    with sessions() as session:
        assert session.get_one(Consultation, consultation_id).offer_round == 2
