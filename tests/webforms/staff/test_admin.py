"""The admin's officer and site pages: the story, and bad input changing nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from heard.models import AuditEntry, Officer, Site
from staff.models import StaffAccount
from staff.roles import Role
from tests.factories import LIFFORD_HOUSE, make_officer, make_site
from tests.webforms.conftest import csrf_of, post_form
from tests.webforms.staff.conftest import sign_in

NEW = {
    "display_name": "Grace Obi",
    "email": "Grace.Obi@example.org",
    "site": "One Avenue Road",
    "slack_user_id": "U04GRACE01",
    "teams_user_id": "29:1abcDEF",
    "roles": "principal_officer",
}


def _officers(session) -> int:
    return session.scalar(select(func.count()).select_from(Officer))


def test_an_admin_adds_an_officer_who_can_then_sign_in(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)

    page = post_form(client, "/staff/admin/officers", NEW)

    assert page.status_code == 200
    assert "Grace Obi has been added" in page.text
    password = page.text.split('heard-one-time-password">')[1].split("<")[0]
    with sessions() as session:
        officer = session.scalar(select(Officer).where(Officer.email == "grace.obi@example.org"))
        assert officer is not None and officer.slack_user_id == "U04GRACE01"
        assert officer.site.name == "One Avenue Road" and officer.teams_user_id == "29:1abcDEF"
        account = session.scalar(select(StaffAccount).where(StaffAccount.officer_id == officer.id))
        assert account.roles == ["principal_officer"] and account.must_change_password
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "officer added"))
    other = client.application.test_client()
    assert sign_in(other, "grace.obi@example.org", password).status_code == 302


def test_bad_officer_details_are_all_named_and_nothing_is_added(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    with sessions() as session:
        before = _officers(session)

    page = post_form(
        client,
        "/staff/admin/officers",
        {
            **NEW,
            "display_name": "",
            "email": "not-an-email",
            "slack_user_id": "bad id",
            "site": "Nowhere",
            "roles": "overlord",
        },
    )

    assert page.status_code == 400
    assert "<title>Error: Officers" in page.text
    for message in (
        "Enter the officer&#39;s name",
        "Enter an email address in the correct format",
        "A Slack member id starts with U or W",
        "Choose a site from the list",
        "Choose at least one role",
    ):
        assert message in page.text
    with sessions() as session:
        assert _officers(session) == before


def test_an_email_already_in_use_is_refused(client, sign_in_as, sessions):
    admin = sign_in_as(Role.ADMIN)

    page = post_form(client, "/staff/admin/officers", {**NEW, "email": admin.email})

    assert page.status_code == 400
    assert "Another officer already has this email address" in page.text


def _edit_form(client, officer_id: int) -> dict[str, str]:
    page = client.get(f"/staff/admin/officers/{officer_id}")
    assert page.status_code == 200
    version = page.text.split('name="version" value="')[1].split('"')[0]
    return {"csrf_token": csrf_of(page.text), "version": version}


def test_an_admin_changes_an_officers_site_chat_ids_and_roles(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    with sessions() as session:
        make_site(session, LIFFORD_HOUSE)
        officer = make_officer(session, "sam.reid@example.org")
        session.commit()
        officer_id = officer.id

    hidden = _edit_form(client, officer_id)
    saved = client.post(
        f"/staff/admin/officers/{officer_id}",
        data={
            **hidden,
            **NEW,
            "email": "sam.reid@example.org",
            "display_name": "Sam Reid",
            "site": LIFFORD_HOUSE,
            "roles": ["principal_officer", "manager"],
            "active": "yes",
        },
    )

    assert saved.status_code == 302
    with sessions() as session:
        officer = session.get(Officer, officer_id)
        assert officer.site.name == LIFFORD_HOUSE and officer.slack_user_id == "U04GRACE01"
        account = session.scalar(select(StaffAccount).where(StaffAccount.officer_id == officer_id))
        assert sorted(account.roles) == ["manager", "principal_officer"]
        assert account.password_hash is None  # single sign-on until someone sets a password


def test_switching_an_officer_off_stops_their_sign_in(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    with sessions() as session:
        from tests.webforms.staff.conftest import make_staff

        manager = make_staff(session, Role.MANAGER)
    hidden = _edit_form(client, manager.officer_id)

    saved = client.post(
        f"/staff/admin/officers/{manager.officer_id}",
        data={**hidden, **NEW, "email": manager.email, "roles": "manager", "active": "no"},
    )

    assert saved.status_code == 302
    with sessions() as session:
        account = session.get(StaffAccount, manager.account_id)
        assert not account.active and not account.officer.active
    assert sign_in(client.application.test_client(), manager.email).status_code == 400


def test_a_stale_edit_form_is_refused_and_changes_nothing(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    with sessions() as session:
        officer_id = make_officer(session, "sam.reid@example.org").id
        session.commit()
    hidden = _edit_form(client, officer_id)
    # Someone else renames the officer after this form was loaded.
    with sessions() as session:
        session.get(Officer, officer_id).display_name = "Samuel Reid"
        session.commit()

    page = client.post(
        f"/staff/admin/officers/{officer_id}",
        data={**hidden, **NEW, "email": "sam.reid@example.org", "display_name": "Sam R"},
    )

    assert page.status_code == 400
    assert "Someone else changed this officer while you were editing" in page.text
    assert 'value="Samuel Reid"' in page.text  # the page now shows what is saved
    with sessions() as session:
        officer = session.get(Officer, officer_id)
        assert officer.display_name == "Samuel Reid" and officer.slack_user_id is None


def test_an_officer_that_does_not_exist_is_404(client, sign_in_as):
    sign_in_as(Role.ADMIN)
    assert client.get("/staff/admin/officers/999999").status_code == 404
    hidden = _edit_form(client, 1)
    assert client.post("/staff/admin/officers/999999", data={**hidden, **NEW}).status_code == 404


def test_a_forged_form_is_refused(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    with sessions() as session:
        before = _officers(session)
    assert client.post("/staff/admin/officers", data=NEW).status_code == 400
    with sessions() as session:
        assert _officers(session) == before


def test_an_admin_adds_a_site_once(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)

    added = post_form(client, "/staff/admin/sites", {"name": "  Lifford   House "})
    again = post_form(client, "/staff/admin/sites", {"name": "lifford house"})
    empty = post_form(client, "/staff/admin/sites", {"name": ""})

    assert added.status_code == 302
    assert again.status_code == 400 and "There is already a site called" in again.text
    assert empty.status_code == 400 and "Enter the site&#39;s name" in empty.text
    with sessions() as session:
        names = list(session.scalars(select(Site.name).order_by(Site.name)))
        assert names == ["Lifford House", "One Avenue Road"]
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "site added"))
