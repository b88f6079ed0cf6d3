"""The forms chat commands open, and the checks a submission passes before any use case runs.

Forms are pure data built from the vocabularies and settings (no database), so that an adapter
can check a submission before it acknowledges it (Slack shows the errors inside the modal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot import escalations, vocabulary
from bot.render import CHOICE, LONG_TEXT, MULTI_CHOICE, Choice, Form, Input
from heard.settings import Settings
from surveys.schedule import CASE_REFERENCE

REQUEST, OUTCOME = "consultation.request", "consultation.outcome"
ESCALATE, UPDATE, RESOLVE = "escalation.log", "escalation.update", "escalation.resolve"
CHECKLIST_DETAIL = "checklist.detail"
MAX_TEXT, MAX_LONG_TEXT = 200, 3000
NO_NAMES = "No family members' names, please"

Values = Mapping[str, str | list[str]]


def choices(vocabulary_: Mapping[str, str] | Sequence[str] | Any) -> tuple[Choice, ...]:
    """Choices from a key → label mapping, an enum, or a sequence of keys."""
    if isinstance(vocabulary_, Mapping):
        return tuple(Choice(str(key), str(label)) for key, label in vocabulary_.items())
    keys = [getattr(item, "value", item) for item in vocabulary_]
    return tuple(Choice(str(key), str(key).replace("_", " ").capitalize()) for key in keys)


def _case_reference(initial: str = "") -> Input:
    return Input(
        "case_reference",
        "Case reference",
        hint="As on the case system, e.g. CP-1001",
        initial=initial,
        max_length=64,
    )


def consultation_request(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=REQUEST,
        title="Request a consultation",
        submit="Send request",
        hidden=hidden,
        inputs=(
            _case_reference(initial),
            Input(
                "category",
                "Category of concern",
                CHOICE,
                choices(vocabulary.CONSULTATION_CATEGORIES),
            ),
            Input(
                "prevalent_issues",
                "Prevalent issues",
                MULTI_CHOICE,
                choices(vocabulary.PREVALENT_ISSUES),
            ),
            Input("urgency", "How urgent is it?", CHOICE, choices(vocabulary.URGENCIES)),
            Input("availability", "When are you free to talk?", LONG_TEXT, max_length=500),
        ),
    )


def consultation_outcome(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=OUTCOME,
        title="Record the outcome",
        submit="Record",
        hidden=hidden,
        inputs=(
            Input("outcome", "Outcome", CHOICE, choices(vocabulary.CONSULTATION_OUTCOMES)),
            Input("note", "Note", LONG_TEXT, optional=True, hint=NO_NAMES, max_length=2000),
        ),
    )


def escalation(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=ESCALATE,
        title="Log an escalation",
        submit="Log escalation",
        hidden=hidden,
        inputs=(
            _case_reference(initial),
            Input("themes", "Themes", MULTI_CHOICE, choices(_themes(settings))),
            Input("stage", "Stage", CHOICE, choices(escalations.ESCALATION_STAGES)),
            Input("raised_with", "Raised with", hint="Name and role, e.g. team manager"),
            Input("note", "Note", LONG_TEXT, optional=True, hint=NO_NAMES),
        ),
    )


def _themes(settings: Settings) -> Mapping[str, str]:
    return escalations.escalation_themes(settings.escalation_themes_extra)


def escalation_update(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=UPDATE,
        title="Update the escalation",
        submit="Update",
        hidden=hidden,
        inputs=(
            Input("note", "What has happened?", LONG_TEXT),
            Input(
                "stage",
                "Move to stage",
                CHOICE,
                choices(escalations.ESCALATION_STAGES),
                optional=True,
                hint="Leave empty to stay at the same stage",
            ),
        ),
    )


def escalation_resolve(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=RESOLVE,
        title="Resolve the escalation",
        submit="Resolve",
        hidden=hidden,
        inputs=(Input("outcome", "How was it resolved?", LONG_TEXT),),
    )


def checklist_detail(settings: Settings, hidden: Mapping[str, str], initial: str = "") -> Form:
    return Form(
        name=CHECKLIST_DETAIL,
        title="Interpreter booked",
        submit="Tick",
        hidden=hidden,
        inputs=(Input("detail", "Which language?", initial=initial),),
    )


FORMS: dict[str, Callable[[Settings, Mapping[str, str], str], Form]] = {
    REQUEST: consultation_request,
    OUTCOME: consultation_outcome,
    ESCALATE: escalation,
    UPDATE: escalation_update,
    RESOLVE: escalation_resolve,
    CHECKLIST_DETAIL: checklist_detail,
}


def build(
    name: str, settings: Settings, hidden: Mapping[str, str] | None = None, initial: str = ""
) -> Form:
    """The form called NAME, carrying HIDDEN ids; KeyError if there is no such form."""
    return FORMS[name](settings, dict(hidden or {}), initial)


def problems(form: Form, values: Values) -> dict[str, str]:
    """Each input's problem (input name → message), empty when the submission is fine."""
    found: dict[str, str] = {}
    for field in form.inputs:
        message = _problem(field, values.get(field.name))
        if message:
            found[field.name] = message
    return found


def _problem(field: Input, value: str | list[str] | None) -> str:
    chosen = [value] if isinstance(value, str) else list(value or [])
    chosen = [item.strip() for item in chosen if item and item.strip()]
    if not chosen:
        return "" if field.optional else f"Enter {field.label.lower().rstrip('?')}"
    if field.kind in (CHOICE, MULTI_CHOICE):
        known = {choice.value for choice in field.choices}
        if any(item not in known for item in chosen) or (field.kind == CHOICE and len(chosen) > 1):
            return f"Choose {field.label.lower().rstrip('?')} from the list"
        return ""
    if field.name == "case_reference" and not CASE_REFERENCE.match(chosen[0]):
        return "Enter the case system's reference: letters, digits and / _ . - only"
    limit = max_length(field)
    return f"{field.label} must be {limit} characters or fewer" if len(chosen[0]) > limit else ""


def max_length(field: Input) -> int:
    if field.max_length:
        return field.max_length
    return MAX_LONG_TEXT if field.kind == LONG_TEXT else MAX_TEXT


def text_value(values: Values, name: str) -> str:
    value = values.get(name, "")
    return (value if isinstance(value, str) else ",".join(value)).strip()


def list_value(values: Values, name: str) -> list[str]:
    value = values.get(name) or []
    items = value.split(",") if isinstance(value, str) else value
    return [item.strip() for item in items if item.strip()]
