"""Every response carries the security headers, exactly; pages are never cached, assets may be."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from heard.settings import PRODUCTION, Settings
from webforms.app import create_app
from webforms.security import theme_css

EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"


def boom() -> str:
    raise RuntimeError("a bug")


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Callable[..., Flask]]:
    apps: list[Flask] = []

    def make(**changes: object) -> Flask:
        settings = Settings(database_url=f"sqlite:///{tmp_path / 'heard.sqlite3'}")
        app = create_app(settings.with_(**changes))
        app.add_url_rule("/_test/boom", "boom", boom)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["heard.engine"].dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def production_app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(mode=PRODUCTION, secret_key="x" * 40, base_url="https://heard.example.org")


PATHS = ["/healthz", "/theme.css", "/static/heard.css", "/no-such-page", "/_test/boom"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers_exactly(app: Flask, path: str) -> None:
    response = app.test_client().get(path, buffered=True)
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
        assert len(response.headers.getlist(name)) == 1, name


@pytest.mark.parametrize("path", PATHS)
def test_it_does_not_send_hsts_outside_production(app: Flask, path: str) -> None:
    assert "Strict-Transport-Security" not in app.test_client().get(path, buffered=True).headers


@pytest.mark.parametrize("path", PATHS)
def test_it_sends_hsts_in_production(production_app: Flask, path: str) -> None:
    response = production_app.test_client().get(path, buffered=True)
    assert response.headers["Strict-Transport-Security"] == HSTS
    assert response.headers["Content-Security-Policy"] == EXPECTED["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/healthz", "/no-such-page", "/_test/boom"])
def test_pages_are_never_stored_in_a_cache(app: Flask, path: str) -> None:
    assert app.test_client().get(path, buffered=True).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/static/heard.css", "/static/govuk/govuk-frontend.min.js"])
def test_static_assets_may_be_cached(app: Flask, path: str) -> None:
    response = app.test_client().get(path, buffered=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=3600"


def test_the_theme_stylesheet_carries_the_authority_colour(
    make_app: Callable[..., Flask],
) -> None:
    response = make_app(authority_colour="#4c2c92").test_client().get("/theme.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert "--heard-authority-colour:#4c2c92;" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "public, max-age=3600"


def test_the_theme_puts_white_text_on_a_dark_colour_and_dark_text_on_a_light_one() -> None:
    assert "--heard-authority-text:#ffffff;" in theme_css("#1d70b8")
    assert "--heard-authority-text:#0b0c0c;" in theme_css("#ffdd00")


@pytest.mark.parametrize("bad", ["red", "#12345", "#1d70b8;}body{display:none", ""])
def test_the_theme_ignores_a_colour_that_is_not_six_hex_digits(bad: str) -> None:
    assert "--heard-authority-colour:#1d70b8;" in theme_css(bad)
