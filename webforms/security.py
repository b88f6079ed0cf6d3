"""Security headers on every response, the error pages, and what every page's layout needs."""

from __future__ import annotations

import re

from flask import Flask, Response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from heard.settings import Settings
from webforms.i18n import gettext as _

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# Assets hold nothing about anyone, so phones may keep them; every page is no-store because a
# feedback page must not sit in a shared device's cache.
CACHEABLE_ENDPOINTS = frozenset({"static", "heard_theme"})
STATIC_MAX_AGE = 3600

DEFAULT_COLOUR = "#1d70b8"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def init_app(app: Flask) -> None:
    settings: Settings = app.extensions["heard.settings"]
    theme = theme_css(settings.authority_colour)

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        response.headers.update(HEADERS)
        if settings.production:
            response.headers["Strict-Transport-Security"] = HSTS
        if request.endpoint in CACHEABLE_ENDPOINTS:
            response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE}"
        else:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.context_processor
    def layout_context() -> dict[str, object]:
        return {"settings": settings}

    # The authority's colour comes from settings; served as a stylesheet because the CSP
    # allows no inline style.
    app.add_url_rule("/theme.css", "heard_theme", lambda: Response(theme, mimetype="text/css"))
    register_error_pages(app)


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError) -> tuple[str, int]:
        return error_page(
            400,
            _("This page has timed out"),
            _("Your answers have not been sent."),
            _("Go back, refresh the page and try again."),
        )

    @app.errorhandler(413)
    def too_large(error: HTTPException) -> tuple[str, int]:
        return error_page(
            413,
            _("Your answer is too long"),
            _("What you sent was too long for us to receive, so it has not been sent."),
            _("Go back, shorten your answer and try again."),
        )

    @app.errorhandler(400)
    def bad_request(error: HTTPException) -> tuple[str, int]:
        return error_page(400)

    @app.errorhandler(404)
    def not_found(error: HTTPException) -> tuple[str, int]:
        return render_template("errors/404.html"), 404

    @app.errorhandler(429)
    def rate_limited(error: HTTPException) -> tuple[str, int]:
        return render_template("errors/429.html"), 429

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError) -> tuple[str, int]:
        return render_template("errors/500.html"), 500

    @app.errorhandler(HTTPException)
    def other_error(error: HTTPException) -> HTTPException | tuple[str, int]:
        code = error.code or 500
        if code < 400:
            return error
        if code >= 500:
            return render_template("errors/500.html"), code
        return error_page(code)


def error_page(code: int, heading: str | None = None, *paragraphs: str) -> tuple[str, int]:
    """The plain 'there is a problem' page, with HEADING and PARAGRAPHS when given."""
    return render_template("errors/400.html", heading=heading, paragraphs=paragraphs), code


def theme_css(colour: str) -> str:
    """CSS custom properties for the authority's colour and a text colour readable on it."""
    if not _HEX_COLOUR.fullmatch(colour):
        colour = DEFAULT_COLOUR
    text = "#ffffff" if _contrast(colour, "#ffffff") >= 4.5 else "#0b0c0c"
    return (
        f":root{{--heard-authority-colour:{colour};--heard-authority-text:{text};"
        f"--govuk-brand-colour:{colour}}}\n"
    )


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
