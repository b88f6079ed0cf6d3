"""The pre-ICPC contact checklist: what the chair makes sure of before an initial conference.

Every ICPC gets the same six items for its chair to tick. While anything is open, the chair is
reminded a configurable number of working days before the conference and on its morning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ChecklistItem
from bot.notices import Action, notify, officer_recipient
from bot.permissions import require_po
from heard import audit
from heard.clock import from_london, london
from heard.db import transaction
from heard.errors import HeardError, NotAllowed, NotFound
from heard.models import Conference, ConferenceType, Officer, OutboxMessage
from heard.scheduler import Job, JobContext
from heard.workdays import add_working_days

CHECKLIST_ITEMS: dict[str, str] = {
    "parents_contacted": "Parents contacted before the conference",
    "report_shared_explained": "Report shared and explained",
    "access_needs_met": "Access needs identified and met",
    "interpreter_booked": "Interpreter needed and booked",
    "child_views_advocate": (
        "Child's views gathered and an advocate offered for a child aged 10 or over"
    ),
    "wider_family_invited": "Wider family invited",
}
# Only these can honestly be "not needed": no interpreter, or no child of an age to be asked.
NOT_NEEDED_ALLOWED = frozenset({"interpreter_booked", "child_views_advocate"})
TICK_ACTION = "checklist.tick"
BEFORE_STARTS = time(9, 0)
MORNING_STARTS = time(8, 0)
_DETAIL_LENGTH = 200


def ensure_checklists(session: Session, *, now: datetime) -> int:
    """Give every ICPC not yet held its checklist; return how many ICPCs gained items."""
    # Checking first is the normal path; the unique (conference_id, key) constraint is the
    # backstop when two processes do this at once (the later one rolls back and changes nothing).
    upcoming = (Conference.conference_type == ConferenceType.ICPC) & (
        Conference.starts_on >= london(now).date()
    )
    conference_ids = session.scalars(select(Conference.id).where(upcoming)).all()
    have = set(
        session.execute(
            select(ChecklistItem.conference_id, ChecklistItem.key)
            .join(Conference, ChecklistItem.conference_id == Conference.id)
            .where(upcoming)
        )
    )
    gained = 0
    for conference_id in conference_ids:
        missing = [key for key in CHECKLIST_ITEMS if (conference_id, key) not in have]
        session.add_all(ChecklistItem(conference_id=conference_id, key=key) for key in missing)
        gained += bool(missing)
    session.flush()
    return gained


def checklist_for(session: Session, *, conference_id: int) -> list[ChecklistItem]:
    """The conference's checklist, in the order the items are worked through."""
    if session.get(Conference, conference_id) is None:
        raise NotFound("That conference is not in the schedule.")
    items = session.scalars(
        select(ChecklistItem).where(ChecklistItem.conference_id == conference_id)
    ).all()
    return sorted(items, key=_order)


def tick_checklist_item(
    session: Session,
    *,
    conference_id: int,
    key: str,
    officer: Officer,
    now: datetime,
    detail: str = "",
    not_needed: bool = False,
) -> ChecklistItem:
    """Tick one item of an ICPC's checklist (ticking a done item again changes nothing)."""
    item = _item_to_change(session, conference_id=conference_id, key=key, officer=officer, now=now)
    if item.done_at is not None:
        return item
    detail = detail.strip()
    if not_needed and key not in NOT_NEEDED_ALLOWED:
        raise HeardError(f"“{CHECKLIST_ITEMS[key]}” cannot be marked as not needed.")
    if key == "interpreter_booked" and not not_needed and not detail:
        raise HeardError(
            "Say which language the interpreter is booked for, or that none is needed."
        )
    if len(detail) > _DETAIL_LENGTH:
        raise HeardError(f"Keep the detail to {_DETAIL_LENGTH} characters.")
    item.done_at, item.done_by_id = now, officer.id
    item.not_needed, item.detail = not_needed, detail
    _audit(session, officer, "checklist.ticked", item, now)
    return item


def untick_checklist_item(
    session: Session, *, conference_id: int, key: str, officer: Officer, now: datetime
) -> ChecklistItem:
    """Open a ticked item again (an open item stays as it is)."""
    item = _item_to_change(session, conference_id=conference_id, key=key, officer=officer, now=now)
    if item.done_at is None:
        return item
    item.done_at, item.done_by_id, item.not_needed, item.detail = None, None, False, ""
    _audit(session, officer, "checklist.unticked", item, now)
    return item


def my_checklists(
    session: Session, *, officer: Officer, now: datetime
) -> list[tuple[Conference, list[ChecklistItem]]]:
    """The ICPCs not yet held that OFFICER chairs, each with its open items (if any are open)."""
    rows = session.execute(
        select(Conference, ChecklistItem)
        .join(ChecklistItem, ChecklistItem.conference_id == Conference.id)
        .where(
            Conference.chair_id == officer.id,
            Conference.conference_type == ConferenceType.ICPC,
            Conference.starts_on >= london(now).date(),
            ChecklistItem.done_at.is_(None),
        )
        .order_by(Conference.starts_at, Conference.id)
    )
    return _grouped(rows)


def parse_tick_value(value: str) -> tuple[int, str]:
    """The conference id and item key in a tick button's value ("12:parents_contacted")."""
    conference_id, _, key = value.partition(":")
    if not conference_id.isdigit() or key not in CHECKLIST_ITEMS:
        raise HeardError("That checklist button is out of date: open the checklist again.")
    return int(conference_id), key


def remind_checklists(session: Session, *, now: datetime, reminder_days: int) -> int:
    """Remind chairs of open checklist items before and on the morning of each ICPC; count them."""
    today = london(now).date()
    # Wide enough for any run of holidays between the reminder day and the conference.
    horizon = add_working_days(today, max(reminder_days, 0)) + timedelta(days=7)
    rows = session.execute(
        select(Conference, ChecklistItem)
        .join(ChecklistItem, ChecklistItem.conference_id == Conference.id)
        .where(
            Conference.conference_type == ConferenceType.ICPC,
            Conference.starts_on.between(today, horizon),
            Conference.starts_at > now,
            Conference.chair_id.is_not(None),
            ChecklistItem.done_at.is_(None),
        )
        .order_by(Conference.starts_at, Conference.id)
    )
    sent = 0
    for conference, items in _grouped(rows):
        which = _reminder_due(conference, now=now, reminder_days=reminder_days)
        if which is not None:
            sent += _remind(session, conference, items, which=which, now=now)
    return sent


def remind_checklists_job(context: JobContext) -> None:
    """Give new ICPCs their checklists and remind chairs of open items."""
    with transaction(context.factory) as session:
        now = context.now()
        ensure_checklists(session, now=now)
        remind_checklists(session, now=now, reminder_days=context.settings.checklist_reminder_days)


def jobs() -> list[Job]:
    return [Job("checklist-reminders", 15 * 60, remind_checklists_job)]


def reminder_day(starts_on: date, reminder_days: int) -> date:
    """The working day, REMINDER_DAYS working days before the conference, of the first reminder."""
    return add_working_days(starts_on, -reminder_days)


def _reminder_due(conference: Conference, *, now: datetime, reminder_days: int) -> str | None:
    """Which reminder is due now: "morning", "before" or none."""
    morning = from_london(conference.starts_on, MORNING_STARTS)
    if now >= morning:
        return "morning"
    if reminder_days > 0:
        before = from_london(reminder_day(conference.starts_on, reminder_days), BEFORE_STARTS)
        if now >= before:
            return "before"
    return None


def _remind(
    session: Session,
    conference: Conference,
    items: list[ChecklistItem],
    *,
    which: str,
    now: datetime,
) -> int:
    key = f"checklist:{conference.id}:{conference.starts_on.isoformat()}:{which}"
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
        return 0
    assert conference.chair is not None
    notify(
        session,
        key=key,
        recipient=officer_recipient(conference.chair),
        title=f"Pre-ICPC contact checklist: {conference.case_reference}",
        text=_reminder_text(conference, items),
        now=now,
        actions=tuple(
            Action(TICK_ACTION, f"{conference.id}:{item.key}", CHECKLIST_ITEMS[item.key])
            for item in items
        ),
    )
    return 1


def _reminder_text(conference: Conference, items: list[ChecklistItem]) -> str:
    at = london(conference.starts_at)
    when = f"{at:%A} {at.day} {at:%B} at {at:%H:%M}"
    lines = [
        f"The ICPC for {conference.case_reference} is on {when} at {conference.site.name}.",
        "The pre-ICPC contact checklist still has open:",
        *(f"• {CHECKLIST_ITEMS[item.key]}" for item in items),
    ]
    return "\n".join(lines)


def _item_to_change(
    session: Session, *, conference_id: int, key: str, officer: Officer, now: datetime
) -> ChecklistItem:
    """The item, once the officer is found to be allowed to change it now."""
    require_po(officer)
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise NotFound("That conference is not in the schedule.")
    if key not in CHECKLIST_ITEMS:
        raise HeardError("That is not an item of the pre-ICPC contact checklist.")
    if conference.conference_type != ConferenceType.ICPC:
        raise HeardError("Only an ICPC has a pre-ICPC contact checklist.")
    if conference.chair_id != officer.id and officer.role != "assistant_head":
        raise NotAllowed(
            "Only the conference's chair or an assistant head can change its checklist."
        )
    if conference.starts_on < london(now).date():
        raise HeardError("That conference has been held: its checklist can no longer change.")
    item = _find_item(session, conference_id, key)
    if item is None:
        # Imported since the clock last gave ICPCs their checklists: give this one its own now.
        ensure_checklists(session, now=now)
        item = _find_item(session, conference_id, key)
    assert item is not None
    return item


def _find_item(session: Session, conference_id: int, key: str) -> ChecklistItem | None:
    return session.scalar(
        select(ChecklistItem).where(
            ChecklistItem.conference_id == conference_id, ChecklistItem.key == key
        )
    )


def _grouped(
    rows: Iterable[tuple[Conference, ChecklistItem]],
) -> list[tuple[Conference, list[ChecklistItem]]]:
    grouped: dict[Conference, list[ChecklistItem]] = defaultdict(list)
    for conference, item in rows:
        grouped[conference].append(item)
    return [(conference, sorted(items, key=_order)) for conference, items in grouped.items()]


def _order(item: ChecklistItem) -> int:
    return list(CHECKLIST_ITEMS).index(item.key)


def _audit(
    session: Session, officer: Officer, action: str, item: ChecklistItem, now: datetime
) -> None:
    audit.record(
        session,
        actor=officer.email,
        action=action,
        record_type="checklist_item",
        record_id=item.id,
        now=now,
        detail=item.key,
    )


def chaired_conferences(
    session: Session, *, officer: Officer, now: datetime, past_days: int = 28
) -> list[tuple[Conference, list[ChecklistItem]]]:
    """Conferences OFFICER chairs: those to come (soonest first), then the last PAST_DAYS' (most
    recent first), each with its checklist (empty for a review or a transfer-in)."""
    today = london(now).date()
    conferences = session.scalars(
        select(Conference).where(
            Conference.chair_id == officer.id,
            Conference.starts_on >= today - timedelta(days=past_days),
        )
    ).all()
    upcoming = sorted((c for c in conferences if c.starts_on >= today), key=_when)
    held = sorted((c for c in conferences if c.starts_on < today), key=_when, reverse=True)
    ids = [conference.id for conference in conferences]
    items: dict[int, list[ChecklistItem]] = defaultdict(list)
    for item in session.scalars(select(ChecklistItem).where(ChecklistItem.conference_id.in_(ids))):
        items[item.conference_id].append(item)
    return [(c, sorted(items[c.id], key=_order)) for c in [*upcoming, *held]]


def checklist_item(session: Session, *, conference_id: int, item_id: int) -> ChecklistItem:
    """One item of a conference's checklist; NotFound if the two do not belong together."""
    item = session.get(ChecklistItem, item_id)
    if item is None or item.conference_id != conference_id:
        raise NotFound("That checklist item is not in the schedule.")
    return item


def _when(conference: Conference) -> tuple[datetime, int]:
    return conference.starts_at, conference.id
