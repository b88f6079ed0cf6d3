"""A response, read by a PO: free text redacted by default, the original only on an explicit,
audit-logged request. Both reads leave an audit row (the read guard fails a page that does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.redaction import redact
from heard.clock import utcnow
from staff.roles import Role
from surveys import contact_requests
from surveys.models import Alert, Response
from surveys.questionnaires import TEXT
from surveys.responses import questionnaire_of
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.po_common import blueprint, found, me, render, writing

PO = Role.PRINCIPAL_OFFICER


@dataclass(frozen=True)
class Shown:
    """One answer as the page shows it."""

    question: str
    answer: str
    free_text: bool
    redacted: bool  # something was taken out of this free text


@blueprint.route("/responses/<int:response_id>")
@allow(PO)
def response(response_id: int) -> Any:
    with writing() as session:
        found(_visible, session, response_id)
        read = contact_requests.read_response(
            session, response_id=response_id, reader=signed_in_staff().email, now=utcnow()
        )
        return _page(session, read, original=False)


@blueprint.route("/responses/<int:response_id>/original", methods=["POST"])
@allow(PO)
def reveal_response(response_id: int) -> Any:
    with writing() as session:
        found(_visible, session, response_id)
        read = contact_requests.read_original_response(
            session, response_id=response_id, reader=signed_in_staff().email, now=utcnow()
        )
        return _page(session, read, original=True)


def _visible(session: Session, response_id: int) -> Response:
    # The site rule first: another site's response is refused before any answer is read.
    return contact_requests.response_for(
        session, response_id=response_id, officer=me(session), now=utcnow()
    )


def _page(session: Session, response: Response, *, original: bool) -> Any:
    alert_id = session.scalar(select(Alert.id).where(Alert.response_id == response.id))
    shown = _shown(response, original=original)
    return render(
        "response.html",
        response=response,
        answers=shown,
        original=original,
        any_redacted=any(a.redacted for a in shown),
        alert_id=alert_id,
    )


def _shown(response: Response, *, original: bool) -> list[Shown]:
    questionnaire = questionnaire_of(response)
    given = {answer.question_key: answer.value for answer in response.answers}
    rows = []
    for question in questionnaire.questions:
        if question.key not in given:
            continue
        value = given[question.key]
        if question.kind == TEXT:
            cleaned = value if original else redact(value).text
            rows.append(Shown(str(question.text), cleaned, True, cleaned != value))
        else:
            labels = {option.value: str(option.label) for option in question.options}
            rows.append(Shown(str(question.text), labels.get(value, value), False, False))
    return rows
