"""Pure Adaptive Card builders: a neutral Reply, Form or notice in, a card's JSON out (and back).

Cards are built with the Teams SDK's card models (`microsoft_teams.cards`), so a card Teams would
refuse fails here, in a test, rather than in someone's chat. Every line of content is a TextRun,
which Teams does not read as markdown: a case reference or a note cannot smuggle in a link.
Buttons are Action.Execute (Universal Actions) with data {action_id, value}; a form's button
carries {form, key, hidden}, and Teams adds each input's value to that data by the input's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    ChoiceSetInput,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    RichTextBlock,
    TextInput,
    TextRun,
)
from microsoft_teams.cards import Choice as CardChoice

from bot.commands_forms import max_length
from bot.notices import Action
from bot.render import CHOICE, LONG_TEXT, MULTI_CHOICE, Form, Input, Reply

Card = dict[str, Any]
Values = dict[str, str | list[str]]
VERSION: Final = "1.5"  # Action.Execute needs 1.4; Teams renders 1.5 on desktop, web and mobile
# Teams refuses cards over about 28 KB: keep replies well inside it.
_LINE, _SECTIONS, _LABEL, _EXPANDED = 2000, 40, 75, 6
_STYLES: dict[str, Literal["positive", "destructive"]] = {
    "primary": "positive",
    "danger": "destructive",
}


def _clip(text: str, limit: int = _LINE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(text: str, *, bold: bool = False, attention: bool = False, subtle: bool = False) -> Any:
    run: CardElement = TextRun(
        text=_clip(text) or " ",
        weight="Bolder" if bold else None,
        color="Attention" if attention else None,
        is_subtle=subtle or None,
    )
    return RichTextBlock(inlines=[run])


def button(action: Action) -> ExecuteAction:
    """A button: Teams sends back {action_id, value} when it is pressed."""
    return ExecuteAction(
        title=_clip(action.label, _LABEL),
        verb=action.action_id,
        data={"action_id": action.action_id, "value": action.value},
        style=_STYLES.get(action.style),
    )


def _buttons(actions: Sequence[Action]) -> list[Any]:
    return [ActionSet(actions=[button(a) for a in actions])] if actions else []


def _dump(body: list[Any], actions: Sequence[Action] = ()) -> Card:
    card = AdaptiveCard(version=VERSION, body=body, actions=[button(a) for a in actions] or None)
    return card.model_dump(by_alias=True, exclude_none=True)


def reply_card(reply: Reply) -> Card:
    """A reply as a card: its text, its fields, a block per section with its buttons."""
    body: list[Any] = [
        _text(("Sorry: " if reply.error else "") + reply.text, bold=True, attention=reply.error)
    ]
    if reply.fields:
        body.append(FactSet(facts=[Fact(title=name, value=value) for name, value in reply.fields]))
    for section in reply.sections[:_SECTIONS]:
        items: list[Any] = [_text(section.title, bold=True)] if section.title else []
        items += [_text(line) for line in section.lines]
        items += _buttons(section.actions)
        body.append(Container(items=items or [_text(" ")], separator=True))
    if len(reply.sections) > _SECTIONS:
        body.append(_text(f"And {len(reply.sections) - _SECTIONS} more.", subtle=True))
    return _dump(body, reply.actions)


def notice_card(text: str, actions: Iterable[Mapping[str, Any]] | None = None) -> Card:
    """An outbox notice: its paragraphs, the first in bold, then its buttons."""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()] or [" "]
    body = [_text(part, bold=index == 0) for index, part in enumerate(paragraphs)]
    buttons = [
        Action(
            str(a.get("action_id", "")),
            str(a.get("value", "")),
            str(a.get("label", "")),
            str(a.get("style", "")),
        )
        for a in actions or ()
    ]
    return _dump(body + _buttons(buttons))


def form_card(form: Form, *, key: str, values: Values | None = None, problem: str = "") -> Card:
    """A form as a card; VALUES keep what was typed when it comes back with a PROBLEM."""
    body: list[Any] = [_text(form.title, bold=True)]
    if problem:
        body.append(_text(f"Sorry: {problem}", attention=True))
    body += [_input(field, (values or {}).get(field.name)) for field in form.inputs]
    send = ExecuteAction(
        title=_clip(form.submit, _LABEL),
        verb=form.name,
        data={"form": form.name, "key": key, "hidden": dict(form.hidden)},
        style="positive",
        associated_inputs="auto",
    )
    card = AdaptiveCard(version=VERSION, body=body, actions=[send])
    return card.model_dump(by_alias=True, exclude_none=True)


def _input(field: Input, given: str | list[str] | None) -> Any:
    value = ",".join(given) if isinstance(given, list) else (given or field.initial or None)
    label = field.label + ("" if not field.optional else " (optional)")
    verb = "Choose" if field.kind in (CHOICE, MULTI_CHOICE) else "Enter"
    name = field.label.lower().rstrip("?")
    problem = f"{verb} {name}"
    if field.kind in (CHOICE, MULTI_CHOICE):
        many = field.kind == MULTI_CHOICE
        return ChoiceSetInput(
            id=field.name,
            label=label,
            choices=[
                CardChoice(title=_clip(c.label, _LABEL), value=c.value) for c in field.choices
            ],
            is_multi_select=many,
            style="expanded" if many and len(field.choices) <= _EXPANDED else "compact",
            value=value,
            placeholder=field.hint or None,
            is_required=not field.optional,
            error_message=problem,
        )
    return TextInput(
        id=field.name,
        label=label,
        value=value,
        placeholder=field.hint or None,
        max_length=max_length(field),
        is_multiline=field.kind == LONG_TEXT,
        is_required=not field.optional,
        error_message=problem,
    )


def submitted_values(form: Form, data: Mapping[str, Any]) -> Values:
    """A submitted form's values (its inputs and its hidden ids) from an action's data."""
    values: Values = {}
    for field in form.inputs:
        raw = data.get(field.name)
        text = "" if raw is None else str(raw)
        # A multi-select ChoiceSet sends its choices as one comma-separated string.
        values[field.name] = (
            [v for v in text.split(",") if v] if field.kind == MULTI_CHOICE else text
        )
    hidden = data.get("hidden")
    if isinstance(hidden, Mapping):
        values.update({str(name): str(value) for name, value in hidden.items()})
    return values
