"""`heard report annual`: the head of service runs one command in June and gets the report."""

from __future__ import annotations

from datetime import date

import click
import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy import select

from heard.cli import common
from heard.cli.report import register
from heard.models import AuditEntry
from tests.factories import NOW, make_conference


@click.group()
def cli() -> None:
    """The report commands alone, as the `heard` command registers them."""


register(cli)


@pytest.fixture
def heard(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HEARD_AUTHORITY_NAME", "Birmingham Children's Trust")
    common.reset()
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, ["report", *args])

    with time_machine.travel(NOW, tick=False):
        yield run
    common.reset()


@pytest.mark.parametrize("year", ["2025-27", "2025", "twenty-five", "2025-26-27", ""])
def test_a_bad_year_is_refused_with_exit_code_2_and_nothing_written(heard, tmp_path, year):
    out = tmp_path / "out"
    result = heard("annual", "--year", year, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "--year" in result.output and "financial year" in result.output
    assert not out.exists()


def test_an_out_path_that_is_a_file_is_refused_and_left_alone(heard, tmp_path):
    out = tmp_path / "notes.txt"
    out.write_text("mine", encoding="utf-8")
    result = heard("annual", "--year", "2025-26", "--out", str(out))
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    assert out.read_text(encoding="utf-8") == "mine"


def test_an_out_folder_in_a_missing_folder_is_refused(heard, tmp_path):
    out = tmp_path / "missing" / "report"
    result = heard("annual", "--year", "2025-26", "--out", str(out))
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not (tmp_path / "missing").exists()


def test_the_report_is_written_in_every_format_and_the_run_is_audited(heard, session, tmp_path):
    for number, day in enumerate((date(2025, 4, 1), date(2025, 9, 10), date(2026, 3, 31))):
        make_conference(session, case_reference=f"CP-{number}", on=day)
    make_conference(session, case_reference="CP-next", on=date(2026, 4, 1))
    session.commit()
    out = tmp_path / "annual"
    result = heard("annual", "--year", "2025-26", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Wrote the 2025-26 annual report to {out}" in result.output
    assert {p.name for p in out.iterdir()} == {"report.html", "report.pdf", "report.docx", "csv"}
    csvs = {p.name for p in (out / "csv").iterdir()}
    assert "conferences_by_type.csv" in csvs and f"and {len(csvs)} CSV files" in result.output
    by_type = (out / "csv" / "conferences_by_type.csv").read_text(encoding="utf-8-sig")
    assert by_type.splitlines()[-1] == "Total,fewer than 5,0,0,fewer than 5"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Birmingham Children&#39;s Trust" in html
    session.expire_all()
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "report.annual"))
    assert (
        entry is not None and entry.record_id == "2025-26" and entry.record_type == "annual_report"
    )
