"""Staff pages for the principal officer role (see issue 5)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("staff_principal_officer", __name__, url_prefix="/staff")
