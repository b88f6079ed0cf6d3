"""Buttons and forms: each press or submission is one use-case call, rendered as a Reply.

A button carries an action id ("consultation.accept") and a value (the record's id); a form
carries only ids in its hidden values, and its inputs. Nothing else is kept between steps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from bot import checklist, consultations
from bot import commands_forms as forms
from bot.commands_base import Ask, record_id, safely
from bot.commands_views import (
    ACCEPT,
    NOT_NEEDED,
    OUTCOME,
    PASS,
    REQUEST,
    RESOLVE,
    UNTICK,
    UPDATE,
    checklist_section,
    consultation_section,
    consultation_status,
)
from bot.permissions import require_po, require_staff
from bot.render import Reply, error, open_form
from heard.models import Conference, Officer
from heard.settings import Settings
from staff.service_settings import effective

Values = forms.Values


def request(ask: Ask, value: str) -> Reply:
    """Open the consultation form, for the site whose button was pressed."""
    require_staff(ask.officer)
    hidden = {"site_id": str(record_id(value, "site"))} if value else {}
    return open_form(forms.build(forms.REQUEST, ask.settings, hidden))


def accept(ask: Ask, value: str) -> Reply:
    c = consultations.accept_consultation(
        ask.session,
        consultation_id=record_id(value, "consultation"),
        officer=ask.officer,
        now=ask.now,
    )
    return Reply(
        text=f"You accepted consultation {c.id} (case {c.case_reference}). "
        f"{c.requested_by.display_name} has been told your name.",
        sections=(consultation_section(c, ask.officer),),
        ephemeral=False,
    )


def pass_on(ask: Ask, value: str) -> Reply:
    c = consultations.pass_on_consultation(
        ask.session,
        consultation_id=record_id(value, "consultation"),
        officer=ask.officer,
        now=ask.now,
        accept_minutes=ask.settings.consultation_accept_minutes,
        out_of_hours_contact=ask.settings.out_of_hours_contact,
    )
    return Reply(
        text=f"You passed on consultation {c.id} (case {c.case_reference}). "
        + consultation_status(c),
        ephemeral=False,
    )


def outcome_form(ask: Ask, value: str) -> Reply:
    require_po(ask.officer)
    hidden = {"consultation_id": str(record_id(value, "consultation"))}
    return open_form(forms.build(forms.OUTCOME, ask.settings, hidden))


def tick(ask: Ask, value: str, *, not_needed: bool = False) -> Reply:
    conference_id, key = checklist.parse_tick_value(value)
    if key == "interpreter_booked" and not not_needed:
        require_po(ask.officer)
        hidden = {"conference_id": str(conference_id), "key": key}
        return open_form(forms.build(forms.CHECKLIST_DETAIL, ask.settings, hidden))
    checklist.tick_checklist_item(
        ask.session,
        conference_id=conference_id,
        key=key,
        officer=ask.officer,
        now=ask.now,
        not_needed=not_needed,
    )
    return checklist_reply(ask, conference_id, "Not needed" if not_needed else "Ticked", key)


def not_needed(ask: Ask, value: str) -> Reply:
    return tick(ask, value, not_needed=True)


def untick(ask: Ask, value: str) -> Reply:
    conference_id, key = checklist.parse_tick_value(value)
    checklist.untick_checklist_item(
        ask.session, conference_id=conference_id, key=key, officer=ask.officer, now=ask.now
    )
    return checklist_reply(ask, conference_id, "Opened again", key)


def checklist_reply(ask: Ask, conference_id: int, done: str, key: str) -> Reply:
    items = checklist.checklist_for(ask.session, conference_id=conference_id)
    conference = ask.session.get(Conference, conference_id)
    assert conference is not None  # checklist_for refuses an unknown conference
    return Reply(
        text=f"{done}: {checklist.CHECKLIST_ITEMS[key]}.",
        sections=(checklist_section(conference, items),),
        ephemeral=False,
    )


def update_form(ask: Ask, value: str) -> Reply:
    require_po(ask.officer)
    hidden = {"escalation_id": str(record_id(value, "escalation"))}
    return open_form(forms.build(forms.UPDATE, ask.settings, hidden))


def resolve_form(ask: Ask, value: str) -> Reply:
    require_po(ask.officer)
    hidden = {"escalation_id": str(record_id(value, "escalation"))}
    return open_form(forms.build(forms.RESOLVE, ask.settings, hidden))


ACTIONS: dict[str, Callable[[Ask, str], Reply]] = {
    REQUEST: request,
    ACCEPT: accept,
    PASS: pass_on,
    OUTCOME: outcome_form,
    checklist.TICK_ACTION: tick,
    NOT_NEEDED: not_needed,
    UNTICK: untick,
    UPDATE: update_form,
    RESOLVE: resolve_form,
}


def handle_action(
    session: Session,
    *,
    officer: Officer,
    action_id: str,
    value: str,
    now: datetime,
    settings: Settings,
) -> Reply:
    """Answer a button OFFICER pressed: ACTION_ID names what it does, VALUE which record."""
    handler = ACTIONS.get(action_id)
    if handler is None:
        return error("That button is out of date: ask Heard again.")
    return safely(handler, Ask(session, officer, now, effective(session, settings)), value.strip())
