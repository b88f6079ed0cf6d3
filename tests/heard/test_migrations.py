"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import analysis.models  # noqa: F401
import bot.models  # noqa: F401
import staff.models  # noqa: F401
import surveys.models
import surveys.screen_check  # noqa: F401
from heard.db import Base

SLACK_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states"}


def _ours(diff: tuple) -> bool:  # type: ignore[type-arg]
    """False for slack_sdk's own tables, whose shape slack_sdk defines."""
    for part in diff[1:]:
        table = getattr(part, "table", part)
        if getattr(table, "name", None) in SLACK_TABLES:
            return False
    return True


def test_the_migrated_database_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, Base.metadata) if _ours(d)]
    assert differences == []
