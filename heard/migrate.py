"""Bring a database's schema up to date with the Alembic migrations (never create_all)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url)
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply every migration up to REVISION."""
    command.upgrade(alembic_config(database_url), revision)


def make_revision(database_url: str, message: str) -> None:
    """Autogenerate a migration from the models (a developer's tool)."""
    command.revision(alembic_config(database_url), message=message, autogenerate=True)
