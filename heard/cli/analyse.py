"""`heard analyse FILE.csv`: themes, sentiment, disclosure and a redacted quote per comment."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click

from analysis.analyse import analyse_comment
from analysis.themes import THEMES


def _read_rows(csv_file: Path) -> list[dict[str, str]]:
    """Every row of CSV_FILE, or a clear error before anything is printed."""
    try:
        with csv_file.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not {"id", "text"} <= set(reader.fieldnames or []):
                raise click.ClickException(
                    f"{csv_file.name}: the header must have columns id,text[,language]"
                )
            return list(reader)
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"{csv_file.name} is not UTF-8 text (byte {error.start}): save it as CSV UTF-8"
        ) from None


@click.command("analyse")
@click.argument(
    "csv_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--themes", "list_themes", is_flag=True, help="List the theme keys and labels.")
def analyse(csv_file: Path | None, list_themes: bool) -> None:
    """Analyse each comment (columns id,text[,language]); print one JSON object per line."""
    if list_themes:
        for key, label in THEMES.items():
            click.echo(f"{key}\t{label}")
        return
    if csv_file is None:
        raise click.UsageError("give a CSV file of comments, or --themes")
    for row in _read_rows(csv_file):
        record = analyse_comment(row["id"], row.get("text") or "", row.get("language") or None)
        click.echo(json.dumps(record, ensure_ascii=False))


def register(cli: click.Group) -> None:
    cli.add_command(analyse)
