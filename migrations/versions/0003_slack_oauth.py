"""Slack OAuth installation and state tables (used when SLACK_CLIENT_ID is set)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 19:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# slack_sdk owns these tables' shape; building them from its own definitions keeps the
# migration in step with the store that reads them.
TABLES = (
    (SQLAlchemyInstallationStore.build_installations_table, "slack_installations"),
    (SQLAlchemyInstallationStore.build_bots_table, "slack_bots"),
    (SQLAlchemyOAuthStateStore.build_oauth_states_table, "slack_oauth_states"),
)


def upgrade() -> None:
    metadata = sa.MetaData()
    for build, name in TABLES:
        build(metadata, name)
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    for _build, name in reversed(TABLES):
        op.drop_table(name)
