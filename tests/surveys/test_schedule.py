from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from heard.models import Conference
from surveys.models import Invitation
from surveys.schedule import ScheduleRejected, import_schedule, read_csv
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, make_officer, make_site

HEADER = "case_reference,conference_type,date,time,site,chair_email,strategy_discussion_date,invitee_role,agency,language\n"
GOOD = (
    "CP-1,ICPC,2026-11-26,10:00,One Avenue Road,amira.hussain@example.org,2026-11-12,parent,,ur\n"
    "CP-1,ICPC,2026-11-26,10:00,One Avenue Road,amira.hussain@example.org,2026-11-12,professional,school,en\n"
    "CP-2,RCPC,27/11/2026,14:30,Lifford House,daniel.okafor@example.org,,child,,en\n"
)


@pytest.fixture(autouse=True)
def cast(session):
    make_officer(session, AMIRA)
    make_officer(session, DANIEL, site=LIFFORD_HOUSE)
    make_site(session, LIFFORD_HOUSE)
    session.commit()


def run_import(session, text: str):
    report = import_schedule(session, rows=read_csv(text.encode()), now=NOW, expiry_days=28)
    session.commit()
    return report


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_it_imports_conferences_and_their_invitees(session):
    report = run_import(session, HEADER + GOOD)
    assert (report.conferences_created, report.invitations_added) == (2, 3)
    rcpc = session.scalar(select(Conference).where(Conference.case_reference == "CP-2"))
    assert rcpc.conference_type == "RCPC"
    # 14:30 in London in November is 14:30 UTC (no BST).
    assert rcpc.starts_at == datetime(2026, 11, 27, 14, 30, tzinfo=UTC)
    assert rcpc.site.name == "Lifford House" and rcpc.chair.email == DANIEL


def test_a_summer_conference_time_is_stored_in_utc(session):
    run_import(session, HEADER + "CP-9,RCPC,2026-07-01,10:00,One Avenue Road,,,parent,,en\n")
    conference = session.scalar(select(Conference))
    assert conference.starts_at == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def test_reimporting_the_same_schedule_updates_and_never_duplicates(session):
    run_import(session, HEADER + GOOD)
    report = run_import(session, HEADER + GOOD.replace("10:00", "11:00"))
    assert (report.conferences_created, report.conferences_updated, report.invitations_added) == (
        0,
        2,
        0,
    )
    assert count(session, Conference) == 2 and count(session, Invitation) == 3


def test_an_invitee_dropped_from_the_schedule_is_withdrawn(session):
    run_import(session, HEADER + GOOD)
    report = run_import(
        session, HEADER + GOOD.splitlines(keepends=True)[0] + GOOD.splitlines(keepends=True)[2]
    )
    assert report.invitations_withdrawn == 1


def test_a_file_with_bad_lines_imports_nothing_and_names_every_bad_line(session):
    bad = (
        GOOD
        + "CP-3,ICPC,2026-11-31,10:00,Nowhere,,,parent,,ur\n"
        + "CP-4,case conference,2026-11-27,25:00,One Avenue Road,someone@example.org,,auntie,,klingon\n"
        + "CP-5,RCPC,2026-11-27,10:00,One Avenue Road,,,professional,,en\n"
    )
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(session, HEADER + bad)
    found = {(e.line, e.column) for e in rejected.value.errors}
    assert {(5, "date"), (5, "site"), (5, "strategy_discussion_date")} - found == {
        (5, "strategy_discussion_date")
    }
    assert {
        (6, "conference_type"),
        (6, "time"),
        (6, "chair_email"),
        (6, "invitee_role"),
        (6, "language"),
    } <= found
    assert (7, "agency") in found
    session.rollback()
    assert count(session, Conference) == 0 and count(session, Invitation) == 0


def test_an_icpc_needs_its_strategy_discussion_date(session):
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(session, HEADER + "CP-1,ICPC,2026-11-26,10:00,One Avenue Road,,,parent,,en\n")
    assert [(e.line, e.column) for e in rejected.value.errors] == [(2, "strategy_discussion_date")]


def test_a_column_of_names_is_refused(session):
    with pytest.raises(ScheduleRejected) as rejected:
        read_csv((HEADER.strip() + ",child_name\n" + GOOD.splitlines()[0] + ",Sam\n").encode())
    assert rejected.value.errors[0].column == "child_name"
    assert "names" in rejected.value.errors[0].message


def test_a_missing_column_and_a_non_utf8_file_are_refused(session):
    with pytest.raises(ScheduleRejected) as missing:
        read_csv(b"case_reference,date\nCP-1,2026-11-26\n")
    assert {e.column for e in missing.value.errors} >= {
        "conference_type",
        "time",
        "site",
        "invitee_role",
    }
    with pytest.raises(ScheduleRejected) as binary:
        read_csv(HEADER.encode() + "CP-1,ICPC,\xe9".encode("latin-1"))
    assert "UTF-8" in binary.value.errors[0].message


def test_rows_that_disagree_about_one_conference_are_refused(session):
    text = (
        HEADER
        + GOOD.splitlines(keepends=True)[0]
        + GOOD.splitlines(keepends=True)[1].replace("10:00", "11:00")
    )
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(session, text)
    assert rejected.value.errors[0].line == 3


def test_a_case_reference_that_looks_like_a_name_is_refused(session):
    with pytest.raises(ScheduleRejected) as rejected:
        run_import(
            session, HEADER + "Smith family,RCPC,2026-11-26,10:00,One Avenue Road,,,parent,,en\n"
        )
    assert rejected.value.errors[0].column == "case_reference"
