"""The duty rota: who is on duty where and when, covers, gaps, and the rota's clock jobs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from sqlalchemy import func, select

from bot import rota
from bot.models import OfficerLeave, RotaOverride, Rotation
from heard.errors import HeardError, NotFound
from heard.models import Site
from tests.bot.helpers_rota import (
    ANCHOR,
    BEN,
    CHANNEL,
    CHLOE,
    COVER,
    KEEPER,
    OUT_OF_HOURS,
    SOCIAL_WORKER,
    clock,
    outbox,
    rota_cast,
)
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, ONE_AVENUE_ROAD, make_officer


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def duty_at(session, site_name: str, at: datetime) -> rota.DutyAnswer:
    site = session.scalar(select(Site).where(Site.name == site_name))
    return rota.duty_officer(session, site=site, at=at, out_of_hours_contact=OUT_OF_HOURS)


def on_duty(session, site_name: str, day: date) -> str | None:
    answer = duty_at(session, site_name, utc(day.year, day.month, day.day, 12))
    return answer.officer.email if answer.officer else None


def override(session, **changes) -> RotaOverride:
    arguments = {
        "site_name": LIFFORD_HOUSE,
        "starts_on": date(2026, 11, 24),
        "ends_on": date(2026, 11, 25),
        "absent_email": DANIEL,
        "covering_email": COVER,
        "reason": "sickness",
        "by": KEEPER,
        "now": NOW,
    }
    return rota.add_override(session, **{**arguments, **changes})


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


# Who is on duty


def test_the_rotation_gives_each_po_a_week_in_turn_from_the_anchor_monday(session):
    rota_cast(session)
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 1, 5)) == AMIRA
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 1, 9)) == AMIRA
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 1, 12)) == BEN
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 1, 19)) == AMIRA
    assert on_duty(session, LIFFORD_HOUSE, date(2026, 11, 23)) == DANIEL


def test_weeks_before_the_anchor_have_no_rotation(session):
    rota_cast(session)
    answer = duty_at(session, ONE_AVENUE_ROAD, utc(2026, 1, 2, 12))
    assert answer.officer is None
    assert answer.reason == "no rotation"


def test_a_weekend_has_nobody_on_duty_and_gives_the_out_of_hours_contact(session):
    rota_cast(session)
    answer = duty_at(session, ONE_AVENUE_ROAD, utc(2026, 11, 28, 12))
    assert (answer.officer, answer.working_time) == (None, False)
    assert answer.out_of_hours_contact == OUT_OF_HOURS


def test_half_past_nine_in_summer_time_is_working_time_with_the_weeks_po(session):
    rota_cast(session)
    answer = duty_at(session, ONE_AVENUE_ROAD, utc(2026, 3, 30, 8, 30))  # 09:30 BST
    assert answer.working_time is True
    assert answer.officer.email == AMIRA
    assert answer.out_of_hours_contact is None


def test_half_past_eight_in_winter_time_is_not_working_time_but_names_the_po(session):
    rota_cast(session)
    answer = duty_at(session, ONE_AVENUE_ROAD, utc(2026, 3, 27, 8, 30))  # 08:30 GMT
    assert answer.working_time is False
    assert answer.out_of_hours_contact == OUT_OF_HOURS
    assert answer.officer.email == BEN


def test_after_the_clocks_go_back_half_past_eight_utc_is_before_the_working_day(session):
    rota_cast(session)
    assert duty_at(session, ONE_AVENUE_ROAD, utc(2026, 10, 23, 8, 30)).working_time is True
    assert duty_at(session, ONE_AVENUE_ROAD, utc(2026, 10, 26, 8, 30)).working_time is False


def test_a_rota_week_starting_on_easter_monday_runs_tuesday_to_friday_with_the_same_po(session):
    rota_cast(session)
    easter_monday = duty_at(session, ONE_AVENUE_ROAD, utc(2026, 4, 6, 10))
    assert (easter_monday.officer, easter_monday.working_time) == (None, False)
    week = [on_duty(session, ONE_AVENUE_ROAD, date(2026, 4, day)) for day in range(7, 11)]
    assert week == [BEN] * 4
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 4, 3)) is None  # Good Friday
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 4, 2)) == AMIRA


def test_christmas_week_2026_has_duty_only_on_working_days(session):
    rota_cast(session)
    duties = rota.duty_between(session, start=date(2026, 12, 21), end=date(2027, 1, 1), sites=None)
    days = sorted({duty.day for duty in duties})
    assert days == [date(2026, 12, d) for d in (21, 22, 23, 24, 29, 30, 31)]
    avenue = {duty.day: duty.officer.email for duty in duties if duty.site.name == ONE_AVENUE_ROAD}
    assert avenue[date(2026, 12, 24)] == AMIRA
    assert avenue[date(2026, 12, 29)] == BEN  # the week of Boxing Day (observed) on the 28th
    assert rota.rota_gaps(session, from_day=date(2026, 12, 21), days=7) == []


@pytest.mark.parametrize(
    ("last_day", "first_day", "po"),
    [
        (date(2026, 9, 30), date(2026, 10, 1), AMIRA),  # one week across a month end
        (date(2026, 11, 30), date(2026, 12, 1), BEN),
        (date(2026, 12, 31), date(2027, 1, 4), AMIRA),  # new year: a new week
    ],
)
def test_a_duty_week_runs_across_a_month_end(session, last_day, first_day, po):
    rota_cast(session)
    assert on_duty(session, ONE_AVENUE_ROAD, last_day) is not None
    assert on_duty(session, ONE_AVENUE_ROAD, first_day) == po


def test_duty_today_lists_every_site_by_name(session):
    rota_cast(session)
    answers = rota.duty_today(session, at=NOW, out_of_hours_contact=OUT_OF_HOURS)
    assert [(a.site.name, a.officer.email) for a in answers] == [
        (LIFFORD_HOUSE, DANIEL),
        (ONE_AVENUE_ROAD, AMIRA),
    ]


# Covers and gaps


def test_a_sick_po_is_replaced_by_the_cover_shown_as_covering_with_the_reason(session):
    rota_cast(session)
    override(session)
    answer = duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 24, 10))
    assert answer.officer.email == COVER
    assert answer.rota_officer.email == DANIEL
    assert (answer.covering, answer.reason) == (True, "sickness")
    assert on_duty(session, LIFFORD_HOUSE, date(2026, 11, 26)) == DANIEL


def test_an_override_without_cover_is_a_gap_with_its_reason(session):
    rota_cast(session)
    override(session, covering_email=None)
    answer = duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 24, 10))
    assert (answer.officer, answer.covering) == (None, False)
    assert answer.reason == "sickness with no cover"
    gaps = rota.rota_gaps(session, from_day=date(2026, 11, 23), days=5)
    assert [(g.site.name, g.day, g.reason) for g in gaps] == [
        (LIFFORD_HOUSE, date(2026, 11, 24), "sickness with no cover"),
        (LIFFORD_HOUSE, date(2026, 11, 25), "sickness with no cover"),
    ]


def test_when_overrides_overlap_the_newest_wins(session):
    cast = rota_cast(session)
    override(session, covering_email=None)
    override(session, covering_email=cast.chloe.email, reason="swap", starts_on=date(2026, 11, 25))
    assert duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 24, 10)).officer is None
    answer = duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 25, 10))
    assert (answer.officer.email, answer.reason) == (CHLOE, "swap")


def test_a_sick_pos_override_does_not_displace_the_next_weeks_po(session):
    rota_cast(session)
    override(session, ends_on=date(2026, 12, 4))
    assert on_duty(session, LIFFORD_HOUSE, date(2026, 11, 27)) == COVER
    assert on_duty(session, LIFFORD_HOUSE, date(2026, 11, 30)) == CHLOE


def test_an_override_can_replace_a_cover_who_falls_sick_in_turn(session):
    cast = rota_cast(session)
    override(session)
    override(session, absent_email=COVER, covering_email=cast.chloe.email, now=utc(2026, 11, 24))
    assert on_duty(session, LIFFORD_HOUSE, date(2026, 11, 24)) == CHLOE


def test_recorded_leave_of_the_rota_po_is_a_gap(session):
    rota_cast(session)
    rota.record_leave(
        session,
        officer_email=DANIEL,
        starts_on=date(2026, 11, 26),
        ends_on=date(2026, 11, 27),
        now=NOW,
    )
    answer = duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 26, 10))
    assert (answer.officer, answer.reason) == (None, "leave")
    gaps = rota.rota_gaps(session, from_day=date(2026, 11, 23), days=10)
    assert [(g.day, g.reason) for g in gaps] == [
        (date(2026, 11, 26), "leave"),
        (date(2026, 11, 27), "leave"),
    ]


def test_leave_covered_by_an_override_is_no_gap(session):
    rota_cast(session)
    rota.record_leave(
        session,
        officer_email=DANIEL,
        starts_on=date(2026, 11, 26),
        ends_on=date(2026, 11, 27),
        now=NOW,
    )
    override(session, starts_on=date(2026, 11, 26), ends_on=date(2026, 11, 27), reason="leave")
    assert rota.rota_gaps(session, from_day=date(2026, 11, 23), days=10) == []
    assert duty_at(session, LIFFORD_HOUSE, utc(2026, 11, 26, 10)).reason == "leave"


def test_rota_gaps_counts_working_days_and_skips_bank_holidays(session):
    make_officer(session, AMIRA)
    gaps = rota.rota_gaps(session, from_day=date(2026, 4, 2), days=3)
    assert [(g.day, g.reason) for g in gaps] == [
        (date(2026, 4, 2), "no rotation"),
        (date(2026, 4, 7), "no rotation"),
        (date(2026, 4, 8), "no rotation"),
    ]


def test_setting_a_rotation_again_replaces_the_sites_rotation(session):
    rota_cast(session)
    rota.set_rotation(
        session, site_name=ONE_AVENUE_ROAD, officer_emails=[BEN], anchor_monday=ANCHOR, now=NOW
    )
    assert count(session, Rotation) == 2
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 11, 23)) == BEN


# Bad input


def assert_refused(session, error, call, **arguments):
    before = [count(session, model) for model in (Rotation, RotaOverride, OfficerLeave)]
    with pytest.raises(error) as refusal:
        call(session, **arguments)
    assert [count(session, model) for model in (Rotation, RotaOverride, OfficerLeave)] == before
    return str(refusal.value)


def test_a_rotation_must_start_on_a_monday(session):
    rota_cast(session)
    message = assert_refused(
        session,
        HeardError,
        rota.set_rotation,
        site_name=ONE_AVENUE_ROAD,
        officer_emails=[BEN],
        anchor_monday=date(2026, 1, 6),
        now=NOW,
    )
    assert "Tuesday 6 January 2026 is not a Monday" in message
    assert on_duty(session, ONE_AVENUE_ROAD, date(2026, 1, 5)) == AMIRA


@pytest.mark.parametrize(
    ("site", "emails", "error", "says"),
    [
        ("Nowhere House", [AMIRA], NotFound, "Unknown site 'Nowhere House'"),
        (ONE_AVENUE_ROAD, [AMIRA, "nobody@example.org"], NotFound, "Unknown officer"),
        (ONE_AVENUE_ROAD, [], HeardError, "at least one"),
        (ONE_AVENUE_ROAD, [SOCIAL_WORKER], HeardError, "is not an active PO"),
    ],
)
def test_a_rotation_with_an_unknown_site_or_officer_is_refused(session, site, emails, error, says):
    rota_cast(session)
    make_officer(session, SOCIAL_WORKER, role="social_worker")
    message = assert_refused(
        session,
        error,
        rota.set_rotation,
        site_name=site,
        officer_emails=emails,
        anchor_monday=date(2026, 2, 2),
        now=NOW,
    )
    assert says in message


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"ends_on": date(2026, 11, 23)}, "is before the first"),
        ({"site_name": "Nowhere House"}, "Unknown site"),
        ({"absent_email": "nobody@example.org"}, "Unknown officer"),
        ({"covering_email": "nobody@example.org"}, "Unknown officer"),
        ({"covering_email": DANIEL}, "cannot cover their own absence"),
        ({"absent_email": CHLOE}, "Chloe Evans is not on duty at Lifford House from Tuesday"),
        ({"reason": "holiday"}, "must be one of sickness, leave, swap, other"),
        ({"by": " "}, "Say who"),
        ({"ends_on": date(2027, 12, 31)}, "more than a year"),
    ],
)
def test_a_bad_override_is_refused_and_changes_nothing(session, changes, says):
    rota_cast(session)
    arguments = {
        "site_name": LIFFORD_HOUSE,
        "starts_on": date(2026, 11, 24),
        "ends_on": date(2026, 11, 25),
        "absent_email": DANIEL,
        "covering_email": COVER,
        "reason": "sickness",
        "by": KEEPER,
        "now": NOW,
    }
    error = NotFound if "Unknown" in says else HeardError
    message = assert_refused(session, error, rota.add_override, **{**arguments, **changes})
    assert says in message


def test_leave_ending_before_it_starts_or_for_a_stranger_is_refused(session):
    rota_cast(session)
    arguments = {"starts_on": date(2026, 11, 24), "ends_on": date(2026, 11, 23), "now": NOW}
    assert "before the first" in assert_refused(
        session, HeardError, rota.record_leave, officer_email=DANIEL, **arguments
    )
    assert "Unknown officer" in assert_refused(
        session, NotFound, rota.record_leave, officer_email="x@example.org", **arguments
    )


# The clock jobs


def test_the_rota_has_an_hourly_gap_warning_and_a_monday_post(session):
    assert [(job.name, job.seconds) for job in rota.jobs()] == [
        ("rota-gap-warning", 3600),
        ("monday-duty-post", 300),
    ]


def warn(sessions, at: datetime, worker: str = "clock-1") -> None:
    jobs = {job.name: job for job in rota.jobs()}
    jobs["rota-gap-warning"].func(clock(sessions, at, worker))


def post(sessions, at: datetime | None, worker: str = "clock-1") -> None:
    jobs = {job.name: job for job in rota.jobs()}
    jobs["monday-duty-post"].func(clock(sessions, at, worker))


def test_a_leave_clash_warns_the_rota_keeper_and_not_the_absent_po(session, sessions):
    rota_cast(session)
    rota.record_leave(
        session,
        officer_email=DANIEL,
        starts_on=date(2026, 11, 26),
        ends_on=date(2026, 11, 26),
        now=NOW,
    )
    session.commit()
    warn(sessions, NOW)
    messages = outbox(session)
    assert [(m.channel, m.recipient) for m in messages] == [("email", KEEPER), ("chat", CHANNEL)]
    assert all(DANIEL not in m.recipient for m in messages)
    assert messages[0].subject == "No duty PO at Lifford House on Thursday 26 November 2026"
    assert "(leave)" in messages[0].body


def test_the_gap_warning_is_sent_once_however_often_and_by_however_many_clocks(session, sessions):
    rota_cast(session)
    override(session, covering_email=None)
    session.commit()
    warn(sessions, NOW)
    warn(sessions, NOW, worker="clock-2")
    warn(sessions, utc(2026, 11, 23, 10, 30))
    assert len(outbox(session)) == 4  # two days, an email and a chat notice each


def test_gaps_beyond_ten_working_days_are_not_warned_of_yet(session, sessions):
    rota_cast(session)
    override(session, starts_on=date(2026, 12, 8), ends_on=date(2026, 12, 8), covering_email=None)
    session.commit()
    warn(sessions, NOW)
    assert outbox(session) == []
    warn(sessions, utc(2026, 11, 25, 9))  # now the tenth working day ahead
    assert len(outbox(session)) == 2


def test_the_monday_post_names_each_sites_po_and_their_covers(session, sessions):
    rota_cast(session)
    override(session)
    session.commit()
    post(sessions, utc(2026, 11, 23, 8, 30))
    [message] = outbox(session)
    assert (message.channel, message.recipient) == ("chat", CHANNEL)
    assert message.dedupe_key == "monday-duty-post:2026-W48"
    assert message.body.splitlines() == [
        "Duty Principal Officers for the week of Monday 23 November 2026",
        "Lifford House: Daniel Okafor",
        "  Tue 24 Nov: Priya Shah, covering (sickness)",
        "  Wed 25 Nov: Priya Shah, covering (sickness)",
        "One Avenue Road: Amira Hussain",
    ]


def test_the_monday_post_waits_for_half_past_eight_london_time(session, sessions):
    rota_cast(session)
    session.commit()
    post(sessions, utc(2026, 3, 30, 7, 29))  # 08:29 BST
    assert outbox(session) == []
    post(sessions, utc(2026, 3, 30, 7, 30))  # 08:30 BST
    assert len(outbox(session)) == 1


def test_the_monday_post_happens_once_even_if_run_twice_or_by_two_clocks(session, sessions):
    rota_cast(session)
    session.commit()
    post(sessions, utc(2026, 11, 23, 8, 30))
    post(sessions, utc(2026, 11, 23, 8, 35))
    post(sessions, utc(2026, 11, 23, 8, 35), worker="clock-2")
    assert len(outbox(session)) == 1


def test_a_clock_down_at_half_past_eight_posts_when_it_comes_back_that_monday(session, sessions):
    rota_cast(session)
    session.commit()
    post(sessions, utc(2026, 11, 23, 14, 0))
    assert len(outbox(session)) == 1


def test_a_monday_missed_altogether_is_not_posted_on_tuesday(session, sessions):
    rota_cast(session)
    session.commit()
    post(sessions, utc(2026, 11, 24, 9, 0))
    assert outbox(session) == []


def test_a_week_starting_on_a_bank_holiday_is_posted_on_its_tuesday(session, sessions):
    rota_cast(session)
    session.commit()
    post(sessions, utc(2026, 4, 6, 9, 0))  # Easter Monday
    assert outbox(session) == []
    with time_machine.travel(utc(2026, 4, 7, 7, 30), tick=False):  # Tuesday, 08:30 BST
        post(sessions, None)
    [message] = outbox(session)
    assert message.body.splitlines()[:3] == [
        "Duty Principal Officers for the week of Monday 6 April 2026",
        "Monday 6 April 2026 is a bank holiday.",
        "Lifford House: Chloe Evans",
    ]
