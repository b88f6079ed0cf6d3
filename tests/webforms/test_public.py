from __future__ import annotations

import logging

import pytest
import time_machine
from sqlalchemy import func, select

from surveys.models import Alert, Answer, ContactRequest, Response
from surveys.questionnaires import questionnaire_for
from tests.factories import NOW, make_invitation
from tests.webforms.conftest import csrf_of, post_form


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def invitation(sessions):
    with sessions() as session:
        issued = make_invitation(session, language="ur")
        session.commit()
        return issued


def walk_questions(
    client, respondent: str = "parent", conference: str = "ICPC", comments: str = "Thank you"
) -> None:
    for q in questionnaire_for(respondent, conference).questions:
        value = comments if q.kind == "text" else q.options[-1].value
        reply = post_form(client, f"/feedback/q/{q.key}", {"answer": value})
        assert reply.status_code == 303, (q.key, reply.get_data(as_text=True)[:500])


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_qr_link_opens_the_form_in_the_invitations_language(client, invitation):
    reply = client.get(f"/f/{invitation.token}")
    assert reply.status_code == 303 and reply.location.endswith("/feedback")
    page = client.get("/feedback").get_data(as_text=True)
    assert 'lang="ur"' in page and 'dir="rtl"' in page


def test_the_respondent_can_switch_language(client, invitation):
    client.get(f"/f/{invitation.token}")
    page = client.get("/feedback?lang=pl").get_data(as_text=True)
    assert 'lang="pl"' in page and 'dir="ltr"' in page


def test_a_parent_completes_the_form_and_it_is_stored(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    walk_questions(client, comments="Everything was explained well.")
    reply = post_form(client, "/feedback/contact", {"wants_contact": "no"})
    assert reply.status_code == 303 and reply.location.endswith("/feedback/done")
    done = client.get("/feedback/done").get_data(as_text=True)
    assert "999" in done
    with sessions() as session:
        response = session.scalar(select(Response))
        assert response.submitted_at is not None and not response.flagged
        assert len(response.answers) == len(questionnaire_for("parent", "ICPC").questions)


def test_a_disclosure_with_consent_to_be_phoned_raises_one_alert(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    walk_questions(
        client,
        comments="I got the report the day before and nobody explained it. I am scared of my partner.",
    )
    reply = post_form(
        client,
        "/feedback/contact",
        {"wants_contact": "yes", "method": "phone", "phone_details": "07700 900982"},
    )
    assert reply.status_code == 303
    assert "look at what you said today" in client.get("/feedback/done?lang=en").get_data(
        as_text=True
    )
    with sessions() as session:
        alert = session.scalar(select(Alert))
        assert alert.kind == "disclosure" and "contact_requested" in alert.reasons
        assert session.scalar(select(ContactRequest)).details_encrypted


def test_leaving_half_way_loses_nothing_and_the_same_link_resumes(app, invitation, sessions):
    first = app.test_client()
    first.get(f"/f/{invitation.token}")
    post_form(first, "/feedback/q/report_received", {"answer": "day_before"})
    later = app.test_client()  # another visit, with no cookie
    later.get(f"/f/{invitation.token}")
    page = later.get("/feedback/q/report_received").get_data(as_text=True)
    assert 'value="day_before" checked' in page


def test_a_used_link_says_so_kindly_and_still_shows_who_to_call(client, invitation):
    client.get(f"/f/{invitation.token}")
    walk_questions(client)
    post_form(client, "/feedback/contact", {"wants_contact": "no"})
    reply = client.get(f"/f/{invitation.token}?lang=en")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 410 and "already" in page and "999" in page


def test_an_expired_link_says_so_and_a_forged_one_is_not_found(client, invitation):
    with time_machine.travel(NOW.replace(year=2027), tick=False):
        reply = client.get(f"/f/{invitation.token}?lang=en")
    assert reply.status_code == 410 and "closed" in reply.get_data(as_text=True)
    assert client.get("/f/ABCDEFGHJKMNPQRSTVWXYZ0123?lang=en").status_code == 404


def test_submitting_twice_records_once(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    walk_questions(client, comments="my dad hits me")
    page = client.get("/feedback/contact").get_data(as_text=True)
    token = csrf_of(page)
    first = client.post("/feedback/contact", data={"wants_contact": "no", "csrf_token": token})
    second = client.post("/feedback/contact", data={"wants_contact": "no", "csrf_token": token})
    assert first.status_code == second.status_code == 303
    assert count(sessions, Alert) == 1 and count(sessions, Response) == 1


def test_a_post_without_csrf_is_refused_and_changes_nothing(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    reply = client.post("/feedback/q/respect", data={"answer": "yes"})
    assert reply.status_code == 400
    assert count(sessions, Answer) == 0


def test_an_invalid_answer_shows_the_error_summary_and_changes_nothing(
    client, invitation, sessions
):
    client.get(f"/f/{invitation.token}?lang=en")
    reply = post_form(client, "/feedback/q/respect", {"answer": "sometimes"})
    page = reply.get_data(as_text=True)
    assert reply.status_code == 400 and "govuk-error-summary" in page and "<title>Error:" in page
    assert count(sessions, Answer) == 0


def test_an_oversized_comment_is_refused_clearly(client, invitation, sessions):
    client.get(f"/f/{invitation.token}?lang=en")
    reply = post_form(client, "/feedback/q/comments", {"answer": "x" * 5000})
    assert reply.status_code == 400 and "too long" in reply.get_data(as_text=True)
    assert count(sessions, Answer) == 0


def test_a_huge_body_is_refused_with_413(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    reply = client.post("/feedback/q/comments", data={"answer": "x" * 200_000})
    assert reply.status_code == 413
    assert count(sessions, Answer) == 0


def test_a_wrong_content_type_is_refused(client, invitation, sessions):
    client.get(f"/f/{invitation.token}")
    reply = client.post(
        "/feedback/q/respect", data='{"answer": "yes"}', content_type="application/json"
    )
    assert reply.status_code == 400
    assert count(sessions, Answer) == 0


def test_the_typed_code_opens_the_same_invitation(client, invitation):
    reply = post_form(client, "/code", {"code": invitation.typed_code.lower()})
    assert reply.status_code == 303 and reply.location.endswith("/feedback")


def test_a_mistyped_code_gets_a_clear_error(client):
    reply = post_form(client, "/code?lang=en", {"code": "1234"})
    assert reply.status_code == 400 and "26 letters and numbers" in reply.get_data(as_text=True)


def test_open_feedback_is_stored_unverified(client, sessions):
    reply = post_form(
        client, "/feedback/open", {"respondent_type": "professional", "conference_type": "RCPC"}
    )
    assert reply.status_code == 303
    walk_questions(client, "professional", "RCPC")
    post_form(client, "/feedback/contact", {"wants_contact": "no"})
    with sessions() as session:
        response = session.scalar(select(Response))
        assert (
            response.submitted_at
            and not response.verified
            and response.respondent_type == "professional"
        )


def test_open_feedback_refuses_a_missing_choice(client, sessions):
    reply = post_form(client, "/feedback/open?lang=en", {"respondent_type": "alien"})
    assert reply.status_code == 400 and "Select who you are" in reply.get_data(as_text=True)
    assert count(sessions, Response) == 0


def test_open_feedback_is_rate_limited(app, sessions):
    client = app.test_client()
    statuses = [
        post_form(
            client, "/feedback/open", {"respondent_type": "parent", "conference_type": "ICPC"}
        ).status_code
        for _ in range(21)
    ]
    assert statuses[:20] == [303] * 20 and statuses[20] == 429


def test_the_children_form_shows_faces(client, sessions):
    with sessions() as session:
        issued = make_invitation(session, respondent_type="child")
        session.commit()
    client.get(f"/f/{issued.token}")
    page = client.get("/feedback/q/listened_to").get_data(as_text=True)
    assert "heard-faces" in page and "heard-faces__item--good" in page


def test_no_token_or_contact_detail_reaches_the_logs(client, invitation, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(f"/f/{invitation.token}")
    walk_questions(client)
    post_form(
        client,
        "/feedback/contact",
        {"wants_contact": "yes", "method": "email", "email_details": "mum@example.com"},
    )
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert invitation.token not in logged and "mum@example.com" not in logged


def test_health_is_200_with_the_database_and_503_without(client, app):
    assert client.get("/healthz").status_code == 200
    app.extensions["heard.engine"].dispose()
    app.extensions["heard.engine"].url = app.extensions["heard.engine"].url.set(
        database="/nonexistent/dir/x.db"
    )
