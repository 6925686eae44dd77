"""metric series

Figures that measure the same thing at meetings of one body form a series
(``metric_series``: its normalised label, unit, theme, body and the stated target it is
measured against) of points (``metric_series_points``: each figure with its meeting,
date, place in the series and how sure the match is). Both are derived from the figures
(``ingest.series``) and rebuilt as a body's meetings arrive, change or go.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 22:37:58.053432
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "metric_series",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("identity_key", sa.String(length=300), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=True),
        sa.Column("body_key", sa.String(length=200), nullable=False),
        sa.Column(
            "unit",
            sa.Enum(
                "PERCENT", "COUNT", "MONEY", "RATE", name="metricunit", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=500), nullable=False),
        sa.Column("label_key", sa.String(length=500), nullable=False),
        sa.Column("theme_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
        sa.Column("point_count", sa.Integer(), nullable=False),
        sa.Column("latest_value", sa.Float(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "target_metric_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_at_most", sa.Boolean(), nullable=True),
        sa.Column("target_confidence", sa.Float(), nullable=True),
        sa.Column("target_reason", sa.String(length=500), nullable=True),
        sa.Column("meets_target", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["target_metric_id"],
            ["metrics.id"],
            name=op.f("fk_metric_series_target_metric_id_metrics"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_metric_series_theme_id_themes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_series")),
        sa.UniqueConstraint(
            "identity_key",
            "unit",
            "label_key",
            name=op.f("uq_metric_series_identity_key_unit_label_key"),
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("metric_series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_series_body_key"), ["body_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_metric_series_last_date"), ["last_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_metric_series_target_metric_id"), ["target_metric_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_metric_series_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "metric_series_points",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "series_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "metric_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "meeting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_metric_series_points_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metrics.id"],
            name=op.f("fk_metric_series_points_metric_id_metrics"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["metric_series.id"],
            name=op.f("fk_metric_series_points_series_id_metric_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_series_points")),
        sa.UniqueConstraint("metric_id", name=op.f("uq_metric_series_points_metric_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("metric_series_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_metric_series_points_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_metric_series_points_series_id"), ["series_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("metric_series_points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_series_points_series_id"))
        batch_op.drop_index(batch_op.f("ix_metric_series_points_meeting_id"))

    op.drop_table("metric_series_points")
    with op.batch_alter_table("metric_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_series_theme_id"))
        batch_op.drop_index(batch_op.f("ix_metric_series_target_metric_id"))
        batch_op.drop_index(batch_op.f("ix_metric_series_last_date"))
        batch_op.drop_index(batch_op.f("ix_metric_series_body_key"))

    op.drop_table("metric_series")
