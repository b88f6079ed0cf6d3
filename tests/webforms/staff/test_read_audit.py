"""Every staff read of a response's answers or a contact request leaves an audit row.

The read guard (webforms/staff/read_guard.py) fails a staff request that loaded answers or
contact details without committing an audit entry; the walk below also checks, route by route,
that a committed row naming the reader really is there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from flask import Blueprint
from sqlalchemy import event, func, select

from heard import audit
from heard.clock import utcnow
from heard.db import transaction
from heard.models import AuditEntry
from staff.roles import Role
from surveys.models import Answer, ContactRequest
from tests.factories import NOW
from tests.webforms.staff.conftest import make_staff
from tests.webforms.staff.test_access import (
    IDENTITIES,
    TWO_ROLE_EMAIL,
    access_table,
    become,
    roles_of,
    staff_requests,
)
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.read_guard import UnauditedRead


def reading_blueprint(sessions, *, audited: bool, commit: bool = True) -> Blueprint:
    """A staff page that reads the first answer, auditing the read (or forgetting to)."""
    pages = Blueprint("staff_reading", __name__, url_prefix="/staff")

    @allow(Role.PRINCIPAL_OFFICER)
    def read() -> str:
        with sessions() as session:
            answer = session.scalar(select(Answer).order_by(Answer.id))
            if audited:
                audit.record(
                    session,
                    actor=signed_in_staff().email,
                    action="read",
                    record_type="response",
                    record_id=answer.response_id,
                    now=utcnow(),
                )
            if commit:
                session.commit()
            return f"{len(answer.value)} characters"

    pages.add_url_rule("/reading", "read", read)
    return pages


def audit_rows(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_a_staff_page_reading_answers_without_an_audit_entry_fails(app, client, sessions, world):
    app.register_blueprint(reading_blueprint(sessions, audited=False))
    with sessions() as session:
        po = make_staff(session, Role.PRINCIPAL_OFFICER)
    become(client, sessions, po.account_id)
    with pytest.raises(UnauditedRead, match=r"staff_reading\.read"):
        client.get("/staff/reading")


def test_an_audit_entry_that_is_never_committed_does_not_count(app, client, sessions, world):
    app.register_blueprint(reading_blueprint(sessions, audited=True, commit=False))
    with sessions() as session:
        po = make_staff(session, Role.PRINCIPAL_OFFICER)
    become(client, sessions, po.account_id)
    before = audit_rows(sessions)
    with pytest.raises(UnauditedRead):
        client.get("/staff/reading")
    assert audit_rows(sessions) == before


def test_a_staff_page_that_audits_its_read_works_and_leaves_a_row(app, client, sessions, world):
    app.register_blueprint(reading_blueprint(sessions, audited=True))
    with sessions() as session:
        po = make_staff(session, Role.PRINCIPAL_OFFICER)
    become(client, sessions, po.account_id)
    before = audit_rows(sessions)
    response = client.get("/staff/reading")
    assert response.status_code == 200 and "characters" in response.text
    with sessions() as session:
        newest = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert audit_rows(sessions) == before + 1
    assert (newest.actor, newest.action, newest.record_type) == (po.email, "read", "response")


def test_reading_answers_outside_a_request_is_not_the_guards_business(sessions, world):
    # The CLI and clock jobs have their own audit calls; the guard only watches web requests.
    with transaction(sessions) as session:
        assert session.scalars(select(Answer)).first() is not None


@contextmanager
def sensitive_loads() -> Iterator[list[str]]:
    """The names of the sensitive records loaded while inside."""
    loaded: list[str] = []

    def note(target, context) -> None:
        loaded.append(type(target).__name__)

    for model in (Answer, ContactRequest):
        event.listen(model, "load", note)
    try:
        yield loaded
    finally:
        for model in (Answer, ContactRequest):
            event.remove(model, "load", note)


@pytest.mark.parametrize("roles", IDENTITIES, ids=lambda roles: "+".join(roles))
def test_every_staff_page_that_reads_feedback_leaves_an_audit_row_naming_the_reader(
    app, world, sessions, roles
):
    app.config["WTF_CSRF_ENABLED"] = False
    table = access_table()
    email = TWO_ROLE_EMAIL if len(roles) > 1 else None
    with sessions() as session:
        staff = make_staff(session, *roles, email=email)
    failures = []
    with time_machine.travel(NOW + timedelta(minutes=30), tick=True):
        for rule, method, url in staff_requests(app, world):
            if not roles_of(table[rule.endpoint]) & set(roles):
                continue
            client = app.test_client()
            become(client, sessions, staff.account_id)
            before = audit_rows(sessions)
            with sensitive_loads() as loaded:
                # An unaudited read raises UnauditedRead here. POSTs count too: revealing a
                # contact's phone number is a button, not a page.
                client.open(url, method=method, data={})
            if not loaded:
                continue
            with sessions() as session:
                readers = set(
                    session.scalars(select(AuditEntry.actor).order_by(AuditEntry.id).offset(before))
                )
            if staff.email not in readers:
                failures.append(f"{method} {url} read {sorted(set(loaded))} with no audit row")
    assert failures == []
