"""create assurance records

Revision ID: 0001
Revises:
Create Date: 2026-11-25 22:51:02.908168
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "api_keys",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "change_log",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "op",
            sa.Enum("UPSERT", "DELETE", name="changeop", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("meeting_id", sa.BigInteger(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name_key", name=op.f("uq_people_name_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "themes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
        sa.UniqueConstraint("code", name=op.f("uq_themes_code")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "MONTHLY_ASSURANCE",
                "THEMATIC",
                "PERFORMANCE",
                "ACCOUNTABILITY_BOARD",
                "POLICE_AND_CRIME_PANEL",
                "STRATEGIC_BOARD",
                "AUDIT_COMMITTEE",
                "OTHER",
                name="meetingkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=True),
        sa.Column("body_key", sa.String(length=200), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("chair_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "minute_taker_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("next_title", sa.String(length=500), nullable=True),
        sa.Column(
            "next_kind",
            sa.Enum(
                "MONTHLY_ASSURANCE",
                "THEMATIC",
                "PERFORMANCE",
                "ACCOUNTABILITY_BOARD",
                "POLICE_AND_CRIME_PANEL",
                "STRATEGIC_BOARD",
                "AUDIT_COMMITTEE",
                "OTHER",
                name="meetingkind",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("next_date", sa.Date(), nullable=True),
        sa.Column("next_start_time", sa.Time(), nullable=True),
        sa.Column("next_venue", sa.String(length=300), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["people.id"],
            name=op.f("fk_meetings_chair_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minute_taker_id"],
            ["people.id"],
            name=op.f("fk_meetings_minute_taker_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint(
            "body_key", "kind", "date", name=op.f("uq_meetings_body_key_kind_date")
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_date"), ["date"], unique=False)

    op.create_table(
        "attendances",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("capacity", sa.String(length=300), nullable=True),
        sa.Column("abbreviation", sa.String(length=32), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PRESENT",
                "APOLOGIES",
                "IN_ATTENDANCE",
                name="attendancestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_attendances_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_attendances_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendances_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendances_person_id"), ["person_id"], unique=False)

    op.create_table(
        "meeting_themes",
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_themes_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_meeting_themes_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "theme_id", name=op.f("pk_meeting_themes")),
    )
    op.create_table(
        "source_documents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column(
            "document_type",
            sa.Enum(
                "MINUTES", "AGENDA", "ACTION_LOG", name="documenttype", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_source_documents_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_source_documents_sha256")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("source_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_documents_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "acronyms",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("abbreviation", sa.String(length=32), nullable=False),
        sa.Column("expansion", sa.String(length=300), nullable=False),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "source_document_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["source_documents.id"],
            name=op.f("fk_acronyms_source_document_id_source_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_acronyms_theme_id_themes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acronyms")),
        sa.UniqueConstraint("abbreviation", name=op.f("uq_acronyms_abbreviation")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("acronyms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_acronyms_source_document_id"), ["source_document_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_acronyms_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "agenda_items",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("parent_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_agenda_items_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_agenda_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["agenda_items.id"],
            name=op.f("fk_agenda_items_parent_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_items_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_items_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agenda_items_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "actions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("reference", sa.String(length=32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_text", sa.String(length=300), nullable=True),
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
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("origin_title", sa.String(length=500), nullable=True),
        sa.Column("origin_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_actions_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_items.id"],
            name=op.f("fk_actions_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_actions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_status"), ["status"], unique=False)

    op.create_table(
        "item_themes",
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_items.id"],
            name=op.f("fk_item_themes_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_item_themes_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "theme_id", name=op.f("pk_item_themes")),
    )
    op.create_table(
        "metrics",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column(
            "unit",
            sa.Enum(
                "PERCENT", "COUNT", "MONEY", "RATE", name="metricunit", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum("OBSERVED", "TARGET", name="metrickind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=500), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_metrics_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_items.id"],
            name=op.f("fk_metrics_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_metrics_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_metrics_theme_id_themes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metrics")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metrics_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_metrics_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_metrics_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_metrics_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "action_owners",
        sa.Column(
            "action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_owners_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_action_owners_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "person_id", name=op.f("pk_action_owners")),
    )
    op.create_table(
        "action_themes",
        sa.Column(
            "action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_themes_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_action_themes_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "theme_id", name=op.f("pk_action_themes")),
    )
    op.create_table(
        "action_updates",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "action_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("text", sa.Text(), nullable=False),
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
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_updates_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["source_documents.id"],
            name=op.f("fk_action_updates_document_id_source_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_updates")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("action_updates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_updates_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_updates_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("action_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_updates_document_id"))
        batch_op.drop_index(batch_op.f("ix_action_updates_action_id"))

    op.drop_table("action_updates")
    op.drop_table("action_themes")
    op.drop_table("action_owners")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metrics_theme_id"))
        batch_op.drop_index(batch_op.f("ix_metrics_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_metrics_item_id"))
        batch_op.drop_index(batch_op.f("ix_metrics_document_id"))

    op.drop_table("metrics")
    op.drop_table("item_themes")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_status"))
        batch_op.drop_index(batch_op.f("ix_actions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_actions_item_id"))
        batch_op.drop_index(batch_op.f("ix_actions_due_date"))
        batch_op.drop_index(batch_op.f("ix_actions_document_id"))

    op.drop_table("actions")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_parent_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_items_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_items_document_id"))

    op.drop_table("agenda_items")
    with op.batch_alter_table("acronyms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acronyms_theme_id"))
        batch_op.drop_index(batch_op.f("ix_acronyms_source_document_id"))

    op.drop_table("acronyms")
    with op.batch_alter_table("source_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_documents_meeting_id"))

    op.drop_table("source_documents")
    op.drop_table("meeting_themes")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendances_person_id"))
        batch_op.drop_index(batch_op.f("ix_attendances_meeting_id"))

    op.drop_table("attendances")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_date"))

    op.drop_table("meetings")
    op.drop_table("themes")
    op.drop_table("people")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_entity")

    op.drop_table("change_log")
    op.drop_table("api_keys")
