"""Staff pages for the manager role (see issue 5)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("staff_manager", __name__, url_prefix="/staff")
