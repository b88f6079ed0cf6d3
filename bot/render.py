"""Platform-neutral replies: what a chat command answers, before any adapter draws it.

Slack draws a Reply as Block Kit, Teams as an Adaptive Card, the console as plain text. Buttons
are `bot.notices.Action`s, the same neutral buttons the outbox carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.notices import Action

TEXT, LONG_TEXT, CHOICE, MULTI_CHOICE = "text", "long_text", "choice", "multi_choice"
KINDS = (TEXT, LONG_TEXT, CHOICE, MULTI_CHOICE)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Input:
    """One question of a form: free text, or one or several of CHOICES."""

    name: str
    label: str
    kind: str = TEXT
    choices: tuple[Choice, ...] = ()
    optional: bool = False
    hint: str = ""
    initial: str = ""
    max_length: int = 0  # 0: the adapter's default for the kind


@dataclass(frozen=True)
class Form:
    """A form to open (a Slack modal, a console prompt). HIDDEN carries ids only, never content."""

    name: str
    title: str
    submit: str
    inputs: tuple[Input, ...]
    hidden: Mapping[str, str] = field(default_factory=dict)

    def input(self, name: str) -> Input | None:
        return next((i for i in self.inputs if i.name == name), None)


@dataclass(frozen=True)
class Section:
    """A block of a reply: a heading, some lines and the buttons that belong to them."""

    title: str = ""
    lines: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Reply:
    """What a command, button or form answers. Ephemeral replies are seen only by the asker."""

    text: str
    sections: tuple[Section, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    actions: tuple[Action, ...] = ()
    form: Form | None = None
    ephemeral: bool = True
    error: bool = False


def error(message: str) -> Reply:
    """A refusal, shown only to the person who caused it."""
    return Reply(text=message, ephemeral=True, error=True)


def open_form(form: Form) -> Reply:
    return Reply(text=form.title, form=form)


def button_hint(action: Action) -> str:
    """How to press ACTION in a terminal: `!accept 12`."""
    short = action.action_id.rsplit(".", 1)[-1]
    return f"!{short} {action.value}".rstrip()


def as_text(reply: Reply) -> str:
    """The reply as plain text, buttons shown as the line to type: the console's and tests' view."""
    lines = [("Sorry: " if reply.error else "") + reply.text]
    lines += [f"{name}: {value}" for name, value in reply.fields]
    for section in reply.sections:
        lines.append("")
        if section.title:
            lines.append(section.title)
        lines += [f"  {line}" for line in section.lines]
        lines += [f"  [{a.label}]  {button_hint(a)}" for a in section.actions]
    if reply.actions:
        lines.append("")
        lines += [f"[{a.label}]  {button_hint(a)}" for a in reply.actions]
    return "\n".join(lines)
