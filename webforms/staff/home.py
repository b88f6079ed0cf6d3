"""The staff home page: what each role can do, one click away."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from webforms.staff.access import ANY_SIGNED_IN, allow, signed_in_staff

blueprint = Blueprint("staff", __name__, url_prefix="/staff")


@blueprint.route("/")
@allow(*ANY_SIGNED_IN)
def home() -> Any:
    return render_template("staff/home.html", staff=signed_in_staff())
