"""The duty rota's iCal feeds: their keys, their events, and the web addresses that serve them."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from bot import ical, rota
from tests.bot.helpers_rota import COVER, KEEPER, rota_cast
from tests.factories import DANIEL, LIFFORD_HOUSE, NOW, make_site
from webforms.app import create_app
from webforms.calendar import blueprint

SECRET = "a-secret-of-at-least-thirty-two-characters"


def events(feed: bytes) -> list[tuple[date, date, str]]:
    """(first day, day after the last, summary) of each event, in order."""
    calendar = Calendar.from_ical(feed)
    found = [
        (event.decoded("dtstart"), event.decoded("dtend"), str(event["summary"]))
        for event in calendar.walk("VEVENT")
    ]
    return sorted(found)


def sick_daniel(session) -> None:
    rota.add_override(
        session,
        site_name=LIFFORD_HOUSE,
        starts_on=date(2026, 11, 25),
        ends_on=date(2026, 11, 25),
        absent_email=DANIEL,
        covering_email=COVER,
        reason="sickness",
        by=KEEPER,
        now=NOW,
    )


# Keys and addresses


def test_a_feed_key_is_the_hmac_sha256_of_its_kind_and_id():
    expected = hmac.new(SECRET.encode(), b"site:3", hashlib.sha256).hexdigest()
    assert ical.feed_key(SECRET, "site", 3) == expected


def test_feed_keys_differ_by_kind_id_and_secret():
    keys = {
        ical.feed_key(SECRET, "site", 3),
        ical.feed_key(SECRET, "officer", 3),
        ical.feed_key(SECRET, "site", 4),
        ical.feed_key(SECRET + "x", "site", 3),
    }
    assert len(keys) == 4


def test_a_feed_url_carries_its_key():
    url = ical.feed_url("https://heard.test/", SECRET, "officer", 7)
    assert (
        url
        == f"https://heard.test/calendar/officer/7.ics?key={ical.feed_key(SECRET, 'officer', 7)}"
    )


def test_only_the_right_key_opens_a_feed():
    key = ical.feed_key(SECRET, "site", 3)
    assert ical.key_matches(SECRET, "site", 3, key)
    assert not ical.key_matches(SECRET, "site", 4, key)
    assert not ical.key_matches(SECRET, "site", 3, "")
    assert not ical.key_matches(SECRET, "site", 3, "é" * 64)


# The feeds' events


def test_a_site_feed_has_one_event_per_duty_week_and_splits_it_around_a_cover(session):
    cast = rota_cast(session)
    sick_daniel(session)
    feed = ical.site_calendar(session, site_id=cast.daniel.site.id, now=NOW)
    this_week = [e for e in events(feed) if date(2026, 11, 23) <= e[0] <= date(2026, 11, 27)]
    assert this_week == [
        (date(2026, 11, 23), date(2026, 11, 25), "Duty PO: Daniel Okafor"),
        (date(2026, 11, 25), date(2026, 11, 26), "Duty PO: Priya Shah, covering (sickness)"),
        (date(2026, 11, 26), date(2026, 11, 28), "Duty PO: Daniel Okafor"),
    ]


def test_a_site_feed_covers_four_weeks_back_and_twelve_ahead(session):
    cast = rota_cast(session)
    found = events(ical.site_calendar(session, site_id=cast.daniel.site.id, now=NOW))
    assert found[0][0] == date(2026, 10, 26)
    assert found[-1][1] == date(2027, 2, 20)  # the Saturday after the twelfth week ahead


def test_a_week_starting_on_easter_monday_is_one_event_from_tuesday(session):
    cast = rota_cast(session)
    at = NOW.replace(year=2026, month=4, day=8)
    found = events(ical.site_calendar(session, site_id=cast.ben.site.id, now=at))
    assert (date(2026, 4, 7), date(2026, 4, 11), "Duty PO: Ben Clarke") in found
    assert (date(2026, 3, 30), date(2026, 4, 3), "Duty PO: Amira Hussain") in found  # to Thursday


def test_christmas_week_2026_is_split_around_the_bank_holidays(session):
    cast = rota_cast(session)
    at = NOW.replace(month=12, day=21)
    found = events(ical.site_calendar(session, site_id=cast.amira.site.id, now=at))
    assert (date(2026, 12, 21), date(2026, 12, 25), "Duty PO: Amira Hussain") in found
    assert (date(2026, 12, 29), date(2027, 1, 1), "Duty PO: Ben Clarke") in found


def test_a_gap_shows_in_the_site_feed(session):
    cast = rota_cast(session)
    rota.record_leave(
        session,
        officer_email=DANIEL,
        starts_on=date(2026, 11, 27),
        ends_on=date(2026, 11, 27),
        now=NOW,
    )
    found = events(ical.site_calendar(session, site_id=cast.daniel.site.id, now=NOW))
    assert (date(2026, 11, 27), date(2026, 11, 28), "Duty PO: nobody on duty (leave)") in found


def test_an_officer_feed_has_only_their_own_duty_days_at_any_site(session):
    cast = rota_cast(session)
    sick_daniel(session)
    found = events(ical.officer_calendar(session, officer_id=cast.cover.id, now=NOW))
    assert found == [
        (date(2026, 11, 25), date(2026, 11, 26), "Duty PO at Lifford House, covering (sickness)")
    ]
    daniel = events(ical.officer_calendar(session, officer_id=cast.daniel.id, now=NOW))
    assert all(summary == "Duty PO at Lifford House" for _, _, summary in daniel)
    assert all((end - start) <= timedelta(days=5) for start, end, _ in daniel)


def test_event_uids_stay_the_same_from_one_download_to_the_next(session):
    cast = rota_cast(session)
    first = Calendar.from_ical(ical.site_calendar(session, site_id=cast.amira.site.id, now=NOW))
    later = NOW + timedelta(hours=2)
    second = Calendar.from_ical(ical.site_calendar(session, site_id=cast.amira.site.id, now=later))
    assert [str(e["uid"]) for e in first.walk("VEVENT")] == [
        str(e["uid"]) for e in second.walk("VEVENT")
    ]


# The web addresses


@pytest.fixture
def client(settings, engine):
    app = create_app(settings.with_(secret_key=SECRET), engine=engine)
    if "calendar" not in app.blueprints:
        app.register_blueprint(blueprint)
    app.config["TESTING"] = True
    return app.test_client()


def test_the_site_feed_is_served_as_a_calendar_with_the_right_key(session, client):
    cast = rota_cast(session)
    session.commit()
    site_id = cast.daniel.site.id
    response = client.get(
        f"/calendar/site/{site_id}.ics?key={ical.feed_key(SECRET, 'site', site_id)}"
    )
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "Duty PO: Lifford House" in Calendar.from_ical(response.data)["x-wr-calname"]


def test_the_officer_feed_is_served_with_the_right_key(session, client):
    cast = rota_cast(session)
    session.commit()
    key = ical.feed_key(SECRET, "officer", cast.amira.id)
    response = client.get(f"/calendar/officer/{cast.amira.id}.ics?key={key}")
    assert response.status_code == 200
    assert b"Duty PO at One Avenue Road" in response.data


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/site/{site}.ics",
        "/calendar/site/{site}.ics?key=nonsense",
        "/calendar/site/{site}.ics?key={officer_key}",  # another feed's key
        "/calendar/officer/{site}.ics?key={site_key}",  # the site key for an officer's feed
        "/calendar/site/999.ics?key={unknown_key}",  # a right key for a site that is not there
    ],
)
def test_a_wrong_key_or_unknown_id_is_not_found(session, client, url):
    site = make_site(session)
    session.commit()
    keys = {
        "site": site.id,
        "site_key": ical.feed_key(SECRET, "site", site.id),
        "officer_key": ical.feed_key(SECRET, "officer", site.id),
        "unknown_key": ical.feed_key(SECRET, "site", 999),
    }
    assert client.get(url.format(**keys)).status_code == 404
