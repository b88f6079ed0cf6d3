"""Escalations under the Resolution and Escalation Protocol: the open list (prolonged ones marked
in words), one escalation's timeline, and logging, updating and resolving them.

Managers may read them; only Principal Officers act.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import abort, flash, redirect, request, url_for

from bot import escalations
from bot.escalations import ESCALATION_STAGES
from heard.clock import utcnow
from heard.errors import HeardError, NotFound
from staff import service_settings
from staff.roles import Role
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.po_common import STALE, blueprint, found, me, reading, render, settings, writing

PO, MANAGER = Role.PRINCIPAL_OFFICER, Role.MANAGER
# Which field a refusal from the domain is about, by the words it uses.
_FIELDS = (
    ("case reference", "case_reference"),
    ("theme", "themes"),
    ("stage", "stage"),
    ("raised with", "raised_with"),
    ("outcome", "outcome"),
    ("resolved", "outcome"),
)


@blueprint.route("/escalations", endpoint="escalations")
@allow(PO, MANAGER)
def escalations_page() -> Any:
    with reading() as session:
        now = utcnow()
        return render(
            "escalations.html",
            open_escalations=escalations.open_escalations(session),
            resolved=escalations.recently_resolved(session, now=now),
            stages=ESCALATION_STAGES,
            can_act=signed_in_staff().has(PO),
        )


@blueprint.route("/escalations/<int:escalation_id>")
@allow(PO, MANAGER)
def escalation(escalation_id: int) -> Any:
    return _escalation_page(escalation_id)


@blueprint.route("/escalations/new", methods=["GET", "POST"])
@allow(PO)
def log_escalation() -> Any:
    form = {
        "case_reference": request.form.get("case_reference", ""),
        "stage": request.form.get("stage", ""),
        "raised_with": request.form.get("raised_with", ""),
        "note": request.form.get("note", ""),
        "key": request.form.get("key") or secrets.token_urlsafe(16),
    }
    themes = [theme for theme in request.form.getlist("themes") if theme.strip()]
    if request.method == "GET":
        return _log_page(form, themes)
    try:
        with writing() as session:
            # An administrator may have changed the due days or themes on the settings page.
            config = service_settings.effective(session, settings())
            logged = escalations.log_escalation(
                session,
                raised_by=me(session),
                case_reference=form["case_reference"],
                themes=themes,
                stage=form["stage"],
                raised_with=form["raised_with"],
                note=form["note"],
                now=utcnow(),
                response_due_days=config.escalation_response_days,
                prolonged_after_days=config.escalation_prolonged_days,
                known_themes=escalations.escalation_themes(config.escalation_themes_extra),
                # One form, one escalation: a second click or a resubmitted page logs nothing new.
                idempotency_key=f"web:{signed_in_staff().officer_id}:{form['key']}",
            )
            escalation_id = logged.id
    except HeardError as refusal:
        return _log_page(form, themes, {_field(str(refusal), "note"): str(refusal)}, 400)
    flash(f"You logged escalation {escalation_id}.")
    return redirect(url_for(".escalation", escalation_id=escalation_id))


@blueprint.route("/escalations/<int:escalation_id>/update", methods=["POST"])
@allow(PO)
def update_escalation(escalation_id: int) -> Any:
    note, stage = request.form.get("note", ""), request.form.get("stage", "")
    seen = request.form.get("seen", "")
    try:
        with writing() as session:
            current = found(escalations.escalation_of, session, escalation_id=escalation_id)
            if current.resolved_at is None and seen != str(len(current.events)):
                raise _Stale(
                    "Someone updated this escalation after you opened it: read the timeline "
                    "below, then add your update again. Nothing was changed."
                )
            escalations.update_escalation(
                session,
                escalation_id=escalation_id,
                officer=me(session),
                note=note,
                now=utcnow(),
                stage=stage or None,
            )
    except NotFound:
        abort(404)
    except HeardError as refusal:
        stale = isinstance(refusal, _Stale) or "resolved" in str(refusal)
        field = "update-stage" if "stage" in str(refusal) else "update-note"
        form = {"note": note, "stage": stage}
        return _escalation_page(escalation_id, {field: str(refusal)}, STALE if stale else 400, form)
    flash(f"You updated escalation {escalation_id}.")
    return redirect(url_for(".escalation", escalation_id=escalation_id))


@blueprint.route("/escalations/<int:escalation_id>/resolve", methods=["POST"])
@allow(PO)
def resolve_escalation(escalation_id: int) -> Any:
    outcome = request.form.get("outcome", "")
    try:
        with writing() as session:
            escalations.resolve_escalation(
                session,
                escalation_id=escalation_id,
                officer=me(session),
                outcome=outcome,
                now=utcnow(),
            )
    except NotFound:
        abort(404)
    except HeardError as refusal:
        status = STALE if "has been resolved" in str(refusal) else 400
        form = {"outcome": outcome}
        return _escalation_page(escalation_id, {"resolve-outcome": str(refusal)}, status, form)
    flash(f"You resolved escalation {escalation_id}.")
    return redirect(url_for(".escalation", escalation_id=escalation_id))


class _Stale(HeardError):
    """The form showed the escalation as it was before someone else updated it."""


def _themes() -> dict[str, str]:
    """The escalation themes in force, with any an administrator has added."""
    with reading() as session:
        extra = service_settings.effective(session, settings()).escalation_themes_extra
    return escalations.escalation_themes(extra)


def _field(message: str, default: str) -> str:
    lowered = message.lower()
    return next((field for words, field in _FIELDS if words in lowered), default)


def _log_page(
    form: dict[str, str], themes: list[str], errors: dict[str, str] | None = None, status: int = 200
) -> Any:
    return render(
        "log_escalation.html",
        status,
        form=form,
        chosen_themes=themes,
        themes=_themes(),
        stages=ESCALATION_STAGES,
        errors=errors or {},
    )


def _escalation_page(
    escalation_id: int,
    errors: dict[str, str] | None = None,
    status: int = 200,
    form: dict[str, str] | None = None,
) -> Any:
    with reading() as session:
        shown = found(escalations.escalation_of, session, escalation_id=escalation_id)
        return render(
            "escalation.html",
            status,
            escalation=shown,
            timeline=escalations.timeline(session, shown),
            themes=_themes(),
            stages=ESCALATION_STAGES,
            higher_stages=list(ESCALATION_STAGES)[list(ESCALATION_STAGES).index(shown.stage) + 1 :],
            can_act=signed_in_staff().has(PO),
            errors=errors or {},
            form=form or {},
        )
