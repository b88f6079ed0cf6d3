from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from heard.models import OutboxMessage
from surveys import responses
from surveys.alerts import AlertRouting
from surveys.contact import ContactCipher, ContactDetailsInvalid
from surveys.models import Alert, ContactRequest, Response
from surveys.questionnaires import questionnaire_for
from tests.factories import AMIRA, NOW, make_invitation

ROUTING = AlertRouting(
    base_url="https://heard.test",
    duty_inbox_email="duty@example.org",
    duty_chat_channel="#duty",
    assistant_head_email="heads@example.org",
    assistant_head_chat_channel="#heads",
    ack_minutes=60,
)
CIPHER = ContactCipher.from_settings("", "test-secret")


def answer_everything(session, response, comments: str = "") -> None:
    for q in responses.questionnaire_of(response).questions:
        value = comments if q.kind == "text" else q.options[0].value
        if q.kind == "text" and not comments:
            continue
        responses.record_answer(
            session,
            response=response,
            question_key=q.key,
            value=value,
            now=NOW,
            max_text_length=4000,
        )


def started(session, **kwargs) -> Response:
    issued = make_invitation(session, **kwargs)
    return responses.start_or_resume(session, invitation=issued.invitation, now=NOW)


def test_a_parent_at_an_icpc_is_asked_whether_the_po_contacted_them_and_not_at_a_review():
    assert questionnaire_for("parent", "ICPC").question("po_contact") is not None
    assert questionnaire_for("parent", "RCPC").question("po_contact") is None


def test_answers_are_kept_as_the_respondent_goes_and_the_same_link_resumes(session):
    response = started(session)
    responses.record_answer(
        session,
        response=response,
        question_key="felt_prepared",
        value="no",
        now=NOW,
        max_text_length=4000,
    )
    session.commit()
    again = responses.start_or_resume(
        session, invitation=response.invitation, now=NOW + timedelta(hours=3)
    )
    assert again.id == response.id
    assert responses.answers_of(again) == {"felt_prepared": "no"}
    assert responses.next_unanswered(again).key == "report_received"


def test_changing_an_answer_replaces_it(session):
    response = started(session)
    for value in ("yes", "partly"):
        responses.record_answer(
            session,
            response=response,
            question_key="respect",
            value=value,
            now=NOW,
            max_text_length=4000,
        )
    assert responses.answers_of(response) == {"respect": "partly"}


@pytest.mark.parametrize(
    ("key", "value"), [("respect", "maybe"), ("respect", ""), ("nonsense", "yes")]
)
def test_an_answer_that_does_not_fit_is_refused_and_nothing_is_stored(session, key, value):
    response = started(session)
    with pytest.raises(responses.AnswerInvalid):
        responses.record_answer(
            session, response=response, question_key=key, value=value, now=NOW, max_text_length=4000
        )
    assert responses.answers_of(response) == {}


def test_an_oversized_comment_is_refused(session):
    response = started(session)
    with pytest.raises(responses.AnswerInvalid, match="too long"):
        responses.record_answer(
            session,
            response=response,
            question_key="comments",
            value="x" * 4001,
            now=NOW,
            max_text_length=4000,
        )


def test_ordinary_feedback_is_submitted_without_an_alert(session):
    response = started(session)
    answer_everything(session, response, "The chair was kind and explained everything.")
    submission = responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    assert not submission.flagged and response.submitted_at == NOW
    assert session.scalar(select(Alert)) is None
    assert session.scalar(select(OutboxMessage)) is None


def test_a_disclosure_raises_an_alert_to_the_chair_and_the_duty_inbox_without_the_words(session):
    response = started(session, language="en")
    words = "The report came the day before. I am scared of my partner, he hits me."
    answer_everything(session, response, words)
    submission = responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    assert submission.flagged and response.flagged
    alert = session.scalar(select(Alert))
    assert alert.kind == "disclosure" and alert.reasons
    messages = session.scalars(select(OutboxMessage)).all()
    assert {(m.channel, m.recipient) for m in messages} == {
        ("email", AMIRA),
        ("email", "duty@example.org"),
        ("chat", "#duty"),
    }
    for message in messages:
        assert "partner" not in message.body and "hits" not in message.body
        assert f"https://heard.test/staff/alerts/{alert.id}" in message.body


def test_a_disclosure_in_urdu_is_flagged(session):
    response = started(session, language="ur")
    answer_everything(session, response, "مجھے اپنے شوہر سے ڈر لگتا ہے، وہ مجھے مارتا ہے")
    assert responses.submit_response(session, response=response, now=NOW, routing=ROUTING).flagged


def test_submitting_twice_records_once(session):
    response = started(session)
    answer_everything(session, response, "he hits me")
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    second = responses.submit_response(
        session, response=response, now=NOW + timedelta(seconds=2), routing=ROUTING
    )
    assert second.already_submitted and response.submitted_at == NOW
    assert len(session.scalars(select(Alert)).all()) == 1


def test_a_response_cannot_be_submitted_with_questions_unanswered(session):
    response = started(session)
    with pytest.raises(responses.AnswerInvalid):
        responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    assert response.submitted_at is None


def test_a_submitted_response_cannot_be_changed(session):
    response = started(session)
    answer_everything(session, response)
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    with pytest.raises(responses.ResponseClosed):
        responses.record_answer(
            session,
            response=response,
            question_key="respect",
            value="no",
            now=NOW,
            max_text_length=4000,
        )


def test_contact_details_are_encrypted_at_rest_and_raise_a_contact_alert(session):
    response = started(session)
    answer_everything(session, response)
    responses.record_contact_choice(
        session,
        response=response,
        wants_contact=True,
        method="phone",
        details="07700 900982",
        cipher=CIPHER,
        now=NOW,
    )
    stored = session.scalar(select(ContactRequest))
    assert b"07700" not in stored.details_encrypted
    assert CIPHER.decrypt(stored.details_encrypted) == "07700 900982"
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    assert session.scalar(select(Alert)).kind == "contact_request"


@pytest.mark.parametrize(
    ("method", "details"), [("phone", "12"), ("email", "not-an-email"), ("pigeon", "")]
)
def test_bad_contact_details_are_refused_and_nothing_is_kept(session, method, details):
    response = started(session)
    with pytest.raises(ContactDetailsInvalid):
        responses.record_contact_choice(
            session,
            response=response,
            wants_contact=True,
            method=method,
            details=details,
            cipher=CIPHER,
            now=NOW,
        )
    assert session.scalar(select(ContactRequest)) is None


def test_contact_through_the_social_worker_keeps_no_details(session):
    response = started(session)
    responses.record_contact_choice(
        session,
        response=response,
        wants_contact=True,
        method="social_worker",
        details="ignored",
        cipher=CIPHER,
        now=NOW,
    )
    assert session.scalar(select(ContactRequest)).details_encrypted is None


def test_open_feedback_is_marked_unverified(session):
    response = responses.start_open_response(
        session, respondent_type="child", conference_type=None, language="ar", now=NOW
    )
    assert not response.verified and response.invitation_id is None and response.language == "ar"
