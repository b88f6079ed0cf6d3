"""The monthly digest: when it is due, claimed once, sent late rather than never, through the
outbox to email and chat, every count through disclosure control."""

from __future__ import annotations

import email
import email.policy
import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from analysis import digest
from analysis.jobs import jobs, send_due_digests
from analysis.models import Digest, DigestChart, DigestStatus
from analysis.periods import Month
from heard.clock import from_london
from heard.db import transaction
from heard.models import OutboxMessage
from heard.notify import MemoryChat, MemoryMailer
from heard.outbox import deliver_due
from heard.scheduler import JobContext
from tests.analysis.helpers_feedback import make_response
from tests.heard.test_notify import Inbox, inbox, smtp_mailer  # noqa: F401  (inbox: a fixture)

RECIPIENTS = digest.Recipients(
    emails=("head@example.org", "assistant.heads@example.org"),
    chat_channel="#cp-managers",
    base_url="https://heard.test",
)
OCT, NOV = Month.parse("2026-10"), Month.parse("2026-11")


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return from_london(date(year, month, day), time(hour, minute))


def send_due(sessions: sessionmaker[Session], now: datetime, worker: str = "clock-a") -> list[str]:
    return [
        str(m) for m in digest.send_due(sessions, now=now, worker=worker, recipients=RECIPIENTS)
    ]


def outbox_rows(session: Session) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


@pytest.fixture(autouse=True)
def quick_charts(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Matplotlib takes about half a second a chart: tests that do not look at the pictures
    get a stand-in PNG (the real charts are drawn in tests that ask for `real_charts`)."""
    if "real_charts" not in request.fixturenames:
        monkeypatch.setattr(digest, "chart_png", lambda table, **_: b"\x89PNG stand-in")


@pytest.fixture
def real_charts() -> None:
    """Asked for by a test that checks the charts themselves."""


# When a digest is due ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "due_local"),
    [
        # 1 November 2026 is a Sunday: Monday 2 November, in GMT.
        ("2026-10", (2026, 11, 2, 9)),
        # 1 June 2026 is a Monday and no bank holiday (that was 25 May): in BST.
        ("2026-05", (2026, 6, 1, 9)),
        # 1 January 2027 (a Friday) is New Year's Day: Monday 4 January.
        ("2026-12", (2027, 1, 4, 9)),
        # 1 May 2028 is the Early May bank holiday Monday: Tuesday 2 May, in BST.
        ("2028-04", (2028, 5, 2, 9)),
        # 31 August 2026 is a bank holiday, but 1 September is a Tuesday: no effect.
        ("2026-08", (2026, 9, 1, 9)),
    ],
)
def test_a_digest_is_due_at_nine_london_time_on_the_next_months_first_working_day(
    month: str, due_local: tuple[int, int, int, int]
) -> None:
    assert digest.due_at(Month.parse(month)) == london(*due_local)


def test_in_bst_nine_in_london_is_eight_utc_and_a_minute_earlier_is_not_due() -> None:
    due = digest.due_at(Month.parse("2026-05"))
    assert due == datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    assert digest.latest_due(due - timedelta(minutes=1)) == Month.parse("2026-04")
    assert digest.latest_due(due) == Month.parse("2026-05")


def test_in_gmt_nine_in_london_is_nine_utc_and_a_minute_earlier_is_not_due() -> None:
    due = digest.due_at(OCT)
    assert due == datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    assert digest.latest_due(due - timedelta(minutes=1)) == Month.parse("2026-09")
    assert digest.latest_due(due) == OCT


def test_at_0859_london_nothing_is_sent_and_at_0900_the_digest_goes(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        # A digest for September was sent on time, so October is the next one due.
        session.add(_sent_row("2026-09"))
    assert send_due(sessions, london(2026, 11, 2, 8, 59)) == []
    assert send_due(sessions, london(2026, 11, 2, 9, 0)) == ["2026-10"]


def test_after_a_bank_holiday_monday_the_digest_waits_for_the_tuesday(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        session.add(_sent_row("2028-03"))
    assert send_due(sessions, london(2028, 5, 1, 9, 30)) == []  # May Day
    assert send_due(sessions, london(2028, 5, 2, 9, 0)) == ["2028-04"]


# Claimed once --------------------------------------------------------------------------------


def test_a_month_is_claimed_by_one_clock_only(sessions: sessionmaker[Session]) -> None:
    now = london(2026, 11, 2, 9, 0)
    first = digest.claim(sessions, OCT, worker="clock-a", now=now)
    second = digest.claim(sessions, OCT, worker="clock-b", now=now)
    assert (first, second) == (now, None)
    with sessions() as session:
        row = session.scalar(select(Digest).where(Digest.month == "2026-10"))
    assert row is not None and row.claimed_by == "clock-a"


def test_two_clocks_racing_send_one_digest(sessions: sessionmaker[Session]) -> None:
    now = london(2026, 11, 2, 9, 5)
    start = threading.Barrier(2)
    results: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def work(worker: str) -> None:
        try:
            start.wait()
            results[worker] = send_due(sessions, now, worker)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(f"clock-{n}",)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(results.values()) == [[], ["2026-10"]]
    with sessions() as session:
        rows = outbox_rows(session)
        digests = session.scalars(select(Digest)).all()
    # Two emails and one chat post: once, whichever clock won.
    assert sorted(r.dedupe_key for r in rows) == [
        "digest:2026-10:chat:#cp-managers",
        "digest:2026-10:email:assistant.heads@example.org",
        "digest:2026-10:email:head@example.org",
    ]
    assert [(d.month, d.status, d.messages) for d in digests] == [("2026-10", "sent", 3)]


def test_a_clock_that_lost_its_claim_while_building_writes_nothing(
    sessions: sessionmaker[Session],
) -> None:
    now = london(2026, 11, 2, 9, 0)
    claimed_at = digest.claim(sessions, OCT, worker="slow-clock", now=now)
    assert claimed_at is not None
    # The slow clock's claim goes stale; another clock retakes the month and sends it.
    later = now + digest.STALE_AFTER + timedelta(minutes=1)
    assert send_due(sessions, later, "clock-b") == ["2026-10"]

    with pytest.raises(digest.LostClaim):
        digest.send(
            sessions,
            OCT,
            worker="slow-clock",
            claimed_at=claimed_at,
            now=later,
            recipients=RECIPIENTS,
        )
    with sessions() as session:
        assert len(outbox_rows(session)) == 3
        assert session.scalar(select(Digest.claimed_by)) == "clock-b"


def test_a_fresh_claim_by_another_clock_is_left_alone(sessions: sessionmaker[Session]) -> None:
    now = london(2026, 11, 2, 9, 0)
    assert digest.claim(sessions, OCT, worker="clock-a", now=now) is not None
    assert send_due(sessions, now + timedelta(minutes=5), "clock-b") == []
    with sessions() as session:
        assert outbox_rows(session) == []


def test_running_the_job_again_sends_nothing_more(sessions: sessionmaker[Session]) -> None:
    now = london(2026, 11, 2, 9, 0)
    assert send_due(sessions, now) == ["2026-10"]
    assert send_due(sessions, now + timedelta(hours=1)) == []
    assert send_due(sessions, now + timedelta(days=20)) == []
    with sessions() as session:
        assert len(outbox_rows(session)) == 3


# Sent late rather than never -----------------------------------------------------------------


def test_a_digest_missed_because_no_clock_ran_is_sent_late(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        session.add(_sent_row("2026-09"))
    # No clock ran on 2 November; it comes back on the 19th.
    assert send_due(sessions, london(2026, 11, 19, 14, 0)) == ["2026-10"]


def test_a_clock_down_for_two_months_catches_up_each_missed_month_in_order(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        session.add(_sent_row("2026-09"))
    assert send_due(sessions, london(2027, 1, 4, 9, 0)) == ["2026-10", "2026-11", "2026-12"]


def test_a_new_installation_sends_only_the_latest_month(sessions: sessionmaker[Session]) -> None:
    assert send_due(sessions, london(2026, 11, 23, 10, 0)) == ["2026-10"]


def test_a_claim_left_by_a_clock_that_died_is_retaken_once_stale(
    sessions: sessionmaker[Session],
) -> None:
    now = london(2026, 11, 2, 9, 0)
    assert digest.claim(sessions, OCT, worker="died", now=now) is not None
    assert send_due(sessions, now + digest.STALE_AFTER + timedelta(seconds=1)) == ["2026-10"]


# What is sent --------------------------------------------------------------------------------


def _deliver(sessions: sessionmaker[Session], now: datetime) -> tuple[MemoryMailer, MemoryChat]:
    mailer, chat = MemoryMailer(), MemoryChat()
    deliver_due(sessions, mailer=mailer, chat=chat, now=lambda: now, worker="clock")
    return mailer, chat


def test_an_empty_month_is_still_a_valid_digest(
    sessions: sessionmaker[Session], real_charts: None
) -> None:
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    mailer, chat = _deliver(sessions, now)

    assert sorted(e.to for e in mailer.sent) == ["assistant.heads@example.org", "head@example.org"]
    email = mailer.sent[0]
    assert email.subject == "Heard: the monthly digest for October 2026"
    assert "Feedback received: 0." in email.body
    assert "No themes were raised this month." in email.body
    assert email.html is not None and "<h1>Heard: the monthly digest for October 2026</h1>" in (
        email.html
    )
    # Every chart is inline: its cid in the HTML and its PNG attached.
    assert [i.cid for i in email.images] == [
        "feedback_by_respondent_type@heard.digest",
        "open_escalations@heard.digest",
        "consultations_by_outcome@heard.digest",
    ]
    for image in email.images:
        assert f'src="cid:{image.cid}"' in email.html
        assert image.data.startswith(b"\x89PNG")
    [post] = chat.sent
    assert post.channel == "#cp-managers"
    assert post.blocks is not None and post.blocks[0]["type"] == "header"
    assert post.card is not None and post.card["type"] == "AdaptiveCard"


def test_one_response_is_all_fewer_than_5_and_still_a_valid_digest(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        make_response(
            session,
            respondent_type="parent",
            submitted_at=london(2026, 10, 14, 11, 0),
            answers={"felt_prepared": "no"},
            comment="Nobody explained the report to me before the meeting.",
        )
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    mailer, _ = _deliver(sessions, now)

    body = mailer.sent[0].body
    assert "Feedback received: fewer than 5." in body
    # No count from 1 to 4 appears anywhere: the one parent is "fewer than 5" in every table.
    assert "Parents and carers: One Avenue Road fewer than 5, Total fewer than 5" in body
    assert " 1," not in body and " 1\n" not in body
    # A theme raised by one person is named, but never quoted (no quote from a group under 5).
    assert "Nobody explained" not in body
    assert "Nobody explained" not in (mailer.sent[0].html or "")


def test_a_flagged_response_is_only_an_alert_count_never_a_quote(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        for n in range(6):
            make_response(
                session,
                submitted_at=london(2026, 10, 5 + n, 11, 0),
                comment="My partner hits me and I am scared for the children.",
                flagged=True,
            )
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    mailer, chat = _deliver(sessions, now)

    body = mailer.sent[0].body
    assert "Alerts raised by feedback (feedback that may show a child at risk): 6." in body
    assert "hits me" not in body and "hits me" not in (mailer.sent[0].html or "")
    assert "hits me" not in str(chat.sent[0].blocks) + str(chat.sent[0].card)


def test_themes_are_ranked_and_quoted_once_five_people_raise_them(
    sessions: sessionmaker[Session],
) -> None:
    with transaction(sessions) as session:
        for n in range(6):
            make_response(
                session,
                submitted_at=london(2026, 10, 5 + n, 11, 0),
                comment=f"The interpreter did not come so I could not follow the meeting ({n}).",
            )
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    mailer, _ = _deliver(sessions, now)
    body = mailer.sent[0].body
    themes = body.split("The three themes most raised:", 1)[1]
    assert themes.lstrip().startswith("1. Interpreter and language (raised 6 times)")
    assert "The interpreter did not come" in themes


def test_the_chat_post_carries_the_chart_images_by_url(sessions: sessionmaker[Session]) -> None:
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    with sessions() as session:
        tokens = session.scalars(select(DigestChart.token).order_by(DigestChart.id)).all()
        [chat_row] = [r for r in outbox_rows(session) if r.channel == "chat"]
    urls = [f"https://heard.test/digest-charts/{token}.png" for token in tokens]
    images = [b["image_url"] for b in chat_row.payload["blocks"] if b["type"] == "image"]
    assert images == urls
    card_images = [e["url"] for e in chat_row.payload["card"]["body"] if e["type"] == "Image"]
    assert card_images == urls
    assert all(len(token) >= 22 for token in tokens)  # 128 random bits


def test_ratings_are_set_beside_the_month_before(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        for n in range(5):
            make_response(
                session, submitted_at=london(2026, 9, 10 + n, 11), answers={"felt_prepared": "no"}
            )
            make_response(
                session, submitted_at=london(2026, 10, 10 + n, 11), answers={"felt_prepared": "yes"}
            )
        content = digest.build(session, OCT)
    rows = {row[1]: row for row in content.ratings.rows}
    prepared = rows["Did you feel prepared for the conference?"]
    assert prepared[2:] == (5, 100.0, 5, 0.0)


def test_the_job_uses_the_clock_and_the_settings(sessions: sessionmaker[Session], settings) -> None:
    context = JobContext(
        settings=settings.with_(
            digest_emails="head@example.org", digest_chat_channel="", base_url="https://h.test"
        ),
        factory=sessions,
        mailer=MemoryMailer(),
        chat=MemoryChat(),
        worker="clock",
    )
    with time_machine.travel(london(2026, 11, 2, 9, 1), tick=False):
        send_due_digests(context)
    with sessions() as session:
        rows = outbox_rows(session)
    assert [(r.channel, r.recipient) for r in rows] == [("email", "head@example.org")]
    assert {job.name for job in jobs()} == {"monthly-digest", "screen-check-sample"}


def _sent_row(month: str) -> Digest:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return Digest(
        month=month, status=DigestStatus.SENT, claimed_by="earlier", claimed_at=at, sent_at=at
    )


def test_the_digest_email_arrives_over_smtp_with_its_charts_inline(
    sessions: sessionmaker[Session],
    inbox: Inbox,  # noqa: F811
) -> None:
    now = london(2026, 11, 2, 9, 0)
    send_due(sessions, now)
    mailer = smtp_mailer(inbox)
    report = deliver_due(sessions, mailer=mailer, chat=MemoryChat(), now=lambda: now, worker="c")
    assert report.sent == 3
    assert sorted(r for _, [r], _ in inbox.received) == [
        "assistant.heads@example.org",
        "head@example.org",
    ]
    message = email.message_from_bytes(inbox.received[0][2], policy=email.policy.default)
    assert message["Subject"] == "Heard: the monthly digest for October 2026"
    plain, related = message.iter_parts()
    assert "Feedback received: 0." in plain.get_content()
    html_part, *images = related.iter_parts()
    assert [i["Content-ID"] for i in images] == [
        "<feedback_by_respondent_type@heard.digest>",
        "<open_escalations@heard.digest>",
        "<consultations_by_outcome@heard.digest>",
    ]
    assert 'src="cid:open_escalations@heard.digest"' in html_part.get_content()
