"""action lifecycles

Actions are linked to the actions they continue at earlier meetings (``action_links``,
with how each was matched and how sure it is); each action keeps what its lifecycle
comes to (``action_lifecycles``) and each lifecycle its status events
(``action_events``). Carried actions are found by the meeting they name
(``actions.origin_date``, now indexed). Actions stored before have no links or
lifecycle until their meetings are ingested again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 19:53:16.282424
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "action_lifecycles",
        sa.Column(
            "action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("chain_key", sa.BigInteger(), nullable=False),
        sa.Column("in_chain", sa.Boolean(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
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
        sa.Column("times_deferred", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "due_basis",
            sa.Enum(
                "STATED", "NEXT_MEETING", "PERIOD", name="duebasis", native_enum=False, length=32
            ),
            nullable=True,
        ),
        sa.Column("last_seen_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_lifecycles_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_action_lifecycles")),
    )
    with op.batch_alter_table("action_lifecycles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_lifecycles_chain_key"), ["chain_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_lifecycles_closed_on"), ["closed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_lifecycles_raised_on"), ["raised_on"], unique=False
        )

    op.create_table(
        "action_links",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "earlier_action_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column(
            "later_action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "ORIGIN",
                "REFERENCE",
                "WORDING",
                "SAME_MEETING",
                name="linkkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["earlier_action_id"],
            ["actions.id"],
            name=op.f("fk_action_links_earlier_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["later_action_id"],
            ["actions.id"],
            name=op.f("fk_action_links_later_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_links")),
        sa.UniqueConstraint(
            "earlier_action_id",
            "later_action_id",
            name=op.f("uq_action_links_earlier_action_id_later_action_id"),
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("action_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_links_earlier_action_id"), ["earlier_action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_links_later_action_id"), ["later_action_id"], unique=False
        )

    op.create_table(
        "action_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("chain_key", sa.BigInteger(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column(
            "action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("update_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
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
            nullable=True,
        ),
        sa.Column(
            "source",
            sa.Enum("MINUTES", "API", name="eventsource", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_events_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_action_events_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_action_events_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["action_updates.id"],
            name=op.f("fk_action_events_update_id_action_updates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_events")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_events_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_events_chain_key"), ["chain_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_events_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_events_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_events_update_id"), ["update_id"], unique=False)

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_origin_date"), ["origin_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_origin_date"))

    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_events_update_id"))
        batch_op.drop_index(batch_op.f("ix_action_events_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_events_document_id"))
        batch_op.drop_index(batch_op.f("ix_action_events_chain_key"))
        batch_op.drop_index(batch_op.f("ix_action_events_action_id"))

    op.drop_table("action_events")
    with op.batch_alter_table("action_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_links_later_action_id"))
        batch_op.drop_index(batch_op.f("ix_action_links_earlier_action_id"))

    op.drop_table("action_links")
    with op.batch_alter_table("action_lifecycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_lifecycles_raised_on"))
        batch_op.drop_index(batch_op.f("ix_action_lifecycles_closed_on"))
        batch_op.drop_index(batch_op.f("ix_action_lifecycles_chain_key"))

    op.drop_table("action_lifecycles")
