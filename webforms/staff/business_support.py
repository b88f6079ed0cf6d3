"""Staff pages for the business support role (see issue 5)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("staff_business_support", __name__, url_prefix="/staff")
