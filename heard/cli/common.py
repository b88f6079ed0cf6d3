"""What every command shares: settings, a migrated database, and a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import click
from sqlalchemy.orm import Session, sessionmaker

from heard import migrate
from heard.db import make_engine, session_factory, transaction
from heard.errors import HeardError
from heard.settings import Settings, SettingsError, from_env


@cache
def settings() -> Settings:
    try:
        return from_env()
    except SettingsError as problem:
        raise click.ClickException(str(problem)) from None


@cache
def sessions() -> sessionmaker[Session]:
    url = settings().database_url
    if url.startswith("sqlite"):
        # The embedded database migrates itself; PostgreSQL is migrated by `heard db upgrade`.
        migrate.upgrade(url)
    return session_factory(make_engine(url))


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One transaction; a refusal becomes a clear error message and changes nothing."""
    try:
        with transaction(sessions()) as session:
            yield session
    except HeardError as refusal:
        raise click.ClickException(str(refusal)) from None


def reset() -> None:
    """Forget the cached settings and close the database (tests change the environment)."""
    if sessions.cache_info().currsize:
        sessions().kw["bind"].dispose()
    sessions.cache_clear()
    settings.cache_clear()
