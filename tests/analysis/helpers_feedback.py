"""Submitted responses with answers, built straight through the ORM (fast, any time)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from surveys.models import Answer, Response
from surveys.questionnaires import questionnaire_for
from tests.factories import NOW, make_site


def make_response(
    session: Session,
    *,
    respondent_type: str = "parent",
    site: str | None = "One Avenue Road",
    submitted_at: datetime | None = NOW,
    answers: Mapping[str, str] | None = None,
    comment: str | None = None,
    flagged: bool = False,
    language: str = "en",
    conference_type: str = "ICPC",
) -> Response:
    """A response with ANSWERS (question key -> value) and COMMENT in its free-text question."""
    questionnaire = questionnaire_for(respondent_type, conference_type)
    given = dict(answers or {})
    if comment is not None:
        text_key = "tell_adults" if respondent_type == "child" else "comments"
        given[text_key] = comment
    started = (submitted_at or NOW) - timedelta(minutes=5)
    response = Response(
        site_id=make_site(session, site).id if site else None,
        respondent_type=respondent_type,
        conference_type=conference_type,
        questionnaire=questionnaire.key,
        language=language,
        started_at=started,
        updated_at=submitted_at or started,
        submitted_at=submitted_at,
        flagged=flagged,
        answers=[Answer(question_key=k, value=v, answered_at=started) for k, v in given.items()],
    )
    session.add(response)
    session.flush()
    return response
