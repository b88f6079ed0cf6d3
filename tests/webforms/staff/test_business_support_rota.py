"""The rota keeper drags a sick PO's week to cover: the week grid per site, covers and gaps in
words, the cover form's errors, and a stale form refused."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from sqlalchemy import func, select

from bot import rota
from bot.models import RotaOverride
from heard.models import AuditEntry
from staff.roles import Role
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, ONE_AVENUE_ROAD, make_officer
from tests.webforms.conftest import csrf_of

BEN = "ben.smith@example.org"
MONDAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def at_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def rotas(session):
    """Amira then Ben take weeks in turn at One Avenue Road; Daniel alone at Lifford House."""
    make_officer(session, AMIRA)
    make_officer(session, BEN)
    make_officer(session, DANIEL, site=LIFFORD_HOUSE)
    rota.set_rotation(
        session,
        site_name=ONE_AVENUE_ROAD,
        officer_emails=[AMIRA, BEN],
        anchor_monday=MONDAY,
        now=NOW,
    )
    rota.set_rotation(
        session, site_name=LIFFORD_HOUSE, officer_emails=[DANIEL], anchor_monday=MONDAY, now=NOW
    )
    session.commit()
    return {
        s.name: s.id
        for s in (rota._site(session, ONE_AVENUE_ROAD), rota._site(session, LIFFORD_HOUSE))
    }


def grid_rows(html: str) -> dict[str, str]:
    """Day heading -> the rest of the row's text, from the week grid."""
    table = html[html.index('id="rota-grid"') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr class=\"govuk-table__row[^\"]*\">(.*?)</tr>", table, re.S):
        day = re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, re.S)
        if day:
            rest = re.sub(r"<[^>]+>", " ", row[day.end() :])
            rows[day.group(1)] = " ".join(rest.split())
    return rows


def cover_form(page_html: str, **fields: str) -> dict[str, str]:
    version = re.search(r'name="version" value="([^"]+)"', page_html).group(1)
    site = re.search(r'name="site" value="([^"]+)"', page_html).group(1)
    week = re.search(r'name="week" value="([^"]+)"', page_html).group(1)
    return {
        "csrf_token": csrf_of(page_html),
        "version": version,
        "site": site,
        "week": week,
        "absent": AMIRA,
        "covering": BEN,
        "starts_on": "2026-11-24",
        "ends_on": "2026-11-27",
        "reason": "sickness",
        **fields,
    }


def overrides(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(RotaOverride))


def test_the_rota_keeper_moves_a_sick_pos_week_to_cover(client, sign_in_as, session, rotas):
    staff = sign_in_as(Role.BUSINESS_SUPPORT)
    url = f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}&week=2026-11-25"
    page = client.get(url)
    assert page.status_code == 200
    before = grid_rows(page.text)
    assert before["Monday 23 November 2026"] == "Amira Hussain On the rota"
    assert before["Friday 27 November 2026"] == "Amira Hussain On the rota"

    saved = client.post("/staff/rota/overrides", data=cover_form(page.text))

    assert saved.status_code == 303
    after_page = client.get(saved.location)
    assert "Ben Smith on duty at One Avenue Road from Tuesday 24 November 2026" in after_page.text
    after = grid_rows(after_page.text)
    assert after["Monday 23 November 2026"] == "Amira Hussain On the rota"
    assert after["Tuesday 24 November 2026"] == "Ben Smith Cover Covering Amira Hussain (sickness)"
    assert "Changes to the rota this week" in after_page.text
    override = session.scalars(select(RotaOverride)).one()
    assert (override.covering_officer.email, override.created_by) == (BEN, staff.email)
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "rota override added")
    ).one()
    assert entry.record_id == str(override.id)


def test_a_gap_is_said_in_words_not_only_colour(client, sign_in_as, session, rotas):
    sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}")

    client.post("/staff/rota/overrides", data=cover_form(page.text, covering=""))

    after = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}").text
    rows = grid_rows(after)
    assert rows["Wednesday 25 November 2026"] == (
        "Gap Nobody on duty Needs cover: sickness with no cover (rota: Amira Hussain)"
    )
    assert "(4 days with nobody on duty)" in after


def test_a_bank_holiday_is_shown_as_such(client, sign_in_as, rotas):
    sign_in_as(Role.BUSINESS_SUPPORT)

    rows = grid_rows(client.get(f"/staff/rota?site={rotas[LIFFORD_HOUSE]}&week=2026-12-25").text)

    assert rows["Friday 25 December 2026"] == "Nobody (bank holiday) Bank holiday: Christmas Day"
    assert rows["Thursday 24 December 2026"] == "Daniel Okafor On the rota"


def test_a_form_opened_before_someone_else_changed_the_rota_is_refused(
    client, sign_in_as, session, rotas
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}")
    rota.add_override(
        session,
        site_name=ONE_AVENUE_ROAD,
        starts_on=date(2026, 11, 26),
        ends_on=date(2026, 11, 26),
        absent_email=AMIRA,
        covering_email=DANIEL,
        reason="swap",
        by="someone.else@example.org",
        now=NOW,
    )
    session.commit()

    stale = client.post("/staff/rota/overrides", data=cover_form(page.text))

    assert stale.status_code == 409
    assert "Someone else changed this rota after you opened the page" in stale.text
    assert 'href="#rota-grid"' in stale.text
    assert overrides(session) == 1
    # The refusal shows the latest grid, so the keeper decides again on what is true now.
    assert grid_rows(stale.text)["Thursday 26 November 2026"].startswith("Daniel Okafor Cover")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"starts_on": "24/11/2026"}, "starts_on", "Enter the first day of cover as YYYY-MM-DD"),
        ({"ends_on": ""}, "ends_on", "Enter the last day of cover"),
        ({"ends_on": "2026-11-20"}, "ends_on", "must be the same as or after the first day"),
        ({"reason": "holiday"}, "reason", "Select why the cover is needed"),
        ({"covering": AMIRA}, "covering", "Choose a different Principal Officer to cover"),
        (
            {"absent": BEN, "covering": DANIEL},
            "absent",
            "Ben Smith is not on duty at One Avenue Road",
        ),
        ({"covering": "nobody@example.org"}, "covering", "Unknown officer"),
        ({"ends_on": "2028-01-01"}, "ends_on", "That is more than a year"),
    ],
)
def test_a_bad_cover_is_explained_and_nothing_is_saved(
    client, sign_in_as, session, rotas, fields, field, message
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}")

    refused = client.post("/staff/rota/overrides", data=cover_form(page.text, **fields))

    assert refused.status_code == 400
    assert "<title>Error: Duty rota" in refused.text
    assert f'href="#{field}"' in refused.text
    assert message in refused.text
    assert overrides(session) == 0


def test_a_tampered_site_is_not_found_and_changes_nothing(client, sign_in_as, session, rotas):
    sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}")

    assert client.get("/staff/rota?site=99999").status_code == 404
    assert client.get("/staff/rota?site=abc").status_code == 404
    posted = client.post("/staff/rota/overrides", data=cover_form(page.text, site="99999"))
    assert posted.status_code == 404
    assert overrides(session) == 0


def test_a_bad_week_is_explained(client, sign_in_as, rotas):
    sign_in_as(Role.BUSINESS_SUPPORT)

    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}&week=next")

    assert page.status_code == 400
    assert 'href="#week"' in page.text and "Enter a real date as YYYY-MM-DD" in page.text


def test_a_forged_cover_without_the_csrf_token_changes_nothing(client, sign_in_as, session, rotas):
    sign_in_as(Role.BUSINESS_SUPPORT)
    page = client.get(f"/staff/rota?site={rotas[ONE_AVENUE_ROAD]}")

    forged = client.post("/staff/rota/overrides", data=cover_form(page.text, csrf_token="forged"))

    assert forged.status_code == 400
    assert overrides(session) == 0


def test_a_principal_officer_reads_the_rota_but_cannot_change_it(
    client, sign_in_as, session, rotas
):
    sign_in_as(Role.PRINCIPAL_OFFICER)  # Amira, whose own site is shown first

    page = client.get("/staff/rota")

    assert page.status_code == 200
    assert "One Avenue Road: week of Monday 23 November 2026" in page.text
    assert "Record cover at" not in page.text
    form = {
        "csrf_token": csrf_of(page.text),
        "site": str(rotas[ONE_AVENUE_ROAD]),
        "reason": "sickness",
    }
    assert client.post("/staff/rota/overrides", data=form).status_code == 403
    assert overrides(session) == 0


def test_a_manager_reads_another_sites_rota(client, sign_in_as, rotas):
    sign_in_as(Role.MANAGER, site=None)

    page = client.get(f"/staff/rota?site={rotas[LIFFORD_HOUSE]}")

    assert page.status_code == 200
    assert grid_rows(page.text)["Monday 23 November 2026"] == "Daniel Okafor On the rota"
