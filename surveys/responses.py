"""Recording feedback: answers kept as the respondent goes, submitted once, screened, alerted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.errors import HeardError
from heard.i18n import N_, is_supported
from surveys import alerts
from surveys.contact import ContactCipher, clean_details
from surveys.models import Answer, ContactRequest, Invitation, RespondentType, Response
from surveys.questionnaires import CHOICE, FACES, TEXT, Question, Questionnaire, questionnaire_for
from surveys.screening import screen_text


class AnswerInvalid(HeardError):
    """The answer given does not fit the question; the message says what to do."""


class ResponseClosed(HeardError):
    """The response was already submitted; nothing more can change it."""


@dataclass(frozen=True)
class Submission:
    response: Response
    flagged: bool
    reasons: tuple[str, ...]
    already_submitted: bool


def questionnaire_of(response: Response) -> Questionnaire:
    return questionnaire_for(response.respondent_type, response.conference_type)


def start_or_resume(session: Session, *, invitation: Invitation, now: datetime) -> Response:
    """The invitation's response, started now if this is the first visit."""
    response = session.scalar(select(Response).where(Response.invitation_id == invitation.id))
    if response is not None:
        return response
    conference = invitation.conference
    questionnaire = questionnaire_for(invitation.respondent_type, conference.conference_type)
    response = Response(
        invitation_id=invitation.id,
        conference_id=conference.id,
        site_id=conference.site_id,
        respondent_type=invitation.respondent_type,
        conference_type=conference.conference_type,
        questionnaire=questionnaire.key,
        language=invitation.language,
        verified=True,
        started_at=now,
        updated_at=now,
    )
    session.add(response)
    session.flush()
    return response


def start_open_response(
    session: Session,
    *,
    respondent_type: str,
    conference_type: str | None,
    language: str,
    now: datetime,
) -> Response:
    """A response from the general (poster) QR code: no token, so marked unverified."""
    if respondent_type not in {r.value for r in RespondentType}:
        raise AnswerInvalid(N_("Select who you are"))
    questionnaire = questionnaire_for(respondent_type, conference_type)
    response = Response(
        respondent_type=respondent_type,
        conference_type=conference_type,
        questionnaire=questionnaire.key,
        language=language if is_supported(language) else "en",
        verified=False,
        started_at=now,
        updated_at=now,
    )
    session.add(response)
    session.flush()
    return response


def record_answer(
    session: Session,
    *,
    response: Response,
    question_key: str,
    value: str,
    now: datetime,
    max_text_length: int,
) -> Answer | None:
    """Keep one answer as soon as it is given; an empty optional answer clears it."""
    _check_open(response)
    question = questionnaire_of(response).question(question_key)
    if question is None:
        raise AnswerInvalid(N_("That question is not part of this form"))
    cleaned = _clean(question, value, max_text_length)
    answer = next((a for a in response.answers if a.question_key == question_key), None)
    if cleaned == "":
        if answer is not None:
            response.answers.remove(answer)
        return None
    if answer is None:
        answer = Answer(question_key=question_key, value=cleaned, answered_at=now)
        response.answers.append(answer)
    else:
        answer.value, answer.answered_at = cleaned, now
    response.updated_at = now
    session.flush()
    return answer


def _clean(question: Question, value: str, max_text_length: int) -> str:
    value = (value or "").strip()
    if question.kind == TEXT:
        if len(value) > max_text_length:
            raise AnswerInvalid(N_("Your answer is too long: please shorten it"))
        return value.replace("\x00", "")
    if question.kind in (CHOICE, FACES):
        if value == "" and question.optional:
            return ""
        if value not in question.values():
            raise AnswerInvalid(N_("Select an answer"))
    return value


def answers_of(response: Response) -> dict[str, str]:
    return {answer.question_key: answer.value for answer in response.answers}


def next_unanswered(response: Response) -> Question | None:
    """The first required question still without an answer."""
    given = answers_of(response)
    for question in questionnaire_of(response).questions:
        if not question.optional and question.key not in given:
            return question
    return None


def record_contact_choice(
    session: Session,
    *,
    response: Response,
    wants_contact: bool,
    method: str,
    details: str,
    cipher: ContactCipher,
    now: datetime,
) -> None:
    """Keep the respondent's consent to be contacted, and how, with the details encrypted."""
    _check_open(response)
    existing = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response.id)
    )
    if not wants_contact:
        if existing is not None:
            session.delete(existing)
        return
    cleaned = clean_details(method, details)
    encrypted = cipher.encrypt(cleaned) if cleaned else None
    if existing is None:
        session.add(
            ContactRequest(
                response_id=response.id, method=method, details_encrypted=encrypted, created_at=now
            )
        )
    else:
        existing.method, existing.details_encrypted = method, encrypted
    session.flush()


def contact_request_of(session: Session, response: Response) -> ContactRequest | None:
    return session.scalar(select(ContactRequest).where(ContactRequest.response_id == response.id))


def submit_response(
    session: Session,
    *,
    response: Response,
    now: datetime,
    routing: alerts.AlertRouting,
) -> Submission:
    """Finish the response: screen its words and raise an alert in the same transaction."""
    if response.submitted_at is not None:
        return Submission(response, response.flagged, (), already_submitted=True)
    missing = next_unanswered(response)
    if missing is not None:
        raise AnswerInvalid(N_("Answer every question before sending your feedback"))
    reasons = screen_answers(response)
    response.flagged = bool(reasons)
    response.submitted_at = now
    response.updated_at = now
    wants_contact = contact_request_of(session, response) is not None
    if reasons or wants_contact:
        alerts.raise_alert(
            session,
            response=response,
            reasons=reasons,
            contact_requested=wants_contact,
            now=now,
            routing=routing,
        )
    session.flush()
    return Submission(response, bool(reasons), reasons, already_submitted=False)


def screen_answers(response: Response) -> tuple[str, ...]:
    """Every reason the screen found across the response's free-text answers."""
    questionnaire = questionnaire_of(response)
    found: set[str] = set()
    for answer in response.answers:
        question = questionnaire.question(answer.question_key)
        if question is not None and question.kind == TEXT:
            found.update(screen_text(answer.value, response.language).reasons)
    return tuple(sorted(found))


def _check_open(response: Response) -> None:
    if response.submitted_at is not None:
        raise ResponseClosed(N_("This feedback has already been sent. Thank you."))
