"""Settings that are data: an administrator changes them on the settings page, without a restart.

Each has its default in heard/settings.py (from the environment); a row in ServiceSetting
overrides it. Readers call `effective(session, settings)` and get a Settings with the overrides
applied, so code that takes a Settings needs no change to honour them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.escalations import escalation_themes
from heard import audit
from heard.errors import HeardError
from heard.settings import Settings
from staff.models import ServiceSetting

Value = int | str


@dataclass(frozen=True)
class Spec:
    """One setting: its Settings attribute (also its key), words for the page, and its rule."""

    key: str
    label: str
    hint: str
    kind: type  # int or str
    low: int = 0
    high: int = 0


SPECS: tuple[Spec, ...] = (
    Spec(
        "escalation_themes_extra",
        "Extra escalation themes",
        "Themes added to the standard list, written key=Label and separated by semicolons, "
        "for example housing=Housing and homelessness",
        str,
    ),
    Spec(
        "escalation_response_days",
        "Working days for a reply to an escalation",
        "Recorded on each escalation when it is raised; open escalations keep theirs",
        int,
        1,
        60,
    ),
    Spec(
        "escalation_prolonged_days",
        "Working days before an unresolved escalation is prolonged",
        "Prolonged escalations are listed for the assistant director's meeting",
        int,
        2,
        250,
    ),
    Spec(
        "contact_retention_days",
        "Days contact details are kept when contact is never recorded",
        "Details are deleted as soon as contact is recorded, or after this many days",
        int,
        1,
        365,
    ),
    Spec(
        "response_retention_days",
        "Days a response is kept",
        "After this many days a response, its answers, contact request and alert are deleted",
        int,
        90,
        3653,
    ),
    Spec(
        "audit_retention_days",
        "Days an audit log row is kept",
        "After this many days audit log rows are deleted",
        int,
        365,
        7305,
    ),
)
BY_KEY: dict[str, Spec] = {spec.key: spec for spec in SPECS}
MAX_TEXT = 2000


class InvalidSettings(HeardError):
    """One or more values are not allowed; ERRORS maps each setting's key to what is wrong."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


def overrides(session: Session) -> dict[str, Value]:
    """The values an administrator has set (settings they never changed are absent)."""
    rows = session.scalars(select(ServiceSetting).where(ServiceSetting.key.in_(BY_KEY)))
    return {row.key: row.value for row in rows if _valid_stored(row.key, row.value)}


def effective(session: Session, settings: Settings) -> Settings:
    """SETTINGS with the administrator's overrides applied."""
    changes = overrides(session)
    return settings.with_(**changes) if changes else settings


def current_values(session: Session, settings: Settings) -> dict[str, Value]:
    """Every setting's value in force, by key."""
    applied = effective(session, settings)
    return {spec.key: getattr(applied, spec.key) for spec in SPECS}


def version(session: Session) -> str:
    """Changes whenever any setting is saved: a form carries it to spot a stale copy."""
    latest = session.scalar(select(func.max(ServiceSetting.updated_at)))
    count = session.scalar(select(func.count()).select_from(ServiceSetting))
    return f"{count}:{latest.isoformat() if latest else ''}"


def parse(raw: Mapping[str, str]) -> dict[str, Value]:
    """Values from a form, checked; raises InvalidSettings naming every bad one."""
    values: dict[str, Value] = {}
    errors: dict[str, str] = {}
    for spec in SPECS:
        text = str(raw.get(spec.key, "")).strip()
        try:
            values[spec.key] = _parse_one(spec, text)
        except HeardError as problem:
            errors[spec.key] = str(problem)
    if not errors and values["escalation_prolonged_days"] <= values["escalation_response_days"]:  # type: ignore[operator]
        errors["escalation_prolonged_days"] = (
            "Working days before an escalation is prolonged must be more than the working days "
            "for a reply"
        )
    if errors:
        raise InvalidSettings(errors)
    return values


def save(
    session: Session,
    raw: Mapping[str, str],
    *,
    settings: Settings,
    actor: str,
    now: datetime,
    expected_version: str,
) -> list[str]:
    """Check and store the settings in RAW; returns the keys that changed (audited one by one).

    Refuses the whole form, changing nothing, when any value is bad or when someone else saved
    the settings since the form was loaded (EXPECTED_VERSION).
    """
    if expected_version != version(session):
        raise HeardError(
            "Someone else changed the settings while you were editing them. "
            "Check the values now shown and save again."
        )
    values = parse(raw)
    before = current_values(session, settings)
    changed = [key for key, value in values.items() if value != before[key]]
    for key in changed:
        row = session.get(ServiceSetting, key)
        if row is None:
            row = ServiceSetting(key=key)
            session.add(row)
        row.value, row.updated_at, row.updated_by = values[key], now, actor
        audit.record(
            session,
            actor=actor,
            action="setting changed",
            record_type="service_setting",
            record_id=key,
            now=now,
            detail=_change(before[key], values[key]),
        )
    session.flush()
    return changed


def _parse_one(spec: Spec, text: str) -> Value:
    if spec.kind is str:
        if len(text) > MAX_TEXT:
            raise HeardError(f"{spec.label} must be {MAX_TEXT} characters or fewer")
        _CHECKS.get(spec.key, _no_check)(text)
        return text
    if not text:
        raise HeardError(f"Enter {spec.label.lower()}")
    if not text.isdigit():
        raise HeardError(f"{spec.label} must be a whole number, like {spec.low}")
    number = int(text)
    if not spec.low <= number <= spec.high:
        raise HeardError(f"{spec.label} must be between {spec.low} and {spec.high}")
    return number


def _check_themes(text: str) -> None:
    escalation_themes(text)  # raises HeardError naming the bad part


def _no_check(text: str) -> None:
    return None


_CHECKS: dict[str, Callable[[str], None]] = {"escalation_themes_extra": _check_themes}


def _valid_stored(key: str, value: object) -> bool:
    """A stored value of the wrong type (edited by hand) is ignored rather than trusted."""
    spec = BY_KEY[key]
    return isinstance(value, spec.kind) and not isinstance(value, bool)


def _change(old: Value, new: Value) -> str:
    if isinstance(old, int) and isinstance(new, int):
        return f"{old} -> {new}"
    return "changed"
