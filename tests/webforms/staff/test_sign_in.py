from __future__ import annotations

from staff.roles import Role
from tests.webforms.staff.conftest import make_staff, sign_in


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
