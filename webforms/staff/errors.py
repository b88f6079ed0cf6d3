"""Staff-styled refusals: 400 (a forged or expired form), 403 (not one of your pages) and 404
(no such record, or not yours)."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden, HTTPException, NotFound


def _staff_page() -> bool:
    return request.path.startswith("/staff")


def init_app(app: Flask) -> None:
    # The public pages' handler speaks to respondents ("your answers have not been sent"); staff
    # get their own words, and everyone else keeps the public one.
    public_csrf: Any = app.error_handler_spec[None][400].get(CSRFError)

    @app.errorhandler(CSRFError)
    def form_refused(error: CSRFError) -> Any:
        if _staff_page() or public_csrf is None:
            return render_template("staff/error.html", code=400), 400
        return public_csrf(error)

    @app.errorhandler(Forbidden)
    def forbidden(error: HTTPException) -> tuple[str, int]:
        return render_template("staff/error.html", code=403), 403

    @app.errorhandler(NotFound)
    def not_found(error: HTTPException) -> tuple[str, int]:
        if _staff_page():
            return render_template("staff/error.html", code=404), 404
        return render_template("errors/404.html"), 404
