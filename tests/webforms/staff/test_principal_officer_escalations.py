"""Escalations: logging one, the open list with prolonged ones marked in words, updating and
resolving; bad input, a stale form and a resolved escalation change nothing."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from bot.escalations import ESCALATION_THEMES, log_escalation, mark_prolonged
from bot.models import Escalation
from staff.models import ServiceSetting
from staff.roles import Role
from tests.factories import AMIRA, NOW, make_officer
from tests.webforms.staff.test_principal_officer import csrf_of, frozen, post  # noqa: F401

NEW = "/staff/escalations/new"
FORM = {
    "case_reference": "CP-1001",
    "themes": "drift_and_delay",
    "stage": "stage_1",
    "raised_with": "Team manager, Northfield CIN team",
    "note": "No core group since the ICPC.",
}


def logged(session, **overrides) -> Escalation:
    arguments = {
        "raised_by": make_officer(session, AMIRA),
        "case_reference": "CP-2002",
        "themes": ["documentation"],
        "stage": "informal",
        "raised_with": "Social worker",
        "note": "",
        "now": NOW,
        "response_due_days": 5,
        "prolonged_after_days": 20,
        "known_themes": ESCALATION_THEMES,
    }
    escalation = log_escalation(session, **{**arguments, **overrides})
    session.commit()
    return escalation


def count(session) -> int:
    return session.scalar(select(func.count()).select_from(Escalation))


def fresh(session, escalation) -> Escalation:
    session.expire_all()
    return session.get(Escalation, escalation.id)


def test_a_po_logs_an_escalation_once_however_often_the_form_is_sent(client, session, sign_in_as):
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    form = client.get(NEW).text
    key = form.split('name="key" value="')[1].split('"')[0]
    data = {**FORM, "key": key, "csrf_token": csrf_of(form)}
    first = client.post(NEW, data=data)
    assert first.status_code == 302
    escalation = session.scalars(select(Escalation)).one()
    assert first.location == f"/staff/escalations/{escalation.id}"
    assert (escalation.themes, escalation.stage) == (["drift_and_delay"], "stage_1")
    assert escalation.response_due_on == date(2026, 11, 30)  # five working days
    assert client.post(NEW, data=data).status_code == 302  # a second click
    assert count(session) == 1
    page = client.get(first.location).text
    assert "Drift and delay in planning" in page and "No core group since the ICPC." in page


def test_an_escalation_with_bad_input_is_refused_and_nothing_is_logged(client, session, sign_in_as):
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    for change, message in (
        ({"themes": ""}, "Choose at least one theme."),
        ({"case_reference": "Smith family"}, "The case reference must be"),
        ({"raised_with": " "}, "Say who it is raised with."),
        ({"stage": "stage_9"}, "Unknown escalation stage"),
    ):
        refused = post(client, NEW, NEW, {**FORM, **change})
        assert refused.status_code == 400 and message in refused.text
        assert "There is a problem" in refused.text
    assert count(session) == 0


def test_the_open_list_marks_prolonged_escalations_in_words(client, session, sign_in_as):
    old = logged(session, now=NOW - timedelta(days=40), case_reference="CP-OLD")
    logged(session)
    mark_prolonged(session, now=NOW, channel="#cp-service")
    session.commit()
    sign_in_as(Role.MANAGER)
    page = client.get("/staff/escalations").text
    assert "CP-OLD" in page and "CP-2002" in page
    row = page.split(f"Escalation {old.id}</a>")[1].split("</tr>")[0]
    assert "Prolonged" in row and "assistant director" in row
    assert "Log an escalation" not in page  # managers read; POs act


def test_a_po_updates_moves_up_and_resolves_an_escalation(client, session, sign_in_as):
    escalation = logged(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/escalations/{escalation.id}"
    seen = str(len(escalation.events))
    assert post(client, page, f"{page}/update", {"note": "Chased", "seen": seen}).status_code == 302
    moved = post(client, page, f"{page}/update", {"note": "", "stage": "stage_2", "seen": "2"})
    assert moved.status_code == 302 and fresh(session, escalation).stage == "stage_2"
    resolved = post(client, page, f"{page}/resolve", {"outcome": "Core group held"})
    assert resolved.status_code == 302
    done = fresh(session, escalation)
    assert (done.resolved_at, done.outcome) == (NOW, "Core group held")
    assert [e.kind for e in done.events] == ["raised", "updated", "stage_changed", "resolved"]


def test_a_stale_update_or_a_second_resolve_says_so_and_changes_nothing(
    client, session, sign_in_as
):
    escalation = logged(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/escalations/{escalation.id}"
    stale = post(client, page, f"{page}/update", {"note": "Chased", "seen": "0"})
    assert stale.status_code == 409 and "Someone updated this escalation" in stale.text
    assert len(fresh(session, escalation).events) == 1
    assert post(client, page, f"{page}/resolve", {"outcome": ""}).status_code == 400
    assert post(client, page, f"{page}/resolve", {"outcome": "Agreed"}).status_code == 302
    again = post(client, page, f"{page}/resolve", {"outcome": "Agreed again"})
    assert again.status_code == 409 and "has been resolved" in again.text
    done = fresh(session, escalation)
    assert done.outcome == "Agreed" and [e.kind for e in done.events][-1] == "resolved"
    assert sum(e.kind == "resolved" for e in done.events) == 1


def test_moving_an_escalation_down_a_stage_is_refused(client, session, sign_in_as):
    escalation = logged(session, stage="stage_2")
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = f"/staff/escalations/{escalation.id}"
    down = post(client, page, f"{page}/update", {"note": "", "stage": "stage_1", "seen": "1"})
    assert down.status_code == 400 and "moves up the stages, not down" in down.text
    assert fresh(session, escalation).stage == "stage_2"


def test_a_manager_cannot_act_and_an_unknown_escalation_is_not_found(client, session, sign_in_as):
    escalation = logged(session)
    sign_in_as(Role.MANAGER)
    page = f"/staff/escalations/{escalation.id}"
    assert (
        client.get(page).status_code == 200
        and "Resolve the escalation" not in client.get(page).text
    )
    assert post(client, page, f"{page}/resolve", {"outcome": "x"}).status_code == 403
    assert client.get("/staff/escalations/999999").status_code == 404
    assert fresh(session, escalation).resolved_at is None


def test_an_escalation_takes_the_due_days_and_themes_an_administrator_set(
    client, session, sign_in_as
):
    for key, value in (
        ("escalation_response_days", 10),
        ("escalation_themes_extra", "housing=Housing and homelessness"),
    ):
        session.add(ServiceSetting(key=key, value=value, updated_at=NOW, updated_by="admin"))
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert "Housing and homelessness" in client.get(NEW).text
    done = post(client, NEW, NEW, {**FORM, "themes": "housing"})
    assert done.status_code == 302
    escalation = session.scalars(select(Escalation)).one()
    assert escalation.themes == ["housing"]
    assert escalation.response_due_days == 10
    assert escalation.response_due_on == date(2026, 12, 7)
