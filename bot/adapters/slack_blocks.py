"""Pure Block Kit builders: a neutral Reply, Form or notice in, Slack's JSON out (and back).

Slack's limits are kept here, in one place: 50 blocks in a message and 100 in a view, 3000
characters in a section, 75 in a button or option, 24 in a modal's title, 25 buttons in a row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.commands_forms import max_length
from bot.notices import Action
from bot.render import CHOICE, LONG_TEXT, MULTI_CHOICE, Form, Input, Reply

Block = dict[str, Any]
Values = dict[str, str | list[str]]
MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
_SECTION, _BUTTON, _TITLE, _ROW, _OPTIONS = 3000, 75, 24, 25, 100
VALUE = "value"  # every input's element has this action id; its block id is the input's name


def escape(text: str) -> str:
    """Text safe in mrkdwn: Slack reads &, < and > as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(text: str, limit: int = _SECTION) -> dict[str, Any]:
    return {"type": "plain_text", "text": _clip(text, limit) or " ", "emoji": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, _SECTION) or " "}}


def button(action: Action, index: int) -> Block:
    """A button. Its action id is made unique in the message with '#index'; the value is the id."""
    element: Block = {
        "type": "button",
        "text": _plain(action.label, _BUTTON),
        "action_id": f"{action.action_id}#{index}",
        "value": action.value[:2000],
    }
    if action.style in ("primary", "danger"):
        element["style"] = action.style
    return element


def action_id(slack_action_id: str) -> str:
    """The neutral action id of a button's Slack action id ("consultation.accept#3")."""
    return slack_action_id.split("#", 1)[0]


def _rows(actions: Sequence[Action], start: int) -> list[Block]:
    return [
        {
            "type": "actions",
            "elements": [button(a, start + i + n) for n, a in enumerate(actions[i : i + _ROW])],
        }
        for i in range(0, len(actions), _ROW)
    ]


def reply_blocks(reply: Reply, limit: int = MESSAGE_BLOCKS) -> list[Block]:
    """The reply as message blocks: its text, fields, then each section with its buttons."""
    lead = (":warning: " if reply.error else "") + escape(reply.text)
    blocks: list[Block] = [_section(f"*{lead}*" if reply.sections else lead)]
    if reply.fields:
        fields = [
            {"type": "mrkdwn", "text": _clip(f"*{escape(k)}*\n{escape(v)}", 2000)}
            for k, v in reply.fields[:10]
        ]
        blocks.append({"type": "section", "fields": fields})
    count = 0
    for section in reply.sections:
        text = "\n".join(
            ([f"*{escape(section.title)}*"] if section.title else [])
            + [escape(line) for line in section.lines]
        )
        if text:
            blocks.append(_section(text))
        blocks += _rows(section.actions, count)
        count += len(section.actions)
    blocks += _rows(reply.actions, count)
    if len(blocks) > limit:
        blocks = [*blocks[: limit - 1], _section("…and more: ask again to see the rest.")]
    return blocks


def home_view(reply: Reply) -> dict[str, Any]:
    """The App Home tab for REPLY."""
    return {"type": "home", "blocks": reply_blocks(reply, limit=VIEW_BLOCKS)}


def notice_blocks(text: str, actions: Iterable[Mapping[str, Any]] | None) -> list[Block]:
    """An outbox notice: its text and its buttons (neutral actions as the payload stores them)."""
    buttons = [
        Action(
            str(a["action_id"]), str(a.get("value", "")), str(a["label"]), str(a.get("style", ""))
        )
        for a in actions or ()
    ]
    return [_section(escape(text)), *_rows(buttons, 0)]


def modal(form: Form, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The form as a modal; METADATA (ids and where to answer) rides in private_metadata."""
    return {
        "type": "modal",
        "callback_id": form.name,
        "title": _plain(form.title, _TITLE),
        "submit": _plain(form.submit, _TITLE),
        "close": _plain("Cancel", _TITLE),
        "private_metadata": json.dumps(dict(metadata), separators=(",", ":"))[:3000],
        "blocks": [_input_block(field) for field in form.inputs],
    }


def _input_block(field: Input) -> Block:
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "label": _plain(field.label, 2000),
        "optional": field.optional,
        "element": _element(field),
    }
    if field.hint:
        block["hint"] = _plain(field.hint, 2000)
    return block


def _element(field: Input) -> Block:
    if field.kind in (CHOICE, MULTI_CHOICE):
        options = [
            {"text": _plain(c.label, _BUTTON), "value": c.value[:150]}
            for c in field.choices[:_OPTIONS]
        ]
        kind = "static_select" if field.kind == CHOICE else "multi_static_select"
        return {"type": kind, "action_id": VALUE, "options": options}
    element: Block = {
        "type": "plain_text_input",
        "action_id": VALUE,
        "multiline": field.kind == LONG_TEXT,
        "max_length": max_length(field),
    }
    if field.initial:
        element["initial_value"] = field.initial
    return element


def submitted_values(state: Mapping[str, Mapping[str, Any]]) -> Values:
    """A view submission's state as input name → text, or → the chosen values."""
    values: Values = {}
    for block_id, elements in state.items():
        for element in elements.values():
            values[block_id] = _value_of(element)
    return values


def _value_of(element: Mapping[str, Any]) -> str | list[str]:
    kind = element.get("type")
    if kind in ("multi_static_select", "checkboxes"):
        return [str(o["value"]) for o in element.get("selected_options") or []]
    if kind in ("static_select", "radio_buttons"):
        return str((element.get("selected_option") or {}).get("value", ""))
    return str(element.get("value") or "")


def metadata(view: Mapping[str, Any]) -> dict[str, Any]:
    """A view's private metadata, or nothing when it is missing or not ours."""
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
