"""My conferences: those I chair, soonest first, with each ICPC's pre-ICPC contact checklist."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, request, url_for

from bot import checklist
from heard.clock import london, utcnow
from heard.errors import HeardError, NotAllowed
from staff.roles import Role
from webforms.staff.access import allow
from webforms.staff.po_common import STALE, blueprint, found, me, render, writing

PO = Role.PRINCIPAL_OFFICER
ACTIONS = ("tick", "not_needed", "untick")


@blueprint.route("/my-conferences")
@allow(PO)
def my_conferences() -> Any:
    return _page()


@blueprint.route("/conferences/<int:conference_id>/checklist/<int:item_id>", methods=["POST"])
@allow(PO)
def checklist_item(conference_id: int, item_id: int) -> Any:
    action, state = request.form.get("action", ""), request.form.get("state", "")
    detail = request.form.get("detail", "")
    field = f"item-{item_id}"
    if action not in ACTIONS:
        return _page({field: "Choose what to do with this item"}, 400)
    try:
        with writing() as session:
            item = found(
                checklist.checklist_item, session, conference_id=conference_id, item_id=item_id
            )
            if state != _state(item):
                raise _Stale(_stale_text(item))
            label = checklist.CHECKLIST_ITEMS[item.key]
            change = dict(conference_id=conference_id, key=item.key, officer=me(session))
            if action == "untick":
                checklist.untick_checklist_item(session, **change, now=utcnow())
            else:
                checklist.tick_checklist_item(
                    session,
                    **change,
                    now=utcnow(),
                    detail=detail,
                    not_needed=action == "not_needed",
                )
    except NotAllowed:
        abort(404)  # not a conference you chair: as if it were not there
    except _Stale as stale:
        return _page({field: str(stale)}, STALE)
    except HeardError as refusal:
        return _page({field: str(refusal)}, 400)
    done = {"tick": "done", "not_needed": "not needed", "untick": "open again"}[action]
    flash(f"“{label}” is marked {done}.")
    return redirect(url_for(".my_conferences") + f"#conference-{conference_id}")


class _Stale(HeardError):
    """The form showed the item as it was before someone else changed it."""


def _state(item: checklist.ChecklistItem) -> str:
    return "open" if item.done_at is None else "done"


def _stale_text(item: checklist.ChecklistItem) -> str:
    label = checklist.CHECKLIST_ITEMS[item.key]
    now_is = "open" if item.done_at is None else "done"
    return (
        f"“{label}” was changed since you loaded the page: it is now {now_is}. Nothing was changed."
    )


def _page(errors: dict[str, str] | None = None, status: int = 200) -> Any:
    # Giving new ICPCs their checklists is the clock's job too; doing it here means a conference
    # imported a minute ago already shows its checklist.
    with writing() as session:
        now = utcnow()
        checklist.ensure_checklists(session, now=now)
        return render(
            "my_conferences.html",
            status,
            conferences=checklist.chaired_conferences(session, officer=me(session), now=now),
            today=london(now).date(),
            labels=checklist.CHECKLIST_ITEMS,
            not_needed_allowed=checklist.NOT_NEEDED_ALLOWED,
            errors=errors or {},
        )
