"""meeting header span

A meeting keeps where its header (title, date, venue, chair ...) was read from: the
document that gave it and the span of that document's cleaned text. Meetings stored
before have none (null) until their documents are ingested again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 19:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the table to add a foreign key; it must keep AUTOINCREMENT.
MEETINGS_TABLE_KWARGS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.add_column(
            sa.Column(
                "header_document_id",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("header_span_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("header_span_end", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_meetings_header_document_id"), ["header_document_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meetings_header_document_id_source_documents"),
            "source_documents",
            ["header_document_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_meetings_header_document_id_source_documents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_meetings_header_document_id"))
        batch_op.drop_column("header_span_end")
        batch_op.drop_column("header_span_start")
        batch_op.drop_column("header_document_id")
