"""The public feedback pages. They translate requests into survey use cases and render results."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as WerkzeugResponse

from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError, NotFound
from heard.i18n import LANGUAGES, N_
from heard.models import ConferenceType
from heard.settings import Settings
from surveys import invitations, responses
from surveys.alerts import AlertRouting
from surveys.contact import METHOD_LABELS, METHODS, ContactCipher, ContactDetailsInvalid
from surveys.invitations import InvitationExpired, InvitationUsed
from surveys.models import RespondentType, Response
from surveys.questionnaires import Question
from surveys.readaloud import CONTACT_QUESTION, contact_text, question_text
from webforms.extensions import limiter
from webforms.i18n import current_language, use_language

blueprint = Blueprint("public", __name__)
RESPONSE_KEY = "response_id"
DONE_KEY = "done_response_id"


def _settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def _transaction():  # type: ignore[no-untyped-def]
    return transaction(current_app.extensions["heard.sessions"])


def _token_limit() -> str:
    return _settings().token_page_rate_limit


def _open_limit() -> str:
    return _settings().general_feedback_rate_limit


@blueprint.get("/")
def index() -> str:
    return render_template("public/index.html")


@blueprint.get("/f/<token>")
@limiter.limit(_token_limit)
def follow_link(token: str) -> WerkzeugResponse | tuple[str, int]:
    """The address in the QR code: find the invitation, remember it, and start or resume."""
    return _open_invitation(token)


@blueprint.route("/code", methods=["GET", "POST"])
@limiter.limit(_token_limit, methods=["POST"])
def enter_code() -> WerkzeugResponse | str | tuple[str, int]:
    if request.method == "GET":
        return render_template("public/code.html", error=None, code="")
    code = request.form.get("code", "")
    if len(invitations.normalise_token(code)) != invitations.TOKEN_LENGTH:
        error = N_("Enter the code from your letter. It has 26 letters and numbers.")
        return render_template("public/code.html", error=error, code=code), 400
    return _open_invitation(code)


def _open_invitation(token: str) -> WerkzeugResponse | tuple[str, int]:
    now = utcnow()
    with _transaction() as db:
        try:
            invitation = invitations.find_by_token(db, token=token, now=now)
        except InvitationUsed:
            return render_template("public/link_used.html"), 410
        except InvitationExpired:
            return render_template("public/link_expired.html"), 410
        except NotFound:
            return render_template("public/link_unknown.html"), 404
        response = responses.start_or_resume(db, invitation=invitation, now=now)
        response_id, language = response.id, invitation.language
    session.clear()
    session[RESPONSE_KEY] = response_id
    session["lang"] = (
        request.args.get("lang") if request.args.get("lang") in LANGUAGES else language
    )
    session.permanent = False
    return redirect(url_for("public.start"), code=303)


@blueprint.route("/feedback/open", methods=["GET", "POST"])
@limiter.limit(_open_limit, methods=["POST"])
def open_feedback() -> WerkzeugResponse | str | tuple[str, int]:
    """Feedback from a poster or leaflet QR code: no token, so the response is marked unverified."""
    if request.method == "GET":
        return render_template("public/open.html", errors={}, values={})
    respondent = request.form.get("respondent_type", "")
    conference = request.form.get("conference_type", "")
    errors = {}
    if respondent not in {r.value for r in RespondentType}:
        errors["respondent_type"] = N_("Select who you are")
    if conference not in {*(t.value for t in ConferenceType), "not_sure"}:
        errors["conference_type"] = N_("Select which conference, or 'I am not sure'")
    if errors:
        return render_template("public/open.html", errors=errors, values=request.form), 400
    with _transaction() as db:
        response = responses.start_open_response(
            db,
            respondent_type=respondent,
            conference_type=None if conference == "not_sure" else conference,
            language=current_language().code,
            now=utcnow(),
        )
        response_id = response.id
    session[RESPONSE_KEY] = response_id
    session["lang"] = current_language().code
    return redirect(url_for("public.start"), code=303)


def _load(db: Session) -> Response:
    response_id = session.get(RESPONSE_KEY)
    response = db.get(Response, response_id) if isinstance(response_id, int) else None
    if response is None:
        abort(404)
    return response


def _pin_language(response: Response) -> None:
    if "lang" not in session and not request.args.get("lang"):
        use_language(LANGUAGES.get(response.language, LANGUAGES["en"]))


@blueprint.get("/feedback")
def start() -> WerkzeugResponse | str:
    with _transaction() as db:
        response = _load(db)
        if response.submitted_at is not None:
            return redirect(url_for("public.done"), code=303)
        _pin_language(response)
        first = responses.next_unanswered(response)
        questions = responses.questionnaire_of(response).questions
        target = first.key if first else None
        return render_template(
            "public/start.html",
            response=response,
            next_url=url_for("public.question", key=target)
            if target
            else url_for("public.contact"),
            question_count=len(questions),
        )


@blueprint.route("/feedback/q/<key>", methods=["GET", "POST"])
def question(key: str) -> WerkzeugResponse | str | tuple[str, int]:
    """One question a page: the answer is kept the moment it is given."""
    with _transaction() as db:
        response = _load(db)
        if response.submitted_at is not None:
            return redirect(url_for("public.done"), code=303)
        _pin_language(response)
        questionnaire = responses.questionnaire_of(response)
        q = questionnaire.question(key)
        if q is None:
            abort(404)
        value = responses.answers_of(response).get(key, "")
        error = None
        if request.method == "POST":
            value = request.form.get("answer", "")
            try:
                responses.record_answer(
                    db,
                    response=response,
                    question_key=key,
                    value=value,
                    now=utcnow(),
                    max_text_length=_settings().max_text_length,
                )
            except HeardError as refusal:
                error = str(refusal)
            else:
                return redirect(_after(questionnaire.questions, key), code=303)
        position = questionnaire.position(key)
        page = render_template(
            "public/question.html",
            q=q,
            value=value,
            error=error,
            number=position + 1,
            total=len(questionnaire.questions),
            back_url=_before(questionnaire.questions, key),
            spoken=question_text(current_language().code, q),
            max_length=_settings().max_text_length,
            respondent_type=response.respondent_type,
        )
        return (page, 400) if error else page


def _after(questions: tuple[Question, ...], key: str) -> str:
    keys = [q.key for q in questions]
    index = keys.index(key)
    if index + 1 < len(keys):
        return url_for("public.question", key=keys[index + 1])
    return url_for("public.contact")


def _before(questions: tuple[Question, ...], key: str) -> str:
    keys = [q.key for q in questions]
    index = keys.index(key)
    return url_for("public.question", key=keys[index - 1]) if index else url_for("public.start")


@blueprint.route("/feedback/contact", methods=["GET", "POST"])
def contact() -> WerkzeugResponse | str | tuple[str, int]:
    """Whether we may contact them, and how; then the feedback is sent."""
    with _transaction() as db:
        response = _load(db)
        if response.submitted_at is not None:
            return redirect(url_for("public.done"), code=303)
        _pin_language(response)
        questions = responses.questionnaire_of(response).questions
        errors: dict[str, str] = {}
        values = dict(request.form) if request.method == "POST" else {}
        if request.method == "POST":
            errors = _save_contact_and_submit(db, response, values)
            if not errors:
                session[DONE_KEY] = response.id
                return redirect(url_for("public.done"), code=303)
        page = render_template(
            "public/contact.html",
            errors=errors,
            values=values,
            methods=[(m, METHOD_LABELS[m]) for m in METHODS],
            back_url=url_for("public.question", key=questions[-1].key),
            spoken=contact_text(current_language().code),
            heading=CONTACT_QUESTION,
            respondent_type=response.respondent_type,
        )
        return (page, 400) if errors else page


def _save_contact_and_submit(
    db: Session, response: Response, values: dict[str, str]
) -> dict[str, str]:
    wants = values.get("wants_contact", "")
    if wants not in ("yes", "no"):
        return {"wants_contact": N_("Select yes if we can contact you")}
    method = values.get("method", "")
    details = values.get(f"{method}_details", "") if method in METHODS else ""
    settings = _settings()
    cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
    now = utcnow()
    try:
        responses.record_contact_choice(
            db,
            response=response,
            wants_contact=wants == "yes",
            method=method,
            details=details,
            cipher=cipher,
            now=now,
        )
    except ContactDetailsInvalid as refusal:
        field = f"{method}_details" if method in METHODS else "method"
        return {field: str(refusal)}
    try:
        responses.submit_response(
            db, response=response, now=now, routing=AlertRouting.from_settings(settings)
        )
    except responses.AnswerInvalid as refusal:
        return {"wants_contact": str(refusal)}
    return {}


@blueprint.get("/feedback/done")
def done() -> str:
    response_id = session.get(DONE_KEY) or session.get(RESPONSE_KEY)
    with _transaction() as db:
        response = db.get(Response, response_id) if isinstance(response_id, int) else None
        submitted = response is not None and response.submitted_at is not None
        flagged = bool(response and response.flagged)
        if response is not None:
            _pin_language(response)
    return render_template("public/done.html", submitted=submitted, flagged=flagged)
