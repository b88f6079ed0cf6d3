"""The alerts queue: open alerts oldest first, acknowledging, recording contact, handing over.

Contact details are shown only after an explicit, audited request (reveal_contact), and are
deleted once contact is recorded as made.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from sqlalchemy.orm import Session

from heard.clock import utcnow
from heard.errors import HeardError
from staff.roles import Role
from surveys import alerts, contact_requests
from surveys.contact import METHOD_LABELS, ContactCipher
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.po_common import (
    STALE,
    blueprint,
    found,
    me,
    reading,
    render,
    settings,
    writing,
)

PO = Role.PRINCIPAL_OFFICER
MAX_NOTE = 1000


@blueprint.route("/alerts", endpoint="alerts")
@allow(PO)
def alerts_page() -> Any:
    with reading() as session:
        queue = alerts.alert_queue(session, officer=me(session), now=utcnow())
        return render("alerts.html", queue=queue)


@blueprint.route("/alerts/<int:alert_id>")
@allow(PO)
def alert(alert_id: int) -> Any:
    with reading() as session:
        return _alert_page(session, alert_id)


@blueprint.route("/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@allow(PO)
def acknowledge_alert(alert_id: int) -> Any:
    note = request.form.get("note", "").strip()
    if len(note) > MAX_NOTE:
        return _refused(alert_id, {"acknowledge-note": f"Keep the note to {MAX_NOTE} characters"})
    try:
        with writing() as session:
            found(alerts.alert_for, session, alert_id=alert_id, officer=me(session), now=utcnow())
            alerts.acknowledge_open_alert(
                session, alert_id=alert_id, by=signed_in_staff().email, now=utcnow(), note=note
            )
    except HeardError as refusal:
        return _refused(alert_id, {"acknowledge": str(refusal)}, _status(refusal))
    flash(f"You acknowledged alert {alert_id}.")
    return redirect(url_for(".alert", alert_id=alert_id))


@blueprint.route("/alerts/<int:alert_id>/contact-made", methods=["POST"])
@allow(PO)
def record_contact(alert_id: int) -> Any:
    note = request.form.get("note", "").strip()
    if len(note) > 200:
        return _refused(alert_id, {"contact-note": "Keep the note to 200 characters"})
    try:
        with writing() as session:
            queued = found(
                alerts.alert_for, session, alert_id=alert_id, officer=me(session), now=utcnow()
            )
            if (
                contact_requests.contact_status(session, response_id=queued.alert.response_id)
                is None
            ):
                raise HeardError("This respondent did not ask to be contacted.")
            contact_requests.record_contact_once(
                session,
                response_id=queued.alert.response_id,
                by=signed_in_staff().email,
                now=utcnow(),
                note=note,
            )
    except HeardError as refusal:
        return _refused(alert_id, {"contact": str(refusal)}, _status(refusal))
    flash("You recorded that contact was made. Their contact details have been deleted.")
    return redirect(url_for(".alert", alert_id=alert_id))


@blueprint.route("/alerts/<int:alert_id>/hand-over", methods=["POST"])
@allow(PO)
def hand_over_alert(alert_id: int) -> Any:
    form = {"to": request.form.get("to", ""), "note": request.form.get("note", "")}
    if not form["to"].isdigit():
        return _refused(
            alert_id, {"hand-over-to": "Choose who to hand the alert over to"}, form=form
        )
    try:
        with writing() as session:
            found(alerts.alert_for, session, alert_id=alert_id, officer=me(session), now=utcnow())
            to = alerts.hand_over_alert(
                session,
                alert_id=alert_id,
                by=me(session),
                to_officer_id=int(form["to"]),
                note=form["note"],
                now=utcnow(),
                base_url=settings().base_url,
            )
            name = to.display_name
    except HeardError as refusal:
        field = "hand-over-note" if "note" in str(refusal) else "hand-over-to"
        return _refused(alert_id, {field: str(refusal)}, form=form)
    flash(f"You handed alert {alert_id} over to {name}. They have been told by email and chat.")
    return redirect(url_for(".alert", alert_id=alert_id))


@blueprint.route("/alerts/<int:alert_id>/contact-details", methods=["POST"])
@allow(PO)
def reveal_contact(alert_id: int) -> Any:
    config = settings()
    cipher = ContactCipher.from_settings(config.contact_key, config.secret_key)
    try:
        with writing() as session:
            queued = found(
                alerts.alert_for, session, alert_id=alert_id, officer=me(session), now=utcnow()
            )
            details = contact_requests.read_contact_details(
                session,
                response_id=queued.alert.response_id,
                reader=signed_in_staff().email,
                cipher=cipher,
                now=utcnow(),
            )
            page = render(
                "contact_details.html",
                queued=queued,
                details=details,
                method=METHOD_LABELS.get(details.method, details.method),
            )
    except HeardError as refusal:
        return _refused(alert_id, {"contact": str(refusal)})
    return page


def _alert_page(
    session: Session,
    alert_id: int,
    errors: dict[str, str] | None = None,
    status: int = 200,
    form: dict[str, str] | None = None,
) -> Any:
    officer = me(session)
    queued = found(alerts.alert_for, session, alert_id=alert_id, officer=officer, now=utcnow())
    contact = contact_requests.contact_status(session, response_id=queued.alert.response_id)
    return render(
        "alert.html",
        status,
        queued=queued,
        contact=contact,
        method=METHOD_LABELS.get(contact.method, contact.method) if contact else "",
        hand_overs=alerts.hand_overs(session, alert_id=alert_id),
        candidates=alerts.hand_over_candidates(
            session, alert=queued.alert, by=officer, now=utcnow()
        ),
        errors=errors or {},
        form=form or {},
    )


def _refused(
    alert_id: int, errors: dict[str, str], status: int = 400, form: dict[str, str] | None = None
) -> Any:
    """The alert page again with the reason at the top; the transaction changed nothing."""
    with reading() as session:
        return _alert_page(session, alert_id, errors, status, form)


def _status(refusal: HeardError) -> int:
    return STALE if isinstance(refusal, alerts.AlreadyDone) else 400
