"""`make run`'s demo: staff accounts that sign in, and feedback on every staff page's first view."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.models import Consultation, Escalation
from heard.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from staff.accounts import sign_in_with_password
from surveys.models import Alert, ContactRequest, Response
from tests.factories import NOW


def count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_the_demo_loads_once_with_feedback_an_alert_and_chat_ops_work(session, settings):
    assert load_demo(session, now=NOW, expiry_days=28, settings=settings)
    session.commit()
    assert not load_demo(session, now=NOW, expiry_days=28, settings=settings)

    submitted = count(session, Response, Response.submitted_at.is_not(None))
    assert submitted >= 36
    assert count(session, Response, Response.flagged.is_(True)) == 1
    kinds = set(session.scalars(select(Alert.kind)))
    assert kinds == {"disclosure", "contact_request"}
    assert count(session, ContactRequest, ContactRequest.details_encrypted.is_not(None)) == 1
    assert count(session, Escalation) == 1 and count(session, Consultation) == 1
    assert session.scalar(select(func.max(Response.submitted_at))) < NOW


def test_every_demo_account_signs_in_with_the_printed_password(session, settings):
    load_demo(session, now=NOW, expiry_days=28, settings=settings)
    for email, _name, roles, _site in DEMO_ACCOUNTS:
        account = sign_in_with_password(session, email=email, password=DEMO_PASSWORD, now=NOW)
        assert account.roles == list(roles) and not account.must_change_password
