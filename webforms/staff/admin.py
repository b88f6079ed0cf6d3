"""Staff pages for the admin role (see issue 5)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("staff_admin", __name__, url_prefix="/staff")
