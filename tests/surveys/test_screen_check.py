"""The weekly human check on the disclosure screen: sampled once, children's answers first,
never a flagged answer, every read audited, a missed disclosure raised as an alert."""

from __future__ import annotations

import random
import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from heard.cli import cli, common
from heard.cli import screen as screen_audit
from heard.clock import from_london
from heard.db import transaction
from heard.errors import HeardError
from heard.models import AuditEntry, OutboxMessage
from heard.notify import MemoryChat, MemoryMailer
from heard.scheduler import JobContext
from surveys import screen_check
from surveys.alerts import AlertRouting
from surveys.models import Alert, Response
from surveys.screen_check import Finding, ScreenSample, ScreenSampleItem
from surveys.screening import ScreeningResult
from tests.analysis.helpers_feedback import make_response
from tests.bot.helpers_rota import rota_cast
from tests.factories import AMIRA, DANIEL, NOW

WEEK = date(2026, 11, 16)  # the week before NOW (Monday 23 November 2026, 09:30 London)
IN_WEEK = datetime(2026, 11, 18, 14, 0, tzinfo=UTC)
ROUTING = screen_check.Routing(
    base_url="https://heard.test",
    duty_inbox_email="duty-po@example.org",
    duty_chat_channel="#cp-duty",
    sample_size=10,
)
ALERTS = AlertRouting(
    base_url="https://heard.test",
    duty_inbox_email="duty-po@example.org",
    duty_chat_channel="#cp-duty",
    assistant_head_email="assistant-heads@example.org",
    assistant_head_chat_channel="#cp-assistant-heads",
    ack_minutes=60,
)


def answers(session: Session, count: int, **kwargs: object) -> list[int]:
    """COUNT responses with a comment in the sampled week; their free-text answers' ids."""
    ids = []
    for n in range(count):
        response = make_response(
            session,
            submitted_at=IN_WEEK + timedelta(minutes=n),
            comment=f"The meeting was long but fair ({n}).",
            **kwargs,  # type: ignore[arg-type]
        )
        ids += [a.id for a in response.answers if a.question_key in screen_check.TEXT_QUESTIONS]
    return ids


def take(
    sessions: sessionmaker[Session], *, seed: int = 7, size: int = 10, now: datetime = NOW
) -> ScreenSample | None:
    routing = screen_check.Routing(**{**ROUTING.__dict__, "sample_size": size})
    return screen_check.take_due_sample(sessions, now=now, routing=routing, rng=random.Random(seed))


def items(sessions: sessionmaker[Session]) -> list[ScreenSampleItem]:
    with sessions() as session:
        return list(session.scalars(select(ScreenSampleItem).order_by(ScreenSampleItem.position)))


# When ----------------------------------------------------------------------------------------


def london(day: date, hour: int, minute: int = 0) -> datetime:
    return from_london(day, time(hour, minute))


def test_last_week_is_due_from_nine_on_monday() -> None:
    assert screen_check.week_due(london(date(2026, 11, 23), 8, 59)) is None
    assert screen_check.week_due(london(date(2026, 11, 23), 9, 0)) == WEEK
    assert screen_check.week_due(london(date(2026, 11, 27), 16, 0)) == WEEK  # late is fine


def test_in_bst_nine_london_is_eight_utc() -> None:
    assert screen_check.week_due(datetime(2026, 6, 8, 7, 59, tzinfo=UTC)) is None
    assert screen_check.week_due(datetime(2026, 6, 8, 8, 0, tzinfo=UTC)) == date(2026, 6, 1)


def test_after_a_bank_holiday_monday_the_sample_waits_for_tuesday() -> None:
    may_day = date(2027, 5, 3)
    assert screen_check.week_due(london(may_day, 11, 0)) is None
    assert screen_check.week_due(london(may_day + timedelta(days=1), 9, 0)) == date(2027, 4, 26)


# What is sampled -----------------------------------------------------------------------------


def test_childrens_answers_come_first_and_every_child_is_in_a_small_week(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        parents = answers(session, 20)
        children = answers(session, 3, respondent_type="child")
    sample = take(sessions)
    assert sample is not None
    taken = items(sessions)
    assert len(taken) == 10
    assert {i.answer_id for i in taken[:3]} == set(children)
    assert {i.answer_id for i in taken[3:]} <= set(parents)
    assert [i.respondent_type for i in taken] == ["child"] * 3 + ["parent"] * 7
    assert sample.answers_in_week == 23


def test_the_sample_is_random_but_reproducible_with_the_same_seed() -> None:
    candidates = [(n, "parent") for n in range(100)] + [(n, "child") for n in range(100, 130)]
    first = screen_check.choose(candidates, 10, random.Random(1))
    assert first == screen_check.choose(candidates, 10, random.Random(1))
    assert first != screen_check.choose(candidates, 10, random.Random(2))
    assert all(kind == "child" for _, kind in first)  # 30 children: the sample is all theirs


def test_flagged_empty_and_other_weeks_answers_are_never_sampled(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        answers(session, 5, flagged=True)
        make_response(session, submitted_at=IN_WEEK, comment="   ")
        make_response(session, submitted_at=NOW, comment="This week, not last.")
        make_response(session, submitted_at=IN_WEEK - timedelta(days=7), comment="Too early.")
        make_response(session, submitted_at=None, comment="Never sent.")
        kept = answers(session, 2)
    take(sessions)
    assert sorted(i.answer_id for i in items(sessions)) == sorted(kept)


def test_the_sample_keeps_answer_ids_never_the_words(sessions: sessionmaker[Session]) -> None:
    columns = {c.name for c in inspect(ScreenSampleItem).columns}
    assert columns == {
        "id",
        "sample_id",
        "answer_id",
        "position",
        "respondent_type",
        "finding",
        "reviewed_by",
        "reviewed_at",
        "alert_id",
    }


# Once a week ---------------------------------------------------------------------------------


def test_the_same_week_is_never_sampled_twice(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        answers(session, 4)
    assert take(sessions) is not None
    assert take(sessions, seed=99) is None
    assert take(sessions, now=NOW + timedelta(days=3)) is None
    with sessions() as session:
        assert len(session.scalars(select(ScreenSample)).all()) == 1


def test_two_clocks_racing_take_one_sample(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        answers(session, 12)
    start = threading.Barrier(2)
    results: list[ScreenSample | None] = []
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            start.wait()
            results.append(take(sessions, seed=seed))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r is not None for r in results) == 1
    with sessions() as session:
        assert len(session.scalars(select(ScreenSample)).all()) == 1
        assert len(session.scalars(select(ScreenSampleItem)).all()) == 10


def test_a_week_with_nothing_to_read_is_recorded_and_nobody_is_told(
    sessions: sessionmaker[Session],
) -> None:
    sample = take(sessions)
    assert sample is not None and sample.items == []
    with sessions() as session:
        assert session.scalars(select(OutboxMessage)).all() == []


# Who is told ---------------------------------------------------------------------------------


def test_each_sites_duty_po_is_sent_the_link(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        rota_cast(session)
        answers(session, 3)
    sample = take(sessions)
    assert sample is not None
    with sessions() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert sorted((r.channel, r.recipient) for r in rows) == [
        ("chat", f"officer:{AMIRA}"),
        ("chat", f"officer:{DANIEL}"),
        ("email", AMIRA),
        ("email", DANIEL),
    ]
    link = f"https://heard.test/staff/screen-check/{sample.id}"
    assert all(link in r.body for r in rows)
    assert all("The meeting was long" not in r.body for r in rows)  # never the words


def test_with_nobody_on_duty_the_duty_inbox_and_channel_are_told(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        answers(session, 3)
    take(sessions)
    with sessions() as session:
        rows = session.scalars(select(OutboxMessage)).all()
    assert sorted((r.channel, r.recipient) for r in rows) == [
        ("chat", "#cp-duty"),
        ("email", "duty-po@example.org"),
    ]


# Reading and recording -----------------------------------------------------------------------


def _sampled(sessions: sessionmaker[Session], count: int = 3) -> ScreenSample:
    with transaction(sessions) as session:
        answers(session, count)
    sample = take(sessions)
    assert sample is not None
    return sample


def test_every_read_of_the_words_is_audit_logged(sessions: sessionmaker[Session]) -> None:
    sample = _sampled(sessions)
    with transaction(sessions) as session:
        shown = screen_check.read_sample(session, sample_id=sample.id, reader=AMIRA, now=NOW)
        assert {s.text for s in shown} == {
            f"The meeting was long but fair ({n})." for n in range(3)
        }
        screen_check.read_item(session, item_id=shown[0].item.id, reader=DANIEL, now=NOW)
    with sessions() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.actor, e.action, e.record_type) for e in entries] == [
        (AMIRA, "read", "answer")
    ] * 3 + [(DANIEL, "read", "answer")]
    assert sorted(e.record_id for e in entries[:3]) == sorted(
        str(i.answer_id) for i in items(sessions)
    )
    assert all("meeting" not in e.detail for e in entries)


def test_no_concern_is_recorded_with_who_and_when(sessions: sessionmaker[Session]) -> None:
    _sampled(sessions)
    first = items(sessions)[0]
    with transaction(sessions) as session:
        screen_check.record_finding(
            session, item_id=first.id, finding="no concern", by=AMIRA, now=NOW, routing=ALERTS
        )
    recorded = items(sessions)[0]
    assert (recorded.finding, recorded.reviewed_by, recorded.reviewed_at) == (
        "no_concern",
        AMIRA,
        NOW,
    )
    with sessions() as session:
        assert session.scalars(select(Alert)).all() == []
        audit = session.scalar(select(AuditEntry).where(AuditEntry.action == "screen_check"))
    assert audit is not None and audit.detail == "no_concern"


def test_a_missed_disclosure_raises_an_alert_and_the_answer_is_flagged(
    sessions: sessionmaker[Session],
) -> None:
    _sampled(sessions)
    first = items(sessions)[0]
    with transaction(sessions) as session:
        item = screen_check.record_finding(
            session,
            item_id=first.id,
            finding="missed_disclosure",
            by=AMIRA,
            now=NOW,
            routing=ALERTS,
        )
        alert_id = item.alert_id
    with sessions() as session:
        alert = session.get(Alert, alert_id)
        assert alert is not None
        assert (alert.kind, alert.reasons) == ("disclosure", [screen_check.HUMAN_CHECK])
        response = session.get(Response, alert.response_id)
        assert response is not None and response.flagged
        recipients = sorted(
            (r.channel, r.recipient)
            for r in session.scalars(
                select(OutboxMessage).where(OutboxMessage.dedupe_key.like("alert:%"))
            )
        )
    assert recipients == [("chat", "#cp-duty"), ("email", "duty-po@example.org")]


def test_a_missed_disclosure_on_a_contact_request_turns_its_alert_into_a_disclosure(
    sessions: sessionmaker[Session],
) -> None:
    _sampled(sessions, count=1)
    [item] = items(sessions)
    with transaction(sessions) as session:
        answer_response = session.get(ScreenSampleItem, item.id).answer.response  # type: ignore[union-attr]
        session.add(
            Alert(
                response_id=answer_response.id,
                kind="contact_request",
                reasons=["contact_requested"],
                created_at=NOW - timedelta(days=3),
                acknowledged_at=NOW - timedelta(days=2),
                acknowledged_by=DANIEL,
            )
        )
    with transaction(sessions) as session:
        screen_check.record_finding(
            session, item_id=item.id, finding="missed_disclosure", by=AMIRA, now=NOW, routing=ALERTS
        )
    with sessions() as session:
        [alert] = session.scalars(select(Alert)).all()
        assert alert.kind == "disclosure"
        assert alert.reasons == [screen_check.HUMAN_CHECK, "contact_requested"]
        assert alert.acknowledged_at is None  # chased again, as a new alert would be
        assert len(session.scalars(select(OutboxMessage)).all()) >= 2


def test_a_bad_finding_is_refused_and_changes_nothing(sessions: sessionmaker[Session]) -> None:
    _sampled(sessions)
    first = items(sessions)[0]
    with pytest.raises(HeardError, match="is not a finding"), transaction(sessions) as session:
        screen_check.record_finding(
            session, item_id=first.id, finding="maybe", by=AMIRA, now=NOW, routing=ALERTS
        )
    with pytest.raises(HeardError, match="No screen check item"), transaction(sessions) as s:
        screen_check.record_finding(
            s, item_id=9999, finding="unsure", by=AMIRA, now=NOW, routing=ALERTS
        )
    assert items(sessions)[0].finding is None


def test_unsure_can_be_settled_later_but_a_finding_stands(sessions: sessionmaker[Session]) -> None:
    _sampled(sessions)
    first = items(sessions)[0]
    for finding in ("unsure", "no_concern"):
        with transaction(sessions) as session:
            screen_check.record_finding(
                session, item_id=first.id, finding=finding, by=AMIRA, now=NOW, routing=ALERTS
            )
    refused = pytest.raises(HeardError, match="already recorded as no concern")
    with refused, transaction(sessions) as session:
        screen_check.record_finding(
            session, item_id=first.id, finding="unsure", by=DANIEL, now=NOW, routing=ALERTS
        )
    assert items(sessions)[0].finding == Finding.NO_CONCERN


# Figures -------------------------------------------------------------------------------------


def test_the_miss_rate_is_counted_per_financial_quarter(sessions: sessionmaker[Session]) -> None:
    _sampled(sessions, count=4)
    taken = items(sessions)
    # Three read in December (2026-27 Q3), one in January (Q4).
    plan = [
        (taken[0], "missed_disclosure", datetime(2026, 12, 1, 10, tzinfo=UTC)),
        (taken[1], "no_concern", datetime(2026, 12, 1, 10, tzinfo=UTC)),
        (taken[2], "unsure", datetime(2026, 12, 31, 23, 30, tzinfo=UTC)),
        (taken[3], "no_concern", datetime(2027, 1, 4, 9, tzinfo=UTC)),
    ]
    for item, finding, at in plan:
        with transaction(sessions) as session:
            screen_check.record_finding(
                session, item_id=item.id, finding=finding, by=AMIRA, now=at, routing=ALERTS
            )
    with sessions() as session:
        rows = screen_check.figures(session)
    assert [(r.quarter, r.reviewed, r.missed, r.unsure, r.miss_rate) for r in rows] == [
        ("2026-27 Q3", 3, 1, 1, 33.3),
        ("2026-27 Q4", 1, 0, 0, 0.0),
    ]


def test_quarters_follow_the_financial_year() -> None:
    assert screen_check.quarter_of(date(2026, 4, 1)) == "2026-27 Q1"
    assert screen_check.quarter_of(date(2026, 3, 31)) == "2025-26 Q4"
    assert screen_check.quarter_of(date(2026, 10, 1)) == "2026-27 Q3"


# The job and the command line ----------------------------------------------------------------


def test_the_job_takes_the_sample_with_the_settings_size(
    sessions: sessionmaker[Session], settings
) -> None:
    with transaction(sessions) as session:
        answers(session, 6)
    context = JobContext(
        settings=settings.with_(screen_check_sample=4),
        factory=sessions,
        mailer=MemoryMailer(),
        chat=MemoryChat(),
        worker="clock",
        now=lambda: NOW,
    )
    screen_check.take_sample_job(context)
    screen_check.take_sample_job(context)
    with sessions() as session:
        [sample] = session.scalars(select(ScreenSample)).all()
        assert (sample.week_start, sample.size, len(sample.items)) == (WEEK, 4, 4)


@pytest.fixture
def heard(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HEARD_BASE_URL", "https://heard.test")
    common.reset()
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result

    with time_machine.travel(NOW, tick=False):
        yield run
    common.reset()


def test_the_duty_po_reads_and_records_from_a_terminal(heard, sessions) -> None:
    sample = _sampled(sessions, count=2)
    first, second = items(sessions)

    listed = heard("screen", "check", "list").output
    assert f"{sample.id}\tweek of 16 Nov 2026\t0/2 read\t0 missed" in listed
    shown = heard("screen", "check", "show", str(sample.id), "--by", AMIRA).output
    assert "The meeting was long but fair (0)." in shown
    assert f"Item {first.id} - a parent, in en: not yet read" in shown
    recorded = heard(
        "screen", "check", "record", str(first.id), "--finding", "missed_disclosure", "--by", AMIRA
    ).output
    assert "missed disclosure recorded. Alert" in recorded
    heard("screen", "check", "record", str(second.id), "--finding", "no_concern", "--by", AMIRA)
    refused = heard(
        "screen", "check", "record", str(second.id), "--finding", "unsure", "--by", AMIRA, ok=False
    ).output
    assert "already recorded as no concern" in refused
    assert "2026-27 Q3\t2\t1\t0\t50.0%" in heard("screen", "check", "figures").output
    with sessions() as session:
        reads = session.scalars(select(AuditEntry).where(AuditEntry.action == "read")).all()
    assert len(reads) == 2


def test_heard_screen_file_still_audits_the_screen_beside_the_check(
    heard, tmp_path, monkeypatch
) -> None:
    # The screen itself is tested elsewhere (and takes seconds to compile): only the routing
    # of `heard screen FILE.csv` to the audit, now that `screen` is a group, is tested here.
    seen: list[str] = []

    def fake_screen(text: str, language: str | None) -> ScreeningResult:
        seen.append(text)
        return ScreeningResult(True, ("distress",))

    monkeypatch.setattr(screen_audit, "screen_text", fake_screen)
    texts = tmp_path / "texts.csv"
    texts.write_text("id,text\n1,The chair was kind.\n", encoding="utf-8")
    output = heard("screen", str(texts)).output
    assert output.strip() == '{"id": "1", "disclosure": true, "reasons": ["distress"]}'
    assert seen == ["The chair was kind."]
