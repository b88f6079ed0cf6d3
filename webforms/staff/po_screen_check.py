"""The weekly human check on the screen: a PO reads a sample of last week's unflagged answers
and records a finding for each; a missed disclosure raises an alert at once.

Opening the sample reads the answers' words, so every opening is audit-logged (per answer).
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, request, url_for

from heard.clock import utcnow
from heard.errors import HeardError, NotFound
from staff.roles import Role
from surveys import screen_check
from surveys.alerts import AlertRouting
from surveys.questionnaires import all_questionnaires
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.po_common import (
    STALE,
    blueprint,
    found,
    reading,
    render,
    settings,
    writing,
)

PO = Role.PRINCIPAL_OFFICER
QUESTIONS = {q.key: str(q.text) for qn in all_questionnaires() for q in qn.questions}
FINDINGS = [
    (str(finding), label.capitalize()) for finding, label in screen_check.FINDING_LABELS.items()
]


@blueprint.route("/screen-check", endpoint="screen_checks")
@allow(PO)
def screen_checks_page() -> Any:
    """The weekly samples, newest first, with how many answers are read so far, and the misses
    found per quarter: the screen's misses measured in service. No answer's words are read."""
    with reading() as session:
        return render(
            "screen_checks.html",
            samples=screen_check.samples(session),
            figures=screen_check.figures(session),
        )


@blueprint.route("/screen-check/<int:sample_id>", methods=["GET", "POST"], endpoint="screen_check")
@allow(PO)
def screen_check_page(sample_id: int) -> Any:
    if request.method == "GET":
        return _page(sample_id)
    item_id, finding = request.form.get("item", ""), request.form.get("finding", "")
    field = f"finding-{item_id}"
    if not item_id.isdigit():
        abort(404)
    if not finding:
        return _page(sample_id, {field: "Choose what you found"}, 400)
    try:
        with writing() as session:
            sample = found(screen_check.get_sample, session, sample_id)
            if int(item_id) not in {item.id for item in sample.items}:
                abort(404)  # an item of another week's sample: as if it were not there
            screen_check.record_finding(
                session,
                item_id=int(item_id),
                finding=finding,
                by=signed_in_staff().email,
                now=utcnow(),
                routing=AlertRouting.from_settings(settings()),
            )
    except NotFound:
        abort(404)
    except HeardError as refusal:
        status = STALE if "already recorded" in str(refusal) else 400
        return _page(sample_id, {field: str(refusal)}, status)
    if finding == screen_check.Finding.MISSED_DISCLOSURE:
        flash("You recorded a missed disclosure: an alert has been raised for the duty PO.")
    else:
        flash("You recorded your finding.")
    return redirect(url_for(".screen_check", sample_id=sample_id) + f"#item-{item_id}")


def _page(sample_id: int, errors: dict[str, str] | None = None, status: int = 200) -> Any:
    with writing() as session:
        sample = found(screen_check.get_sample, session, sample_id)
        items = screen_check.read_sample(
            session, sample_id=sample_id, reader=signed_in_staff().email, now=utcnow()
        )
        return render(
            "screen_check.html",
            status,
            sample=sample,
            items=items,
            questions=QUESTIONS,
            findings=FINDINGS,
            labels={str(k): v for k, v in screen_check.FINDING_LABELS.items()},
            errors=errors or {},
        )
