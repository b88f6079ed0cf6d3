"""The chat commands, in one place for every adapter (Slack, Teams, console, memory).

Each handler translates: it parses the words, makes one use-case call and renders the result as a
neutral Reply. A refusal (HeardError) becomes an ephemeral error reply; the adapter then rolls its
transaction back, so nothing changes. A command's docstring is its help text.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from bot import checklist, consultations, escalations, rota
from bot import commands_forms as forms
from bot.commands_actions import handle_action
from bot.commands_base import Ask, safely
from bot.commands_submissions import handle_submission
from bot.commands_views import (
    checklist_section,
    consultation_section,
    duty_section,
    escalation_section,
)
from bot.permissions import require_po, require_staff
from bot.render import Reply, Section, error, open_form
from heard.clock import london
from heard.models import Officer
from heard.settings import Settings
from staff.service_settings import effective


def duty(ask: Ask, text: str) -> Reply:
    """/duty: who is the duty PO today at each site, and who covers when one is off."""
    answers = rota.duty_today(
        ask.session, at=ask.now, out_of_hours_contact=ask.settings.out_of_hours_contact
    )
    if not answers:
        return Reply(text="No sites are set up in Heard yet.")
    day = london(ask.now)
    return Reply(
        text=f"Duty POs on {day:%A} {day.day} {day:%B}",
        sections=tuple(duty_section(answer) for answer in answers),
    )


def consult(ask: Ask, text: str) -> Reply:
    """/consult [CASE-REFERENCE]: ask your site's duty PO for a consultation (a form opens).
    /consult list: the consultations you asked for or were offered that have no outcome yet."""
    if text.lower() in ("list", "open", "mine"):
        found = consultations.open_consultations(ask.session, officer=ask.officer)
        if not found:
            return Reply(text="You have no open consultations.")
        sections = tuple(consultation_section(c, ask.officer) for c in found)
        return Reply(text="Your open consultations", sections=sections)
    require_staff(ask.officer)
    return open_form(forms.build(forms.REQUEST, ask.settings, initial=text))


def checklist_(ask: Ask, text: str) -> Reply:
    """/checklist: what the pre-ICPC contact checklists of the ICPCs you chair still need."""
    found = checklist.my_checklists(ask.session, officer=ask.officer, now=ask.now)
    if not found:
        return Reply(text="Nothing is open on the checklists of the ICPCs you chair.")
    sections = tuple(checklist_section(conference, items) for conference, items in found)
    return Reply(text="Pre-ICPC contact checklists: still open", sections=sections)


def escalate(ask: Ask, text: str) -> Reply:
    """/escalate [CASE-REFERENCE]: log an escalation under the Resolution and Escalation
    Protocol (a form opens). Principal Officers only."""
    require_po(ask.officer)
    return open_form(forms.build(forms.ESCALATE, ask.settings, initial=text))


def escalations_(ask: Ask, text: str) -> Reply:
    """/escalations: the open escalations you raised. /escalations all: everyone's.
    /escalations prolonged: those listed for the assistant director."""
    word = text.lower()
    if word in ("all", "prolonged"):
        require_po(ask.officer)
    if word == "prolonged":
        found, title = escalations.prolonged_escalations(ask.session), "Prolonged escalations"
    elif word == "all":
        found, title = escalations.open_escalations(ask.session), "Open escalations"
    else:
        found = escalations.open_escalations(ask.session, officer=ask.officer)
        title = "Your open escalations"
    if not found:
        return Reply(text=f"{title}: none.")
    themes = escalations.escalation_themes(ask.settings.escalation_themes_extra)
    return Reply(text=title, sections=tuple(escalation_section(e, themes) for e in found))


def help_(ask: Ask, text: str) -> Reply:
    """/heard help: what each command does."""
    lines = tuple(inspect.cleandoc(handler.__doc__ or "") for handler in COMMANDS.values())
    return Reply(
        text="What you can ask Heard",
        sections=(Section(lines=tuple(" ".join(line.split()) for line in lines)),),
    )


COMMANDS: dict[str, Callable[[Ask, str], Reply]] = {
    "/duty": duty,
    "/consult": consult,
    "/checklist": checklist_,
    "/escalate": escalate,
    "/escalations": escalations_,
    "/heard": help_,
}


def handle_command(
    session: Session,
    *,
    officer: Officer,
    command: str,
    text: str,
    now: datetime,
    settings: Settings,
) -> Reply:
    """Answer a slash command (e.g. "/duty") typed by OFFICER."""
    handler = COMMANDS.get(command.strip().lower())
    if handler is None:
        return error(f"Heard doesn't know {command.strip()[:40]}. Type /heard help.")
    return safely(
        handler, Ask(session, officer, now, effective(session, settings)), " ".join(text.split())
    )


_HOME = ((duty, ""), (consult, "list"), (checklist_, ""), (escalations_, ""))


def handle_home(session: Session, *, officer: Officer, now: datetime, settings: Settings) -> Reply:
    """The officer's home: today's duty POs, then their open consultations, checklists and
    escalations."""
    ask = Ask(session, officer, now, effective(session, settings))
    parts = [safely(part, ask, word) for part, word in _HOME]
    sections: list[Section] = []
    for part in parts:
        sections.append(Section(title=part.text))
        sections.extend(part.sections)
    return Reply(text=f"Heard: {officer.display_name}", sections=tuple(sections))


__all__ = ["COMMANDS", "handle_action", "handle_command", "handle_home", "handle_submission"]
