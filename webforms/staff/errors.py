"""Staff-styled refusals: 403 (not one of your pages) and 404 (no such record, or not yours)."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import Forbidden, HTTPException, NotFound


def init_app(app: Flask) -> None:
    @app.errorhandler(Forbidden)
    def forbidden(error: HTTPException) -> tuple[str, int]:
        return render_template("staff/error.html", code=403), 403

    @app.errorhandler(NotFound)
    def not_found(error: HTTPException) -> tuple[str, int]:
        if request.path.startswith("/staff"):
            return render_template("staff/error.html", code=404), 404
        return render_template("errors/404.html"), 404
