"""Every public page has the same shell: its language and direction, who to call, a way out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Blueprint, Flask, abort, render_template_string
from flask.testing import FlaskClient

from heard import i18n
from heard.i18n import LANGUAGES
from heard.settings import Settings
from webforms.app import create_app
from webforms.staff.access import public

TEST_PAGE = """{% extends "layout.html" %}
{% block title %}A test page{% endblock %}
{% block content %}<h1 class="govuk-heading-l">A test page</h1>
<form method="post" action="/_test/form"><button class="govuk-button">Send</button></form>
{% endblock %}"""

SETTINGS = Settings(
    authority_name="Sandwell Children's Trust",
    emergency_number="999",
    advice_line_name="Front Door & Family Help",
    advice_line_phone="0121 569 3100",
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    ancestors: list[Element] = field(default_factory=list)

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def within(self, class_name: str) -> bool:
        return any(a.has_class(class_name) for a in self.ancestors)


class Page(HTMLParser):
    """Just enough of a DOM to ask questions about a rendered page."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "source", "track"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, ancestors=list(self.open))
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data

    def all(self, tag: str, class_name: str | None = None) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and (class_name is None or e.has_class(class_name))
        ]

    def one(self, tag: str, class_name: str | None = None) -> Element:
        found = self.all(tag, class_name)
        assert len(found) == 1, f"expected one {tag}.{class_name}, found {len(found)}"
        return found[0]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = create_app(SETTINGS.with_(database_url=f"sqlite:///{tmp_path / 'heard.sqlite3'}"))
    pages = Blueprint("layout_test", __name__)

    @pages.route("/_test/page")
    @public
    def page() -> str:
        return render_template_string(TEST_PAGE)

    @pages.route("/_test/form", methods=["POST"])
    @public
    def form() -> str:
        return render_template_string(TEST_PAGE)

    @pages.route("/_test/<int:code>")
    @public
    def error(code: int) -> str:
        abort(code)

    @pages.route("/_test/bug")
    @public
    def bug() -> str:
        raise RuntimeError("a bug")

    app.register_blueprint(pages)
    yield app
    app.extensions["heard.engine"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def get(client: FlaskClient, path: str, status: int = 200) -> Page:
    response = client.get(path)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


ERROR_PAGES = [
    ("/no-such-page", 404, "Page not found"),
    ("/_test/400", 400, "Sorry, there is a problem with the service"),
    ("/_test/405", 405, "Sorry, there is a problem with the service"),
    ("/_test/429", 429, "Sorry, there have been too many attempts"),
    ("/_test/bug", 500, "Sorry, there is a problem with the service"),
    ("/_test/503", 503, "Sorry, there is a problem with the service"),
]
EVERY_PAGE = [
    ("/_test/page", 200, "A test page"),
    ("/_test/page?lang=ur", 200, "A test page"),
    *ERROR_PAGES,
]


def language_of(path: str) -> str:
    return path.split("lang=")[1] if "lang=" in path else "en"


@pytest.mark.parametrize(("path", "status", "heading"), EVERY_PAGE)
def test_every_page_has_one_h1_and_a_title_naming_the_service_and_authority(
    client: FlaskClient, path: str, status: int, heading: str
) -> None:
    page = get(client, path, status)
    assert words(page.one("h1").text) == heading
    service = i18n.gettext(language_of(path), "Tell us what you think")
    assert words(page.one("title").text) == f"{heading} – {service} – Sandwell Children's Trust"


@pytest.mark.parametrize(("path", "status", "heading"), EVERY_PAGE)
def test_every_page_says_who_to_call_if_a_child_is_in_danger(
    client: FlaskClient, path: str, status: int, heading: str
) -> None:
    footer = words(get(client, path, status).one("footer").text)
    if "lang=" not in path:
        assert "If a child is in immediate danger, call 999." in footer
        assert (
            "To report a worry about a child, call Front Door & Family Help on 0121 569 3100."
            in footer
        )
    assert "999" in footer
    assert "0121 569 3100" in footer


def test_the_phone_numbers_are_tel_links_kept_left_to_right(client: FlaskClient) -> None:
    links = get(client, "/_test/page?lang=ar").all("a", "heard-tel")
    assert [(a.attrs["href"], a.attrs["dir"], a.text) for a in links] == [
        ("tel:999", "ltr", "999"),
        ("tel:01215693100", "ltr", "0121 569 3100"),
    ]


@pytest.mark.parametrize(("path", "status", "heading"), EVERY_PAGE)
def test_every_page_has_an_exit_this_page_link_that_works_without_javascript(
    client: FlaskClient, path: str, status: int, heading: str
) -> None:
    page = get(client, path, status)
    container = page.one("div", "govuk-exit-this-page")
    assert container.attrs["data-module"] == "govuk-exit-this-page"
    link = page.one("a", "govuk-exit-this-page__button")
    assert link.attrs["href"] == "https://www.bbc.co.uk/weather"
    assert i18n.gettext(language_of(path), "Exit this page") in words(link.text)


@pytest.mark.parametrize(("path", "status", "heading"), EVERY_PAGE)
def test_every_page_has_no_inline_script_or_style(
    client: FlaskClient, path: str, status: int, heading: str
) -> None:
    page = get(client, path, status)
    assert page.all("script"), "the page should load its scripts"
    for script in page.all("script"):
        assert script.attrs.get("src", "").startswith("/static/")
        assert script.text.strip() == ""
    assert page.all("style") == []
    assert [e.tag for e in page.elements if "style" in e.attrs] == []
    assert [e.tag for e in page.elements if any(a.startswith("on") for a in e.attrs)] == []


@pytest.mark.parametrize(("path", "status", "heading"), EVERY_PAGE)
def test_every_page_has_no_duplicate_ids_and_a_skip_link_to_the_main_content(
    client: FlaskClient, path: str, status: int, heading: str
) -> None:
    page = get(client, path, status)
    ids = [e.attrs["id"] for e in page.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    assert page.one("a", "govuk-skip-link").attrs["href"] == "#main-content"
    assert page.one("main").attrs["id"] == "main-content"


def test_the_header_names_the_authority_and_the_service_without_any_crown(
    client: FlaskClient,
) -> None:
    page = get(client, "/_test/page")
    header = page.one("header")
    assert "Sandwell Children's Trust" in words(header.text)
    assert "Tell us what you think" in words(header.text)
    assert page.all("svg") == []
    assert not [e for e in page.elements if "govuk-logo" in e.attrs.get("class", "")]


def stylesheets(page: Page) -> list[str]:
    return [link.attrs["href"] for link in page.all("link") if link.attrs["rel"] == "stylesheet"]


def test_an_english_page_is_left_to_right_with_the_ordinary_stylesheet(
    client: FlaskClient,
) -> None:
    page = get(client, "/_test/page?lang=en")
    assert page.one("html").attrs == {"lang": "en", "dir": "ltr", "class": "govuk-template"}
    assert stylesheets(page) == [
        "/static/govuk/govuk-frontend.min.css",
        "/static/heard.css",
        "/theme.css",
    ]


@pytest.mark.parametrize("code", ["ar", "ur", "pa-Arab"])
def test_an_arabic_script_page_is_right_to_left_with_the_mirrored_stylesheet(
    client: FlaskClient, code: str
) -> None:
    page = get(client, f"/_test/page?lang={code}")
    assert page.one("html").attrs["dir"] == "rtl"
    assert page.one("html").attrs["lang"] == LANGUAGES[code].html_lang
    assert stylesheets(page) == [
        "/static/govuk/govuk-frontend.rtl.min.css",
        "/static/heard.css",
        "/static/heard-rtl.css",
        "/theme.css",
    ]


def test_the_language_is_remembered_on_the_next_page(client: FlaskClient) -> None:
    get(client, "/_test/page?lang=ur")
    assert get(client, "/_test/page").one("html").attrs["dir"] == "rtl"


def test_the_language_switcher_lists_every_language_in_its_own_script(
    client: FlaskClient,
) -> None:
    page = get(client, "/_test/page?lang=pl")
    nav = page.one("nav", "heard-languages")
    entries = [e for e in page.elements if e.has_class("heard-languages__link")]
    assert all(nav in e.ancestors for e in entries)
    assert [words(e.text) for e in entries] == [lang.native_name for lang in LANGUAGES.values()]
    for entry, language in zip(entries, LANGUAGES.values(), strict=True):
        assert entry.attrs["lang"] == language.html_lang
        assert entry.attrs["dir"] == language.direction
        if language.code == "pl":
            assert entry.tag == "span"
            assert entry.attrs["aria-current"] == "true"
        else:
            assert entry.tag == "a"
            assert entry.attrs["hreflang"] == language.html_lang
            assert entry.attrs["href"] == f"/_test/page?lang={language.code}"
            assert "aria-current" not in entry.attrs


def test_every_asset_the_layout_links_to_is_served(client: FlaskClient) -> None:
    for path in ("/_test/page", "/_test/page?lang=ar"):
        page = get(client, path)
        assets = [e.attrs["href"] for e in page.all("link")]
        assets += [e.attrs["src"] for e in page.all("script")]
        for asset in assets:
            assert client.get(asset, buffered=True).status_code == 200, asset


def test_a_form_that_timed_out_says_so_and_that_nothing_was_sent(client: FlaskClient) -> None:
    response = client.post("/_test/form", data={"answer": "yes"})
    assert response.status_code == 400
    page = Page(response.get_data(as_text=True))
    assert words(page.one("h1").text) == "This page has timed out"
    assert "Your answers have not been sent." in words(page.one("main").text)
    assert "If a child is in immediate danger, call 999." in words(page.one("footer").text)


def test_an_answer_too_large_to_receive_gets_a_clear_message(client: FlaskClient) -> None:
    response = client.post("/_test/form", data={"answer": "x" * 100_000})
    assert response.status_code == 413
    page = Page(response.get_data(as_text=True))
    assert words(page.one("h1").text) == "Your answer is too long"
    assert "shorten your answer" in words(page.one("main").text)


def test_the_service_strings_are_translated_when_a_catalogue_has_them(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from heard import i18n

    catalogue = {
        "If a child is in immediate danger, call %(number)s.": (
            "Si un niño corre peligro inmediato, llame al %(number)s."
        ),
        "Exit this page": "Salir de esta página",
    }
    monkeypatch.setattr(i18n, "_messages", lambda code: catalogue if code == "pl" else {})
    page = get(client, "/_test/page?lang=pl")
    assert "Si un niño corre peligro inmediato, llame al 999." in words(page.one("footer").text)
    tel = page.all("a", "heard-tel")[0]
    assert tel.within("heard-footer__help")
    assert "Salir de esta página" in words(page.one("a", "govuk-exit-this-page__button").text)
