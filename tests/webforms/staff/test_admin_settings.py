"""The admin's settings page: settings that are data, validated, audited, never half-saved."""

from __future__ import annotations

from sqlalchemy import select

from heard.models import AuditEntry
from staff import service_settings
from staff.models import ServiceSetting
from staff.roles import Role
from tests.webforms.conftest import csrf_of

DEFAULTS = {
    "escalation_themes_extra": "",
    "escalation_response_days": "5",
    "escalation_prolonged_days": "20",
    "contact_retention_days": "30",
    "response_retention_days": "1096",
    "audit_retention_days": "2557",
}


def _form(client) -> dict[str, str]:
    page = client.get("/staff/admin/settings")
    assert page.status_code == 200
    version = page.text.split('name="version" value="')[1].split('"')[0]
    return {"csrf_token": csrf_of(page.text), "version": version}


def _stored(sessions) -> dict[str, object]:
    with sessions() as session:
        return {row.key: row.value for row in session.scalars(select(ServiceSetting))}


def test_the_page_shows_the_defaults_from_the_environment(client, sign_in_as):
    sign_in_as(Role.ADMIN)
    page = client.get("/staff/admin/settings")
    assert page.status_code == 200
    assert 'name="response_retention_days" type="text" value="1096"' in page.text
    assert "Default: 2557." in page.text


def test_an_admin_changes_settings_and_they_take_effect(client, sign_in_as, sessions, settings):
    admin = sign_in_as(Role.ADMIN)

    saved = client.post(
        "/staff/admin/settings",
        data={
            **_form(client),
            **DEFAULTS,
            "escalation_themes_extra": "housing=Housing and homelessness",
            "response_retention_days": "730",
        },
    )

    assert saved.status_code == 302
    assert _stored(sessions) == {
        "escalation_themes_extra": "housing=Housing and homelessness",
        "response_retention_days": 730,
    }
    with sessions() as session:
        applied = service_settings.effective(session, settings)
        assert applied.response_retention_days == 730
        assert applied.escalation_themes_extra.startswith("housing=")
        assert applied.audit_retention_days == 2557
        changes = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "setting changed")
        ).all()
        assert {(c.record_id, c.actor) for c in changes} == {
            ("escalation_themes_extra", admin.email),
            ("response_retention_days", admin.email),
        }
        assert any(c.detail == "1096 -> 730" for c in changes)
    assert "Saved: 2 settings changed." in client.get("/staff/admin/settings").text


def test_bad_values_are_all_named_and_nothing_is_saved(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)

    page = client.post(
        "/staff/admin/settings",
        data={
            **_form(client),
            **DEFAULTS,
            "escalation_themes_extra": "housing",
            "escalation_response_days": "five",
            "audit_retention_days": "30",
            "contact_retention_days": "",
        },
    )

    assert page.status_code == 400
    assert "<title>Error: Settings" in page.text
    assert "is not key=Label" in page.text
    assert "must be a whole number" in page.text
    assert "Days an audit log row is kept must be between 365 and 7305" in page.text
    assert "Enter days contact details are kept" in page.text
    assert 'value="five"' in page.text  # what was typed stays, to be corrected
    assert _stored(sessions) == {}


def test_prolonged_must_come_after_the_reply_is_due(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    page = client.post(
        "/staff/admin/settings",
        data={**_form(client), **DEFAULTS, "escalation_prolonged_days": "5"},
    )
    assert page.status_code == 400
    assert "must be more than the working days for a reply" in page.text
    assert _stored(sessions) == {}


def test_a_stale_settings_form_is_refused(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    stale = _form(client)
    first = client.post(
        "/staff/admin/settings",
        data={**_form(client), **DEFAULTS, "contact_retention_days": "14"},
    )
    assert first.status_code == 302

    second = client.post(
        "/staff/admin/settings",
        data={**stale, **DEFAULTS, "audit_retention_days": "3000"},
    )

    assert second.status_code == 400
    assert "Someone else changed the settings while you were editing them" in second.text
    assert _stored(sessions) == {"contact_retention_days": 14}


def test_saving_unchanged_values_changes_nothing(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    saved = client.post("/staff/admin/settings", data={**_form(client), **DEFAULTS})
    assert saved.status_code == 302
    assert _stored(sessions) == {}
    assert "Nothing changed." in client.get("/staff/admin/settings").text


def test_a_forged_settings_form_is_refused(client, sign_in_as, sessions):
    sign_in_as(Role.ADMIN)
    refused = client.post("/staff/admin/settings", data={**DEFAULTS, "version": "0:"})
    assert refused.status_code == 400
    assert _stored(sessions) == {}
