"""The role-access table: every staff route, walked with no one, each role and a two-role person.

The table is the union of the ACCESS dicts in tests/webforms/staff/access_*.py (one per area;
an area may add PARAMS for URL parameters that are not record ids).
It must name exactly the app's non-public routes with the same roles as each view's `@allow`, so
a new route without a rule, or a rule that drifts from the table, fails here.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest
import time_machine
from flask import Blueprint, Flask
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.routing import Rule

from staff.models import StaffAccount
from staff.roles import ALL_ROLES, Role
from tests.factories import NOW
from tests.webforms.staff.conftest import World, make_staff
from webforms.staff.access import SESSION_KEY, allow, rule_for

WALKED_METHODS = ("GET", "POST")
# Signing out ends the session by design; everywhere else an allowed member must stay signed in.
SIGNS_OUT = frozenset({"staff_auth.sign_out", "staff_auth.sign_out_everywhere"})
TWO_ROLES = (Role.BUSINESS_SUPPORT, Role.PRINCIPAL_OFFICER)
TWO_ROLE_EMAIL = "tom.walsh@example.org"
IDENTITIES = [(role,) for role in Role] + [TWO_ROLES]


def _tables() -> Iterator[tuple[str, ModuleType]]:
    for path in sorted(Path(__file__).parent.glob("access_*.py")):
        yield path.name, importlib.import_module(f"{__package__}.{path.stem}")


def access_table() -> dict[str, frozenset[Role]]:
    """Every area's ACCESS merged; an endpoint in two tables is a mistake worth saying."""
    merged: dict[str, frozenset[Role]] = {}
    for name, module in _tables():
        for endpoint, roles in module.ACCESS.items():
            assert endpoint not in merged, f"{endpoint} is in two access tables ({name})"
            merged[endpoint] = frozenset(roles)
    return merged


def extra_params() -> dict[str, object]:
    """URL values for parameters that are not record ids (e.g. a dashboard table's key): an
    area's table may give them as PARAMS = {"table_key": "responses"}."""
    merged: dict[str, object] = {}
    for _name, module in _tables():
        merged.update(getattr(module, "PARAMS", {}))
    return merged


def roles_of(rule: frozenset[Role]) -> frozenset[Role]:
    """`@allow()` (anyone signed in) means every role."""
    return rule or ALL_ROLES


def staff_rules(app: Flask) -> Iterator[Rule]:
    for rule in app.url_map.iter_rules():
        if rule_for(app, rule.endpoint) != "public":
            yield rule


def coverage_problems(app: Flask, table: dict[str, frozenset[Role]]) -> list[str]:
    problems = []
    endpoints = {rule.endpoint for rule in staff_rules(app)}
    for endpoint in sorted(endpoints):
        rule = rule_for(app, endpoint)
        if rule is None:
            problems.append(f"{endpoint}: the view has no @allow(...) rule")
        elif endpoint not in table:
            problems.append(f"{endpoint}: missing from the access tables (access_*.py)")
        elif roles_of(rule) != roles_of(table[endpoint]):
            problems.append(
                f"{endpoint}: the view allows {sorted(roles_of(rule))}, "
                f"the table says {sorted(roles_of(table[endpoint]))}"
            )
    for endpoint in sorted(set(table) - endpoints):
        problems.append(f"{endpoint}: in the access table but not a staff route of the app")
    return problems


def test_the_access_table_names_exactly_the_staff_routes_with_their_rules(app):
    table = access_table()
    assert "staff.home" in table and "staff_auth.change_password" in table
    assert coverage_problems(app, table) == []


def test_a_route_without_a_rule_fails_the_table_and_is_refused_to_everyone(app, client, sessions):
    stray = Blueprint("staff_stray", __name__, url_prefix="/staff")
    stray.add_url_rule("/stray", "stray", lambda: "reachable")
    drifted = Blueprint("staff_drifted", __name__, url_prefix="/staff")
    drifted.add_url_rule("/drifted", "drifted", allow(Role.ADMIN)(lambda: "admin only"))
    app.register_blueprint(stray)
    app.register_blueprint(drifted)
    table = {**access_table(), "staff_drifted.drifted": frozenset({Role.MANAGER})}

    problems = coverage_problems(app, table)

    assert "staff_stray.stray: the view has no @allow(...) rule" in problems
    assert any(p.startswith("staff_drifted.drifted: the view allows") for p in problems)
    with sessions() as session:
        admin = make_staff(session, Role.ADMIN)
    become(client, sessions, admin.account_id)
    assert client.get("/staff/stray").status_code == 403
    assert client.get("/staff/drifted").status_code == 200


def test_a_visitor_is_sent_to_sign_in_from_every_staff_route(app, world):
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    failures = []
    with time_machine.travel(NOW + timedelta(minutes=30), tick=True):
        for _rule, method, url in staff_requests(app, world):
            response = client.open(url, method=method)
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.startswith("/staff/sign-in?next="):
                failures.append(f"{method} {url}: {response.status_code} {location}")
    assert failures == []


@pytest.mark.parametrize("roles", IDENTITIES, ids=lambda roles: "+".join(roles))
def test_every_route_answers_each_role_as_the_table_says(
    app: Flask, world: World, sessions: sessionmaker[Session], roles: tuple[Role, ...]
):
    app.config["WTF_CSRF_ENABLED"] = False
    table = access_table()
    email = TWO_ROLE_EMAIL if len(roles) > 1 else None
    with sessions() as session:
        account_id = make_staff(session, *roles, email=email).account_id
    failures = []
    with time_machine.travel(NOW + timedelta(minutes=30), tick=True):
        for rule, method, url in staff_requests(app, world):
            allowed = bool(roles_of(table.get(rule.endpoint, frozenset())) & set(roles))
            problem = _walk_one(app, sessions, account_id, rule, method, url, allowed=allowed)
            if problem:
                failures.append(f"{method} {url} ({rule.endpoint}): {problem}")
    assert failures == []


def _walk_one(
    app: Flask,
    sessions: sessionmaker[Session],
    account_id: int,
    rule: Rule,
    method: str,
    url: str,
    *,
    allowed: bool,
) -> str | None:
    """What is wrong with this member's answer from this route, or None."""
    client = app.test_client()
    become(client, sessions, account_id)
    try:
        response = client.open(url, method=method, data={})
    except Exception as error:  # UnauditedRead and any other crash: name it, keep walking
        return f"raised {type(error).__name__}: {error}"
    status, location = response.status_code, response.headers.get("Location", "")
    if not allowed:
        return None if status == 403 else f"expected 403 for a role not in the table, got {status}"
    if status >= 500:
        return f"server error {status}"
    if status == 403:
        return "403 for a role the table allows"
    if location.startswith("/staff/sign-in") and rule.endpoint not in SIGNS_OUT:
        return f"sent to sign-in ({location})"
    return None


def become(client, sessions: sessionmaker[Session], account_id: int) -> None:
    """Sign the client in as the account, as the sign-in form would (without argon2 each time)."""
    with sessions() as session:
        epoch = session.get(StaffAccount, account_id).session_epoch
    with client.session_transaction() as held:
        held.clear()
        held[SESSION_KEY] = {"id": account_id, "epoch": epoch, "seen": time.time()}


def staff_requests(app: Flask, world: World) -> Iterator[tuple[Rule, str, str]]:
    adapter = app.url_map.bind("heard.test")
    values = {**extra_params(), **world.params}
    for rule in sorted(staff_rules(app), key=lambda r: (r.endpoint, r.rule)):
        missing = sorted(set(rule.arguments) - set(values))
        assert not missing, (
            f"{rule.endpoint} has URL parameters {missing} the walker cannot fill: use the "
            f"names in briefs/staff_common.md ({sorted(world.params)}), or give a value for a "
            "parameter that is not a record id in your access_<area>.py as PARAMS = {name: value}"
        )
        url = adapter.build(rule.endpoint, {a: values[a] for a in rule.arguments})
        for method in WALKED_METHODS:
            if method in (rule.methods or ()):
                yield rule, method, url
