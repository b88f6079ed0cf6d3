"""`heard staff add|list|reset-password|remove` end to end, against a real database."""

from __future__ import annotations

import re

import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy import func, select

from heard.cli import cli, common
from heard.models import AuditEntry, Officer
from staff import accounts
from staff.models import StaffAccount
from staff.roles import Role
from tests.factories import NOW

PRIYA = "priya.sandhu@example.org"
ONE_TIME = re.compile(r"([a-z2-9]{4}(?:-[a-z2-9]{4}){3})")


@pytest.fixture
def heard(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HEARD_BASE_URL", "https://heard.test")
    monkeypatch.setenv("HEARD_MAIL_ADAPTER", "memory")
    common.reset()
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result

    with time_machine.travel(NOW, tick=False):
        yield run
    common.reset()


def add_priya(heard, *roles: str, extra: tuple[str, ...] = ()) -> str:
    """Add Priya with ROLES; the one-time password printed, if any."""
    options = [part for role in roles for part in ("--role", role)]
    result = heard("staff", "add", PRIYA, "--name", "Priya Sandhu", *options, *extra)
    found = ONE_TIME.search(result.output)
    return found.group(1) if found else ""


def staff_account(sessions) -> StaffAccount | None:
    with sessions() as session:
        return accounts.account_for(session, PRIYA)


def signs_in(sessions, password: str) -> bool:
    with sessions() as session:
        try:
            accounts.sign_in_with_password(session, email=PRIYA, password=password, now=NOW)
        except accounts.SignInRefused:
            return False
        finally:
            session.rollback()
    return True


def counts(sessions) -> tuple[int, int]:
    with sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(Officer)),
            session.scalar(select(func.count()).select_from(StaffAccount)),
        )


def test_add_prints_a_one_time_password_that_must_be_changed(heard, sessions):
    heard("sites", "add", "One Avenue Road")
    result = heard(
        "staff", "add", PRIYA.upper(), "--name", "Priya Sandhu", "--role", "manager",
        "--role", "admin", "--site", "One Avenue Road",
    )  # fmt: skip
    assert f"Staff account {PRIYA} saved: admin, manager." in result.output
    password = ONE_TIME.search(result.output).group(1)
    account = staff_account(sessions)
    assert set(account.roles) == {Role.MANAGER, Role.ADMIN} and account.must_change_password
    # argon2id at OWASP's recommended cost or more (memory 19 MiB, 2 passes), salted per account.
    parameters = dict(re.findall(r"([mtp])=(\d+)", account.password_hash))
    assert account.password_hash.startswith("$argon2id$")
    assert int(parameters["m"]) >= 19 * 1024 and int(parameters["t"]) >= 2
    assert password not in account.password_hash
    assert signs_in(sessions, password)
    listed = heard("staff", "list").output
    assert f"{PRIYA}\tPriya Sandhu\tadmin,manager\n" in listed


def test_changing_someones_roles_keeps_the_password_they_chose(heard, sessions):
    password = add_priya(heard, "manager")
    again = add_priya(heard, "manager", "principal_officer")
    assert again == ""
    assert set(staff_account(sessions).roles) == {Role.MANAGER, Role.PRINCIPAL_OFFICER}
    assert signs_in(sessions, password)


def test_a_single_sign_on_account_gets_no_password(heard, sessions):
    result = heard(
        "staff", "add", PRIYA, "--name", "Priya Sandhu", "--role", "manager", "--sso-only"
    )
    assert "One-time password" not in result.output
    assert staff_account(sessions).password_hash is None


def test_reset_password_replaces_the_old_one_and_ends_every_session(heard, sessions):
    old = add_priya(heard, "principal_officer")
    epoch = staff_account(sessions).session_epoch
    result = heard("staff", "reset-password", PRIYA)
    new = ONE_TIME.search(result.output).group(1)
    assert new != old
    assert signs_in(sessions, new) and not signs_in(sessions, old)
    account = staff_account(sessions)
    assert account.must_change_password and account.session_epoch == epoch + 1


def test_remove_switches_the_account_off_and_the_list_says_so(heard, sessions):
    password = add_priya(heard, "business_support")
    heard("staff", "remove", PRIYA)
    assert not signs_in(sessions, password)
    assert "\tbusiness_support\t(switched off)" in heard("staff", "list").output
    with sessions() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-1] == "staff account switched off"


@pytest.mark.parametrize("role", ["chair", "manager,wizard", ""])
def test_a_bad_role_is_refused_clearly_and_nothing_is_added(heard, sessions, role):
    before = counts(sessions)
    result = heard("staff", "add", PRIYA, "--name", "Priya Sandhu", "--role", role, ok=False)
    assert result.exit_code == 2
    said = result.output + result.stderr
    assert "Invalid value for '--role'" in said
    if role:
        assert "use one or more of: business_support, principal_officer, manager, admin" in said
    assert counts(sessions) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "not-an-email", "--name", "X", "--role", "admin"), "is not an email address"),
        (
            ("add", PRIYA, "--name", "X", "--role", "admin", "--site", "Atlantis"),
            "Unknown site 'Atlantis'",
        ),
        (("reset-password", "nobody@example.org"), "No staff account for nobody@example.org"),
        (("remove", "nobody@example.org"), "No staff account for nobody@example.org"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(heard, sessions, args, message):
    before = counts(sessions)
    result = heard("staff", *args, ok=False)
    assert message in result.output + result.stderr
    assert counts(sessions) == before
