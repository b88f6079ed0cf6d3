"""The manager's dashboard: this month's responses, ratings, themes, escalations, consultations
and ICPC timeliness, small counts hidden; its charts, CSV downloads, and bad input."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from bot.escalations import ESCALATION_THEMES, log_escalation
from bot.models import Consultation
from staff import dashboard
from staff.roles import Role
from tests.factories import NOW, make_conference, make_officer, make_site
from tests.staff.helpers import make_feedback

NOVEMBER = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
OCTOBER = datetime(2026, 10, 12, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_summaries():
    dashboard.clear_cache()
    yield
    dashboard.clear_cache()


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def _cells(html: str, key: str) -> str:
    """The table's text, its cells joined by | (tags and spacing dropped)."""
    table = html.split(f'id="table-{key}"')[1].split("</table>")[0]
    text = re.sub(r"\s*<[^>]+>\s*", "|", table)
    return re.sub(r"\|+", "|", text)


def _seed(session) -> None:
    site = make_site(session).id
    for n in range(7):
        make_feedback(
            session, NOVEMBER + timedelta(minutes=n), site_id=site, answers={"overall": "5"}
        )
    for _ in range(2):
        make_feedback(session, NOVEMBER, respondent_type="child", site_id=site)
    for _ in range(6):
        make_feedback(session, OCTOBER, respondent_type="professional", site_id=site)
    amira = make_officer(session)
    for n, days_ago in enumerate((3, 40)):
        escalation = log_escalation(
            session,
            raised_by=amira,
            case_reference=f"CP-20{n}",
            themes=["drift_and_delay"],
            stage="stage_1",
            raised_with="Team manager",
            note="",
            now=NOW - timedelta(days=days_ago),
            response_due_days=5,
            prolonged_after_days=20,
            known_themes=ESCALATION_THEMES,
        )
        if days_ago == 40:
            escalation.prolonged_at = NOW - timedelta(days=5)
    session.add(
        Consultation(
            case_reference="CP-300",
            site_id=site,
            requested_by_id=amira.id,
            category="neglect",
            urgency="today",
            status="waiting",
            requested_at=NOW - timedelta(hours=1),
        )
    )
    make_conference(session, case_reference="CP-400", on=date(2026, 11, 5))
    session.commit()


def test_a_manager_sees_this_months_figures_with_small_counts_hidden(
    client, sign_in_as, sessions, at_now
):
    sign_in_as(Role.MANAGER)
    with sessions() as session:
        _seed(session)

    page = client.get("/staff/dashboard")

    assert page.status_code == 200
    text = page.text
    assert '<h1 class="govuk-heading-l">Dashboard: November 2026</h1>' in text
    responses = _cells(text, "feedback_by_respondent_type")
    # Two children: fewer than 5; the 7 parents are hidden too, or 9 - 7 would give the 2 away.
    assert "Children and young people|fewer than 5|fewer than 5" in responses
    assert "Parents and carers|suppressed|suppressed" in responses
    assert "Total|9|9" in responses
    by_month = text.split('id="table-responses_by_month"')[1].split("</table>")[0]
    assert "2026-10" in by_month and "2026-11" in by_month
    # Two open, one prolonged: both under five.
    assert "Stage 1 (team manager)|fewer than 5|fewer than 5" in _cells(text, "open_escalations")
    assert "One Avenue Road|fewer than 5" in _cells(text, "consultations_waiting")
    assert "Overall, how was the conference for you?|7|0|0|7|100%" in _cells(
        text, "feedback_ratings"
    )
    for key in dashboard.KEYS:
        assert f'id="table-{key}"' in text
        assert f"/staff/dashboard/{key}.csv?month=2026-11" in text
    assert 'src="/staff/dashboard/responses_by_month.png?month=2026-11"' in text
    assert 'alt="Chart of Responses by month and respondent type' in text
    assert "<style" not in text and " style=" not in text  # the CSP allows no inline style


def test_an_earlier_month_is_shown_when_asked_for(client, sign_in_as, sessions, at_now):
    sign_in_as(Role.MANAGER)
    with sessions() as session:
        _seed(session)

    page = client.get("/staff/dashboard?month=2026-10")

    assert page.status_code == 200
    assert "Dashboard: October 2026" in page.text
    assert "Professionals|6|6" in _cells(page.text, "feedback_by_respondent_type")
    assert "November 2026<span" in page.text  # a link on to the next month


@pytest.mark.parametrize("month", ["2026-13", "November", "2027-01", "x" * 200])
def test_a_bad_month_is_named_and_nothing_is_shown(client, sign_in_as, month, at_now):
    sign_in_as(Role.MANAGER)

    page = client.get(f"/staff/dashboard?month={month}")

    assert page.status_code == 400
    assert "<title>Error: Dashboard" in page.text
    assert "is not a month" in page.text or "has not begun yet" in page.text
    assert 'id="table-' not in page.text
    assert client.get(f"/staff/dashboard/feedback_themes.csv?month={month}").status_code == 400


def test_every_table_downloads_as_csv_as_shown(client, sign_in_as, sessions, at_now):
    sign_in_as(Role.MANAGER)
    with sessions() as session:
        _seed(session)

    download = client.get("/staff/dashboard/feedback_by_respondent_type.csv?month=2026-11")

    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert (
        'filename="feedback_by_respondent_type-2026-11.csv"'
        in (download.headers["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0][0] == "Respondent type"
    assert rows[1:] == [
        ["Parents and carers", "suppressed", "suppressed"],
        ["Children and young people", "fewer than 5", "fewer than 5"],
        ["Professionals", "0", "0"],
        ["Total", "9", "9"],
    ]  # as shown: the hidden counts never leave the server
    for key in dashboard.KEYS:
        assert client.get(f"/staff/dashboard/{key}.csv").status_code == 200, key


def test_an_unknown_table_key_is_404(client, sign_in_as, at_now):
    sign_in_as(Role.MANAGER)
    assert client.get("/staff/dashboard/passwords.csv").status_code == 404
    assert client.get("/staff/dashboard/passwords.png").status_code == 404
    # A table shown without a chart has no chart to serve.
    assert client.get("/staff/dashboard/consultations_waiting.png").status_code == 404


def test_charts_are_png_images(client, sign_in_as, sessions, at_now):
    sign_in_as(Role.MANAGER)
    with sessions() as session:
        _seed(session)

    chart = client.get("/staff/dashboard/responses_by_month.png?month=2026-11")

    assert chart.status_code == 200 and chart.mimetype == "image/png"
    assert chart.data.startswith(b"\x89PNG")
    for key, _, _, spec in dashboard.PANELS:
        if spec is not None:
            drawn = client.get(f"/staff/dashboard/{key}.png?month=2026-11")
            assert drawn.status_code == 200 and drawn.data.startswith(b"\x89PNG"), key


def test_the_escalations_list_for_the_assistant_directors_meeting(
    client, sign_in_as, sessions, at_now
):
    manager = sign_in_as(Role.MANAGER)
    with sessions() as session:
        _seed(session)

    page = client.get("/staff/reports/escalations")

    assert page.status_code == 200
    body = page.text.split("<tbody")[1].split("</tbody>")[0]
    # The prolonged one first. Age in working days to Monday 23 November: raised Wednesday
    # 14 October, 28; raised Friday 20 November, 1.
    assert body.index("CP-201") < body.index("CP-200")
    assert "Prolonged" in body and "Drift and delay in planning" in body
    assert re.findall(r'numeric">(\d+)<', body) == ["28", "1"]
    assert "2 open, 1 prolonged" in page.text
    from sqlalchemy import select

    from heard.models import AuditEntry

    with sessions() as session:
        read = session.scalar(
            select(AuditEntry).where(AuditEntry.record_type == "escalations_report")
        )
        assert read is not None and read.actor == manager.email and read.detail == "2 open"


def test_an_empty_service_shows_an_empty_dashboard(client, sign_in_as, at_now):
    sign_in_as(Role.MANAGER, site=None)

    page = client.get("/staff/dashboard")
    escalations = client.get("/staff/reports/escalations")

    assert page.status_code == 200
    assert "Stage 1 (team manager)|0|0" in _cells(page.text, "open_escalations")
    assert client.get("/staff/dashboard/icpc_timeliness.png").status_code == 200
    assert escalations.status_code == 200 and "No escalations are open." in escalations.text
