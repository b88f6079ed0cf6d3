"""Shared fixtures: a migrated database (SQLite per test, or PostgreSQL when DATABASE_URL says so),
settings built directly, and the small named cast of DOMAIN.md."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from heard import migrate
from heard.db import Base, make_engine, session_factory
from heard.settings import Settings


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgresql") else None


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database at the newest migration: a template SQLite file, or the PostgreSQL database."""
    pg = _postgres_url()
    if pg:
        engine = make_engine(pg)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        migrate.upgrade(pg)
        return pg
    template = tmp_path_factory.mktemp("template") / "heard.sqlite3"
    migrate.upgrade(f"sqlite:///{template}")
    return f"sqlite:///{template}"


@pytest.fixture
def database_url(migrated_database: str, tmp_path: Path) -> str:
    if migrated_database.startswith("postgresql"):
        return migrated_database
    copy = tmp_path / "heard.sqlite3"
    shutil.copy(migrated_database.removeprefix("sqlite:///"), copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    if engine.dialect.name == "postgresql":
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session:
        yield session


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        base_url="https://heard.test",
        mail_adapter="memory",
        chat_adapter="memory",
        ratelimit_storage_uri="memory://",
    )
