"""The `heard` command: business support's and the administrator's tools."""

from __future__ import annotations

import click

from heard.cli import (
    alerts,
    analyse,
    chat,
    conferences,
    digest,
    invitations,
    officers,
    report,
    rota,
    run,
    screen,
    screen_check,
    staff,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Heard: feedback by QR code, chat-ops and digests for child protection conferences."""


COMMANDS = (
    conferences,
    invitations,
    officers,
    staff,
    rota,
    screen,
    screen_check,
    analyse,
    alerts,
    report,
    digest,
    chat,
    run,
)
for module in COMMANDS:
    module.register(cli)


def main() -> None:
    cli(prog_name="heard")
