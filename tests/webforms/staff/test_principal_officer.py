"""Principal Officer pages: the alerts queue (the duty PO's story), and what the other PO page
tests share: a flagged response with a request to be contacted, and posting a page's form."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from bot.rota import set_rotation
from heard.models import AuditEntry, OutboxMessage
from staff.roles import Role
from surveys import alerts, responses
from surveys.contact import ContactCipher
from surveys.models import Alert, ContactRequest
from tests.factories import (
    AMIRA,
    DANIEL,
    LIFFORD_HOUSE,
    NOW,
    ONE_AVENUE_ROAD,
    make_conference,
    make_invitation,
    make_officer,
)
from tests.surveys.test_responses import ROUTING, answer_everything
from tests.webforms.conftest import csrf_of

WORDS = "My dad hits me. Call Sarah Jones on 07700 900123."
PHONE = "07700 900123"
BEN = "ben.smith@example.org"  # another PO at One Avenue Road
CASES = itertools.count(2001)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def flagged(session, settings, *, site=ONE_AVENUE_ROAD, at=NOW, contact=True, words=WORDS):
    """A submitted response from a mother at an ICPC at SITE whose words raised an alert."""
    conference = make_conference(
        session,
        case_reference=f"CP-{next(CASES)}",
        site=site,
        chair=AMIRA if site == ONE_AVENUE_ROAD else DANIEL,
    )
    issued = make_invitation(session, conference=conference)
    response = responses.start_or_resume(session, invitation=issued.invitation, now=at)
    answer_everything(session, response, words)
    if contact:
        cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
        responses.record_contact_choice(
            session,
            response=response,
            wants_contact=True,
            method="phone",
            details=PHONE,
            cipher=cipher,
            now=at,
        )
    responses.submit_response(session, response=response, now=at, routing=ROUTING)
    alert = session.scalar(select(Alert).where(Alert.response_id == response.id))
    session.commit()
    return alert


def post(client, page: str, action: str, data: dict[str, str] | None = None):
    """POST ACTION with the CSRF token of PAGE, as the browser would after loading PAGE."""
    token = csrf_of(client.get(page).get_data(as_text=True))
    return client.post(action, data={**(data or {}), "csrf_token": token})


def audit_rows(session, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))


def fresh(session, model, key):
    session.expire_all()
    return session.get(model, key)


def test_the_duty_po_reads_a_flagged_response_phones_the_mother_and_records_contact(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    url = f"/staff/alerts/{alert.id}"

    queue = client.get("/staff/alerts")
    assert queue.status_code == 200
    assert f"Alert {alert.id}" in queue.text and "May show a child at risk" in queue.text
    assert "a child or adult is being hit or hurt" in queue.text
    assert "hits me" not in queue.text and PHONE not in queue.text

    page = client.get(url)
    assert page.status_code == 200 and "Asked to be contacted: By phone" in page.text
    assert PHONE not in page.text

    redacted = client.get(f"/staff/responses/{alert.response_id}")
    assert "My dad hits me" in redacted.text and "[name]" in redacted.text
    assert PHONE not in redacted.text and "Sarah" not in redacted.text

    original = post(client, url, f"/staff/responses/{alert.response_id}/original")
    assert original.status_code == 200 and "Sarah Jones" in original.text

    details = post(client, url, f"/staff/alerts/{alert.id}/contact-details")
    assert details.status_code == 200 and PHONE in details.text

    done = post(client, url, f"/staff/alerts/{alert.id}/contact-made", {"note": "Spoke to mum"})
    assert done.status_code == 302 and done.location == url
    request = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == alert.response_id)
    )
    assert request.details_encrypted is None and request.contacted_at == NOW
    assert fresh(session, Alert, alert.id).acknowledged_by == AMIRA
    assert [
        (e.action, e.record_type) for e in audit_rows(session) if e.record_type != "staff_account"
    ] == [
        ("read", "response"),
        ("read", "response"),
        ("read original", "response"),
        ("read", "contact_request"),
        ("contact_made", "contact_request"),
    ]
    after = client.get(url)
    assert "Contact was made at 09:30 on Monday 23 November 2026" in after.text
    assert "Show contact details" not in after.text


def test_the_queue_shows_open_alerts_oldest_first_with_how_long_each_has_been_open(
    client, session, settings, sign_in_as
):
    older = flagged(session, settings, at=NOW - timedelta(hours=2, minutes=5))
    newer = flagged(session, settings, at=NOW - timedelta(minutes=20), contact=False)
    done = flagged(session, settings, at=NOW - timedelta(hours=3))
    alerts.acknowledge_alert(session, alert_id=done.id, by=BEN, now=NOW - timedelta(hours=1))
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    text = client.get("/staff/alerts").text
    open_part, acknowledged_part = text.split("Acknowledged in the last 7 days")
    assert open_part.index(f"Alert {older.id}<") < open_part.index(f"Alert {newer.id}<")
    assert "2 hours 5 minutes" in open_part and "20 minutes" in open_part
    assert f"Alert {done.id}<" in acknowledged_part and f"By {BEN}" in acknowledged_part


def test_another_sites_alert_is_not_found_and_nothing_changes(
    client, session, settings, sign_in_as
):
    theirs = flagged(session, settings, site=LIFFORD_HOUSE)
    ours = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert f"Alert {theirs.id}<" not in client.get("/staff/alerts").text
    assert client.get(f"/staff/alerts/{theirs.id}").status_code == 404
    page = f"/staff/alerts/{ours.id}"
    for action in ("acknowledge", "contact-made", "contact-details"):
        assert post(client, page, f"/staff/alerts/{theirs.id}/{action}").status_code == 404
    assert client.get(f"/staff/responses/{theirs.response_id}").status_code == 404
    assert post(client, page, f"/staff/responses/{theirs.response_id}/original").status_code == 404
    assert client.get("/staff/alerts/999999").status_code == 404
    untouched = fresh(session, Alert, theirs.id)
    assert untouched.acknowledged_at is None
    request = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == theirs.response_id)
    )
    assert request.details_encrypted is not None and request.contacted_at is None
    assert [
        e for e in audit_rows(session) if e.record_type in ("response", "contact_request")
    ] == []


def test_the_duty_po_covering_another_site_today_sees_its_alerts(
    client, session, settings, sign_in_as
):
    theirs = flagged(session, settings, site=LIFFORD_HOUSE)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert client.get(f"/staff/alerts/{theirs.id}").status_code == 404  # not on duty there yet
    set_rotation(
        session,
        site_name=LIFFORD_HOUSE,
        officer_emails=[AMIRA],
        anchor_monday=date(2026, 11, 23),
        now=NOW,
    )
    session.commit()
    assert f"Alert {theirs.id}<" in client.get("/staff/alerts").text
    assert client.get(f"/staff/alerts/{theirs.id}").status_code == 200


def test_acknowledging_an_alert_someone_already_acknowledged_says_so_and_changes_nothing(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/alerts/{alert.id}"
    token = csrf_of(client.get(page).text)  # the form as Amira loaded it
    alerts.acknowledge_alert(session, alert_id=alert.id, by=BEN, now=NOW - timedelta(minutes=1))
    session.commit()
    stale = client.post(f"{page}/acknowledge", data={"csrf_token": token, "note": "on it"})
    assert stale.status_code == 409
    assert "already acknowledged by ben.smith@example.org at 09:29" in stale.text
    assert "There is a problem" in stale.text and stale.text.count("<h1") == 1
    kept = fresh(session, Alert, alert.id)
    assert (kept.acknowledged_by, kept.note) == (BEN, None)
    assert len(audit_rows(session, "acknowledge")) == 1


def test_acknowledging_an_open_alert_records_who_and_the_note(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings, contact=False)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/alerts/{alert.id}"
    done = post(client, page, f"{page}/acknowledge", {"note": "Calling the SW"})
    assert done.status_code == 302
    kept = fresh(session, Alert, alert.id)
    assert (kept.acknowledged_by, kept.acknowledged_at, kept.note) == (AMIRA, NOW, "Calling the SW")
    assert "You acknowledged alert" in client.get(page).text


def test_recording_contact_twice_says_so_and_changes_nothing(client, session, settings, sign_in_as):
    alert = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/alerts/{alert.id}"
    token = csrf_of(client.get(page).text)
    assert client.post(f"{page}/contact-made", data={"csrf_token": token}).status_code == 302
    again = client.post(f"{page}/contact-made", data={"csrf_token": token})
    assert again.status_code == 409
    assert "Contact was already recorded as made at 09:30" in again.text
    assert len(audit_rows(session, "contact_made")) == 1


def test_recording_contact_for_a_respondent_who_did_not_ask_is_refused(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings, contact=False)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/alerts/{alert.id}"
    refused = post(client, page, f"{page}/contact-made")
    assert refused.status_code == 400 and "did not ask to be contacted" in refused.text
    assert fresh(session, Alert, alert.id).acknowledged_at is None


def test_handing_an_alert_over_tells_the_other_po_with_the_note(
    client, session, settings, sign_in_as
):
    alert = flagged(session, settings)
    ben = make_officer(session, BEN)
    make_officer(session, DANIEL, site=LIFFORD_HOUSE)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/alerts/{alert.id}"
    form = client.get(page).text
    assert "Ben Smith" in form and "Daniel Okafor" not in form  # he cannot see this alert
    done = post(client, page, f"{page}/hand-over", {"to": str(ben.id), "note": "Mum prefers pm"})
    assert done.status_code == 302
    sent = session.scalars(
        select(OutboxMessage).where(OutboxMessage.payload["kind"].as_string() == "hand_over")
    ).all()
    assert {m.recipient for m in sent} == {BEN, f"officer:{BEN}"}
    assert all("Mum prefers pm" in m.body and page in m.body for m in sent)
    assert all(PHONE not in m.body and "hits" not in m.body for m in sent)
    assert "handed it over to ben.smith@example.org: Mum prefers pm" in client.get(page).text


@pytest.mark.parametrize(
    ("to", "note", "message"),
    [
        ("", "a note", "Choose who to hand the alert over to"),
        ("BEN", "", "Write a note for the PO you are handing the alert over to"),
        ("DANIEL", "a note", "Choose a Principal Officer who can see this alert"),
        ("AMIRA", "a note", "Choose a Principal Officer who can see this alert"),
    ],
)
def test_a_hand_over_without_a_note_or_to_someone_who_cannot_see_it_is_refused(
    client, session, settings, sign_in_as, to, note, message
):
    alert = flagged(session, settings)
    ids = {
        "BEN": make_officer(session, BEN).id,
        "DANIEL": make_officer(session, DANIEL, site=LIFFORD_HOUSE).id,
    }
    session.commit()
    me = sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    ids["AMIRA"] = me.officer_id
    page = f"/staff/alerts/{alert.id}"
    refused = post(client, page, f"{page}/hand-over", {"to": str(ids.get(to, "")), "note": note})
    assert refused.status_code == 400 and message in refused.text
    assert (
        session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.dedupe_key.like("alert-hand-over:%"))
        )
        == 0
    )
    assert audit_rows(session, "hand_over") == []


def test_a_forged_form_is_refused_and_changes_nothing(client, session, settings, sign_in_as):
    alert = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    for action in ("acknowledge", "contact-made"):
        forged = client.post(f"/staff/alerts/{alert.id}/{action}", data={"csrf_token": "forged"})
        assert forged.status_code == 400
    kept = fresh(session, Alert, alert.id)
    assert kept.acknowledged_at is None
    assert audit_rows(session, "contact_made") == []


def test_the_link_in_the_alert_emails_is_the_alert_page(client, session, settings, sign_in_as):
    alert = flagged(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    link = alerts.staff_link("https://heard.test", alert).removeprefix("https://heard.test")
    assert client.get(link).status_code == 200


def test_open_feedback_with_no_site_is_seen_by_every_po(client, session, settings, sign_in_as):
    response = responses.start_open_response(
        session, respondent_type="parent", conference_type=None, language="en", now=NOW
    )
    answer_everything(session, response, WORDS)
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    session.commit()
    alert = session.scalar(select(Alert).where(Alert.response_id == response.id))
    sign_in_as(Role.PRINCIPAL_OFFICER, email=DANIEL, site=LIFFORD_HOUSE)
    page = client.get(f"/staff/alerts/{alert.id}")
    assert page.status_code == 200 and "No site (open feedback)" in page.text


def test_only_principal_officers_see_alerts_and_responses(client, session, settings, sign_in_as):
    alert = flagged(session, settings)
    sign_in_as(Role.MANAGER)
    assert client.get("/staff/alerts").status_code == 403
    assert client.get(f"/staff/alerts/{alert.id}").status_code == 403
    assert client.get(f"/staff/responses/{alert.response_id}").status_code == 403
