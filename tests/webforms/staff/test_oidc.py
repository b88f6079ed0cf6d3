"""Single sign-on with OpenID Connect, against a local provider standing in for Entra ID."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import func, select

from heard.models import AuditEntry, Officer
from staff.accounts import add_account, switch_off
from staff.models import StaffAccount
from staff.roles import Role
from tests.factories import NOW
from tests.webforms.staff.fake_idp import CLIENT_ID, CLIENT_SECRET, FakeIdentityProvider, Person
from webforms.app import create_app

PRIYA = Person(subject="entra-subject-priya", email="priya.sandhu@example.org")
CALLBACK = "https://heard.test/staff/sign-in/sso/callback"


@pytest.fixture
def idp():
    with FakeIdentityProvider() as provider:
        yield provider


@pytest.fixture
def sso_client(settings, engine, idp):
    app = create_app(
        settings.with_(
            oidc_issuer=idp.issuer, oidc_client_id=CLIENT_ID, oidc_client_secret=CLIENT_SECRET
        ),
        engine=engine,
    )
    app.config["TESTING"] = True
    return app.test_client()


def added_by_an_admin(sessions, email: str = PRIYA.email, **changes) -> int:
    """An account an administrator added for single sign-on (no password)."""
    with sessions() as session:
        account, password = add_account(
            session,
            email=email,
            display_name="Priya Sandhu",
            roles=[Role.MANAGER],
            site=None,
            now=NOW,
            actor="alex.morgan@example.org",
            password="",
        )
        assert password is None
        for name, value in changes.items():
            setattr(account, name, value)
        session.commit()
        return account.id


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def sso_sign_in(client, idp: FakeIdentityProvider, person: Person, next: str | None = None):
    """Press the button, sign in at the provider as PERSON, and come back: the callback's answer."""
    sent = client.get("/staff/sign-in/sso", query_string={"next": next} if next else {})
    code = idp.code_for(sent.location, person)
    return client.get(
        "/staff/sign-in/sso/callback",
        query_string={"code": code, "state": query_of(sent.location)["state"]},
    )


def signed_in(client) -> bool:
    return client.get("/staff/").status_code == 200


def counts(sessions) -> tuple[int, int]:
    with sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(StaffAccount)),
            session.scalar(select(func.count()).select_from(Officer)),
        )


def subject_of(sessions, account_id: int) -> str | None:
    with sessions() as session:
        return session.get(StaffAccount, account_id).oidc_subject


def test_the_sign_in_page_offers_single_sign_on_only_when_it_is_set_up(sso_client, client):
    page = sso_client.get("/staff/sign-in").text
    assert "Sign in with Microsoft Entra ID" in page and 'href="/staff/sign-in/sso"' in page
    assert "Sign in with Microsoft Entra ID" not in client.get("/staff/sign-in").text
    assert client.get("/staff/sign-in/sso").location == "/staff/sign-in"


def test_the_button_sends_the_browser_to_the_provider_with_state_and_nonce(sso_client, idp):
    sent = sso_client.get("/staff/sign-in/sso")
    assert sent.status_code == 302 and sent.location.startswith(idp.authorize_url + "?")
    asked = query_of(sent.location)
    assert asked["client_id"] == CLIENT_ID and asked["response_type"] == "code"
    assert asked["redirect_uri"] == CALLBACK
    assert "openid" in asked["scope"].split() and "email" in asked["scope"].split()
    assert len(asked["state"]) >= 20 and len(asked["nonce"]) >= 20
    again = query_of(sso_client.get("/staff/sign-in/sso").location)
    assert (again["state"], again["nonce"]) != (asked["state"], asked["nonce"])


def test_an_account_an_admin_added_signs_in_by_email_then_by_subject(sso_client, idp, sessions):
    account_id = added_by_an_admin(sessions)
    back = sso_sign_in(sso_client, idp, PRIYA)
    assert back.status_code == 302 and back.location == "/staff/"
    home = sso_client.get("/staff/").text
    assert "Hello, Priya Sandhu" in home and "Change your password" not in home
    assert sso_client.get("/staff/change-password").location == "/staff/"
    assert subject_of(sessions, account_id) == PRIYA.subject
    assert idp.token_requests[-1]["redirect_uri"] == CALLBACK
    with sessions() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "signed in"))
    assert (entry.actor, entry.detail) == (PRIYA.email, "single sign-on")
    # Her email changes at the provider (a new surname); the subject still finds her account.
    renamed = Person(subject=PRIYA.subject, email="priya.clarke@example.org")
    other = sso_client.application.test_client()
    assert sso_sign_in(other, idp, renamed).location == "/staff/"
    assert "Hello, Priya Sandhu" in other.get("/staff/").text


def test_someone_nobody_added_is_refused_clearly_and_no_account_is_made(sso_client, idp, sessions):
    before = counts(sessions)
    back = sso_sign_in(sso_client, idp, Person("entra-stranger", "stranger@example.org"))
    assert back.status_code == 403
    assert "You do not have a Heard account yet. Ask a Heard administrator to add you." in back.text
    assert counts(sessions) == before
    assert not signed_in(sso_client)


def test_an_email_already_linked_to_another_person_is_refused(sso_client, idp, sessions):
    account_id = added_by_an_admin(sessions, oidc_subject="entra-the-real-priya")
    back = sso_sign_in(sso_client, idp, PRIYA)
    assert back.status_code == 403 and not signed_in(sso_client)
    assert subject_of(sessions, account_id) == "entra-the-real-priya"


def test_a_switched_off_account_cannot_sign_in_with_single_sign_on(sso_client, idp, sessions):
    account_id = added_by_an_admin(sessions)
    with sessions() as session:
        switch_off(session, session.get(StaffAccount, account_id), actor="admin", now=NOW)
        session.commit()
    back = sso_sign_in(sso_client, idp, PRIYA)
    assert back.status_code == 403 and "switched off" in back.text
    assert not signed_in(sso_client)


@pytest.mark.parametrize(
    "tamper", ["signature", "audience", "audience-with-azp", "nonce", "issuer"]
)
def test_an_id_token_that_fails_a_check_is_refused(sso_client, idp, sessions, tamper):
    account_id = added_by_an_admin(sessions)
    idp.tamper = tamper
    back = sso_sign_in(sso_client, idp, PRIYA)
    assert back.status_code == 403
    assert "Single sign-on did not complete. Try again." in back.text
    assert not signed_in(sso_client)
    assert subject_of(sessions, account_id) is None


def test_a_callback_the_browser_did_not_start_is_refused(sso_client, idp, sessions):
    added_by_an_admin(sessions)
    sent = sso_client.get("/staff/sign-in/sso")
    code = idp.code_for(sent.location, PRIYA)
    elsewhere = sso_client.application.test_client()  # a forged link opened in another browser
    back = elsewhere.get(
        "/staff/sign-in/sso/callback",
        query_string={"code": code, "state": query_of(sent.location)["state"]},
    )
    assert back.status_code == 403 and not signed_in(elsewhere)
    forged_state = sso_client.get(
        "/staff/sign-in/sso/callback", query_string={"code": code, "state": "made-up"}
    )
    assert forged_state.status_code == 403 and not signed_in(sso_client)


def test_a_provider_that_cannot_be_reached_gives_a_clear_message(settings, engine):
    app = create_app(
        settings.with_(
            oidc_issuer="http://127.0.0.1:9/nowhere/v2.0",
            oidc_client_id=CLIENT_ID,
            oidc_client_secret=CLIENT_SECRET,
        ),
        engine=engine,
    )
    app.config["TESTING"] = True
    response = app.test_client().get("/staff/sign-in/sso")
    assert response.status_code == 403
    assert "Single sign-on is not available at the moment" in response.text


def test_single_sign_on_returns_to_the_page_asked_for_but_never_off_the_site(
    sso_client, idp, sessions
):
    added_by_an_admin(sessions)
    asked = sso_client.get("/staff/change-password")
    page = sso_client.get(asked.location).text
    assert 'href="/staff/sign-in/sso?next=/staff/change-password"' in page
    back = sso_sign_in(sso_client, idp, PRIYA, next="/staff/change-password")
    assert back.location == "/staff/change-password"
    elsewhere = sso_client.application.test_client()
    assert sso_sign_in(elsewhere, idp, PRIYA, next="//evil.example/").location == "/staff/"


def test_a_person_who_cancels_at_the_provider_is_told_and_not_signed_in(sso_client, sessions):
    added_by_an_admin(sessions)
    sent = sso_client.get("/staff/sign-in/sso")
    back = sso_client.get(
        "/staff/sign-in/sso/callback",
        query_string={"error": "access_denied", "state": query_of(sent.location)["state"]},
    )
    assert back.status_code == 403 and "Single sign-on did not complete" in back.text
    assert not signed_in(sso_client)
