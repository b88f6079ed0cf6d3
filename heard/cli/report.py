"""`heard report annual --year 2025-26 --out DIR`: the data sections of the annual report."""

from __future__ import annotations

import getpass
from pathlib import Path

import click
from tqdm import tqdm

from analysis.periods import FinancialYear
from heard import audit
from heard.cli.common import settings, unit_of_work
from heard.clock import utcnow
from heard.errors import HeardError


@click.group("report")
def group() -> None:
    """Reports for managers."""


def _year(text: str) -> FinancialYear:
    try:
        return FinancialYear.parse(text)
    except HeardError as problem:
        raise click.BadParameter(str(problem), param_hint="--year") from None


def _directory(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise click.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
    if not out.parent.is_dir():
        raise click.BadParameter(f"{out.parent} does not exist", param_hint="--out")
    return out


def _actor() -> str:
    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):  # no user name in some containers
        return "command line"


@group.command("annual")
@click.option("--year", "year_text", required=True, help="The financial year, e.g. 2025-26.")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="The folder to write into (made if missing; files of the same name are replaced).",
)
def annual(year_text: str, out: Path) -> None:
    """Write the year's annual report data as report.html, report.pdf, report.docx and CSV.

    The year runs from 1 April to 31 March (London time). Counts under 5 are not shown."""
    year, directory = _year(year_text), _directory(out)
    # Imported here: matplotlib and the document libraries are slow to load for other commands.
    from analysis.report import BUILD_STEPS, build_annual_report, write_all, write_steps
    from analysis.report_csv import DIRECTORY

    now = utcnow()
    with tqdm(total=len(BUILD_STEPS), unit="step", desc="Annual report", leave=False) as bar:

        def step(name: str) -> None:
            bar.set_postfix_str(name, refresh=False)
            bar.update()

        with unit_of_work() as session:
            report = build_annual_report(
                session, year, progress=step, authority=settings().authority_name, now=now
            )
            audit.record(
                session,
                actor=_actor(),
                action="report.annual",
                record_type="annual_report",
                record_id=str(year),
                now=now,
            )
        # Nothing is written until every figure is in hand, so a failure leaves no half report.
        bar.total += len(write_steps(report))
        bar.refresh()
        directory.mkdir(exist_ok=True)
        paths = write_all(report, directory, progress=step)
    tables = len(paths) - 3
    click.echo(
        f"Wrote the {year} annual report to {directory}: report.html, report.pdf, report.docx, "
        f"and {tables} CSV files in {directory / DIRECTORY}."
    )


def register(cli: click.Group) -> None:
    cli.add_command(group)
