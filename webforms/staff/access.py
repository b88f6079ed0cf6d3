"""Who may use which staff page. Every route outside the public blueprints must name its roles.

A view gets its rule from `@allow(...)`. The guard in `init_app` refuses any non-public route
that has no rule (fail closed), so a new page cannot be reachable by accident; the role-access
test (tests/webforms/staff/test_access.py) holds the table of who may do what.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from sqlalchemy.orm import Session, sessionmaker

from heard.clock import utcnow
from heard.settings import Settings
from staff import accounts
from staff.accounts import StaffMember
from staff.roles import Role

View = TypeVar("View", bound=Callable[..., Any])
SESSION_KEY = "staff"
# Blueprints and endpoints anyone may reach: health, the public feedback pages and their assets,
# chat platforms' signed webhooks, token-protected calendar feeds, and signing in itself.
PUBLIC_BLUEPRINTS = frozenset(
    {"health", "public", "calendar", "readaloud", "slack", "teams", "digest_charts"}
)
PUBLIC_ENDPOINTS = frozenset({"static", "heard_theme"})
ANY_SIGNED_IN: frozenset[Role] = frozenset()


def allow(*roles: Role) -> Callable[[View], View]:
    """The roles that may use this page; no roles means anyone signed in."""

    def mark(view: View) -> View:
        view.heard_roles = frozenset(roles)  # type: ignore[attr-defined]
        return view

    return mark


def public(view: View) -> View:
    """Reachable without signing in (sign-in pages only)."""
    view.heard_public = True  # type: ignore[attr-defined]
    return view


def rule_for(app: Flask, endpoint: str) -> frozenset[Role] | str | None:
    """'public', the roles allowed, or None when the route has no rule at all."""
    blueprint = endpoint.rpartition(".")[0]
    if endpoint in PUBLIC_ENDPOINTS or blueprint in PUBLIC_BLUEPRINTS:
        return "public"
    view = app.view_functions.get(endpoint)
    if getattr(view, "heard_public", False):
        return "public"
    return getattr(view, "heard_roles", None)


def current_staff() -> StaffMember | None:
    return g.get("staff")


def signed_in_staff() -> StaffMember:
    staff = current_staff()
    if staff is None:  # the guard runs first, so a staff page never sees this
        abort(401)
    return staff


def start_session(account: accounts.StaffAccount, now: datetime) -> None:
    """A fresh session for the account (never reuse the pre-sign-in one: session fixation)."""
    session.clear()
    session[SESSION_KEY] = {
        "id": account.id,
        "epoch": account.session_epoch,
        "seen": now.timestamp(),
    }
    session.permanent = False


def end_session() -> None:
    session.clear()


def safe_next(target: str | None) -> str:
    """Only a path on this site: never redirect a signed-in member to another host."""
    if not target or not _local_path(target):
        return url_for("staff.home")
    return target


def _local_path(target: str) -> bool:
    # Browsers read "\\" as "/" and drop tabs and newlines, so "/\\evil.example" and
    # "/\t/evil.example" would leave the site: refuse them along with "//host" and "https://host".
    if any(ch == "\\" or ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return False
    parts = urlsplit(target)
    return not (parts.scheme or parts.netloc) and target.startswith("/") and target[1:2] != "/"


def install_guard(app: Flask) -> None:
    settings: Settings = app.extensions["heard.settings"]
    sessions: sessionmaker[Session] = app.extensions["heard.sessions"]

    @app.before_request
    def guard() -> Any:
        endpoint = request.endpoint
        if endpoint is None:
            return None  # 404 or 405 follows
        rule = rule_for(current_app, endpoint)
        if rule is None:
            current_app.logger.error("Route %s has no access rule; refused", endpoint)
            abort(403)
        staff = _load(settings, sessions)
        g.staff = staff
        if rule == "public":
            return None
        if staff is None:
            # Say why on the sign-in page: a member signed out for idling should know.
            timed_out = {"timed_out": 1} if g.get("staff_timed_out") else {}
            return redirect(
                url_for("staff_auth.sign_in", next=request.full_path.rstrip("?"), **timed_out)
            )
        if staff.must_change_password and endpoint not in {
            "staff_auth.change_password",
            "staff_auth.sign_out",
        }:
            return redirect(url_for("staff_auth.change_password"))
        if rule and not staff.has(*rule):
            abort(403)
        return None


def _load(settings: Settings, sessions: sessionmaker[Session]) -> StaffMember | None:
    held = session.get(SESSION_KEY)
    if not isinstance(held, dict):
        return None
    now = utcnow()
    idle = now.timestamp() - float(held.get("seen", 0))
    if idle > settings.staff_idle_minutes * 60:
        session.pop(SESSION_KEY, None)
        g.staff_timed_out = True
        return None
    with sessions() as db:
        staff = accounts.current(db, int(held.get("id", 0)), int(held.get("epoch", -1)))
    if staff is None:
        session.pop(SESSION_KEY, None)
        return None
    # Refresh at most once a minute so every request does not rewrite the cookie.
    if idle > 60:
        session[SESSION_KEY] = {**held, "seen": now.timestamp()}
    return staff
