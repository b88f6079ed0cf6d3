"""The four staff roles. A person may hold several; each page names the roles that may use it."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    BUSINESS_SUPPORT = "business_support"
    PRINCIPAL_OFFICER = "principal_officer"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    Role.BUSINESS_SUPPORT: "Business support",
    Role.PRINCIPAL_OFFICER: "Principal Officer",
    Role.MANAGER: "Manager",
    Role.ADMIN: "Administrator",
}
ALL_ROLES = frozenset(Role)


def parse_roles(raw: str) -> frozenset[Role]:
    """Roles from 'manager, admin'; names the unknown one and lists the allowed ones."""
    found: set[Role] = set()
    for part in (p.strip().lower().replace(" ", "_") for p in raw.split(",")):
        if not part:
            continue
        try:
            found.add(Role(part))
        except ValueError:
            allowed = ", ".join(r.value for r in Role)
            raise ValueError(f"unknown role {part!r}; use one or more of: {allowed}") from None
    if not found:
        raise ValueError("give at least one role")
    return frozenset(found)
