"""Conference outcomes, attendance and re-arrangements for the annual figures

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 21:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The lists as they stood when this migration was written (a later change needs its own).
_OUTCOMES = ("plan", "no_plan", "plan_continued", "plan_ended")
_CATEGORIES = ("neglect", "emotional_abuse", "physical_abuse", "sexual_abuse", "multiple")
_REASONS = (
    "parent_availability",
    "parent_unwell",
    "not_quorate",
    "report_not_shared",
    "report_not_ready",
    "no_interpreter",
    "professional_unavailable",
    "po_unavailable",
    "room_for_icpc",
    "other",
)
_ROLES = ("mother", "father", "carer", "child")
_ATTENDANCE = ("in_person", "virtual", "written_only", "did_not_attend")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("category_of_abuse", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("children", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rearranged_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("rearranged_reason", sa.String(length=32), nullable=True))
        batch_op.create_check_constraint(op.f("ck_conference_outcome"), _in("outcome", _OUTCOMES))
        batch_op.create_check_constraint(
            op.f("ck_conference_category_of_abuse"), _in("category_of_abuse", _CATEGORIES)
        )
        batch_op.create_check_constraint(
            op.f("ck_conference_rearranged_reason"), _in("rearranged_reason", _REASONS)
        )
        batch_op.create_check_constraint(op.f("ck_conference_children"), "children > 0")
        batch_op.create_index("ix_conference_starts_on", ["starts_on"], unique=False)
        batch_op.create_index("ix_conference_case", ["case_reference", "starts_on"], unique=False)
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("family_role", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("attendance", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_invitation_family_role"), _in("family_role", _ROLES)
        )
        batch_op.create_check_constraint(
            op.f("ck_invitation_attendance"), _in("attendance", _ATTENDANCE)
        )


def downgrade() -> None:
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_invitation_attendance"), type_="check")
        batch_op.drop_constraint(op.f("ck_invitation_family_role"), type_="check")
        batch_op.drop_column("attendance")
        batch_op.drop_column("family_role")
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.drop_index("ix_conference_case")
        batch_op.drop_index("ix_conference_starts_on")
        batch_op.drop_constraint(op.f("ck_conference_children"), type_="check")
        batch_op.drop_constraint(op.f("ck_conference_rearranged_reason"), type_="check")
        batch_op.drop_constraint(op.f("ck_conference_category_of_abuse"), type_="check")
        batch_op.drop_constraint(op.f("ck_conference_outcome"), type_="check")
        batch_op.drop_column("rearranged_reason")
        batch_op.drop_column("rearranged_from")
        batch_op.drop_column("children")
        batch_op.drop_column("category_of_abuse")
        batch_op.drop_column("outcome")
