"""meeting identity key

A meeting is identified by (identity_key, kind, date) instead of (body_key, kind,
date): minutes that name no body are told apart by their chair. Existing meetings
take their body key, or "chair:" and their chair's name key when they have no body.

Downgrading fails if two meetings without a body now share a kind and date.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 04:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the table for constraint changes; it must keep AUTOINCREMENT.
MEETINGS_TABLE_KWARGS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("identity_key", sa.String(length=300), server_default="", nullable=False)
        )

    meetings = sa.table(
        "meetings",
        sa.column("body_key", sa.String()),
        sa.column("chair_id", sa.BigInteger()),
        sa.column("identity_key", sa.String()),
    )
    people = sa.table(
        "people", sa.column("id", sa.BigInteger()), sa.column("name_key", sa.String())
    )
    chair_key = (
        sa.select(people.c.name_key).where(people.c.id == meetings.c.chair_id).scalar_subquery()
    )
    op.execute(
        meetings.update().values(
            identity_key=sa.case(
                (meetings.c.body_key == "", sa.func.coalesce(sa.literal("chair:") + chair_key, "")),
                else_=meetings.c.body_key,
            )
        )
    )

    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_meetings_body_key_kind_date"), type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_meetings_identity_key_kind_date"), ["identity_key", "kind", "date"]
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_meetings_identity_key_kind_date"), type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_meetings_body_key_kind_date"), ["body_key", "kind", "date"]
        )
        batch_op.drop_column("identity_key")
