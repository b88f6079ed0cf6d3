"""Who may do what in chat-ops: social workers ask, Principal Officers decide."""

from __future__ import annotations

from heard.errors import NotAllowed
from heard.models import Officer

PO_ROLES = frozenset({"principal_officer", "assistant_head"})
STAFF_ROLES = PO_ROLES | {"manager", "business_support", "admin", "social_worker"}


def require_staff(officer: Officer) -> None:
    """Refuse anyone who is not an active member of staff."""
    if not officer.active or officer.role not in STAFF_ROLES:
        raise NotAllowed("You are not set up as a member of staff in Heard.")


def require_po(officer: Officer) -> None:
    """Refuse anyone who is not an active Principal Officer or assistant head."""
    if not officer.active or officer.role not in PO_ROLES:
        raise NotAllowed("Only a Principal Officer or an assistant head can do this.")
