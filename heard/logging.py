"""Logs never carry an invitation token, an email address or a phone number."""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    (re.compile(r"(/f/)[A-Za-z0-9-]{8,}"), r"\1[token]"),
    (re.compile(r"([?&](?:token|code)=)[^&\s\"]+"), r"\1[token]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[email]"),
    (re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)"), "[phone]"),
)


def redact(message: str) -> str:
    """MESSAGE with tokens, emails and phone numbers replaced by placeholders."""
    for pattern, replacement in _PATTERNS:
        message = pattern.sub(replacement, message)
    return message


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


_FILTER = RedactingFilter()
_LOGGERS = ("", "werkzeug", "gunicorn.access", "gunicorn.error", "heard", "flask.app")


def install_log_redaction() -> None:
    """Attach the redacting filter to every logger and handler that may see a request path."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
        for handler in logger.handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
