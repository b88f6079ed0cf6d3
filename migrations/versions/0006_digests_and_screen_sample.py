"""Monthly digests claimed once, and the weekly human sample of unflagged answers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 21:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heard.db import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "digest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.String(length=80), nullable=False),
        sa.Column("claimed_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('building', 'sent')", name=op.f("ck_digest_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest")),
        sa.UniqueConstraint("month", name=op.f("uq_digest_month")),
    )
    op.create_table(
        "digest_chart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["digest_id"],
            ["digest.id"],
            name=op.f("fk_digest_chart_digest_id_digest"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_chart")),
        sa.UniqueConstraint("digest_id", "key", name="uq_digest_chart_key"),
        sa.UniqueConstraint("token", name=op.f("uq_digest_chart_token")),
    )
    op.create_table(
        "screen_sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("answers_in_week", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_sample")),
        sa.UniqueConstraint("week_start", name=op.f("uq_screen_sample_week_start")),
    )
    op.create_table(
        "screen_sample_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("respondent_type", sa.String(length=16), nullable=False),
        sa.Column("finding", sa.String(length=24), nullable=True),
        sa.Column("reviewed_by", sa.String(length=254), nullable=True),
        sa.Column("reviewed_at", UTCDateTime(), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "finding IN ('no_concern', 'missed_disclosure', 'unsure')",
            name=op.f("ck_screen_sample_item_finding"),
        ),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["alert.id"],
            name=op.f("fk_screen_sample_item_alert_id_alert"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answer.id"],
            name=op.f("fk_screen_sample_item_answer_id_answer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["screen_sample.id"],
            name=op.f("fk_screen_sample_item_sample_id_screen_sample"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_sample_item")),
        sa.UniqueConstraint("sample_id", "answer_id", name="uq_screen_sample_item_answer"),
    )
    op.create_index(
        "ix_screen_sample_item_reviewed", "screen_sample_item", ["reviewed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_screen_sample_item_reviewed", table_name="screen_sample_item")
    op.drop_table("screen_sample_item")
    op.drop_table("screen_sample")
    op.drop_table("digest_chart")
    op.drop_table("digest")
