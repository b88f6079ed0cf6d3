"""Signing in and out: passwords, lockout, first sign-in, idle timeout, sign-out everywhere,
session fixation, open redirects, cookies, forged forms and the rate limit."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select

from heard.models import AuditEntry
from staff.accounts import switch_off
from staff.models import StaffAccount
from staff.roles import Role
from tests.factories import NOW
from tests.webforms.conftest import csrf_of, post_form
from tests.webforms.staff.conftest import PASSWORD, make_staff, sign_in
from webforms.app import create_app


def test_staff_pages_send_a_visitor_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.location.startswith("/staff/sign-in?next=/staff/")


def test_a_manager_signs_in_and_sees_the_home_page(client, sign_in_as):
    staff = sign_in_as(Role.MANAGER)
    page = client.get("/staff/")
    assert page.status_code == 200
    assert f"Hello, {staff.display_name}" in page.text


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, session):
    staff = make_staff(session, Role.ADMIN)
    response = sign_in(client, staff.email, "not the password")
    assert response.status_code == 400
    assert "Enter a correct email address and password" in response.text
    assert client.get("/staff/").status_code == 302


def test_a_one_time_password_must_be_changed_before_anything_else(client, session):
    staff = make_staff(session, Role.MANAGER, must_change_password=True)
    sign_in(client, staff.email)
    response = client.get("/staff/")
    assert response.status_code == 302 and response.location == "/staff/change-password"


def account(sessions, account_id: int) -> StaffAccount:
    with sessions() as session:
        return session.get(StaffAccount, account_id)


def signed_in(client) -> bool:
    response = client.get("/staff/")
    return response.status_code == 200


def session_cookie(client) -> str | None:
    cookie = client.get_cookie("session")
    return cookie.value if cookie else None


# Lockout ---------------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_for_15_minutes(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.PRINCIPAL_OFFICER)
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(4):
            assert sign_in(client, staff.email, "not the password").status_code == 400
        assert account(sessions, staff.account_id).failed_sign_ins == 4
        sign_in(client, staff.email, "not the password")
        locked = sign_in(client, staff.email)  # the right password, but too late
        assert locked.status_code == 400 and "locked" in locked.text
        assert not signed_in(client)
        assert account(sessions, staff.account_id).locked_until == NOW + timedelta(minutes=15)
        clock.shift(timedelta(minutes=14, seconds=59))
        assert sign_in(client, staff.email).status_code == 400
        clock.shift(timedelta(seconds=2))
        assert sign_in(client, staff.email).status_code == 302
        assert signed_in(client)
    assert account(sessions, staff.account_id).failed_sign_ins == 0


def test_a_wrong_password_is_audited_and_an_unknown_email_says_the_same(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.MANAGER)
    known = sign_in(client, staff.email, "not the password")
    unknown = sign_in(client, "nobody@example.org", "not the password")
    assert known.status_code == unknown.status_code == 400
    assert "Enter a correct email address and password" in unknown.text
    with sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert actions.count("sign-in refused") == 1


# First sign-in and password rules --------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "confirm", "message"),
    [
        ("too short", "too short", "at least 12 characters"),
        ("a long enough password", "a different password", "do not match"),
        ("bea.clarke is my password", "bea.clarke is my password", "must not contain your email"),
        (PASSWORD, PASSWORD, "different from the current one"),
    ],
)
def test_a_new_password_breaking_a_rule_is_refused_and_nothing_changes(
    client, sessions, new, confirm, message
):
    with sessions() as session:
        staff = make_staff(session, Role.BUSINESS_SUPPORT, must_change_password=True)
    sign_in(client, staff.email)
    before = account(sessions, staff.account_id).password_hash
    response = post_form(
        client,
        "/staff/change-password",
        {"current": PASSWORD, "new": new, "confirm": confirm},
    )
    assert response.status_code == 400 and message in response.text
    assert "Error: Change your password" in response.text
    after = account(sessions, staff.account_id)
    assert after.password_hash == before and after.must_change_password


def test_the_first_sign_in_ends_with_a_password_of_their_own(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.MANAGER, must_change_password=True)
    sign_in(client, staff.email)
    assert client.get("/staff/").location == "/staff/change-password"
    page = client.get("/staff/change-password")
    assert "You signed in with a one-time password" in page.text
    new = "kettle orbit lantern meadow"
    response = post_form(
        client, "/staff/change-password", {"current": PASSWORD, "new": new, "confirm": new}
    )
    assert response.status_code == 302 and response.location == "/staff/"
    assert signed_in(client)
    assert not account(sessions, staff.account_id).must_change_password
    other = client.application.test_client()
    assert sign_in(other, staff.email, PASSWORD).status_code == 400
    assert sign_in(other, staff.email, new).status_code == 302


# Idle timeout ----------------------------------------------------------------------------------


def test_a_session_idle_for_29_minutes_lives_and_31_minutes_ends(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    with time_machine.travel(NOW, tick=False) as clock:
        sign_in(client, staff.email)
        clock.shift(timedelta(minutes=29))
        assert signed_in(client)
        clock.shift(timedelta(minutes=31))
        response = client.get("/staff/")
        assert response.status_code == 302
        assert response.location.startswith("/staff/sign-in?next=/staff/")
        page = client.get(response.location)
        assert "You were signed out because you had not used Heard for a while" in page.text
        clock.shift(timedelta(minutes=1))
        assert not signed_in(client)  # the expired session is gone, not revived


def test_the_idle_timeout_follows_its_setting(settings, engine, sessions):
    app = create_app(settings.with_(staff_idle_minutes=10), engine=engine)
    app.config["TESTING"] = True
    client = app.test_client()
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    with time_machine.travel(NOW, tick=False) as clock:
        sign_in(client, staff.email)
        clock.shift(timedelta(minutes=9))
        assert signed_in(client)
        clock.shift(timedelta(minutes=11))
        assert not signed_in(client)


# Signing out -----------------------------------------------------------------------------------


def test_signing_out_ends_the_session(client, sign_in_as):
    sign_in_as(Role.PRINCIPAL_OFFICER)
    response = post_form(client, "/staff/", {})  # the home page carries the sign-out form
    assert response.status_code == 405  # the home page itself takes no form
    page = client.get("/staff/")
    out = client.post("/staff/sign-out", data={"csrf_token": csrf_of(page.text)})
    assert out.status_code == 302 and out.location == "/staff/sign-in"
    assert "You have signed out." in client.get(out.location).text
    assert not signed_in(client)


def test_signing_out_everywhere_ends_the_other_devices_sessions(app, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.PRINCIPAL_OFFICER)
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, staff.email)
    sign_in(phone, staff.email)
    assert signed_in(laptop) and signed_in(phone)
    page = laptop.get("/staff/")
    laptop.post("/staff/sign-out-everywhere", data={"csrf_token": csrf_of(page.text)})
    assert not signed_in(phone)
    assert not signed_in(laptop)
    assert sign_in(phone, staff.email).status_code == 302 and signed_in(phone)


def test_switching_an_account_off_ends_its_session_and_its_sign_ins(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.MANAGER)
    sign_in(client, staff.email)
    assert signed_in(client)
    with sessions() as session:
        switch_off(session, session.get(StaffAccount, staff.account_id), actor="admin", now=NOW)
        session.commit()
    assert not signed_in(client)
    assert sign_in(client, staff.email).status_code == 400


# Session fixation, open redirects, cookies -----------------------------------------------------


def test_signing_in_gives_a_new_session_and_the_old_cookie_stays_signed_out(app, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    victim = app.test_client()
    victim.get("/staff/sign-in")
    planted = session_cookie(victim)  # what an attacker could have set before sign-in
    assert planted
    sign_in(victim, staff.email)
    assert session_cookie(victim) != planted and signed_in(victim)
    attacker = app.test_client()
    attacker.set_cookie("session", planted, domain="localhost")
    assert not signed_in(attacker)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/staff/",
        "//evil.example/staff/",
        "/\\evil.example/staff/",
        "/\t/evil.example/",
        "javascript:alert(1)",
        "evil.example",
    ],
)
def test_next_pointing_off_the_site_is_refused(client, sessions, target):
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    page = client.get("/staff/sign-in", query_string={"next": target})
    response = client.post(
        "/staff/sign-in",
        data={
            "email": staff.email,
            "password": PASSWORD,
            "next": target,
            "csrf_token": csrf_of(page.text),
        },
    )
    assert response.status_code == 302 and response.location == "/staff/"


def test_next_on_the_site_is_followed_after_sign_in(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    asked = client.get("/staff/change-password")
    assert asked.location == "/staff/sign-in?next=/staff/change-password"
    page = client.get(asked.location)
    response = client.post(
        "/staff/sign-in",
        data={
            "email": staff.email,
            "password": PASSWORD,
            "next": "/staff/change-password",
            "csrf_token": csrf_of(page.text),
        },
    )
    assert response.location == "/staff/change-password"


def test_production_cookies_are_secure_http_only_and_same_site(settings, engine, sessions):
    production = settings.with_(
        mode="production", secret_key="s" * 40, local_sign_in="on", base_url="https://heard.test"
    )
    app = create_app(production, engine=engine)
    app.config["TESTING"] = True
    client = app.test_client()
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    page = client.get("/staff/sign-in", base_url="https://heard.test")
    response = client.post(
        "/staff/sign-in",
        base_url="https://heard.test",
        headers={"Referer": "https://heard.test/staff/sign-in"},  # checked over https
        data={"email": staff.email, "password": PASSWORD, "csrf_token": csrf_of(page.text)},
    )
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Strict-Transport-Security" in response.headers


# Forged forms and the rate limit ---------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "not-a-real-token"])
def test_a_forged_sign_out_everywhere_is_refused_and_changes_nothing(client, sessions, token):
    with sessions() as session:
        staff = make_staff(session, Role.PRINCIPAL_OFFICER)
    sign_in(client, staff.email)
    epoch = account(sessions, staff.account_id).session_epoch
    data = {} if token is None else {"csrf_token": token}
    response = client.post("/staff/sign-out-everywhere", data=data)
    assert response.status_code == 400 and "Your form was not sent" in response.text
    assert account(sessions, staff.account_id).session_epoch == epoch
    assert signed_in(client)


def test_a_forged_password_change_is_refused_and_changes_nothing(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.PRINCIPAL_OFFICER)
    sign_in(client, staff.email)
    before = account(sessions, staff.account_id).password_hash
    new = "kettle orbit lantern meadow"
    response = client.post(
        "/staff/change-password",
        data={"current": PASSWORD, "new": new, "confirm": new, "csrf_token": "forged"},
    )
    assert response.status_code == 400
    assert account(sessions, staff.account_id).password_hash == before


def test_a_forged_staff_form_gets_staff_words_and_a_public_one_keeps_its_own(client):
    staff_page = client.post("/staff/sign-in", data={"email": "x@example.org"})
    assert "Your form was not sent" in staff_page.text
    assert "Heard staff" in staff_page.text
    public_page = client.post("/code", data={"code": "x"})
    assert public_page.status_code == 400 and "This page has timed out" in public_page.text


def test_a_sign_in_without_its_token_is_refused(client, sessions):
    with sessions() as session:
        staff = make_staff(session, Role.ADMIN)
    response = client.post("/staff/sign-in", data={"email": staff.email, "password": PASSWORD})
    assert response.status_code == 400 and not signed_in(client)


def test_sign_in_attempts_are_rate_limited(client):
    page = client.get("/staff/sign-in")
    form = {"email": "nobody@example.org", "password": "guess", "csrf_token": csrf_of(page.text)}
    answers = [client.post("/staff/sign-in", data=form).status_code for _ in range(21)]
    assert answers[:20] == [400] * 20
    assert answers[20] == 429


@pytest.mark.parametrize(("hops", "limited_apart"), [(1, True), (0, False)])
def test_behind_a_proxy_each_person_has_their_own_sign_in_limit(
    settings, engine, hops, limited_apart
):
    """With HEARD_PROXY_HOPS=1 the limit counts the address the load balancer forwarded; with 0
    (clients reach Heard directly) a forwarded header is ignored, as anyone could forge it."""
    app = create_app(settings.with_(proxy_hops=hops), engine=engine)
    client = app.test_client()
    page = client.get("/staff/sign-in")
    form = {"email": "nobody@example.org", "password": "guess", "csrf_token": csrf_of(page.text)}

    def attempt(address: str) -> int:
        headers = {"X-Forwarded-For": address}
        return client.post("/staff/sign-in", data=form, headers=headers).status_code

    assert [attempt("203.0.113.7") for _ in range(21)][-1] == 429
    assert (attempt("198.51.100.9") != 429) is limited_apart
