"""The audit log page: an admin sees who read which response and when; filters, pages, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from heard import audit
from heard.models import AuditEntry
from staff import audit_log
from staff.roles import Role

AMIRA = "amira.hussain@example.org"
DANIEL = "daniel.okafor@example.org"


def _seed(sessions) -> None:
    with sessions() as session:
        # 23:30 UTC on 31 October is 23:30 GMT: still 31 October in London.
        audit.record(
            session,
            actor=AMIRA,
            action="read",
            record_type="response",
            record_id=41,
            now=datetime(2026, 10, 31, 23, 30, tzinfo=UTC),
        )
        # 23:30 UTC on 31 May is 00:30 BST on 1 June in London.
        audit.record(
            session,
            actor=DANIEL,
            action="read",
            record_type="contact_request",
            record_id=7,
            now=datetime(2026, 5, 31, 23, 30, tzinfo=UTC),
        )
        audit.record(
            session,
            actor=DANIEL,
            action="contact_made",
            record_type="contact_request",
            record_id=7,
            now=datetime(2026, 6, 2, 9, 0, tzinfo=UTC),
            detail="=HYPERLINK(evil)",
        )
        session.commit()


def test_an_admin_sees_who_read_which_response_and_when(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    _seed(sessions)

    page = client.get("/staff/admin/audit?actor=amira&action=read&record_type=response")

    assert page.status_code == 200
    assert "31 Oct 2026 23:30:00" in page.text
    assert AMIRA in page.text and "response 41" in page.text
    assert "contact_request 7" not in page.text


def test_dates_are_london_days(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    _seed(sessions)

    june = client.get("/staff/admin/audit?from=2026-06-01&to=2026-06-01")
    may = client.get("/staff/admin/audit?from=2026-05-31&to=2026-05-31")

    assert "contact_request 7" in june.text and "1 Jun 2026 00:30:00" in june.text
    assert "contact_made" not in june.text.split("<tbody")[1]
    assert "No entries match." in may.text


def test_bad_filters_are_named_and_show_nothing_wrong(client, sign_in_as):
    sign_in_as(Role.ADMIN)
    page = client.get("/staff/admin/audit?from=2026-13-01&to=yesterday")
    assert page.status_code == 400
    assert "Enter a real date, like 2026-11-23" in page.text
    assert "<title>Error: Audit log" in page.text
    backwards = client.get("/staff/admin/audit?from=2026-11-02&to=2026-11-01")
    assert backwards.status_code == 400
    assert "The end date must be the same as or after the start date" in backwards.text
    assert client.get("/staff/admin/audit?page=0").status_code == 400
    assert client.get("/staff/admin/audit.csv?from=junk").status_code == 400


def test_the_log_is_paged_newest_first(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with sessions() as session:
        for n in range(audit_log.PAGE_SIZE + 3):
            audit.record(
                session,
                actor=AMIRA,
                action="read",
                record_type="response",
                record_id=1000 + n,
                now=start + timedelta(minutes=n),
            )
        session.commit()

    first = client.get("/staff/admin/audit?record_type=response")
    second = client.get("/staff/admin/audit?record_type=response&page=2")
    beyond = client.get("/staff/admin/audit?record_type=response&page=99")

    last = 1000 + audit_log.PAGE_SIZE + 2
    assert f"response {last}" in first.text and "response 1000<" not in first.text
    assert "page 1 of 2" in first.text
    assert "record_type=response&amp;page=2" in first.text
    assert "response 1000<" in second.text and f"response {last}<" not in second.text
    assert "page 2 of 2" in beyond.text  # a page past the end shows the last one


def test_the_csv_has_the_same_filters_and_the_export_is_audited(client, sign_in_as, sessions):
    admin = sign_in_as(Role.ADMIN)
    _seed(sessions)

    download = client.get("/staff/admin/audit.csv?actor=daniel")

    assert download.status_code == 200
    assert download.mimetype == "text/csv"
    assert "attachment" in download.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0] == list(("When (London)", "Who", "Action", "Record type", "Record", "Detail"))
    assert [r[2] for r in rows[1:]] == ["read", "contact_made"]
    assert rows[1][0] == "2026-06-01T00:30:00+01:00"
    assert rows[2][5] == "'=HYPERLINK(evil)"  # a spreadsheet will not run it
    with sessions() as session:
        export = session.scalar(select(AuditEntry).where(AuditEntry.action == "audit log exported"))
        assert export is not None and export.actor == admin.email
        assert export.detail == "actor=daniel"
