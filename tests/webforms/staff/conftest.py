"""Staff-page fixtures: accounts with roles, signed in through the real sign-in form."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from staff.accounts import StaffMember, add_account, member
from staff.roles import Role
from tests.factories import AMIRA, NOW, ONE_AVENUE_ROAD, make_site
from tests.webforms.conftest import csrf_of

PASSWORD = "correct horse battery staple"
EMAILS = {
    Role.BUSINESS_SUPPORT: "bea.clarke@example.org",
    Role.PRINCIPAL_OFFICER: AMIRA,
    Role.MANAGER: "priya.sandhu@example.org",
    Role.ADMIN: "alex.morgan@example.org",
}


def make_staff(
    session: Session,
    *roles: Role,
    email: str | None = None,
    site: str | None = ONE_AVENUE_ROAD,
    must_change_password: bool = False,
) -> StaffMember:
    """A committed account holding ROLES, with the test PASSWORD."""
    if site:
        make_site(session, site)
    email = email or EMAILS[roles[0]]
    account, _ = add_account(
        session,
        email=email,
        display_name=email.split("@")[0].replace(".", " ").title(),
        roles=roles,
        site=site,
        now=NOW,
        actor="test",
        password=PASSWORD,
        must_change_password=must_change_password,
    )
    session.commit()
    return member(account)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):
    page = client.get("/staff/sign-in")
    return client.post(
        "/staff/sign-in",
        data={"email": email, "password": password, "csrf_token": csrf_of(page.text)},
    )


@pytest.fixture
def sign_in_as(client: FlaskClient, sessions: sessionmaker[Session]):
    """sign_in_as(Role.MANAGER, ...) -> the StaffMember, signed in on `client`."""

    def _sign_in_as(*roles: Role, email: str | None = None, site: str | None = ONE_AVENUE_ROAD):
        with sessions() as session:
            staff = make_staff(session, *roles, email=email, site=site)
        response = sign_in(client, staff.email)
        assert response.status_code == 302, response.text
        return staff

    return _sign_in_as
