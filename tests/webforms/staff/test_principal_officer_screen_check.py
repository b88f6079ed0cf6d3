"""The weekly human check: a PO reads the sample (each read audited) and records a finding per
answer; a missed disclosure raises an alert; a finding already made stands."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from heard.models import AuditEntry
from staff.roles import Role
from surveys import responses, screen_check
from surveys.models import Alert
from tests.factories import AMIRA, NOW, make_invitation
from tests.surveys.test_responses import ROUTING, answer_everything
from tests.webforms.staff.test_principal_officer import frozen, post  # noqa: F401

LAST_WEEK = date(2026, 11, 16)
WORDS = "The chair was kind, but at home things are hard at night."


def sampled(session, settings) -> screen_check.ScreenSample:
    submitted = NOW - timedelta(days=5)
    issued = make_invitation(session)
    response = responses.start_or_resume(session, invitation=issued.invitation, now=submitted)
    answer_everything(session, response, WORDS)
    responses.submit_response(session, response=response, now=submitted, routing=ROUTING)
    assert not response.flagged
    sample = screen_check.take_sample(
        session,
        week_start=LAST_WEEK,
        now=NOW,
        routing=screen_check.Routing.from_settings(settings),
    )
    session.commit()
    return sample


def reads(session) -> int:
    return session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.record_type == "answer")
    )


def test_a_po_reads_the_sample_and_a_missed_disclosure_raises_an_alert(
    client, session, settings, sign_in_as
):
    sample = sampled(session, settings)
    item = sample.items[0]
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    url = f"/staff/screen-check/{sample.id}"
    page = client.get(url)
    assert page.status_code == 200 and WORDS in page.text
    assert "Check the screen: week of Monday 16 November 2026" in page.text
    assert reads(session) == 1
    done = post(client, url, url, {"item": str(item.id), "finding": "missed_disclosure"})
    assert done.status_code == 302
    session.expire_all()
    recorded = session.get(screen_check.ScreenSampleItem, item.id)
    assert (recorded.finding, recorded.reviewed_by) == ("missed_disclosure", AMIRA)
    alert = session.get(Alert, recorded.alert_id)
    assert alert.reasons == ["human_check"] and alert.acknowledged_at is None


def test_a_finding_already_made_stands_and_a_missing_finding_is_asked_for(
    client, session, settings, sign_in_as
):
    sample = sampled(session, settings)
    item = sample.items[0]
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    url = f"/staff/screen-check/{sample.id}"
    missing = post(client, url, url, {"item": str(item.id)})
    assert missing.status_code == 400 and "Choose what you found" in missing.text
    assert (
        post(client, url, url, {"item": str(item.id), "finding": "no_concern"}).status_code == 302
    )
    again = post(client, url, url, {"item": str(item.id), "finding": "missed_disclosure"})
    assert again.status_code == 409 and "already recorded as no concern" in again.text
    session.expire_all()
    assert session.get(screen_check.ScreenSampleItem, item.id).finding == "no_concern"
    assert session.scalar(select(func.count()).select_from(Alert)) == 0


def test_an_unknown_sample_or_an_item_of_another_sample_is_not_found(
    client, session, settings, sign_in_as
):
    sample = sampled(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert client.get("/staff/screen-check/999999").status_code == 404
    url = f"/staff/screen-check/{sample.id}"
    stray = post(client, url, url, {"item": "999999", "finding": "no_concern"})
    assert stray.status_code == 404
    session.expire_all()
    assert session.get(screen_check.ScreenSampleItem, sample.items[0].id).finding is None


def test_the_samples_page_lists_each_week_and_the_misses_per_quarter_without_reading_words(
    client, session, settings, sign_in_as
):
    sample = sampled(session, settings)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    empty = client.get("/staff/screen-check")
    assert empty.status_code == 200 and "Week of Monday 16 November 2026" in empty.text
    assert f'href="/staff/screen-check/{sample.id}"' in empty.text
    assert WORDS not in empty.text and reads(session) == 0
    assert "Answers read and disclosures missed" not in empty.text  # nothing read yet
    url = f"/staff/screen-check/{sample.id}"
    post(client, url, url, {"item": str(sample.items[0].id), "finding": "missed_disclosure"})
    listed = client.get("/staff/screen-check")
    assert "2026-27 Q3" in listed.text and "100.0%" in listed.text
    assert 'href="/staff/screen-check"' in client.get("/staff/").text  # in the navigation
