"""Retention at its time edges: exactly at the boundary, a second either side, across BST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from heard.db import session_factory
from heard.models import AuditEntry
from heard.notify import make_chat, make_mailer
from heard.scheduler import JobContext, registered_jobs
from staff import jobs, retention
from staff.models import ServiceSetting
from surveys.models import Alert, Answer, ContactRequest, Response
from tests.factories import NOW
from tests.staff.helpers import count, make_audit, make_response

SECOND = timedelta(seconds=1)
DAYS = 1096  # the default: three years


def _settings(settings, **days):
    return settings.with_(
        response_retention_days=days.get("responses", DAYS),
        audit_retention_days=days.get("audit", 2557),
        contact_retention_days=days.get("contact", 30),
    )


def _surviving(session) -> set[int]:
    return set(session.scalars(select(Response.id)))


@pytest.mark.parametrize(
    ("offset", "deleted"),
    [(SECOND, False), (timedelta(0), True), (-SECOND, True)],
    ids=["a second inside", "exactly at the boundary", "a second past"],
)
def test_a_response_goes_exactly_when_its_retention_ends(session, settings, offset, deleted):
    boundary = NOW - timedelta(days=DAYS)
    response = make_response(session, boundary + offset)
    kept = make_response(session, NOW - timedelta(days=1))

    purged = retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    assert (response.id not in _surviving(session)) is deleted
    assert kept.id in _surviving(session)
    assert purged.responses == int(deleted)
    assert purged.answers == purged.alerts == purged.contact_requests == int(deleted)


def test_a_response_goes_with_its_answers_contact_request_and_alert(session, settings):
    old = make_response(session, NOW - timedelta(days=DAYS + 10))
    new = make_response(session, NOW - timedelta(days=10))

    retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    for model in (Answer, ContactRequest, Alert):
        assert set(session.scalars(select(model.response_id))) == {new.id}
    assert _surviving(session) == {new.id}
    assert old.id not in _surviving(session)


def test_an_abandoned_response_goes_after_the_same_period_from_its_last_change(session, settings):
    gone = make_response(session, None, updated_at=NOW - timedelta(days=DAYS))
    kept = make_response(session, None, updated_at=NOW - timedelta(days=DAYS) + SECOND)

    retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    assert _surviving(session) == {kept.id}
    assert gone.id not in _surviving(session)


@pytest.mark.parametrize(
    ("offset", "deleted"),
    [(SECOND, False), (timedelta(0), True), (-SECOND, True)],
    ids=["a second inside", "exactly at the boundary", "a second past"],
)
def test_an_audit_row_goes_exactly_when_its_retention_ends(session, settings, offset, deleted):
    row = make_audit(session, NOW - timedelta(days=2557) + offset)
    recent = make_audit(session, NOW - timedelta(days=1))

    retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    ids = set(session.scalars(select(AuditEntry.id)))
    assert (row.id not in ids) is deleted
    assert recent.id in ids


# Clocks went back at 02:00 BST on Sunday 25 October 2026 and forward at 01:00 GMT on Sunday
# 29 March 2026. A day of retention is 24 hours of elapsed time either way.
@pytest.mark.parametrize(
    "submitted",
    [
        datetime(2026, 10, 24, 11, 0, tzinfo=UTC),  # 12:00 BST on the Saturday
        datetime(2026, 3, 28, 12, 0, tzinfo=UTC),  # 12:00 GMT on the Saturday
    ],
    ids=["autumn", "spring"],
)
def test_a_period_across_the_clock_change_is_24_hours_a_day(session, settings, submitted):
    response = make_response(session, submitted)
    one_day = _settings(settings, responses=1)
    # Not 23 or 25 hours on the wall clock: 24 hours after, exactly.
    retention.purge(session, now=submitted + timedelta(hours=24) - SECOND, settings=one_day)
    session.commit()
    assert response.id in _surviving(session)

    retention.purge(session, now=submitted + timedelta(hours=24), settings=one_day)
    session.commit()
    assert response.id not in _surviving(session)


def test_contact_details_go_after_their_own_shorter_period(session, settings):
    response = make_response(session, NOW - timedelta(days=30))

    purged = retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    request = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response.id)
    )
    assert request is not None and request.details_encrypted is None
    assert purged.contact_details == 1 and purged.responses == 0


def test_the_purge_is_audited_with_counts_and_never_content(session, settings):
    make_response(session, NOW - timedelta(days=DAYS + 1))
    make_audit(session, NOW - timedelta(days=2558))

    retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    row = session.scalar(select(AuditEntry).where(AuditEntry.action == "retention purge"))
    assert row is not None and row.actor == "clock" and row.at == NOW
    assert row.detail == (
        "contact details 1; responses 1 (answers 1, contact requests 1, alerts 1); audit rows 1"
    )
    assert "words" not in row.detail


def test_nothing_to_purge_leaves_no_audit_row_and_a_second_run_deletes_nothing(session, settings):
    make_response(session, NOW - timedelta(days=DAYS + 1))
    first = retention.purge(session, now=NOW, settings=_settings(settings))
    second = retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    assert first.responses == 1
    assert not second.anything
    purges = session.scalars(select(AuditEntry).where(AuditEntry.action == "retention purge"))
    assert len(list(purges)) == 1


def test_an_administrators_setting_overrides_the_default(session, settings):
    session.add(
        ServiceSetting(key="response_retention_days", value=100, updated_at=NOW, updated_by="x")
    )
    response = make_response(session, NOW - timedelta(days=100))

    purged = retention.purge(session, now=NOW, settings=_settings(settings))
    session.commit()

    assert purged.responses == 1 and response.id not in _surviving(session)


def test_a_period_under_a_day_is_refused():
    with pytest.raises(ValueError, match="at least one day"):
        retention.cutoff(NOW, 0)


def test_the_clock_job_purges_in_its_own_transaction(engine, settings):
    factory = session_factory(engine)
    with factory() as session:
        make_response(session, NOW - timedelta(days=DAYS + 1))
        session.commit()
    jobs.register()
    job = next(job for job in registered_jobs() if job.name == "retention")
    context = JobContext(
        settings=settings,
        factory=factory,
        mailer=make_mailer(settings),
        chat=make_chat(settings),
        worker="test",
        now=lambda: NOW,
    )

    job.func(context)

    with factory() as session:
        assert count(session, Response) == 0
        assert count(session, AuditEntry) == 2  # the contact details purge and the summary
