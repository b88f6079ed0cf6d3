"""The console chat adapter (`heard chat --as EMAIL`): the same commands in a terminal.

Type `/duty`, `/consult CP-1001`, `/heard help`; press a button by typing the line shown beside
it (`!accept 12`); answer a form's questions one by one; `home` shows the home tab.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from bot import commands_forms as forms
from bot.adapters import answer
from bot.commands import handle_action, handle_command, handle_home, handle_submission
from bot.commands_actions import ACTIONS
from bot.identity import find_officer
from bot.render import CHOICE, MULTI_CHOICE, Form, Input, Reply, as_text
from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError
from heard.models import Officer
from heard.settings import Settings

PROMPT = "heard> "
USAGE = "Type a command such as /duty or /heard help, a button such as !accept 12, or home."
CANCEL = "cancel"
_TRIES = 3


class Console:
    """A read-print loop for one officer, known by email."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        settings: Settings,
        *,
        email: str,
        stdin: TextIO,
        stdout: TextIO,
        now: Callable[[], datetime] = utcnow,
        after_each: Callable[[], None] | None = None,
    ) -> None:
        self.factory, self.settings, self.email, self.now = factory, settings, email, now
        self.stdin, self.stdout = stdin, stdout
        self.after_each = after_each or (lambda: None)

    def run(self) -> int:
        """Read lines until the end of input or `quit`; 1 if the officer is not known."""
        try:
            with transaction(self.factory) as session:
                officer = find_officer(session, email=self.email)
                self.say(f"Heard chat as {officer.display_name}. {USAGE} Ctrl-D to leave.")
        except HeardError as refusal:
            self.say(str(refusal))
            return 1
        while (line := self.read(PROMPT)) is not None and line.lower() not in ("quit", "exit"):
            if line:
                self.show(self.handle(line))
                self.after_each()
        return 0

    def handle(self, line: str) -> Reply | None:
        """The reply to one typed line."""
        if line.startswith("/"):
            command, _, text = line.partition(" ")
            return self._as_me(
                lambda s, o: handle_command(
                    s, officer=o, command=command, text=text, now=self.now(), settings=self.settings
                )
            )
        if line.startswith("!"):
            name, _, value = line[1:].partition(" ")
            action_id = button(name)
            return self._as_me(
                lambda s, o: handle_action(
                    s,
                    officer=o,
                    action_id=action_id,
                    value=value,
                    now=self.now(),
                    settings=self.settings,
                )
            )
        if line.lower() == "home":
            return self._as_me(
                lambda s, o: handle_home(s, officer=o, now=self.now(), settings=self.settings)
            )
        self.say(USAGE)
        return None

    def show(self, reply: Reply | None) -> None:
        if reply is None:
            return
        if reply.form is None:
            self.say(as_text(reply))
            return
        form = reply.form
        values = self.fill(form)
        if values is None:
            self.say("Cancelled: nothing was sent.")
            return
        key = f"console:{uuid.uuid4()}"
        self.show(
            self._as_me(
                lambda s, o: handle_submission(
                    s,
                    officer=o,
                    form=form.name,
                    values={**values, **form.hidden},
                    now=self.now(),
                    settings=self.settings,
                    idempotency_key=key,
                )
            )
        )

    def fill(self, form: Form) -> dict[str, str | list[str]] | None:
        """Ask each of the form's questions; None if cancelled or the input ends."""
        self.say(f"{form.title} (type {CANCEL} to stop)")
        values: dict[str, str | list[str]] = {}
        for field in form.inputs:
            value = self.ask(form, field)
            if value is None:
                return None
            values[field.name] = value
        return values

    def ask(self, form: Form, field: Input) -> str | list[str] | None:
        """One question, asked again (a few times) until the answer is acceptable."""
        self.say(_question(field))
        for _ in range(_TRIES):
            line = self.read("> ")
            if line is None or line.lower() == CANCEL:
                return None
            value = _parse(field, line)
            problem = forms.problems(Form(form.name, "", "", (field,)), {field.name: value})
            if not problem:
                return value
            self.say(problem[field.name] + ".")
        return None

    def read(self, prompt: str) -> str | None:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        return None if line == "" else line.strip()

    def say(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def _as_me(self, work: Callable[[Session, Officer], Reply]) -> Reply:
        return answer(self.factory, lambda s: find_officer(s, email=self.email), work)


def button(name: str) -> str:
    """The action id a typed button names: in full ("consultation.accept") or by its last part."""
    if name in ACTIONS:
        return name
    matches = [action_id for action_id in ACTIONS if action_id.rsplit(".", 1)[-1] == name]
    return matches[0] if len(matches) == 1 else name


def _question(field: Input) -> str:
    lines = [field.label + (" (optional)" if field.optional else "")]
    if field.hint:
        lines.append(f"  {field.hint}")
    if field.initial:
        lines.append(f"  Press Enter for: {field.initial}")
    if field.choices:
        several = " (several: separate with commas)" if field.kind == MULTI_CHOICE else ""
        lines.append(f"  Type a number or the word in brackets{several}:")
        lines += [f"  {n}. {c.label} [{c.value}]" for n, c in enumerate(field.choices, 1)]
    return "\n".join(lines)


def _parse(field: Input, line: str) -> str | list[str]:
    if field.kind == MULTI_CHOICE:
        return [_choice(field, part.strip()) for part in line.split(",") if part.strip()]
    if field.kind == CHOICE:
        return _choice(field, line)
    return line or field.initial


def _choice(field: Input, typed: str) -> str:
    if typed.isdigit() and 1 <= int(typed) <= len(field.choices):
        return field.choices[int(typed) - 1].value
    return typed
