"""My conferences: those I chair with their pre-ICPC checklists; ticking, not needed, opening
again; a stale form or another chair's item changes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.checklist import ensure_checklists
from bot.models import ChecklistItem
from heard.models import AuditEntry
from staff.roles import Role
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, make_conference
from tests.webforms.staff.test_principal_officer import frozen, post  # noqa: F401

PAGE = "/staff/my-conferences"


def item(session, conference, key: str) -> ChecklistItem:
    session.expire_all()
    return session.scalar(
        select(ChecklistItem).where(
            ChecklistItem.conference_id == conference.id, ChecklistItem.key == key
        )
    )


def checklist_changes(session) -> list[str]:
    return list(
        session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("checklist.%")))
    )


def change(client, conference, checklist_item, **form):
    url = f"/staff/conferences/{conference.id}/checklist/{checklist_item.id}"
    return post(client, PAGE, url, form)


def test_my_conferences_are_listed_soonest_first_then_those_held_with_their_checklists(
    client, session, sign_in_as
):
    later = make_conference(session, case_reference="CP-3", on=date(2026, 11, 26))
    sooner = make_conference(session, case_reference="CP-2", on=date(2026, 11, 24))
    review = make_conference(
        session, case_reference="CP-4", conference_type="RCPC", on=date(2026, 11, 25)
    )
    held = make_conference(session, case_reference="CP-1", on=date(2026, 11, 16))
    make_conference(session, case_reference="CP-9", site=LIFFORD_HOUSE, chair=DANIEL)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = client.get(PAGE)
    assert page.status_code == 200
    order = [
        page.text.index(f"{c.conference_type} {c.case_reference}:")
        for c in (sooner, review, later, held)
    ]
    assert order == sorted(order)
    assert "CP-9" not in page.text
    # New ICPCs get their checklist when the page opens, not only when the clock next runs.
    assert "Pre-ICPC contact checklist for CP-2" in page.text
    assert "Pre-ICPC contact checklist for CP-4" not in page.text
    row = 'scope="row" class="govuk-table__header">Parents contacted before the conference<'
    assert page.text.count(row) == 2  # CP-2 and CP-3; the held ICPC was never given one


def test_ticking_an_item_records_who_and_when(client, session, sign_in_as):
    conference = make_conference(session)
    ensure_checklists(session, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    target = item(session, conference, "parents_contacted")
    done = change(client, conference, target, action="tick", state="open")
    assert done.status_code == 302 and done.location.endswith(f"#conference-{conference.id}")
    ticked = item(session, conference, "parents_contacted")
    assert ticked.done_at == NOW and ticked.done_by_id == conference.chair_id
    assert "is marked done" in client.get(PAGE).text
    assert change(client, conference, ticked, action="untick", state="done").status_code == 302
    assert item(session, conference, "parents_contacted").done_at is None
    assert checklist_changes(session) == ["checklist.ticked", "checklist.unticked"]


def test_an_interpreter_needs_a_language_unless_marked_not_needed(client, session, sign_in_as):
    conference = make_conference(session)
    ensure_checklists(session, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    target = item(session, conference, "interpreter_booked")
    refused = change(client, conference, target, action="tick", state="open")
    assert refused.status_code == 400 and "Say which language" in refused.text
    assert item(session, conference, "interpreter_booked").done_at is None
    change(client, conference, target, action="tick", state="open", detail="Punjabi")
    assert item(session, conference, "interpreter_booked").detail == "Punjabi"
    other = item(session, conference, "child_views_advocate")
    change(client, conference, other, action="not_needed", state="open")
    assert item(session, conference, "child_views_advocate").not_needed is True


def test_an_item_that_must_be_done_cannot_be_marked_not_needed(client, session, sign_in_as):
    conference = make_conference(session)
    ensure_checklists(session, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    target = item(session, conference, "parents_contacted")
    refused = change(client, conference, target, action="not_needed", state="open")
    assert refused.status_code == 400 and "cannot be marked as not needed" in refused.text
    assert item(session, conference, "parents_contacted").done_at is None
    bad = change(client, conference, target, action="delete", state="open")
    assert bad.status_code == 400 and "Choose what to do with this item" in bad.text
    assert checklist_changes(session) == []


def test_a_stale_form_says_the_item_changed_and_changes_nothing(client, session, sign_in_as):
    conference = make_conference(session)
    ensure_checklists(session, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    target = item(session, conference, "wider_family_invited")
    assert change(client, conference, target, action="tick", state="open").status_code == 302
    stale = change(client, conference, target, action="tick", state="open")
    assert stale.status_code == 409
    assert "was changed since you loaded the page: it is now done" in stale.text
    assert checklist_changes(session) == ["checklist.ticked"]


def test_another_chairs_item_or_a_mismatched_id_is_not_found(client, session, sign_in_as):
    mine = make_conference(session)
    theirs = make_conference(session, case_reference="CP-9", site=LIFFORD_HOUSE, chair=DANIEL)
    ensure_checklists(session, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    their_item = item(session, theirs, "parents_contacted")
    assert change(client, theirs, their_item, action="tick", state="open").status_code == 404
    assert change(client, mine, their_item, action="tick", state="open").status_code == 404
    assert item(session, theirs, "parents_contacted").done_at is None
    assert checklist_changes(session) == []
