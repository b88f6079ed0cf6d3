"""The schedule's optional columns: outcomes, categories, children, re-arrangements, family roles
and attendance, filled in after the conference and imported again."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from heard.models import Conference
from surveys.models import Invitation
from surveys.schedule import ScheduleRejected, import_schedule, read_csv
from tests.factories import AMIRA, NOW, make_officer

BASE = "case_reference,conference_type,date,time,site,chair_email,strategy_discussion_date,invitee_role,agency,language"
EXTRA = "outcome,category_of_abuse,children,original_date,rearranged_reason,family_role,attendance"
HEADER = f"{BASE},{EXTRA}\n"
PLAIN = (
    f"{BASE}\n"
    "CP-1,ICPC,2026-11-20,10:00,One Avenue Road,,2026-11-02,parent,,en\n"
    "CP-1,ICPC,2026-11-20,10:00,One Avenue Road,,2026-11-02,parent,,en\n"
    "CP-1,ICPC,2026-11-20,10:00,One Avenue Road,,2026-11-02,child,,en\n"
    "CP-1,ICPC,2026-11-20,10:00,One Avenue Road,,2026-11-02,professional,school,en\n"
)
ICPC = "CP-1,ICPC,2026-11-20,10:00,One Avenue Road,,2026-11-02"
FILLED = HEADER + (
    f"{ICPC},parent,,en,No plan,,,,,father,did not attend\n"
    f"{ICPC},parent,,en,No plan,,,,,mother,In person\n"
    f"{ICPC},child,,en,No plan,,,,,,written contribution only\n"
    f"{ICPC},professional,school,en,No plan,,,,,,virtual\n"
)


@pytest.fixture(autouse=True)
def cast(session):
    make_officer(session, AMIRA)
    session.commit()


def run_import(session, text: str):
    report = import_schedule(session, rows=read_csv(text.encode()), now=NOW, expiry_days=28)
    session.commit()
    return report


def invitations(session):
    return session.scalars(select(Invitation).order_by(Invitation.id)).all()


def test_outcomes_and_attendance_fill_in_the_conference_already_imported(session):
    run_import(session, PLAIN)
    before = [i.id for i in invitations(session)]
    report = run_import(session, FILLED)
    assert (report.conferences_created, report.conferences_updated) == (0, 1)
    assert (report.invitations_added, report.invitations_withdrawn) == (0, 0)
    conference = session.scalar(select(Conference))
    assert conference.outcome == "no_plan"
    found = [(i.id, i.respondent_type, i.family_role, i.attendance) for i in invitations(session)]
    # The same invitations (their printed tokens still work), now with who and how.
    assert found == [
        (before[0], "parent", "father", "did_not_attend"),
        (before[1], "parent", "mother", "in_person"),
        (before[2], "child", "child", "written_only"),
        (before[3], "professional", None, "virtual"),
    ]


def test_an_old_file_without_the_new_columns_changes_nothing_recorded(session):
    run_import(session, FILLED)
    run_import(session, PLAIN)
    assert session.scalar(select(Conference)).outcome == "no_plan"
    assert [i.attendance for i in invitations(session)] == [
        "did_not_attend",
        "in_person",
        "written_only",
        "virtual",
    ]
    assert [i.family_role for i in invitations(session)][:2] == ["father", "mother"]


def test_a_plan_with_its_category_and_children(session):
    run_import(
        session,
        HEADER + f"{ICPC},parent,,en,plan,Emotional abuse,3,,,mother,virtual\n",
    )
    conference = session.scalar(select(Conference))
    assert (conference.outcome, conference.category_of_abuse, conference.children) == (
        "plan",
        "emotional_abuse",
        3,
    )


def test_a_rearranged_conference_is_moved_not_duplicated(session):
    run_import(session, PLAIN)
    ids = [i.id for i in invitations(session)]
    moved = PLAIN.replace("2026-11-20", "2026-11-27").replace(
        BASE, f"{BASE},original_date,rearranged_reason"
    )
    moved = moved.replace(",en\n", ",en,2026-11-20,Not quorate\n")
    report = run_import(session, moved)
    assert (report.conferences_created, report.conferences_updated) == (0, 1)
    assert session.scalar(select(func.count()).select_from(Conference)) == 1
    conference = session.scalar(select(Conference))
    assert (conference.starts_on, conference.rearranged_from, conference.rearranged_reason) == (
        date(2026, 11, 27),
        date(2026, 11, 20),
        "not_quorate",
    )
    assert [i.id for i in invitations(session) if not i.withdrawn] == ids


def test_bad_values_are_each_reported_and_nothing_is_imported(session):
    rcpc = "CP-2,RCPC,2026-11-20,10:00,One Avenue Road,,"
    bad = HEADER + (
        f"{ICPC},parent,,en,plan continued,,,,,mother,\n"  # 2: an RCPC's outcome on an ICPC
        f"{rcpc},parent,,en,,neglect,,,,mother,\n"  # 3: a category without a plan
        f"{rcpc},parent,,en,,,0,,,mother,\n"  # 4: no children
        f"{rcpc},professional,police,en,,,,,,mother,\n"  # 5: a professional's family role
        f"{rcpc},parent,,en,,,,,,grandmother,\n"  # 6: not a family role
        f"{rcpc},parent,,en,,,,,,mother,maybe\n"  # 7: not a way of attending
        f"{rcpc},parent,,en,,,,2026-11-20,,mother,\n"  # 8: re-arranged from its own date
        f"{rcpc},parent,,en,,,,,parent unwell,mother,\n"  # 9: a reason without a date
        f"{rcpc},parent,,en,,,,2026-11-13,the weather,mother,\n"  # 10: not a reason
        "CP-3,RCPC,2026-12-01,10:00,One Avenue Road,,,parent,,en,plan ended,,,,,mother,\n"  # 11
        "CP-3,RCPC,2026-12-01,10:00,One Avenue Road,,,child,,en,,,,,,,virtual\n"  # 12
    )
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(session, bad)
    found = [(e.line, e.column) for e in rejected.value.errors]
    assert found == [
        (2, "outcome"),
        (3, "category_of_abuse"),
        (4, "children"),
        (5, "family_role"),
        (6, "family_role"),
        (7, "attendance"),
        (8, "original_date"),
        (9, "rearranged_reason"),
        (10, "rearranged_reason"),
        (11, "outcome"),
        (12, "attendance"),
    ]
    messages = {(e.line, e.column): e.message for e in rejected.value.errors}
    assert "child protection plan, no plan" in messages[(2, "outcome")]
    assert "mother, father, carer" in messages[(6, "family_role")]
    assert "not happened yet" in messages[(11, "outcome")]
    assert session.scalar(select(func.count()).select_from(Conference)) == 0


def test_lines_that_disagree_about_an_outcome_are_refused(session):
    text = HEADER + (
        f"{ICPC},parent,,en,plan,neglect,,,,mother,\n{ICPC},parent,,en,no plan,,,,,father,\n"
    )
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(session, text)
    assert [(e.line, e.column) for e in rejected.value.errors] == [(3, "")]
    assert "outcome" in rejected.value.errors[0].message
