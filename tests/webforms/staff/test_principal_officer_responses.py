"""A response, read by a PO: choices in words, free text redacted, the original only on a POST;
each read leaves its own audit row."""

from __future__ import annotations

from sqlalchemy import select

from heard.models import AuditEntry
from staff.roles import Role
from surveys import responses
from surveys.models import Response
from surveys.questionnaires import questionnaire_for
from tests.factories import AMIRA, NOW, make_invitation
from tests.webforms.staff.test_principal_officer import flagged, frozen, post  # noqa: F401

FRIENDLY = "Thank you to Mrs Patel, she explained everything."


def reads(session) -> list[tuple[str, str]]:
    return [
        (entry.action, entry.record_id)
        for entry in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == "response").order_by(AuditEntry.id)
        )
    ]


def test_the_response_shows_choices_in_words_and_free_text_redacted(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings, words=FRIENDLY)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = client.get(f"/staff/responses/{alert.response_id}")
    assert page.status_code == 200
    assert "Thank you to [name], she explained everything." in page.text
    assert "Patel" not in page.text
    first = questionnaire_for("parent", "ICPC").questions[0]
    assert f"{first.text}</dt>" in page.text.replace("&#39;", "'")
    assert f"{first.options[0].label}</dd>" in page.text
    assert f"Back to alert {alert.id}" in page.text
    assert reads(session) == [("read", str(alert.response_id))]


def test_the_original_words_are_shown_only_on_an_explicit_audited_request(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings, words=FRIENDLY)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    url = f"/staff/responses/{alert.response_id}"
    assert client.get(f"{url}/original").status_code == 405  # never by a link or a GET
    shown = post(client, url, f"{url}/original")
    assert shown.status_code == 200 and "Mrs Patel" in shown.text
    assert "original words. This is recorded in the audit log" in shown.text
    assert reads(session) == [
        ("read", str(alert.response_id)),
        ("read", str(alert.response_id)),
        ("read original", str(alert.response_id)),
    ]
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "read original"))
    assert (entry.actor, entry.at) == (AMIRA, NOW) and "Patel" not in entry.detail


def test_a_response_not_yet_sent_is_not_found_and_nothing_is_read(client, session, sign_in_as):
    issued = make_invitation(session)
    started = responses.start_or_resume(session, invitation=issued.invitation, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert client.get(f"/staff/responses/{started.id}").status_code == 404
    assert client.get("/staff/responses/999999").status_code == 404
    assert reads(session) == []
    assert session.get(Response, started.id).submitted_at is None
