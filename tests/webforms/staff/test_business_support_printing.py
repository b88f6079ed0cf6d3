"""Printing every invitation sheet for Tuesday in one go, one conference's sheets, and re-issuing
a lost letter: each gives new codes (the old ones stop opening the form) and is audit-logged."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from sqlalchemy import select

from heard.models import AuditEntry
from staff.roles import Role
from surveys import invitations, responses
from surveys.models import Invitation
from tests.factories import NOW, make_conference, make_invitation
from tests.webforms.conftest import csrf_of, post_form

TUESDAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def at_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def tuesday(session):
    """Two conferences on Tuesday: three open invitations, one answered, one withdrawn."""
    first = make_conference(session, case_reference="CP-5001", on=TUESDAY, at_hour=10)
    parent = make_invitation(session, conference=first)
    child = make_invitation(session, conference=first, respondent_type="child")
    answered = make_invitation(
        session, conference=first, respondent_type="professional", agency="health"
    )
    response = responses.start_or_resume(session, invitation=answered.invitation, now=NOW)
    response.submitted_at = NOW
    withdrawn = make_invitation(session, conference=first, language="pl")
    withdrawn.invitation.withdrawn = True
    second = make_conference(session, case_reference="CP-5002", on=TUESDAY, at_hour=14)
    other = make_invitation(
        session, conference=second, respondent_type="professional", agency="police"
    )
    session.commit()
    return {
        "first": first.id,
        "second": second.id,
        "open": {"parent": parent, "child": child, "other": other},
        "answered": answered,
        "withdrawn": withdrawn,
    }


def opens_the_form(client, token: str) -> bool:
    return client.get(f"/f/{token}").status_code == 303


def hashes(session) -> dict[int, str | None]:
    session.expire_all()
    return dict(session.execute(select(Invitation.id, Invitation.token_hash)).all())


def audit_rows(session, action: str) -> list[AuditEntry]:
    session.expire_all()
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_every_sheet_for_tuesday_prints_in_one_pdf_and_old_letters_stop_working(
    app, client, sign_in_as, session, tuesday
):
    staff = sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get("/staff/print?date=2026-11-24")
    assert page.status_code == 200
    assert "3 invitation sheets for 2 conferences" in page.text
    before = hashes(session)

    pdf = client.post("/staff/print", data={"date": "2026-11-24", "csrf_token": csrf_of(page.text)})

    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert 'filename="invitations-2026-11-24.pdf"' in pdf.headers["Content-Disposition"]
    after = hashes(session)
    for issued in tuesday["open"].values():
        assert after[issued.invitation.id] != before[issued.invitation.id]
        assert not opens_the_form(app.test_client(), issued.token)
    for kept in (tuesday["answered"], tuesday["withdrawn"]):
        assert after[kept.invitation.id] == before[kept.invitation.id]
    [entry] = audit_rows(session, "invitations printed")
    assert (entry.actor, entry.record_type, entry.record_id) == (staff.email, "day", "2026-11-24")
    assert entry.detail.startswith("3 sheets")


def test_one_conference_prints_only_its_own_sheets(app, client, sign_in_as, session, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)
    url = f"/staff/conferences/{tuesday['first']}/print"
    assert "Print 2 invitation sheets (PDF)" in client.get(url).text
    before = hashes(session)

    pdf = post_form(client, url, {})

    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    after = hashes(session)
    changed = {i for i in after if after[i] != before[i]}
    opened = tuesday["open"]
    assert changed == {opened["parent"].invitation.id, opened["child"].invitation.id}
    assert opens_the_form(app.test_client(), opened["other"].token)  # the other conference's
    [entry] = audit_rows(session, "invitations printed")
    assert (entry.record_type, entry.record_id) == ("conference", str(tuesday["first"]))


def test_a_lost_letter_is_reissued_and_only_the_new_code_opens_the_form(
    app, client, sign_in_as, session, tuesday, monkeypatch
):
    staff = sign_in_as(Role.BUSINESS_SUPPORT)
    lost = tuesday["open"]["child"]
    new = "N3WT0KENN3WT0KENN3WT0KENAB"
    monkeypatch.setattr(invitations, "new_token", lambda: new)
    conference_page = client.get(f"/staff/conferences/{tuesday['first']}")

    pdf = client.post(
        f"/staff/invitations/{lost.invitation.id}/reissue",
        data={"csrf_token": csrf_of(conference_page.text)},
    )

    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert f'filename="invitation-{lost.invitation.id}.pdf"' in pdf.headers["Content-Disposition"]
    assert not opens_the_form(app.test_client(), lost.token)
    assert opens_the_form(app.test_client(), new)
    assert opens_the_form(app.test_client(), tuesday["open"]["parent"].token)  # untouched
    [entry] = audit_rows(session, "invitation reissued")
    assert (entry.actor, entry.record_id) == (staff.email, str(lost.invitation.id))


@pytest.mark.parametrize(
    ("which", "message"),
    [("answered", "already given their feedback"), ("withdrawn", "was withdrawn")],
)
def test_an_answered_or_withdrawn_invitation_is_not_reissued(
    client, sign_in_as, session, tuesday, which, message
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    invitation_id = tuesday[which].invitation.id
    before = hashes(session)
    token = csrf_of(client.get(f"/staff/conferences/{tuesday['first']}").text)

    refused = client.post(f"/staff/invitations/{invitation_id}/reissue", data={"csrf_token": token})

    assert refused.status_code == 400
    assert message in refused.text and f'href="#reissue-{invitation_id}"' in refused.text
    assert hashes(session) == before
    assert audit_rows(session, "invitation reissued") == []


def test_a_tampered_invitation_id_is_not_found_and_changes_nothing(
    client, sign_in_as, session, tuesday
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    before = hashes(session)
    token = csrf_of(client.get(f"/staff/conferences/{tuesday['first']}").text)

    response = client.post("/staff/invitations/99999/reissue", data={"csrf_token": token})

    assert response.status_code == 404
    assert hashes(session) == before


def test_a_forged_print_without_the_csrf_token_changes_nothing(
    client, sign_in_as, session, tuesday
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    before = hashes(session)

    day = client.post("/staff/print", data={"date": "2026-11-24"})
    one = client.post(f"/staff/conferences/{tuesday['first']}/print")
    reissue = client.post(f"/staff/invitations/{tuesday['open']['parent'].invitation.id}/reissue")

    assert (day.status_code, one.status_code, reissue.status_code) == (400, 400, 400)
    assert hashes(session) == before
    assert audit_rows(session, "invitations printed") == []


@pytest.mark.parametrize("raw", ["24/11/2026", "2026-11-31", "tuesday"])
def test_a_bad_print_date_is_explained_and_prints_nothing(
    client, sign_in_as, session, tuesday, raw
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    before = hashes(session)

    page = client.get(f"/staff/print?date={raw}")
    posted = post_form(client, "/staff/print", {"date": raw})

    for response in (page, posted):
        assert response.status_code == 400
        assert "Enter a real date as YYYY-MM-DD" in response.text
        assert 'href="#date"' in response.text
    assert hashes(session) == before


def test_a_day_with_nothing_to_print_says_so(client, sign_in_as, session, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)

    page = client.get("/staff/print?date=2026-11-25")
    posted = post_form(client, "/staff/print", {"date": "2026-11-25"})

    assert "There are no invitations to print on Wednesday 25 November 2026" in page.text
    assert posted.status_code == 400 and "There are no invitations to print" in posted.text
    assert audit_rows(session, "invitations printed") == []
