from __future__ import annotations

import re

import pytest

from webforms.app import create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(settings, engine):
    app = create_app(settings, engine=engine)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def post_form(client, url: str, data: dict[str, str]):
    """GET the page for its CSRF token, then POST the form as a browser would."""
    page = client.get(url)
    return client.post(url, data={**data, "csrf_token": csrf_of(page.get_data(as_text=True))})
