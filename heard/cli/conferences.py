"""`heard conferences import FILE.csv`: load the conference schedule, all of it or none."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot.checklist import ensure_checklists
from heard.cli.common import settings, unit_of_work
from heard.clock import utcnow
from surveys.schedule import ImportReport, ScheduleRejected, import_schedule, read_csv


@click.group("conferences")
def group() -> None:
    """The conference schedule."""


@group.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(csv_file: Path) -> None:
    """Import the conference schedule exported from the case system (see README for columns)."""
    try:
        rows = read_csv(csv_file.read_bytes())
        with unit_of_work() as session:
            report = _import(session, rows)
    except ScheduleRejected as rejected:
        _report_errors(csv_file, rejected)
    except click.ClickException as refusal:
        if isinstance(refusal.__context__, ScheduleRejected):
            _report_errors(csv_file, refusal.__context__)
        raise
    click.echo(
        f"Imported {csv_file.name}: {report.conferences_created} conferences added, "
        f"{report.conferences_updated} updated; {report.invitations_added} invitations added, "
        f"{report.invitations_withdrawn} withdrawn."
    )


def _import(session: Session, rows: list[dict[str, str]]) -> ImportReport:
    with tqdm(
        total=len(rows), unit="line", desc="Checking", disable=len(rows) < 500, leave=False
    ) as bar:
        report = import_schedule(
            session,
            rows=rows,
            now=utcnow(),
            expiry_days=settings().token_expiry_days,
            progress=bar.update,
        )
    ensure_checklists(session, now=utcnow())
    return report


def _report_errors(csv_file: Path, rejected: ScheduleRejected) -> None:
    for error in rejected.errors:
        click.echo(f"{csv_file.name}: {error}", err=True)
    raise click.ClickException(str(rejected)) from None


def register(cli: click.Group) -> None:
    cli.add_command(group)
