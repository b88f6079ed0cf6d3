"""The `heard` command end to end, against a real database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy import func, select

from heard.cli import cli, common
from heard.models import AuditEntry, Conference
from surveys.models import ContactRequest
from tests.factories import NOW

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "conference_schedule.csv"


@pytest.fixture
def heard(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HEARD_BASE_URL", "https://heard.test")
    monkeypatch.setenv("HEARD_MAIL_ADAPTER", "memory")
    common.reset()
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result

    with time_machine.travel(NOW, tick=False):
        yield run
    common.reset()


def setup_staff(heard) -> None:
    heard("sites", "add", "One Avenue Road")
    heard("sites", "add", "Lifford House")
    for email, site in [
        ("amira.hussain@example.org", "One Avenue Road"),
        ("daniel.okafor@example.org", "Lifford House"),
        ("grace.bennett@example.org", "Lifford House"),
        ("tom.walsh@example.org", "One Avenue Road"),
    ]:
        heard("officers", "add", "--email", email, "--name", email.split("@")[0], "--site", site)


def test_business_support_imports_the_example_schedule_twice_without_duplicates(heard, sessions):
    setup_staff(heard)
    first = heard("conferences", "import", str(EXAMPLE))
    assert "3 conferences added" in first.output
    again = heard("conferences", "import", str(EXAMPLE))
    assert "0 conferences added, 3 updated" in again.output
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Conference)) == 3


def test_a_bad_schedule_reports_every_bad_line_and_imports_nothing(heard, sessions, tmp_path):
    setup_staff(heard)
    bad = tmp_path / "bad.csv"
    lines = EXAMPLE.read_text().splitlines()
    lines[2] = lines[2].replace("ICPC", "ICCP")
    lines[4] = lines[4].replace("One Avenue Road", "Atlantis")
    bad.write_text("\n".join(lines) + "\n")
    result = heard("conferences", "import", str(bad), ok=False)
    said = result.output + result.stderr
    assert "bad.csv: line 3, column conference_type" in said
    assert "bad.csv: line 5, column site" in said and "nothing was imported" in said
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Conference)) == 0


def test_issue_prints_one_url_on_one_line(heard):
    setup_staff(heard)
    heard("conferences", "import", str(EXAMPLE))
    result = heard(
        "invitations",
        "issue",
        "--conference",
        "CP-2611-0001",
        "--role",
        "parent",
        "--language",
        "ur",
    )
    assert re.fullmatch(r"https://heard\.test/f/[0-9A-Z]{26}\n", result.output)


def test_issue_refuses_an_unknown_case_clearly(heard):
    setup_staff(heard)
    result = heard("invitations", "issue", "--conference", "CP-404", "--role", "parent", ok=False)
    assert "No conference with case reference 'CP-404'" in result.output


def test_print_writes_one_page_per_invitee_of_the_day(heard, tmp_path):
    setup_staff(heard)
    heard("conferences", "import", str(EXAMPLE))
    out = tmp_path / "pack.pdf"
    result = heard("invitations", "print", "--date", "2026-11-23", "--out", str(out))
    assert "Wrote 10 invitation pages" in result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_screen_prints_one_json_object_per_line(heard, tmp_path):
    texts = tmp_path / "texts.csv"
    texts.write_text("id,text,language\n1,The chair was kind,en\n2,my stepdad hits me,en\n")
    lines = heard("screen", str(texts)).output.splitlines()
    results = [json.loads(line) for line in lines]
    assert [(r["id"], r["disclosure"]) for r in results] == [("1", False), ("2", True)]
    assert results[1]["reasons"]


def test_screen_refuses_a_file_without_the_columns(heard, tmp_path):
    texts = tmp_path / "texts.csv"
    texts.write_text("comment\nhello\n")
    assert "id,text" in heard("screen", str(texts), ok=False).output


def test_a_po_reads_an_alert_phones_the_parent_and_the_details_are_deleted(heard, sessions):
    from surveys import responses
    from surveys.contact import ContactCipher
    from tests.factories import make_invitation
    from tests.surveys.test_responses import ROUTING, answer_everything

    with sessions() as session:
        issued = make_invitation(session)
        response = responses.start_or_resume(session, invitation=issued.invitation, now=NOW)
        answer_everything(session, response, "I am scared of my partner")
        cipher = ContactCipher.from_settings("", "embedded-mode-not-secret")
        responses.record_contact_choice(
            session,
            response=response,
            wants_contact=True,
            method="phone",
            details="07700 900982",
            cipher=cipher,
            now=NOW,
        )
        responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
        session.commit()
    listed = heard("alerts", "list").output
    alert_id = listed.split("\t")[0]
    shown = heard("alerts", "show", alert_id, "--by", "amira.hussain@example.org").output
    assert "scared of my partner" in shown and "07700 900982" in shown
    heard("alerts", "contacted", alert_id, "--by", "amira.hussain@example.org")
    assert heard("alerts", "list").output == ""
    with sessions() as session:
        assert session.scalar(select(ContactRequest)).details_encrypted is None
        actions = [
            (a.action, a.record_type)
            for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert actions == [
        ("read", "response"),
        ("read", "contact_request"),
        ("contact_made", "contact_request"),
    ]
