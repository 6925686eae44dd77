"""action statements

What later minutes say became of an earlier meeting's actions ("Action 3 closed", "all
actions from the last meeting were complete") is kept per document
(``action_statements``), whether or not the meeting that raised them is stored yet, and
becomes an event of the lifecycle of the action it names once both are; such an event
carries how sure the match is (``action_events.confidence``, null for the events the
action's own records and pushed updates give). Documents stored before give no
statements until they are ingested again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 10:12:41.530218
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "action_statements",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reach", sa.String(length=8), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "RAISED",
                "UPDATED",
                "IN_PROGRESS",
                "DEFERRED",
                "COMPLETED",
                "CLOSED",
                "CANCELLED",
                "REOPENED",
                name="actioneventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "IN_PROGRESS",
                "COMPLETED",
                "DEFERRED",
                "CANCELLED",
                name="actionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("origin_title", sa.String(length=500), nullable=True),
        sa.Column("origin_date", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_action_statements_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_action_statements_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_statements")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("action_statements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_statements_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_statements_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_statements_origin_date"), ["origin_date"], unique=False
        )

    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.drop_column("confidence")

    with op.batch_alter_table("action_statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_statements_origin_date"))
        batch_op.drop_index(batch_op.f("ix_action_statements_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_statements_document_id"))

    op.drop_table("action_statements")
