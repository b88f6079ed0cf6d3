"""The outbox sends each message once, retries what may yet succeed, and keeps quiet."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from heard import scheduler
from heard.db import transaction
from heard.models import OutboxMessage, OutboxStatus
from heard.notify import DeliveryError, MemoryChat, MemoryMailer
from heard.outbox import _try_claim, claim_next, deliver_due, enqueue, retry_delay
from heard.settings import Settings

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def factory(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The shared migrated database (SQLite per test, or PostgreSQL when DATABASE_URL says so)."""
    return sessions


@pytest.fixture
def mailer() -> MemoryMailer:
    return MemoryMailer()


@pytest.fixture
def chat() -> MemoryChat:
    return MemoryChat()


def at(minutes: float) -> Callable[[], datetime]:
    return lambda: T0 + timedelta(minutes=minutes)


def make_message(factory: sessionmaker[Session], **overrides: Any) -> int:
    values: dict[str, Any] = {
        "dedupe_key": "alert:1",
        "channel": "email",
        "recipient": "duty-po@example.org",
        "subject": "Feedback needs a person today",
        "body": "Open the alert: http://127.0.0.1:5000/staff/alerts/1",
        "now": T0,
    }
    with transaction(factory) as session:
        return enqueue(session, **(values | overrides)).id


def load(factory: sessionmaker[Session], message_id: int) -> OutboxMessage:
    with factory() as session:
        message = session.get(OutboxMessage, message_id)
        assert message is not None
        return message


def deliver(
    factory: sessionmaker[Session],
    mailer: MemoryMailer,
    chat: MemoryChat,
    *,
    minutes: float = 0,
    worker: str = "clock-a",
    limit: int = 100,
) -> Any:
    return deliver_due(
        factory, mailer=mailer, chat=chat, now=at(minutes), worker=worker, limit=limit
    )


def test_enqueueing_the_same_dedupe_key_twice_makes_one_row(
    factory: sessionmaker[Session],
) -> None:
    first = make_message(factory)
    second = make_message(factory, subject="A different subject")

    assert second == first
    assert load(factory, first).subject == "Feedback needs a person today"
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_enqueueing_twice_inside_one_transaction_makes_one_row(
    factory: sessionmaker[Session],
) -> None:
    def enqueue_reminder(session: Session) -> OutboxMessage:
        return enqueue(
            session,
            dedupe_key="reminder:7",
            channel="chat",
            recipient="#cp-duty",
            subject="s",
            body="b",
            now=T0,
        )

    with transaction(factory) as session:
        first = enqueue_reminder(session)
        second = enqueue_reminder(session)
        assert first is second

    with factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_enqueue_does_not_commit_so_a_rolled_back_change_sends_nothing(
    factory: sessionmaker[Session],
) -> None:
    with pytest.raises(RuntimeError), transaction(factory) as session:
        enqueue(
            session,
            dedupe_key="alert:9",
            channel="email",
            recipient="a@example.org",
            subject="s",
            body="b",
            now=T0,
        )
        raise RuntimeError("the change that caused it failed")

    with factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_enqueue_refuses_an_unknown_channel(factory: sessionmaker[Session]) -> None:
    with pytest.raises(ValueError, match="channel"):
        make_message(factory, channel="pigeon")


def test_a_due_email_is_sent_once_and_marked_sent(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    message_id = make_message(factory)

    first = deliver(factory, mailer, chat, minutes=1)
    again = deliver(factory, mailer, chat, minutes=2)

    assert (first.sent, again.sent) == (1, 0)
    assert [email.to for email in mailer.sent] == ["duty-po@example.org"]
    assert mailer.sent[0].subject == "Feedback needs a person today"
    message = load(factory, message_id)
    assert message.status == OutboxStatus.SENT
    assert message.sent_at == T0 + timedelta(minutes=1)
    assert message.attempts == 1


def test_a_message_is_not_sent_before_it_is_due(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    make_message(factory, due_at=T0 + timedelta(hours=1))

    assert deliver(factory, mailer, chat, minutes=59).sent == 0
    assert deliver(factory, mailer, chat, minutes=60).sent == 1


def test_a_chat_message_is_posted_to_its_channel_with_its_blocks(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "Alert 1"}}]
    make_message(
        factory,
        channel="chat",
        recipient="#cp-duty",
        subject="Feedback needs a person today",
        body="Open alert 1",
        payload={"blocks": blocks},
    )

    deliver(factory, mailer, chat)

    assert mailer.sent == []
    [post] = chat.sent
    assert post.channel == "#cp-duty"
    assert post.text == "Feedback needs a person today\n\nOpen alert 1"
    assert post.blocks == blocks


def test_messages_go_out_oldest_due_first_and_no_more_than_the_limit(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    for number in range(3):
        make_message(
            factory,
            dedupe_key=f"digest:{number}",
            subject=f"digest {number}",
            due_at=T0 - timedelta(minutes=number),
        )

    report = deliver(factory, mailer, chat, limit=2)

    assert report.sent == 2
    assert [email.subject for email in mailer.sent] == ["digest 2", "digest 1"]


def test_a_message_is_sent_once_even_when_two_workers_race(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    count = 40
    for number in range(count):
        make_message(factory, dedupe_key=f"alert:{number}", subject=f"alert {number}")
    start = threading.Barrier(2)
    reports: list[Any] = []
    errors: list[BaseException] = []

    def work(worker: str) -> None:
        try:
            start.wait()
            reports.append(deliver(factory, mailer, chat, worker=worker, limit=count))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(f"clock-{n}",)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(email.subject for email in mailer.sent) == sorted(
        f"alert {number}" for number in range(count)
    )
    assert sum(report.sent for report in reports) == count
    with factory() as session:
        statuses = session.scalars(select(OutboxMessage.status)).all()
    assert set(statuses) == {OutboxStatus.SENT}


def test_a_worker_whose_conditional_update_loses_the_race_does_not_claim(
    factory: sessionmaker[Session],
) -> None:
    message_id = make_message(factory)
    seen_by_both = (message_id, OutboxStatus.PENDING.value, None)

    with transaction(factory) as session:
        won = _try_claim(session, seen=seen_by_both, worker="clock-a", now=T0)
    with transaction(factory) as session:
        lost = _try_claim(session, seen=seen_by_both, worker="clock-b", now=T0)

    assert (won, lost) == (True, False)
    assert load(factory, message_id).claimed_by == "clock-a"


def test_a_fresh_claim_is_not_retaken(factory: sessionmaker[Session]) -> None:
    make_message(factory)
    with transaction(factory) as session:
        assert claim_next(session, worker="clock-a", now=T0) is not None

    with transaction(factory) as session:
        assert claim_next(session, worker="clock-b", now=T0 + timedelta(minutes=9)) is None


def test_a_crashed_claim_is_retaken_after_it_goes_stale(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    message_id = make_message(factory)
    with transaction(factory) as session:
        claimed = claim_next(session, worker="crashed-clock", now=T0)
        assert claimed is not None and claimed.status == OutboxStatus.SENDING

    report = deliver(factory, mailer, chat, minutes=10, worker="clock-b")

    assert report.sent == 1
    assert len(mailer.sent) == 1
    message = load(factory, message_id)
    assert (message.status, message.claimed_by) == (OutboxStatus.SENT, "clock-b")


def test_a_stalled_worker_does_not_overwrite_the_claim_that_replaced_it(
    factory: sessionmaker[Session], chat: MemoryChat, caplog: pytest.LogCaptureFixture
) -> None:
    message_id = make_message(factory)
    other = MemoryMailer()

    class StallingMailer(MemoryMailer):
        """Stalls past the stale limit; meanwhile a second clock retakes and sends the row."""

        def send(self, *, to: str, subject: str, body: str) -> None:
            deliver(factory, other, chat, minutes=11, worker="clock-b")
            self.fail_next(DeliveryError("timed out", permanent=False))
            super().send(to=to, subject=subject, body=body)

    deliver(factory, StallingMailer(), chat, worker="clock-a")

    assert len(other.sent) == 1
    message = load(factory, message_id)
    assert (message.status, message.claimed_by) == (OutboxStatus.SENT, "clock-b")
    assert "retaken by another worker" in caplog.text


def test_a_temporary_failure_is_retried_later_with_backoff(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    message_id = make_message(factory)
    mailer.fail_next(DeliveryError("421 service busy", permanent=False))
    mailer.fail_next(DeliveryError("421 service busy", permanent=False))

    assert deliver(factory, mailer, chat, minutes=0).retried == 1
    message = load(factory, message_id)
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert message.due_at == T0 + timedelta(minutes=1)
    assert message.claimed_by is None
    assert message.last_error == "DeliveryError: 421 service busy"

    assert deliver(factory, mailer, chat, minutes=0.5).retried == 0
    assert deliver(factory, mailer, chat, minutes=1).retried == 1
    assert load(factory, message_id).due_at == T0 + timedelta(minutes=3)

    assert deliver(factory, mailer, chat, minutes=3).sent == 1
    assert load(factory, message_id).attempts == 3
    assert len(mailer.sent) == 1


def test_retries_back_off_from_one_minute_doubling_up_to_an_hour() -> None:
    delays = [retry_delay(attempts) for attempts in range(1, 10)]

    assert [delay.total_seconds() / 60 for delay in delays] == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_permanent_failure_is_marked_failed_and_not_retried(
    factory: sessionmaker[Session], mailer: MemoryMailer, chat: MemoryChat
) -> None:
    message_id = make_message(factory)
    mailer.fail_next(DeliveryError("recipient refused (550)", permanent=True))

    assert deliver(factory, mailer, chat).failed == 1
    assert deliver(factory, mailer, chat, minutes=24 * 60).sent == 0

    message = load(factory, message_id)
    assert message.status == OutboxStatus.FAILED
    assert message.last_error == "DeliveryError: recipient refused (550)"
    assert mailer.sent == []


def test_an_adapter_bug_is_retried_and_does_not_stop_the_other_messages(
    factory: sessionmaker[Session], chat: MemoryChat
) -> None:
    class BrokenForOneMessage(MemoryMailer):
        def send(self, *, to: str, subject: str, body: str) -> None:
            if subject == "first":
                raise KeyError(body)
            super().send(to=to, subject=subject, body=body)

    mailer = BrokenForOneMessage()
    first = make_message(factory, dedupe_key="a", subject="first", due_at=T0 - timedelta(1))
    make_message(factory, dedupe_key="b", subject="second")

    report = deliver(factory, mailer, chat)

    assert (report.retried, report.sent) == (1, 1)
    assert load(factory, first).last_error == "KeyError"


def test_the_outbox_never_logs_a_recipient_subject_or_body(
    factory: sessionmaker[Session],
    chat: MemoryChat,
    caplog: pytest.LogCaptureFixture,
) -> None:
    class QuotingBugOnce(MemoryMailer):
        bug_raised = False

        def send(self, *, to: str, subject: str, body: str) -> None:
            if not self.bug_raised:
                self.bug_raised = True
                self.fail_next(DeliveryError("refused", permanent=True))
                raise ValueError(f"cannot send {to} {subject} {body}")
            super().send(to=to, subject=subject, body=body)

    caplog.set_level(logging.DEBUG)
    secret = {"subject": "SUBJECT-words-XYZ", "body": "BODY-words-XYZ", "recipient": "po-xyz"}
    for number, channel in enumerate(["email", "chat", "email", "chat", "email"]):
        make_message(factory, dedupe_key=f"m{number}", channel=channel, **secret)
    chat.fail_next(DeliveryError("timeout", permanent=False))

    report = deliver(factory, QuotingBugOnce(), chat)

    assert (report.sent, report.failed, report.retried) == (2, 1, 2)

    assert caplog.records, "the outbox should say what it did"
    for word in ("XYZ", "xyz"):
        assert word not in caplog.text


def test_the_clock_looks_at_the_outbox_every_fifteen_seconds_without_overlap(
    factory: sessionmaker[Session],
) -> None:
    settings = Settings(mail_adapter="memory", chat_adapter="memory")

    clock = scheduler.build_scheduler(settings, factory, blocking=False)

    [job] = clock.get_jobs()
    assert job.id == "outbox"
    assert job.trigger.interval == timedelta(seconds=15)
    assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 15)


def test_a_registered_job_joins_every_clock_built_afterwards(
    factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheduler, "_JOBS", dict(scheduler._JOBS))
    escalate = scheduler.Job("escalate", 60, lambda context: None)

    scheduler.register_job(escalate)
    scheduler.register_job(escalate)
    clock = scheduler.build_scheduler(Settings(mail_adapter="memory"), factory, blocking=True)

    assert sorted(job.id for job in clock.get_jobs()) == ["escalate", "outbox"]
    with pytest.raises(ValueError, match="escalate"):
        scheduler.register_job(scheduler.Job("escalate", 30, lambda context: None))


def test_the_in_process_clock_sends_what_is_due(factory: sessionmaker[Session]) -> None:
    message_id = make_message(factory, now=datetime.now(UTC))
    settings = Settings(mail_adapter="memory", chat_adapter="memory")

    clock = scheduler.start_in_process(settings, factory)
    try:
        deadline = time.monotonic() + 10
        while load(factory, message_id).status != OutboxStatus.SENT:
            assert time.monotonic() < deadline, "the clock did not send the message"
            time.sleep(0.05)
    finally:
        clock.shutdown(wait=True)
