"""`heard digest --month YYYY-MM --preview [--out FILE]`: see a month's digest without sending."""

from __future__ import annotations

from pathlib import Path

import click

from analysis import digest
from analysis.periods import Month
from heard.cli.common import unit_of_work
from heard.errors import HeardError


@click.command("digest")
@click.option("--month", "month_text", required=True, help="The month, YYYY-MM (e.g. 2026-10).")
@click.option(
    "--preview",
    is_flag=True,
    help="Render the digest email as HTML; nothing is claimed, stored or sent.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the HTML here (default: print it).",
)
def digest_command(month_text: str, preview: bool, out: Path | None) -> None:
    """Preview a month's digest. The clock sends each month's digest by itself, once, on the
    first working day of the next month at 09:00."""
    if not preview:
        raise click.UsageError(
            "Only --preview is offered: the clock sends each digest once, by itself."
        )
    try:
        month = Month.parse(month_text)
    except HeardError as problem:
        raise click.BadParameter(str(problem), param_hint="--month") from None
    with unit_of_work() as session:
        html = digest.preview_html(session, month)
        # Reading only: nothing this command did should be kept.
        session.rollback()
    if out is None:
        click.echo(html)
        return
    out.write_text(html, encoding="utf-8")
    click.echo(f"The digest for {month.label} is in {out} (nothing was sent).")


def register(cli: click.Group) -> None:
    cli.add_command(digest_command)
