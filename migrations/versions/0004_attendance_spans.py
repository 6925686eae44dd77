"""attendance spans

An attendance keeps where the document listed the person: the document and the span of
its cleaned text, as agenda items, actions and metrics do. Attendances stored before
have none (null) until their meeting's documents are ingested again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the table to add a foreign key; it must keep AUTOINCREMENT.
ATTENDANCES_TABLE_KWARGS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table(
        "attendances", schema=None, table_kwargs=ATTENDANCES_TABLE_KWARGS
    ) as batch_op:
        batch_op.add_column(
            sa.Column(
                "document_id",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("span_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("span_end", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_attendances_document_id"), ["document_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_attendances_document_id_source_documents"),
            "source_documents",
            ["document_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "attendances", schema=None, table_kwargs=ATTENDANCES_TABLE_KWARGS
    ) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attendances_document_id_source_documents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_attendances_document_id"))
        batch_op.drop_column("span_end")
        batch_op.drop_column("span_start")
        batch_op.drop_column("document_id")
