"""`heard screen FILE.csv`: run the disclosure screen over texts, for audits of the rule."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click

from surveys.screening import screen_text


@click.command("screen")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def screen(csv_file: Path) -> None:
    """Screen each row (columns id,text[,language]); print one JSON object per line."""
    with csv_file.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fields = set(reader.fieldnames or [])
        if not {"id", "text"} <= fields:
            raise click.ClickException(
                f"{csv_file.name}: the header must have columns id,text[,language]"
            )
        for row in reader:
            result = screen_text(row.get("text") or "", row.get("language") or None)
            record = {
                "id": row["id"],
                "disclosure": result.disclosure,
                "reasons": list(result.reasons),
            }
            click.echo(json.dumps(record, ensure_ascii=False))


def register(cli: click.Group) -> None:
    cli.add_command(screen)
