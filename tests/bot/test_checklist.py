"""The pre-ICPC contact checklist: created for every ICPC, ticked by its chair, reminded on time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import cast

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import checklist
from bot.checklist import (
    CHECKLIST_ITEMS,
    checklist_for,
    ensure_checklists,
    my_checklists,
    parse_tick_value,
    remind_checklists,
    tick_checklist_item,
    untick_checklist_item,
)
from bot.models import ChecklistItem
from heard.clock import from_london
from heard.errors import HeardError, NotAllowed, NotFound
from heard.models import AuditEntry, Conference, OutboxMessage
from heard.notify import make_chat, make_mailer
from heard.scheduler import JobContext
from heard.settings import Settings
from tests.factories import AMIRA, DANIEL, NOW, make_conference, make_officer

THURSDAY = date(2026, 11, 26)


def icpc(session: Session, on: date = THURSDAY, **kwargs: object) -> Conference:
    conference = make_conference(session, on=on, **kwargs)  # type: ignore[arg-type]
    ensure_checklists(session, now=min(NOW, from_london(on, time(0, 0))))
    return conference


def reminders(session: Session) -> list[OutboxMessage]:
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.dedupe_key.like("checklist:%"))
            .order_by(OutboxMessage.id)
        )
    )


def buttons(notice: OutboxMessage) -> list[dict[str, str]]:
    return cast(list[dict[str, str]], notice.payload["actions"])


def at_london(day: date, hour: int, minute: int = 0) -> datetime:
    return from_london(day, time(hour, minute))


def test_an_icpc_gets_its_six_items_once_however_often_checklists_are_ensured(
    session: Session,
) -> None:
    conference = make_conference(session)

    assert ensure_checklists(session, now=NOW) == 1
    assert ensure_checklists(session, now=NOW) == 0

    items = checklist_for(session, conference_id=conference.id)
    assert [item.key for item in items] == list(CHECKLIST_ITEMS)
    assert all(item.done_at is None for item in items)


def test_reviews_and_conferences_already_held_get_no_checklist(session: Session) -> None:
    make_conference(session, conference_type="RCPC", case_reference="CP-2")
    make_conference(session, case_reference="CP-3", on=date(2026, 11, 20))

    assert ensure_checklists(session, now=NOW) == 0
    assert session.scalar(select(func.count()).select_from(ChecklistItem)) == 0


def test_a_checklist_missing_an_item_gets_only_the_missing_one(session: Session) -> None:
    conference = icpc(session)
    session.delete(checklist_for(session, conference_id=conference.id)[0])
    session.flush()

    assert ensure_checklists(session, now=NOW) == 1
    assert len(checklist_for(session, conference_id=conference.id)) == len(CHECKLIST_ITEMS)


def test_the_chair_ticks_an_item_and_ticking_it_again_changes_nothing(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)

    item = tick_checklist_item(
        session, conference_id=conference.id, key="parents_contacted", officer=amira, now=NOW
    )
    later = NOW + timedelta(hours=2)
    again = tick_checklist_item(
        session,
        conference_id=conference.id,
        key="parents_contacted",
        officer=amira,
        now=later,
        detail="again",
    )

    assert again is item
    assert (item.done_at, item.done_by_id, item.detail) == (NOW, amira.id, "")
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_the_interpreter_is_ticked_with_its_language_or_as_not_needed(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)
    with pytest.raises(HeardError, match="language"):
        tick_checklist_item(
            session, conference_id=conference.id, key="interpreter_booked", officer=amira, now=NOW
        )

    booked = tick_checklist_item(
        session,
        conference_id=conference.id,
        key="interpreter_booked",
        officer=amira,
        now=NOW,
        detail=" Mirpuri ",
    )
    child = tick_checklist_item(
        session,
        conference_id=conference.id,
        key="child_views_advocate",
        officer=amira,
        now=NOW,
        not_needed=True,
    )

    assert (booked.detail, booked.not_needed) == ("Mirpuri", False)
    assert child.not_needed and child.done_at == NOW


def test_contacting_the_parents_cannot_be_marked_not_needed(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)

    with pytest.raises(HeardError, match="cannot be marked as not needed"):
        tick_checklist_item(
            session,
            conference_id=conference.id,
            key="parents_contacted",
            officer=amira,
            now=NOW,
            not_needed=True,
        )
    assert checklist_for(session, conference_id=conference.id)[0].done_at is None


def test_an_assistant_head_may_tick_a_checklist_she_does_not_chair(session: Session) -> None:
    conference = icpc(session)
    head = make_officer(session, "head@example.org", role="assistant_head")

    item = tick_checklist_item(
        session, conference_id=conference.id, key="wider_family_invited", officer=head, now=NOW
    )

    assert item.done_by_id == head.id


@pytest.mark.parametrize(
    ("email", "role"),
    [("sam.social@example.org", "social_worker"), (DANIEL, "principal_officer")],
)
def test_a_social_worker_or_another_po_trying_to_tick_is_not_allowed_and_nothing_changes(
    session: Session, email: str, role: str
) -> None:
    conference = icpc(session)
    someone = make_officer(session, email, role=role)

    with pytest.raises(NotAllowed):
        tick_checklist_item(
            session, conference_id=conference.id, key="parents_contacted", officer=someone, now=NOW
        )
    assert all(i.done_at is None for i in checklist_for(session, conference_id=conference.id))
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_tick_on_a_conference_already_held_is_refused(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)

    with pytest.raises(HeardError, match="has been held"):
        tick_checklist_item(
            session,
            conference_id=conference.id,
            key="parents_contacted",
            officer=amira,
            now=at_london(THURSDAY + timedelta(days=1), 9),
        )


def test_a_tick_on_the_morning_of_the_conference_is_still_taken(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)

    item = tick_checklist_item(
        session,
        conference_id=conference.id,
        key="parents_contacted",
        officer=amira,
        now=at_london(THURSDAY, 8, 30),
    )

    assert item.done_at is not None


def test_an_unknown_item_a_review_or_a_stale_conference_id_is_refused(session: Session) -> None:
    conference = icpc(session)
    review = make_conference(session, conference_type="RCPC", case_reference="CP-9")
    amira = make_officer(session, AMIRA)

    with pytest.raises(HeardError, match="not an item"):
        tick_checklist_item(
            session, conference_id=conference.id, key="tea_made", officer=amira, now=NOW
        )
    with pytest.raises(HeardError, match="Only an ICPC"):
        tick_checklist_item(
            session, conference_id=review.id, key="parents_contacted", officer=amira, now=NOW
        )
    with pytest.raises(NotFound):
        tick_checklist_item(
            session, conference_id=99999, key="parents_contacted", officer=amira, now=NOW
        )


def test_an_icpc_imported_since_the_last_ensure_gets_its_checklist_when_ticked(
    session: Session,
) -> None:
    conference = make_conference(session)
    amira = make_officer(session, AMIRA)

    tick_checklist_item(
        session, conference_id=conference.id, key="access_needs_met", officer=amira, now=NOW
    )

    assert len(checklist_for(session, conference_id=conference.id)) == len(CHECKLIST_ITEMS)


def test_unticking_opens_the_item_again(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)
    tick_checklist_item(
        session,
        conference_id=conference.id,
        key="interpreter_booked",
        officer=amira,
        now=NOW,
        detail="Polish",
    )

    item = untick_checklist_item(
        session, conference_id=conference.id, key="interpreter_booked", officer=amira, now=NOW
    )

    assert (item.done_at, item.done_by_id, item.detail, item.not_needed) == (None, None, "", False)


def test_my_checklists_lists_the_open_items_of_the_icpcs_i_chair_soonest_first(
    session: Session,
) -> None:
    later = icpc(session, on=date(2026, 12, 3), case_reference="CP-2")
    sooner = icpc(session)
    icpc(session, case_reference="CP-3", chair=DANIEL)
    amira = make_officer(session, AMIRA)
    for key in CHECKLIST_ITEMS:
        tick_checklist_item(
            session, conference_id=later.id, key=key, officer=amira, now=NOW, detail="Urdu"
        )
    tick_checklist_item(
        session, conference_id=sooner.id, key="parents_contacted", officer=amira, now=NOW
    )

    mine = my_checklists(session, officer=amira, now=NOW)

    assert [(c.id, [i.key for i in items]) for c, items in mine] == [
        (sooner.id, list(CHECKLIST_ITEMS)[1:])
    ]


def test_a_tick_button_value_is_read_back_and_a_stale_one_is_refused() -> None:
    assert parse_tick_value("12:parents_contacted") == (12, "parents_contacted")
    for stale in ("", "12", "x:parents_contacted", "12:tea_made"):
        with pytest.raises(HeardError, match="out of date"):
            parse_tick_value(stale)


def test_the_chair_of_a_thursday_icpc_is_reminded_on_tuesday_from_nine(session: Session) -> None:
    conference = icpc(session)
    tuesday = date(2026, 11, 24)

    assert remind_checklists(session, now=at_london(tuesday, 8, 59), reminder_days=2) == 0
    assert remind_checklists(session, now=at_london(tuesday, 9), reminder_days=2) == 1
    assert remind_checklists(session, now=at_london(tuesday, 9, 15), reminder_days=2) == 0

    [notice] = reminders(session)
    assert notice.recipient == f"officer:{AMIRA}"
    assert "Thursday 26 November at 10:00" in notice.body
    assert "Parents contacted before the conference" in notice.body
    assert [a["value"] for a in buttons(notice)] == [
        f"{conference.id}:{key}" for key in CHECKLIST_ITEMS
    ]
    assert {a["action_id"] for a in buttons(notice)} == {"checklist.tick"}


def test_a_bank_holiday_monday_is_not_counted_as_a_working_day_before_the_icpc(
    session: Session,
) -> None:
    icpc(session, on=date(2026, 9, 2))  # Wednesday; Monday 31 August is a bank holiday

    assert remind_checklists(session, now=at_london(date(2026, 8, 31), 9), reminder_days=2) == 1
    [notice] = reminders(session)
    assert notice.dedupe_key.endswith(":before")
    assert checklist.reminder_day(date(2026, 9, 2), 2) == date(2026, 8, 28)


def test_in_christmas_week_a_thursday_icpc_is_reminded_on_christmas_eve(session: Session) -> None:
    # Monday 27 and Tuesday 28 December 2027 are both bank holidays (observed).
    thursday = date(2027, 12, 30)
    icpc(session, on=thursday)

    assert checklist.reminder_day(thursday, 2) == date(2027, 12, 24)
    assert remind_checklists(session, now=at_london(date(2027, 12, 23), 16), reminder_days=2) == 0
    assert remind_checklists(session, now=at_london(date(2027, 12, 24), 9), reminder_days=2) == 1


def test_after_the_clocks_go_back_the_reminder_still_comes_at_nine_on_the_wall_clock(
    session: Session,
) -> None:
    icpc(session, on=date(2026, 10, 27))  # Tuesday after British Summer Time ends
    friday = date(2026, 10, 23)  # still BST: 09:00 in London is 08:00 UTC

    assert (
        remind_checklists(session, now=datetime(2026, 10, 23, 7, 59, tzinfo=UTC), reminder_days=2)
        == 0
    )
    assert (
        remind_checklists(session, now=datetime(2026, 10, 23, 8, 0, tzinfo=UTC), reminder_days=2)
        == 1
    )
    assert checklist.reminder_day(date(2026, 10, 27), 2) == friday


def test_on_the_morning_after_the_clocks_go_forward_the_reminder_comes_at_eight_bst(
    session: Session,
) -> None:
    tuesday = date(2027, 3, 30)  # BST began on Sunday 28 March
    icpc(session, on=tuesday)
    morning = remind_checklists(
        session, now=datetime(2027, 3, 30, 6, 59, tzinfo=UTC), reminder_days=0
    )

    assert morning == 0
    assert (
        remind_checklists(session, now=datetime(2027, 3, 30, 7, 0, tzinfo=UTC), reminder_days=0)
        == 1
    )
    assert reminders(session)[0].dedupe_key.endswith(":morning")


def test_the_morning_reminder_lists_only_what_is_still_open(session: Session) -> None:
    conference = icpc(session)
    amira = make_officer(session, AMIRA)
    remind_checklists(session, now=at_london(date(2026, 11, 24), 9), reminder_days=2)
    for key in list(CHECKLIST_ITEMS)[:-1]:
        tick_checklist_item(
            session, conference_id=conference.id, key=key, officer=amira, now=NOW, detail="Urdu"
        )

    assert remind_checklists(session, now=at_london(THURSDAY, 8), reminder_days=2) == 1

    before, morning = reminders(session)
    assert morning.dedupe_key != before.dedupe_key
    assert [a["value"] for a in buttons(morning)] == [f"{conference.id}:wider_family_invited"]
    assert "Parents contacted" not in morning.body


def test_a_complete_checklist_or_a_conference_under_way_gets_no_reminder(
    session: Session,
) -> None:
    done = icpc(session)
    icpc(session, case_reference="CP-2", on=date(2026, 11, 24))
    amira = make_officer(session, AMIRA)
    for key in CHECKLIST_ITEMS:
        tick_checklist_item(
            session, conference_id=done.id, key=key, officer=amira, now=NOW, detail="Urdu"
        )

    assert remind_checklists(session, now=at_london(date(2026, 11, 24), 10), reminder_days=2) == 0


def test_the_clock_job_gives_new_icpcs_checklists_and_reminds_their_chairs(
    sessions: sessionmaker[Session], settings: Settings
) -> None:
    with sessions.begin() as session:
        make_conference(session)
    context = JobContext(
        settings=settings.with_(checklist_reminder_days=3),
        factory=sessions,
        mailer=make_mailer(settings),
        chat=make_chat(settings),
        worker="test",
        now=lambda: at_london(date(2026, 11, 23), 9),  # Monday: three working days before
    )

    checklist.remind_checklists_job(context)
    checklist.remind_checklists_job(context)

    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ChecklistItem)) == 6
        assert len(reminders(session)) == 1
    assert [job.name for job in checklist.jobs()] == ["checklist-reminders"]
