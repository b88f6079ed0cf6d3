"""Settings that are data: overrides over the environment's defaults, checked before saving."""

from __future__ import annotations

import pytest

from heard.errors import HeardError
from staff import service_settings
from staff.models import ServiceSetting
from tests.factories import NOW

VALID = {
    "escalation_themes_extra": "",
    "escalation_response_days": "5",
    "escalation_prolonged_days": "20",
    "contact_retention_days": "30",
    "response_retention_days": "1096",
    "audit_retention_days": "2557",
}


def test_without_overrides_the_environment_decides(session, settings):
    assert service_settings.effective(session, settings) is settings


def test_an_override_wins_and_a_malformed_stored_value_is_ignored(session, settings):
    session.add_all(
        [
            ServiceSetting(key="contact_retention_days", value=7, updated_at=NOW, updated_by="a"),
            ServiceSetting(
                key="audit_retention_days", value="lots", updated_at=NOW, updated_by="a"
            ),
            ServiceSetting(key="not_a_setting", value=1, updated_at=NOW, updated_by="a"),
        ]
    )
    session.flush()

    applied = service_settings.effective(session, settings)

    assert applied.contact_retention_days == 7
    assert applied.audit_retention_days == settings.audit_retention_days


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("escalation_response_days", "0", "between 1 and 60"),
        ("escalation_response_days", "-3", "must be a whole number"),
        ("response_retention_days", "3654", "between 90 and 3653"),
        ("escalation_themes_extra", "drift_and_delay=Again", "is already a theme"),
        ("escalation_themes_extra", "x" * 2001, "2000 characters or fewer"),
    ],
)
def test_bad_values_are_refused_with_the_reason(key, value, message):
    with pytest.raises(service_settings.InvalidSettings) as refused:
        service_settings.parse({**VALID, key: value})
    assert message in refused.value.errors[key]


def test_the_version_changes_when_a_setting_is_saved(session, settings):
    before = service_settings.version(session)
    changed = service_settings.save(
        session,
        {**VALID, "contact_retention_days": "14"},
        settings=settings,
        actor="alex.morgan@example.org",
        now=NOW,
        expected_version=before,
    )
    assert changed == ["contact_retention_days"]
    assert service_settings.version(session) != before
    with pytest.raises(HeardError, match="Someone else changed the settings"):
        service_settings.save(
            session, VALID, settings=settings, actor="x", now=NOW, expected_version=before
        )
