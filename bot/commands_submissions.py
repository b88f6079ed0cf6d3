"""Submitted forms: each is checked, then makes one use-case call, rendered as a Reply.

The checks need no database, so an adapter can run them before it acknowledges a submission
(Slack shows the problems inside the modal). Hidden values carry the ids of the records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from bot import checklist, consultations, escalations
from bot import commands_forms as forms
from bot.commands_actions import checklist_reply
from bot.commands_base import Ask, record_id, safely
from bot.commands_views import consultation_section, consultation_status, escalation_section
from bot.render import Reply, error
from heard.errors import HeardError
from heard.models import Officer, Site
from heard.settings import Settings
from staff.service_settings import effective

Values = forms.Values


def submit_request(ask: Ask, values: Values, key: str) -> Reply:
    c = consultations.request_consultation(
        ask.session,
        requester=ask.officer,
        case_reference=forms.text_value(values, "case_reference"),
        site=_site(ask, forms.text_value(values, "site_id")),
        category=forms.text_value(values, "category"),
        prevalent_issues=forms.list_value(values, "prevalent_issues"),
        urgency=forms.text_value(values, "urgency"),
        availability=forms.text_value(values, "availability"),
        now=ask.now,
        accept_minutes=ask.settings.consultation_accept_minutes,
        out_of_hours_contact=ask.settings.out_of_hours_contact,
        idempotency_key=key,
    )
    return Reply(
        text=f"Consultation {c.id} requested for case {c.case_reference}. "
        f"{consultation_status(c)} You'll be told who accepts it."
    )


def _site(ask: Ask, value: str) -> Site | None:
    if not value:
        return None
    site = ask.session.get(Site, record_id(value, "site"))
    if site is None:
        raise HeardError("That site is no longer in Heard: ask for the duty PO again.")
    return site


def submit_outcome(ask: Ask, values: Values, key: str) -> Reply:
    c = consultations.record_outcome(
        ask.session,
        consultation_id=record_id(values.get("consultation_id"), "consultation"),
        officer=ask.officer,
        outcome=forms.text_value(values, "outcome"),
        note=forms.text_value(values, "note"),
        now=ask.now,
    )
    return Reply(
        text=f"Outcome recorded for consultation {c.id} (case {c.case_reference}).",
        sections=(consultation_section(c, ask.officer),),
    )


def submit_escalation(ask: Ask, values: Values, key: str) -> Reply:
    settings = ask.settings
    themes = escalations.escalation_themes(settings.escalation_themes_extra)
    e = escalations.log_escalation(
        ask.session,
        raised_by=ask.officer,
        case_reference=forms.text_value(values, "case_reference"),
        themes=forms.list_value(values, "themes"),
        stage=forms.text_value(values, "stage"),
        raised_with=forms.text_value(values, "raised_with"),
        note=forms.text_value(values, "note"),
        now=ask.now,
        response_due_days=settings.escalation_response_days,
        prolonged_after_days=settings.escalation_prolonged_days,
        known_themes=themes,
        idempotency_key=key,
    )
    return Reply(
        text=f"Escalation {e.id} logged for case {e.case_reference}.",
        sections=(escalation_section(e, themes),),
    )


def submit_update(ask: Ask, values: Values, key: str) -> Reply:
    e = escalations.update_escalation(
        ask.session,
        escalation_id=record_id(values.get("escalation_id"), "escalation"),
        officer=ask.officer,
        note=forms.text_value(values, "note"),
        stage=forms.text_value(values, "stage") or None,
        now=ask.now,
    )
    themes = escalations.escalation_themes(ask.settings.escalation_themes_extra)
    return Reply(text=f"Escalation {e.id} updated.", sections=(escalation_section(e, themes),))


def submit_resolution(ask: Ask, values: Values, key: str) -> Reply:
    e = escalations.resolve_escalation(
        ask.session,
        escalation_id=record_id(values.get("escalation_id"), "escalation"),
        officer=ask.officer,
        outcome=forms.text_value(values, "outcome"),
        now=ask.now,
    )
    return Reply(text=f"Escalation {e.id} (case {e.case_reference}) resolved.")


def submit_detail(ask: Ask, values: Values, key: str) -> Reply:
    conference_id = record_id(values.get("conference_id"), "checklist")
    item_key = forms.text_value(values, "key")
    checklist.parse_tick_value(f"{conference_id}:{item_key}")
    checklist.tick_checklist_item(
        ask.session,
        conference_id=conference_id,
        key=item_key,
        officer=ask.officer,
        now=ask.now,
        detail=forms.text_value(values, "detail"),
    )
    return checklist_reply(ask, conference_id, "Ticked", item_key)


SUBMISSIONS: dict[str, Callable[[Ask, Values, str], Reply]] = {
    forms.REQUEST: submit_request,
    forms.OUTCOME: submit_outcome,
    forms.ESCALATE: submit_escalation,
    forms.UPDATE: submit_update,
    forms.RESOLVE: submit_resolution,
    forms.CHECKLIST_DETAIL: submit_detail,
}


def check_submission(form: str, values: Values, settings: Settings) -> dict[str, str]:
    """Each input's problem (name → message) before anything runs; "" names an unknown form."""
    if form not in SUBMISSIONS:
        return {"": "That form is out of date: open it again."}
    return forms.problems(forms.build(form, settings), values)


def handle_submission(
    session: Session,
    *,
    officer: Officer,
    form: str,
    values: Values,
    now: datetime,
    settings: Settings,
    idempotency_key: str,
) -> Reply:
    """Answer a submitted form; the same IDEMPOTENCY_KEY again never creates a second record."""
    found = check_submission(form, values, settings)
    if found:
        return error(" ".join(f"{message}." for message in found.values()))
    ask = Ask(session, officer, now, effective(session, settings))
    return safely(SUBMISSIONS[form], ask, values, idempotency_key)
