"""Consultations: waiting (and offered to me), in progress, recent outcomes; accept, record outcome.

Managers may read the page; only Principal Officers act.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, request, url_for
from sqlalchemy.orm import Session

from bot import consultations
from bot.vocabulary import (
    CONSULTATION_CATEGORIES,
    CONSULTATION_OUTCOMES,
    PREVALENT_ISSUES,
    URGENCIES,
)
from heard.clock import utcnow
from heard.errors import HeardError, NotAllowed, NotFound
from staff.roles import Role
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.po_common import STALE, blueprint, found, me, reading, render, writing

PO, MANAGER = Role.PRINCIPAL_OFFICER, Role.MANAGER
WORDS = {
    "categories": CONSULTATION_CATEGORIES,
    "issues": PREVALENT_ISSUES,
    "urgencies": URGENCIES,
    "outcomes": CONSULTATION_OUTCOMES,
}


@blueprint.route("/consultations", endpoint="consultations")
@allow(PO, MANAGER)
def consultations_page() -> Any:
    return _board()


@blueprint.route("/consultations/<int:consultation_id>/accept", methods=["POST"])
@allow(PO)
def accept_consultation(consultation_id: int) -> Any:
    try:
        with writing() as session:
            consultation = found(
                consultations.consultation_of, session, consultation_id=consultation_id
            )
            reference = consultation.case_reference
            consultations.accept_consultation(
                session, consultation_id=consultation_id, officer=me(session), now=utcnow()
            )
    except NotFound:
        abort(404)
    except HeardError as refusal:
        return _board({f"consultation-{consultation_id}": str(refusal)}, STALE)
    flash(f"You accepted the consultation for case {reference}. The social worker has been told.")
    return redirect(url_for(".consultation_outcome", consultation_id=consultation_id))


@blueprint.route("/consultations/<int:consultation_id>/outcome", methods=["GET", "POST"])
@allow(PO)
def consultation_outcome(consultation_id: int) -> Any:
    form = {"outcome": request.form.get("outcome", ""), "note": request.form.get("note", "")}
    if request.method == "GET":
        return _outcome_page(consultation_id, form)
    if form["outcome"] not in CONSULTATION_OUTCOMES:
        return _outcome_page(consultation_id, form, {"outcome": "Choose the outcome"}, 400)
    try:
        with writing() as session:
            consultations.record_outcome(
                session,
                consultation_id=consultation_id,
                officer=me(session),
                outcome=form["outcome"],
                note=form["note"],
                now=utcnow(),
            )
    except NotFound:
        abort(404)
    except NotAllowed as refusal:
        return _outcome_page(consultation_id, form, {"outcome": str(refusal)}, 403)
    except HeardError as refusal:
        field = "note" if "note" in str(refusal).lower() else "outcome"
        status = STALE if "already" in str(refusal) else 400
        return _outcome_page(consultation_id, form, {field: str(refusal)}, status)
    flash(f"You recorded the outcome: {CONSULTATION_OUTCOMES[form['outcome']]}.")
    return redirect(url_for(".consultations"))


def _board(errors: dict[str, str] | None = None, status: int = 200) -> Any:
    with reading() as session:
        board = consultations.consultations_board(session, officer=me(session), now=utcnow())
        return render(
            "consultations.html",
            status,
            board=board,
            me_id=signed_in_staff().officer_id,
            can_act=signed_in_staff().has(PO),
            errors=errors or {},
            **WORDS,
        )


def _outcome_page(
    consultation_id: int,
    form: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Any:
    with reading() as session:
        consultation = _consultation(session, consultation_id)
        return render(
            "consultation_outcome.html",
            status,
            consultation=consultation,
            form=form,
            errors=errors or {},
            **WORDS,
        )


def _consultation(session: Session, consultation_id: int) -> consultations.Consultation:
    return found(consultations.consultation_of, session, consultation_id=consultation_id)
