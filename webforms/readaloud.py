"""Serve read-aloud clips, and tell templates where a text's clip is (or that it has none)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, send_file, url_for
from werkzeug.wrappers import Response

from heard import readaloud
from webforms.i18n import current_language

blueprint = Blueprint("readaloud", __name__)

# Keys follow the text, but a human recording may replace a clip under the same key,
# so browsers revalidate daily rather than keep a clip for ever.
MAX_AGE_SECONDS = 24 * 60 * 60


def _audio_dir() -> str:
    return current_app.extensions["heard.settings"].audio_dir  # type: ignore[no-any-return]


@blueprint.get("/audio/<language>/<key>.mp3")
def clip(language: str, key: str) -> Response:
    path = readaloud.clip_path(language, key, override_dir=_audio_dir())
    if path is None:
        abort(404)
    return send_file(path, mimetype="audio/mpeg", conditional=True, max_age=MAX_AGE_SECONDS)


def audio_url(text: str) -> str | None:
    """The address of TEXT's clip in the page's language, or None when it has none."""
    code = current_language().code
    if readaloud.find_clip(code, text, override_dir=_audio_dir()) is None:
        return None
    return url_for("readaloud.clip", language=code, key=readaloud.clip_key(code, text))


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.jinja_env.globals["audio_url"] = audio_url
