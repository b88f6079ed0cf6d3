"""`heard rota`: business support keep the duty rota from a terminal."""

from __future__ import annotations

from datetime import UTC, datetime

import click
import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy import func, select

from bot.models import OfficerLeave, RotaOverride, Rotation
from heard.cli import common
from heard.cli.rota import register
from tests.bot.helpers_rota import CHLOE, COVER, KEEPER, rota_cast
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, ONE_AVENUE_ROAD


@click.group()
def cli() -> None:
    """The rota commands alone, as the `heard` command registers them."""


register(cli)


@pytest.fixture
def heard(monkeypatch, database_url, session):
    """Run `heard rota ...` against the test database, with the cast already in it."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    common.reset()
    rota_cast(session)
    session.commit()
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, ["rota", *args])

    yield run
    common.sessions().kw["bind"].dispose()
    common.reset()


def counts(session) -> list[int]:
    session.expire_all()
    models = (Rotation, RotaOverride, OfficerLeave)
    return [session.scalar(select(func.count()).select_from(model)) for model in models]


def at(*args: int):
    return time_machine.travel(datetime(*args, tzinfo=UTC), tick=False)


def test_set_saves_a_sites_rotation_from_a_monday(heard, session):
    result = heard(
        "set", "--site", LIFFORD_HOUSE, "--officers", f"{CHLOE}, {DANIEL}", "--from", "2026-11-23"
    )
    assert result.exit_code == 0, result.output
    assert (
        "Rotation for Lifford House saved: 2 POs in turn from Monday 23 November 2026"
        in result.output
    )
    with at(2026, 11, 23, 10):
        shown = heard("show")
    assert "Mon 23 Nov\tLifford House\tChloe Evans" in shown.output


def test_set_refuses_a_date_that_is_not_a_monday_and_changes_nothing(heard, session):
    before = counts(session)
    result = heard("set", "--site", LIFFORD_HOUSE, "--officers", CHLOE, "--from", "2026-11-25")
    assert result.exit_code == 1
    assert "Wednesday 25 November 2026 is not a Monday" in result.output
    assert counts(session) == before
    with at(2026, 11, 23, 10):
        assert "Lifford House\tDaniel Okafor" in heard("show").output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--site", "Nowhere House", "--officers", AMIRA], "Unknown site 'Nowhere House'"),
        (["--site", ONE_AVENUE_ROAD, "--officers", "who@example.org"], "Unknown officer"),
    ],
)
def test_set_refuses_an_unknown_site_or_officer(heard, session, args, says):
    before = counts(session)
    result = heard("set", *args, "--from", "2026-11-23")
    assert result.exit_code == 1
    assert says in result.output
    assert counts(session) == before


def test_override_puts_a_cover_on_duty_and_show_marks_it(heard):
    result = heard(
        "override", "--site", LIFFORD_HOUSE, "--from", "2026-11-24", "--to", "2026-11-25",
        "--absent", DANIEL, "--cover", COVER, "--reason", "sickness", "--by", KEEPER,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Lifford House: priya.shah@example.org on duty" in result.output
    shown = heard("show", "--week", "2026-11-25")
    assert "Tue 24 Nov\tLifford House\tPriya Shah, covering (sickness)" in shown.output
    assert "Thu 26 Nov\tLifford House\tDaniel Okafor" in shown.output


def test_override_refuses_dates_the_wrong_way_round(heard, session):
    before = counts(session)
    result = heard(
        "override", "--site", LIFFORD_HOUSE, "--from", "2026-11-25", "--to", "2026-11-24",
        "--cover", COVER, "--reason", "swap", "--by", KEEPER,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "is before the first" in result.output
    assert counts(session) == before


def test_override_refuses_an_unknown_reason(heard):
    result = heard(
        "override", "--site", LIFFORD_HOUSE, "--from", "2026-11-24", "--to", "2026-11-24",
        "--reason", "holiday", "--by", KEEPER,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "'holiday' is not one of" in result.output


def test_leave_makes_a_gap_that_show_and_gaps_report(heard):
    result = heard("leave", "--officer", AMIRA, "--from", "2026-11-26", "--to", "2026-11-27")
    assert result.exit_code == 0, result.output
    shown = heard("show", "--week", "2026-11-23")
    assert "Thu 26 Nov\tOne Avenue Road\tGAP: nobody on duty (leave)" in shown.output
    with at(2026, 11, 23, 9, 30):
        gaps = heard("gaps", "--days", "5")
    assert gaps.output.splitlines() == [
        "Thu 26 Nov 2026\tOne Avenue Road\tleave",
        "Fri 27 Nov 2026\tOne Avenue Road\tleave",
    ]


def test_leave_for_an_unknown_officer_is_refused(heard, session):
    before = counts(session)
    result = heard(
        "leave", "--officer", "who@example.org", "--from", "2026-11-26", "--to", "2026-11-27"
    )
    assert result.exit_code == 1
    assert "Unknown officer 'who@example.org'" in result.output
    assert counts(session) == before


def test_show_marks_a_bank_holiday_monday_and_the_week_runs_on_from_tuesday(heard):
    shown = heard("show", "--week", "2026-04-08")
    lines = shown.output.splitlines()
    assert lines[:4] == [
        "Week of Monday 6 April 2026",
        "Mon 06 Apr\tbank holiday\tEaster Monday",
        "Tue 07 Apr\tLifford House\tChloe Evans",
        "Tue 07 Apr\tOne Avenue Road\tBen Clarke",
    ]
    assert not any("Mon 06 Apr\tOne Avenue Road" in line for line in lines)


def test_show_christmas_week_marks_christmas_day(heard):
    lines = heard("show", "--week", "2026-12-21").output.splitlines()
    assert "Fri 25 Dec\tbank holiday\tChristmas Day" in lines
    assert "Thu 24 Dec\tOne Avenue Road\tAmira Hussain" in lines


def test_gaps_says_so_when_there_are_none(heard):
    with at(2026, 11, 23, 9, 30):
        result = heard("gaps")
    assert result.output.strip() == "No gaps in the next 14 working days."


def test_the_command_names_the_rota_week_for_this_week_in_london(heard):
    # 23:30 UTC on Sunday 29 March 2026 is already Monday 30 March in London (BST).
    with at(2026, 3, 29, 23, 30):
        result = heard("show")
    assert result.output.splitlines()[0] == "Week of Monday 30 March 2026"
