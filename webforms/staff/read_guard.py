"""Every staff read of a response's answers or a contact request must leave an audit row.

ORM loads of those records during a staff request are noted; a request that loaded them without
committing an audit entry is a bug. Under test it fails the request (so a new read path that
forgets the audit fails the suite); in service it is logged loudly and the page still works.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session, object_session

from heard.models import AuditEntry
from surveys.models import Answer, ContactRequest
from webforms.staff.access import rule_for

SENSITIVE = (Answer, ContactRequest)


class UnauditedRead(RuntimeError):
    """A staff page read feedback or contact details without recording who read it."""


def _loaded(target: Any, context: Any) -> None:
    if has_request_context():
        g.heard_sensitive_reads = g.get("heard_sensitive_reads", 0) + 1


# An audit entry counts once it is committed: one built and then rolled back, or never
# committed, leaves no row, so it must not quiet the guard.
# Tracked per session, so another session's rollback in the same request does not matter.
def _audit_written(mapper: Any, connection: Any, target: Any) -> None:
    if has_request_context():
        g.setdefault("heard_audit_pending", set()).add(id(object_session(target)))


def _committed(session: Session) -> None:
    if has_request_context() and id(session) in g.get("heard_audit_pending", ()):
        g.heard_audit_pending.discard(id(session))
        g.heard_audited = True


def _rolled_back(session: Session, *args: Any) -> None:
    if has_request_context():
        g.get("heard_audit_pending", set()).discard(id(session))


for _model in SENSITIVE:
    event.listen(_model, "load", _loaded)
event.listen(AuditEntry, "after_insert", _audit_written)
event.listen(Session, "after_commit", _committed)
event.listen(Session, "after_rollback", _rolled_back)


def install(app: Flask) -> None:
    @app.after_request
    def check_reads(response: Any) -> Any:
        if not g.get("heard_sensitive_reads") or g.get("heard_audited"):
            return response
        endpoint = request.endpoint or ""
        if rule_for(current_app, endpoint) == "public":
            return response  # a respondent reading back their own answers
        if current_app.testing:
            raise UnauditedRead(f"{endpoint} read feedback without an audit entry")
        current_app.logger.error("%s read feedback without an audit entry", endpoint)
        return response
