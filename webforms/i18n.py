"""Which language a request is shown in, and the gettext helpers its templates use."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, g, request, session

from heard import i18n
from heard.i18n import LANGUAGES, Language

SESSION_KEY = "lang"


def choose_language(preferred: str | None = None) -> Language:
    """?lang= wins (and is remembered), then the session, then PREFERRED, then the browser."""
    asked = request.args.get("lang")
    if i18n.is_supported(asked):
        session[SESSION_KEY] = asked
        return LANGUAGES[asked]  # type: ignore[index]
    remembered = session.get(SESSION_KEY)
    if i18n.is_supported(remembered):
        return LANGUAGES[remembered]
    if i18n.is_supported(preferred):
        return LANGUAGES[preferred]  # type: ignore[index]
    best = request.accept_languages.best_match([lang.html_lang for lang in LANGUAGES.values()])
    for language in LANGUAGES.values():
        if language.html_lang == best:
            return language
    return LANGUAGES[i18n.DEFAULT_LANGUAGE]


def current_language() -> Language:
    if "language" not in g:
        g.language = choose_language()
    return g.language  # type: ignore[no-any-return]


def use_language(language: Language) -> None:
    """Pin the language for the rest of this request (e.g. the invitation's own language)."""
    g.language = language


def gettext(message: str, **values: object) -> str:
    translated = i18n.gettext(current_language().code, message)
    return translated % values if values else translated


def language_url(code: str) -> str:
    """This page again, in language CODE."""
    args = request.args.to_dict()
    args["lang"] = code
    return f"{request.path}?{urlencode(args)}"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=gettext, gettext=gettext, language_url=language_url)

    @app.context_processor
    def language_context() -> dict[str, object]:
        return {"lang": current_language(), "languages": list(LANGUAGES.values())}
