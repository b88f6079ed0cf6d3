"""`heard invitations issue|print|poster`: invitation links and printable QR sheets."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click
from tqdm import tqdm

from heard.cli.common import settings, unit_of_work
from heard.clock import utcnow
from heard.i18n import LANGUAGES
from surveys import invitations, printing
from surveys.models import RespondentType
from surveys.packs import PackBranding, render_pack, render_poster


@click.group("invitations")
def group() -> None:
    """Invitation links and printed packs."""


@group.command("issue")
@click.option("--conference", "case_reference", required=True, help="The case reference.")
@click.option("--role", type=click.Choice([r.value for r in RespondentType]), required=True)
@click.option("--agency", default=None, help="A professional's agency.")
@click.option("--language", type=click.Choice(list(LANGUAGES)), default="en", show_default=True)
def issue(case_reference: str, role: str, agency: str | None, language: str) -> None:
    """Print one invitee's invitation URL on one line (re-issuing replaces the old link)."""
    config = settings()
    with unit_of_work() as session:
        issued = invitations.issue_invitation(
            session,
            case_reference=case_reference,
            respondent_type=role,
            agency=agency,
            language=language,
            base_url=config.base_url,
            expiry_days=config.token_expiry_days,
            now=utcnow(),
        )
        url = issued.url
    click.echo(url)


def branding() -> PackBranding:
    config = settings()
    return PackBranding(
        authority_name=config.authority_name,
        emergency_number=config.emergency_number,
        advice_line_name=config.advice_line_name,
        advice_line_phone=config.advice_line_phone,
    )


@group.command("print")
@click.option("--date", "day", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
def print_pack(day: datetime, out: Path) -> None:
    """Write one A4 page per invitee for every conference on DATE to a PDF."""
    with unit_of_work() as session:
        sheets = printing.sheets_for_day(
            session,
            day=date(day.year, day.month, day.day),
            base_url=settings().base_url,
            now=utcnow(),
        )
        if not sheets:
            raise click.ClickException(f"No open invitations for conferences on {day:%Y-%m-%d}.")
        with tqdm(total=len(sheets), unit="page", desc="Printing", disable=len(sheets) < 50) as bar:
            pdf = render_pack(sheets, branding(), progress=bar.update)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    click.echo(f"Wrote {len(sheets)} invitation pages to {out}.")


@group.command("poster")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
def poster(out: Path) -> None:
    """Write a poster with the general feedback QR code (no token; responses marked unverified)."""
    url = settings().base_url.rstrip("/") + "/feedback/open"
    out.write_bytes(render_poster(url, branding()))
    click.echo(f"Wrote the poster for {url} to {out}.")


def register(cli: click.Group) -> None:
    cli.add_command(group)
