"""Escalations: logged by a PO, chased when a response is due, prolonged after 20 working days."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import escalations
from bot.escalations import (
    ESCALATION_STAGES,
    ESCALATION_THEMES,
    chase_due_responses,
    escalation_themes,
    log_escalation,
    mark_prolonged,
    open_escalations,
    prolonged_escalations,
    resolve_escalation,
    time_to_resolve,
    update_escalation,
)
from bot.models import Escalation, EscalationEvent
from heard.clock import from_london
from heard.errors import HeardError, NotAllowed, NotFound
from heard.models import AuditEntry, Officer, OutboxMessage
from heard.notify import make_chat, make_mailer
from heard.scheduler import JobContext
from heard.settings import Settings
from tests.factories import AMIRA, DANIEL, NOW, make_officer

MONDAY = date(2026, 11, 23)  # NOW's day


def at_london(day: date, hour: int, minute: int = 0) -> datetime:
    return from_london(day, time(hour, minute))


def log(session: Session, officer: Officer | None = None, **changes: Any) -> Escalation:
    arguments: dict[str, Any] = {
        "raised_by": officer or make_officer(session, AMIRA),
        "case_reference": "CP-1001",
        "themes": ["drift_and_delay"],
        "stage": "stage_1",
        "raised_with": "Team manager, Northfield CIN team",
        "note": "No core group since the ICPC.",
        "now": NOW,
        "response_due_days": 5,
        "prolonged_after_days": 20,
        "known_themes": ESCALATION_THEMES,
    } | changes
    return log_escalation(session, **arguments)


def notices(session: Session, prefix: str) -> list[OutboxMessage]:
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.dedupe_key.like(f"{prefix}%"))
            .order_by(OutboxMessage.id)
        )
    )


def timeline(escalation: Escalation) -> list[tuple[int, str, datetime, str]]:
    return [(e.id, e.kind, e.at, e.note) for e in escalation.events]


def count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_po_logs_an_escalation_with_the_rules_in_force_recorded_on_it(session: Session) -> None:
    escalation = log(session)

    assert escalation.response_due_days == 5
    assert escalation.prolonged_after_days == 20
    assert escalation.response_due_on == date(2026, 11, 30)
    assert [(e.kind, e.stage) for e in escalation.events] == [("raised", "stage_1")]
    assert open_escalations(session) == [escalation]
    assert count(session, AuditEntry) == 1


def test_the_themes_are_domain_words_and_can_be_extended_by_configuration() -> None:
    themes = escalation_themes("housing=Housing not engaged; ; youth_justice=Youth justice")

    assert themes["drift_and_delay"] == "Drift and delay in planning"
    assert themes["housing"] == "Housing not engaged"
    assert themes["youth_justice"] == "Youth justice"
    assert len(ESCALATION_THEMES) == 11
    assert list(ESCALATION_STAGES) == ["informal", "stage_1", "stage_2", "stage_3"]


@pytest.mark.parametrize(
    "extra", ["housing", "Housing=Housing", "housing=", "=Housing", "documentation=Paperwork"]
)
def test_a_bad_extra_themes_setting_is_refused_naming_the_variable(extra: str) -> None:
    with pytest.raises(HeardError, match="HEARD_ESCALATION_THEMES_EXTRA"):
        escalation_themes(extra)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"themes": ["weather"]}, "Unknown escalation theme: weather"),
        ({"themes": []}, "at least one theme"),
        ({"stage": "stage_9"}, "Unknown escalation stage"),
        ({"case_reference": "CP 1001; DROP"}, "case reference"),
        ({"raised_with": "  "}, "Say who it is raised with"),
        ({"raised_with": "x" * 201}, "200 characters"),
        ({"note": "x" * 4001}, "4000 characters"),
    ],
)
def test_bad_input_to_an_escalation_is_refused_and_nothing_is_saved(
    session: Session, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(HeardError, match=message):
        log(session, **changes)

    assert count(session, Escalation) == 0
    assert count(session, EscalationEvent) == 0


def test_a_theme_added_by_configuration_is_accepted(session: Session) -> None:
    escalation = log(
        session, themes=["housing", "housing"], known_themes=escalation_themes("housing=Housing")
    )

    assert escalation.themes == ["housing"]


def test_a_social_worker_trying_to_log_an_escalation_is_not_allowed_and_nothing_is_saved(
    session: Session,
) -> None:
    worker = make_officer(session, "sam.social@example.org", role="social_worker")

    with pytest.raises(NotAllowed):
        log(session, officer=worker)

    assert count(session, Escalation) == 0
    assert count(session, AuditEntry) == 0


def test_a_social_worker_cannot_update_or_resolve_an_escalation(session: Session) -> None:
    escalation = log(session)
    worker = make_officer(session, "sam.social@example.org", role="social_worker")
    before = timeline(escalation)

    with pytest.raises(NotAllowed):
        update_escalation(
            session, escalation_id=escalation.id, officer=worker, note="Seen it", now=NOW
        )
    with pytest.raises(NotAllowed):
        resolve_escalation(
            session, escalation_id=escalation.id, officer=worker, outcome="Done", now=NOW
        )

    assert timeline(escalation) == before
    assert escalation.resolved_at is None


def test_slacks_retry_of_the_same_request_logs_one_escalation(session: Session) -> None:
    first = log(session, idempotency_key="slack:T1:view:42")
    second = log(session, idempotency_key="slack:T1:view:42")

    assert second is first
    assert count(session, Escalation) == 1


def test_moving_up_a_stage_starts_the_wait_for_a_response_from_that_day(session: Session) -> None:
    escalation = log(session, response_due_days=5)
    thursday = at_london(date(2026, 11, 26), 14)

    update_escalation(
        session,
        escalation_id=escalation.id,
        officer=make_officer(session, AMIRA),
        note="No reply from the team manager.",
        stage="stage_2",
        now=thursday,
    )

    assert escalation.stage == "stage_2"
    assert escalation.response_due_on == date(2026, 12, 3)
    assert [e.kind for e in escalation.events] == ["raised", "stage_changed"]
    assert escalation.events[-1].stage == "stage_2"


def test_an_update_without_a_stage_keeps_the_deadline(session: Session) -> None:
    escalation = log(session)

    update_escalation(
        session,
        escalation_id=escalation.id,
        officer=make_officer(session, DANIEL, site="Lifford House"),
        note="Team manager will reply by Friday.",
        now=NOW + timedelta(days=1),
    )

    assert escalation.response_due_on == date(2026, 11, 30)
    assert escalation.events[-1].kind == "updated"


@pytest.mark.parametrize(
    ("stage", "note", "message"),
    [
        ("informal", "Talked it over", "moves up the stages"),
        (None, "  ", "Write what has happened"),
        ("stage_7", "x", "Unknown escalation stage"),
    ],
)
def test_a_stage_down_an_empty_update_or_an_unknown_stage_is_refused(
    session: Session, stage: str | None, note: str, message: str
) -> None:
    escalation = log(session)
    before = (timeline(escalation), escalation.stage, escalation.response_due_on)

    with pytest.raises(HeardError, match=message):
        update_escalation(
            session,
            escalation_id=escalation.id,
            officer=make_officer(session, AMIRA),
            note=note,
            stage=stage,
            now=NOW,
        )

    assert (timeline(escalation), escalation.stage, escalation.response_due_on) == before


def test_a_stale_escalation_id_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        update_escalation(
            session, escalation_id=424242, officer=make_officer(session), note="x", now=NOW
        )


def test_resolving_needs_an_outcome_and_closes_the_escalation(session: Session) -> None:
    escalation = log(session)
    amira = make_officer(session, AMIRA)
    with pytest.raises(HeardError, match="how the escalation was resolved"):
        resolve_escalation(
            session, escalation_id=escalation.id, officer=amira, outcome=" ", now=NOW
        )
    later = at_london(date(2026, 12, 4), 11)

    resolve_escalation(
        session,
        escalation_id=escalation.id,
        officer=amira,
        outcome="Core group held; plan updated.",
        now=later,
    )

    assert (escalation.resolved_at, escalation.outcome) == (later, "Core group held; plan updated.")
    assert escalation.events[-1].kind == "resolved"
    assert open_escalations(session) == []
    assert time_to_resolve(escalation) == 9
    with pytest.raises(HeardError, match="has been resolved"):
        update_escalation(
            session, escalation_id=escalation.id, officer=amira, note="More", now=later
        )


def test_time_to_resolve_counts_working_days_over_christmas(session: Session) -> None:
    escalation = log(session, now=at_london(date(2026, 12, 23), 10))
    assert time_to_resolve(escalation) is None

    resolve_escalation(
        session,
        escalation_id=escalation.id,
        officer=make_officer(session),
        outcome="Resolved by the head of service.",
        now=at_london(date(2027, 1, 4), 10),
    )

    # 24, 29, 30 and 31 December, then Monday 4 January.
    assert time_to_resolve(escalation) == 5


def test_the_timeline_only_grows(sessions: sessionmaker[Session]) -> None:
    seen: list[list[tuple[int, str, datetime, str]]] = []
    with sessions.begin() as session:
        escalation_id = log(session).id
    steps = [
        lambda s, o: update_escalation(
            s, escalation_id=escalation_id, officer=o, note="a", now=NOW
        ),
        lambda s, o: update_escalation(
            s, escalation_id=escalation_id, officer=o, note="b", stage="stage_2", now=NOW
        ),
        lambda s, o: chase_due_responses(s, now=at_london(date(2026, 12, 30), 9)),
        lambda s, o: mark_prolonged(s, now=at_london(date(2027, 2, 1), 9), channel="#cp"),
        lambda s, o: resolve_escalation(
            s,
            escalation_id=escalation_id,
            officer=o,
            outcome="done",
            now=at_london(date(2027, 2, 2), 9),
        ),
    ]
    for step in steps:
        with sessions.begin() as session:
            step(session, make_officer(session))
        with sessions() as session:
            seen.append(timeline(session.get_one(Escalation, escalation_id)))

    for earlier, later in itertools.pairwise(seen):
        assert later[: len(earlier)] == earlier
        assert len(later) == len(earlier) + 1
    assert [kind for _, kind, _, _ in seen[-1]] == [
        "raised",
        "updated",
        "stage_changed",
        "chased",
        "prolonged",
        "resolved",
    ]
    assert not hasattr(escalations, "update_event")


def test_the_raising_po_is_reminded_to_chase_from_nine_on_the_day_a_response_is_due(
    session: Session,
) -> None:
    escalation = log(session)
    due_day = date(2026, 11, 30)

    assert chase_due_responses(session, now=at_london(due_day, 8, 59)) == 0
    assert chase_due_responses(session, now=at_london(due_day, 9)) == 1
    assert chase_due_responses(session, now=at_london(due_day, 9, 15)) == 0
    assert chase_due_responses(session, now=at_london(due_day + timedelta(days=1), 9)) == 0

    [notice] = notices(session, "escalation-chase:")
    assert notice.recipient == f"officer:{AMIRA}"
    assert "Team manager, Northfield CIN team" in notice.body
    assert [e.kind for e in escalation.events] == ["raised", "chased"]


def test_no_chase_when_something_has_happened_since_it_was_raised(session: Session) -> None:
    escalation = log(session)
    update_escalation(
        session,
        escalation_id=escalation.id,
        officer=make_officer(session),
        note="Team manager replied.",
        now=NOW + timedelta(days=2),
    )

    assert chase_due_responses(session, now=at_london(date(2026, 11, 30), 10)) == 0


def test_after_moving_up_a_stage_the_new_response_is_chased_on_its_own_day(
    session: Session,
) -> None:
    escalation = log(session)
    chase_due_responses(session, now=at_london(date(2026, 11, 30), 9))
    update_escalation(
        session,
        escalation_id=escalation.id,
        officer=make_officer(session),
        note="To the head of service.",
        stage="stage_2",
        now=at_london(date(2026, 12, 1), 9),
    )

    assert chase_due_responses(session, now=at_london(date(2026, 12, 8), 9)) == 1
    assert len(notices(session, "escalation-chase:")) == 2


def test_a_setting_change_after_raising_does_not_move_an_open_escalations_deadlines(
    sessions: sessionmaker[Session], settings: Settings
) -> None:
    with sessions.begin() as session:
        escalation_id = log(session, response_due_days=5, prolonged_after_days=20).id
    changed = settings.with_(escalation_response_days=10, escalation_prolonged_days=40)

    def run(job: Any, day: date) -> None:
        context = JobContext(
            settings=changed,
            factory=sessions,
            mailer=make_mailer(settings),
            chat=make_chat(settings),
            worker="test",
            now=lambda: at_london(day, 9),
        )
        job(context)

    run(escalations.chase_job, date(2026, 11, 30))
    run(escalations.prolonged_job, date(2026, 12, 22))
    with sessions.begin() as session:
        update_escalation(
            session,
            escalation_id=escalation_id,
            officer=make_officer(session),
            note="To the assistant director.",
            stage="stage_3",
            now=at_london(date(2026, 12, 22), 10),
        )

    with sessions() as session:
        escalation = session.get_one(Escalation, escalation_id)
        assert len(notices(session, "escalation-chase:")) == 1
        assert escalation.prolonged_at == at_london(date(2026, 12, 22), 9)
        assert escalation.response_due_on == date(2026, 12, 31)  # 5 working days, not 10
        [notice] = notices(session, "escalation-prolonged:")
        assert notice.recipient == changed.service_chat_channel
        assert "assistant director's meeting" in notice.body


def test_an_escalation_is_prolonged_after_twenty_working_days_and_not_before(
    session: Session,
) -> None:
    escalation = log(session)  # Monday 23 November; the 20th working day after is 21 December

    for not_yet in (at_london(date(2026, 12, 21), 16), at_london(date(2026, 12, 22), 8, 59)):
        assert mark_prolonged(session, now=not_yet, channel="#cp-service") == 0
    assert prolonged_escalations(session) == []

    assert mark_prolonged(session, now=at_london(date(2026, 12, 22), 9), channel="#cp") == 1
    assert mark_prolonged(session, now=at_london(date(2026, 12, 22), 9, 15), channel="#cp") == 0

    assert prolonged_escalations(session) == [escalation]
    assert [e.kind for e in escalation.events] == ["raised", "prolonged"]
    assert len(notices(session, "escalation-prolonged:")) == 1


def test_christmas_and_new_year_do_not_count_towards_prolonged(session: Session) -> None:
    log(session, now=at_london(date(2026, 12, 7), 10))

    assert mark_prolonged(session, now=at_london(date(2027, 1, 7), 16), channel="#cp") == 0
    assert mark_prolonged(session, now=at_london(date(2027, 1, 8), 9), channel="#cp") == 1


def test_a_resolved_escalation_is_never_prolonged(session: Session) -> None:
    escalation = log(session)
    resolve_escalation(
        session, escalation_id=escalation.id, officer=make_officer(session), outcome="ok", now=NOW
    )

    assert mark_prolonged(session, now=at_london(date(2027, 2, 1), 9), channel="#cp") == 0


def test_two_clocks_mark_an_escalation_prolonged_once_and_send_one_notice(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as session:
        escalation_id = log(session).id
    when = at_london(date(2026, 12, 22), 9)

    with sessions() as first, sessions() as second:
        # The second clock looked before the first one's change was committed ...
        seen = second.get_one(Escalation, escalation_id)
        assert seen.prolonged_at is None
        assert mark_prolonged(first, now=when, channel="#cp") == 1
        first.commit()
        # ... so its conditional update is what keeps it from doing it again.
        assert escalations._claim_prolonged(second, escalation_id, when) is False
        assert mark_prolonged(second, now=when, channel="#cp") == 0
        second.commit()

    with sessions() as session:
        assert len(notices(session, "escalation-prolonged:")) == 1
        kinds = [e.kind for e in session.get_one(Escalation, escalation_id).events]
        assert kinds == ["raised", "prolonged"]


def test_open_escalations_can_be_those_one_po_raised(session: Session) -> None:
    mine = log(session)
    theirs = log(session, officer=make_officer(session, DANIEL, site="Lifford House"))

    assert open_escalations(session, officer=make_officer(session, AMIRA)) == [mine]
    assert open_escalations(session) == [mine, theirs]
    assert [job.name for job in escalations.jobs()] == ["escalation-chase", "escalation-prolonged"]
