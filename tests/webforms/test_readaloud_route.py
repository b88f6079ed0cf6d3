from pathlib import Path

import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient

from heard.readaloud import PACKAGED_DIR, clip_key
from heard.settings import Settings
from surveys.readaloud import page_texts
from webforms import i18n, readaloud

INTRO = page_texts("en")[0]


@pytest.fixture
def recordings(tmp_path: Path) -> Path:
    return tmp_path / "recordings"


@pytest.fixture
def app(recordings: Path) -> Flask:
    # A bare app: the read-aloud layer needs only settings and the page language.
    app = Flask(__name__)
    app.secret_key = "test"
    app.extensions["heard.settings"] = Settings(audio_dir=str(recordings))
    i18n.init_app(app)
    readaloud.init_app(app)
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def record(folder: Path, language: str, text: str) -> str:
    key = clip_key(language, text)
    (folder / language).mkdir(parents=True, exist_ok=True)
    (folder / language / f"{key}.mp3").write_bytes(b"ID3 a human recording")
    return key


def test_it_serves_a_packaged_clip_as_cacheable_mp3(client: FlaskClient) -> None:
    key = clip_key("en", INTRO)

    response = client.get(f"/audio/en/{key}.mp3", buffered=True)

    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert response.cache_control.max_age == 86400
    assert response.data == (PACKAGED_DIR / "en" / f"{key}.mp3").read_bytes()


def test_it_answers_not_modified_when_the_browser_has_the_clip(client: FlaskClient) -> None:
    url = f"/audio/en/{clip_key('en', INTRO)}.mp3"
    etag = client.get(url, buffered=True).headers["ETag"]

    assert client.get(url, buffered=True, headers={"If-None-Match": etag}).status_code == 304


def test_it_serves_a_human_recording_before_the_packaged_clip(
    client: FlaskClient, recordings: Path
) -> None:
    key = record(recordings, "en", INTRO)

    assert client.get(f"/audio/en/{key}.mp3", buffered=True).data == b"ID3 a human recording"


@pytest.mark.parametrize(
    "url",
    [
        f"/audio/xx/{clip_key('en', INTRO)}.mp3",
        "/audio/en/0123456789abcdef.mp3",
        "/audio/en/..%2F..%2F..%2Fpyproject.toml.mp3",
        "/audio/en/%2E%2E.mp3",
        "/audio/..%2Fen/0123456789abcdef.mp3",
        f"/audio/en/{clip_key('en', INTRO).upper()}.mp3",
    ],
)
def test_it_answers_not_found_for_an_unknown_or_unsafe_clip(client: FlaskClient, url: str) -> None:
    assert client.get(url, buffered=True).status_code == 404


def test_audio_url_points_at_the_clip_in_the_page_language(app: Flask) -> None:
    with app.test_request_context("/?lang=en"):
        assert readaloud.audio_url(INTRO) == f"/audio/en/{clip_key('en', INTRO)}.mp3"


def test_audio_url_is_none_when_the_page_language_has_no_clip_of_the_text(app: Flask) -> None:
    with app.test_request_context("/?lang=so"):
        assert readaloud.audio_url(INTRO) is None


def test_audio_url_offers_a_human_recording_where_there_is_no_voice(
    app: Flask, recordings: Path
) -> None:
    key = record(recordings, "so", "Haa")

    with app.test_request_context("/?lang=so"):
        assert readaloud.audio_url("Haa") == f"/audio/so/{key}.mp3"


def test_templates_can_ask_for_a_clip(app: Flask) -> None:
    with app.test_request_context("/?lang=en"):
        html = render_template_string("<audio src='{{ audio_url(text) }}'>", text=INTRO)

    assert html == f"<audio src='/audio/en/{clip_key('en', INTRO)}.mp3'>"
