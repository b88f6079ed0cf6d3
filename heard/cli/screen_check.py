"""`heard screen check list|show|record|figures`: the weekly human check on the screen.

`heard screen FILE.csv` (the screen audit) keeps working: `screen` becomes a group whose
unknown first word is taken as that file.
"""

from __future__ import annotations

import click

from heard.cli import screen as screen_audit
from heard.cli.common import settings, unit_of_work
from heard.clock import london, utcnow
from surveys import screen_check
from surveys.alerts import AlertRouting

AUDIT = "file"  # the hidden name of `heard screen FILE.csv`


class _ScreenGroup(click.Group):
    """Subcommands by name; anything else is the CSV file of `heard screen FILE.csv`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = [AUDIT, *args]
        return super().parse_args(ctx, args)


@click.group("screen", cls=_ScreenGroup)
def group() -> None:
    """The disclosure screen: `heard screen FILE.csv` audits it on texts (columns
    id,text[,language]; one JSON object per line); `heard screen check` is the weekly human
    check of what it let through."""


group.add_command(
    click.Command(
        AUDIT,
        callback=screen_audit.screen.callback,
        params=list(screen_audit.screen.params),
        help=screen_audit.screen.help,
        hidden=True,
    )
)


@group.group("check")
def check() -> None:
    """The weekly sample of unflagged answers a person reads to measure the screen's misses."""


@check.command("list")
def list_samples() -> None:
    """List the samples, newest first: week, answers read so far, misses (never the words)."""
    with unit_of_work() as session:
        for sample in screen_check.samples(session):
            read = sum(1 for item in sample.items if item.finding)
            missed = sum(
                1 for item in sample.items if item.finding == screen_check.Finding.MISSED_DISCLOSURE
            )
            click.echo(
                f"{sample.id}\tweek of {sample.week_start:%d %b %Y}\t"
                f"{read}/{len(sample.items)} read\t{missed} missed"
            )


@check.command("show")
@click.argument("sample_id", type=int)
@click.option("--by", "by", required=True, help="Your email address (each read is audit-logged).")
def show(sample_id: int, by: str) -> None:
    """Show a sample's answers with their words, to read (every read is audit-logged)."""
    with unit_of_work() as session:
        sample = screen_check.get_sample(session, sample_id)
        click.echo(f"Sample {sample.id}: the week of {sample.week_start:%d %B %Y}")
        items = screen_check.read_sample(session, sample_id=sample_id, reader=by, now=utcnow())
        for shown in items:
            item = shown.item
            finding = (
                f"{screen_check.FINDING_LABELS[screen_check.Finding(item.finding)]} "
                f"({item.reviewed_by}, {london(item.reviewed_at):%d %b %H:%M})"  # type: ignore[arg-type]
                if item.finding
                else "not yet read"
            )
            click.echo(
                f"\nItem {item.id} - a {item.respondent_type}, in {shown.language}: {finding}"
            )
            click.echo(f"    {shown.text}")


@check.command("record")
@click.argument("item_id", type=int)
@click.option(
    "--finding",
    required=True,
    type=click.Choice([str(f) for f in screen_check.Finding]),
    help="What you found.",
)
@click.option("--by", "by", required=True, help="Your email address.")
def record(item_id: int, finding: str, by: str) -> None:
    """Record what you found in one answer; a missed disclosure raises an alert at once."""
    with unit_of_work() as session:
        item = screen_check.record_finding(
            session,
            item_id=item_id,
            finding=finding,
            by=by,
            now=utcnow(),
            routing=AlertRouting.from_settings(settings()),
        )
        alert = f" Alert {item.alert_id} raised." if item.alert_id else ""
    click.echo(f"Item {item_id}: {finding.replace('_', ' ')} recorded.{alert}")


@check.command("figures")
def figures() -> None:
    """Answers read, disclosures the screen missed, and the miss rate, per quarter."""
    with unit_of_work() as session:
        rows = screen_check.figures(session)
    click.echo("quarter\treviewed\tmissed\tunsure\tmiss rate")
    for row in rows:
        rate = "-" if row.miss_rate is None else f"{row.miss_rate:.1f}%"
        click.echo(f"{row.quarter}\t{row.reviewed}\t{row.missed}\t{row.unsure}\t{rate}")


def register(cli: click.Group) -> None:
    # Replaces the plain `heard screen FILE.csv` command, which stays reachable as before.
    cli.add_command(group)
