"""Records as neutral reply sections: who is on duty, a consultation, a checklist, an escalation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.checklist import CHECKLIST_ITEMS, NOT_NEEDED_ALLOWED, TICK_ACTION
from bot.escalations import ESCALATION_STAGES
from bot.models import ChecklistItem, Consultation, ConsultationStatus, Escalation
from bot.notices import Action
from bot.render import Section
from bot.rota import DutyAnswer
from bot.vocabulary import (
    CONSULTATION_CATEGORIES,
    CONSULTATION_OUTCOMES,
    PREVALENT_ISSUES,
    URGENCIES,
)
from heard.clock import london
from heard.models import Conference, Officer

REQUEST = "consultation.request"
ACCEPT, PASS, OUTCOME = "consultation.accept", "consultation.pass", "consultation.outcome"
NOT_NEEDED, UNTICK = "checklist.not_needed", "checklist.untick"
UPDATE, RESOLVE = "escalation.update", "escalation.resolve"


def when(moment: datetime) -> str:
    """'Thursday 26 November at 10:00', on England's clocks."""
    local = london(moment)
    return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"


def duty_section(answer: DutyAnswer) -> Section:
    """One site: its duty PO (and whom they cover for), or who to call out of hours."""
    lines = [_duty_line(answer)]
    if not answer.working_time:
        lines.append(f"Outside working hours: contact {answer.out_of_hours_contact}.")
    request = Action(REQUEST, str(answer.site.id), f"Request a consultation ({answer.site.name})")
    return Section(title=answer.site.name, lines=tuple(lines), actions=(request,))


def _duty_line(answer: DutyAnswer) -> str:
    if answer.officer is None:
        return f"Nobody is on duty ({answer.reason or 'no rota'})."
    line = f"Duty PO: {answer.officer.display_name}"
    if answer.covering:
        absent = answer.rota_officer.display_name if answer.rota_officer else "the rota PO"
        line += f", covering for {absent}" + (f" ({answer.reason})" if answer.reason else "")
    return line + "."


def consultation_section(consultation: Consultation, viewer: Officer) -> Section:
    """A consultation's request, where it stands, and what the viewer can do about it."""
    c = consultation
    issues = ", ".join(PREVALENT_ISSUES.get(key, key) for key in c.prevalent_issues)
    lines = [
        f"Requested by {c.requested_by.display_name} ({c.site.name}), {when(c.requested_at)}.",
        f"Category: {CONSULTATION_CATEGORIES.get(c.category, c.category)}. "
        f"Urgency: {URGENCIES.get(c.urgency, c.urgency)}.",
        f"Prevalent issues: {issues}.",
    ]
    if c.availability:
        lines.append(f"Free: {c.availability}")
    lines.append(consultation_status(c))
    return Section(
        title=f"Consultation {c.id}: case {c.case_reference}",
        lines=tuple(lines),
        actions=consultation_actions(c, viewer),
    )


def consultation_status(c: Consultation) -> str:
    if c.status == ConsultationStatus.WAITING:
        waiting = c.offered_to.display_name if c.offered_to else "the next PO free"
        return f"Waiting for {waiting} to accept."
    if c.status == ConsultationStatus.ACCEPTED and c.accepted_by is not None:
        return f"Accepted by {c.accepted_by.display_name}; outcome not yet recorded."
    if c.status == ConsultationStatus.COMPLETED:
        return f"Outcome: {CONSULTATION_OUTCOMES.get(c.outcome or '', c.outcome)}."
    return f"Status: {c.status}."


def consultation_actions(c: Consultation, viewer: Officer) -> tuple[Action, ...]:
    value = str(c.id)
    if c.status == ConsultationStatus.WAITING and viewer.id != c.requested_by_id:
        return (Action(ACCEPT, value, "Accept", "primary"), Action(PASS, value, "Pass on"))
    if c.status == ConsultationStatus.ACCEPTED and viewer.id == c.accepted_by_id:
        return (Action(OUTCOME, value, "Record the outcome", "primary"),)
    return ()


def checklist_section(conference: Conference, items: Sequence[ChecklistItem]) -> Section:
    """An ICPC's checklist: each item ticked or open, with a button for every open one."""
    lines = tuple(_item_line(item) for item in items)
    actions: list[Action] = []
    for item in items:
        value = f"{conference.id}:{item.key}"
        if item.done_at is None:
            actions.append(Action(TICK_ACTION, value, _short(CHECKLIST_ITEMS[item.key])))
            if item.key in NOT_NEEDED_ALLOWED:
                actions.append(Action(NOT_NEEDED, value, "Not needed: " + _label(item.key)))
    return Section(
        title=f"ICPC {conference.case_reference}: {when(conference.starts_at)}, "
        f"{conference.site.name}",
        lines=lines,
        actions=tuple(actions),
    )


def _item_line(item: ChecklistItem) -> str:
    label = CHECKLIST_ITEMS.get(item.key, item.key)
    if item.done_at is None:
        return f"[ ] {label}"
    extra = " (not needed)" if item.not_needed else (f" ({item.detail})" if item.detail else "")
    return f"[x] {label}{extra}"


def _label(key: str) -> str:
    return {"interpreter_booked": "interpreter", "child_views_advocate": "child's views"}.get(
        key, key
    )


def _short(label: str, limit: int = 75) -> str:
    """Buttons hold 75 characters in Slack; keep whole words."""
    return label if len(label) <= limit else label[: limit - 1].rsplit(" ", 1)[0] + "…"


def escalation_section(escalation: Escalation, themes: Mapping[str, str]) -> Section:
    """An escalation: its themes, stage, who it was raised with, and when a response is due."""
    e = escalation
    lines = [
        "Themes: " + "; ".join(themes.get(key, key) for key in e.themes) + ".",
        f"Stage: {ESCALATION_STAGES.get(e.stage, e.stage)}. Raised with {e.raised_with}, "
        f"{when(e.raised_at)}.",
        f"Response due by {e.response_due_on:%A} {e.response_due_on.day} {e.response_due_on:%B}.",
    ]
    if e.prolonged_at is not None:
        lines.append("Prolonged: listed for the assistant director.")
    actions: tuple[Action, ...] = ()
    if e.resolved_at is None:
        actions = (Action(UPDATE, str(e.id), "Update"), Action(RESOLVE, str(e.id), "Resolve"))
    return Section(
        title=f"Escalation {e.id}: case {e.case_reference}", lines=tuple(lines), actions=actions
    )
