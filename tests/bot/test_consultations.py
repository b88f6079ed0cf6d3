"""Consultations: request, offer, pass on, time out, accept, outcome, with time injected."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Consultation
from bot.rota import add_override
from heard.clock import from_london
from heard.db import transaction
from heard.errors import HeardError, NotAllowed
from tests.bot.helpers_consultations import (
    OUT_OF_HOURS,
    Cast,
    ask,
    chat_to,
    consultation_cast,
    counts,
    pass_on,
    route,
    timeline,
)
from tests.factories import DANIEL, LIFFORD_HOUSE, NOW

FRIDAY_TEA_TIME = from_london(date(2026, 11, 27), time(16, 50))


@pytest.fixture
def cast(session: Session) -> Cast:
    return consultation_cast(session)


# Requesting and offering


def test_a_request_is_offered_to_the_duty_po_at_the_social_workers_own_site(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast)

    assert consultation.site.name == LIFFORD_HOUSE
    assert (consultation.status, consultation.offer_round) == ("waiting", 1)
    assert consultation.offered_to is cast.daniel
    assert consultation.offer_expires_at == NOW + timedelta(minutes=30)
    assert timeline(session, consultation) == [
        ("requested", cast.social_worker.email),
        ("offered", DANIEL),
    ]
    [offer] = chat_to(session, cast.daniel)
    assert offer.dedupe_key == f"consultation:{consultation.id}:offer:1:{cast.daniel.id}"
    assert offer.due_at == NOW
    assert "CP-1001" in offer.body and "Neglect" in offer.body
    assert "Domestic abuse, Parental mental health" in offer.body
    assert "10:00 on Monday 23 November" in offer.body
    assert offer.payload["actions"] == [
        {
            "action_id": "consultation.accept",
            "value": str(consultation.id),
            "label": "Accept",
            "style": "primary",
        },
        {
            "action_id": "consultation.pass",
            "value": str(consultation.id),
            "label": "Pass on",
            "style": "",
        },
    ]


def test_a_request_for_another_site_goes_to_that_sites_duty_po(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast, site=cast.amira.site)

    assert consultation.offered_to is cast.amira


def test_a_request_made_twice_with_the_same_key_is_made_once(session: Session, cast: Cast) -> None:
    first = ask(session, cast, idempotency_key="trigger-123")
    before = counts(session)

    again = ask(session, cast, idempotency_key="trigger-123", category="multiple")

    assert again is first
    assert counts(session) == before == (1, 2, 1, 1)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("case_reference", "CP 1001; DROP", "case reference"),
        ("case_reference", "", "case reference"),
        ("category", "cruelty", "Unknown category of concern"),
        ("prevalent_issues", ["gambling"], "Unknown prevalent issue"),
        ("prevalent_issues", [], "at least one prevalent issue"),
        ("prevalent_issues", ["no_issues_identified", "domestic_abuse"], "No issues identified"),
        ("urgency", "yesterday", "Unknown urgency"),
        ("availability", "x" * 501, "500 characters or fewer"),
    ],
)
def test_a_bad_request_is_refused_and_changes_nothing(
    session: Session, cast: Cast, field: str, value: object, message: str
) -> None:
    with pytest.raises(HeardError, match=message):
        ask(session, cast, **{field: value})

    assert counts(session) == (0, 0, 0, 0)


def test_an_officer_who_is_not_staff_cannot_request_a_consultation(
    session: Session, cast: Cast
) -> None:
    cast.social_worker.active = False

    with pytest.raises(NotAllowed):
        ask(session, cast)

    assert counts(session) == (0, 0, 0, 0)


# Working minutes


def test_a_request_at_ten_to_five_on_friday_runs_into_monday_morning(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast, now=FRIDAY_TEA_TIME)

    assert consultation.offer_expires_at == from_london(date(2026, 11, 30), time(9, 20))
    assert route(session, from_london(date(2026, 11, 27), time(17, 20))) == 0
    assert route(session, from_london(date(2026, 11, 30), time(9, 19))) == 0
    assert route(session, from_london(date(2026, 11, 30), time(9, 20))) == 1
    assert consultation.offered_to is cast.amira


def test_a_request_on_christmas_eve_afternoon_waits_over_christmas_and_boxing_day(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast, now=from_london(date(2026, 12, 24), time(16, 45)))

    # Christmas Day is a Friday, and Boxing Day's bank holiday moves to Monday 28 December.
    assert consultation.offer_expires_at == from_london(date(2026, 12, 29), time(9, 15))


def test_a_request_in_british_summer_time_keeps_londons_working_day(
    session: Session, cast: Cast
) -> None:
    at = datetime(2026, 6, 3, 15, 45, tzinfo=NOW.tzinfo)  # 16:45 BST

    consultation = ask(session, cast, now=at)

    assert consultation.offer_expires_at == datetime(2026, 6, 4, 8, 15, tzinfo=NOW.tzinfo)


def test_a_request_on_the_friday_before_the_clocks_go_back_expires_on_monday_in_gmt(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast, now=from_london(date(2026, 10, 23), time(16, 50)))

    assert consultation.offer_expires_at == datetime(2026, 10, 26, 9, 20, tzinfo=NOW.tzinfo)


def test_a_request_out_of_hours_is_offered_at_nine_and_the_social_worker_told_who_to_call(
    session: Session, cast: Cast
) -> None:
    saturday = from_london(date(2026, 11, 28), time(11, 0))

    consultation = ask(session, cast, now=saturday)

    monday_nine = from_london(date(2026, 11, 30), time(9, 0))
    assert consultation.offer_expires_at == monday_nine + timedelta(minutes=30)
    [offer] = chat_to(session, cast.daniel)
    assert offer.due_at == monday_nine
    [told] = chat_to(session, cast.social_worker)
    assert "09:00 on Monday 30 November" in told.body
    assert OUT_OF_HOURS in told.body


# Routing on


def test_an_unaccepted_request_goes_to_the_other_site_then_to_the_assistant_heads(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast)

    assert route(session, NOW + timedelta(minutes=30)) == 1
    assert (consultation.offer_round, consultation.offered_to) == (2, cast.amira)
    assert route(session, NOW + timedelta(minutes=60)) == 1
    assert consultation.offer_round == 3
    assert route(session, NOW + timedelta(minutes=90)) == 1

    assert consultation.offer_round == 4  # it stays with the assistant heads, chased again
    assert timeline(session, consultation) == [
        ("requested", cast.social_worker.email),
        ("offered", cast.daniel.email),
        ("timed_out", None),
        ("offered", cast.amira.email),
        ("timed_out", None),
        ("offered", cast.head.email),
        ("offered", cast.second_head.email),
        ("timed_out", None),
        ("offered", cast.head.email),
        ("offered", cast.second_head.email),
    ]
    assert [m.dedupe_key.split(":")[3] for m in chat_to(session, cast.head)] == ["3", "4"]


def test_passing_on_offers_it_to_the_other_site_at_once(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    later = NOW + timedelta(minutes=5)

    pass_on(session, consultation, cast.daniel, later)

    assert (consultation.offer_round, consultation.offered_to) == (2, cast.amira)
    assert consultation.offer_expires_at == later + timedelta(minutes=30)
    assert timeline(session, consultation)[-2:] == [
        ("passed", cast.daniel.email),
        ("offered", cast.amira.email),
    ]


def test_passing_on_twice_changes_nothing_more(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    pass_on(session, consultation, cast.daniel)
    before = counts(session)

    pass_on(session, consultation, cast.daniel)

    assert counts(session) == before
    assert consultation.offer_round == 2


def test_only_the_officer_it_waits_for_can_pass_it_on(session: Session, cast: Cast) -> None:
    consultation = ask(session, cast)
    before = counts(session)

    with pytest.raises(NotAllowed):
        pass_on(session, consultation, cast.amira)
    with pytest.raises(NotAllowed):
        pass_on(session, consultation, cast.social_worker)

    assert counts(session) == before


def test_an_assistant_head_who_passes_is_not_chased_again_in_the_next_round(
    session: Session, cast: Cast
) -> None:
    consultation = ask(session, cast)
    route(session, NOW + timedelta(minutes=30))
    route(session, NOW + timedelta(minutes=60))

    pass_on(session, consultation, cast.head, NOW + timedelta(minutes=61))

    assert consultation.offer_round == 4
    assert timeline(session, consultation)[-1] == ("offered", cast.second_head.email)


def test_a_gap_at_the_own_site_skips_straight_to_the_other_site(
    session: Session, cast: Cast
) -> None:
    add_override(
        session,
        site_name=LIFFORD_HOUSE,
        starts_on=NOW.date(),
        ends_on=NOW.date(),
        absent_email=DANIEL,
        covering_email=None,
        reason="sickness",
        by="rota.keeper@example.org",
        now=NOW,
    )

    consultation = ask(session, cast)

    assert (consultation.offer_round, consultation.offered_to) == (2, cast.amira)
    assert chat_to(session, cast.daniel) == []


def test_two_clocks_routing_at_once_route_a_consultation_once(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        consultation_id = ask(session, consultation_cast(session)).id
    start = threading.Barrier(2)
    moved: list[int] = []
    errors: list[BaseException] = []

    def clock() -> None:
        try:
            start.wait()
            with transaction(sessions) as session:
                moved.append(route(session, NOW + timedelta(minutes=30)))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=clock) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(moved) == [0, 1]
    with sessions() as session:
        consultation = session.get_one(Consultation, consultation_id)
        assert consultation.offer_round == 2
        assert [kind for kind, _ in timeline(session, consultation)].count("timed_out") == 1
        assert consultation.offered_to is not None
        assert len(chat_to(session, consultation.offered_to)) == 1


def test_a_clock_that_saw_an_old_round_routes_nothing(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        consultation_id = ask(session, consultation_cast(session)).id
    with transaction(sessions) as stale:
        seen = stale.get_one(Consultation, consultation_id)
        assert seen.offer_round == 1
        with transaction(sessions) as other:
            assert route(other, NOW + timedelta(minutes=30)) == 1
        # The stale session still holds round 1 in memory; the database has moved on.
        assert route(stale, NOW + timedelta(minutes=30)) == 0

    with sessions() as session:
        assert session.get_one(Consultation, consultation_id).offer_round == 2
