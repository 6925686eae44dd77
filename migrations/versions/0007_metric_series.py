"""metric series

Figures that measure the same thing at meetings of one body form a series
(``metric_series``: its normalised label, unit, theme, body and the stated target it is
measured against) of points (``metric_series_points``: each figure with its meeting,
date, place in the series and how sure the match is). Both are derived from the figures
(``ingest.series``) and rebuilt as a body's meetings arrive, change or go; the upgrade
works out the series of the figures already stored, with the matching of the version
of the project that runs it.

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

    _series_of_stored_figures()


def _series_of_stored_figures() -> None:
    """Every body's series, from the figures stored before (a statement per series)."""
    from ingest.series.link import point_rows, series_row
    from ingest.series.match import FigureFacts, series_of
    from records.enums import MetricKind, MetricUnit

    rank = {"MINUTES": 0, "ACTION_LOG": 1, "AGENDA": 2}
    integer, text = sa.Integer(), sa.String()
    metrics = sa.table(
        "metrics",
        *(sa.column(n, integer) for n in ("id", "meeting_id", "document_id", "theme_id")),
        *(sa.column(n, integer) for n in ("position", "span_start", "span_end")),
        *(sa.column(n, text) for n in ("unit", "kind", "label", "context")),
        sa.column("value", sa.Float()),
    )
    meetings = sa.table(
        "meetings",
        sa.column("id", integer),
        sa.column("date", sa.Date()),
        *(sa.column(n, text) for n in ("body", "body_key", "identity_key")),
    )
    documents = sa.table("source_documents", sa.column("id", integer), sa.column("document_type"))
    themes = sa.table("themes", sa.column("id", integer), sa.column("code", text))
    series = sa.table(
        "metric_series",
        sa.column("id", integer),
        *(sa.column(n, sa.Date()) for n in ("first_date", "last_date")),
        *(sa.column(n, sa.Boolean()) for n in ("target_at_most", "meets_target")),
        *(
            sa.column(n)
            for n in [
                "identity_key",
                "body",
                "body_key",
                "unit",
                "label",
                "label_key",
                "theme_id",
                "point_count",
                "latest_value",
                "confidence",
                "target_metric_id",
                "target_value",
                "target_confidence",
                "target_reason",
            ]
        ),
    )
    points = sa.table(
        "metric_series_points",
        sa.column("date", sa.Date()),
        *(
            sa.column(n)
            for n in [
                "series_id",
                "metric_id",
                "meeting_id",
                "sequence",
                "value",
                "confidence",
                "reason",
            ]
        ),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            meetings.c.identity_key,
            metrics.c.id,
            metrics.c.meeting_id,
            meetings.c.date,
            meetings.c.body,
            meetings.c.body_key,
            metrics.c.unit,
            metrics.c.kind,
            metrics.c.label,
            metrics.c.value,
            metrics.c.theme_id,
            themes.c.code,
            metrics.c.document_id,
            documents.c.document_type,
            metrics.c.position,
            metrics.c.span_start,
            metrics.c.span_end,
            sa.case((metrics.c.kind == "TARGET", metrics.c.context), else_=None),
        )
        .join(meetings, meetings.c.id == metrics.c.meeting_id)
        .join(documents, documents.c.id == metrics.c.document_id)
        .outerjoin(themes, themes.c.id == metrics.c.theme_id)
        .where(meetings.c.date.is_not(None), meetings.c.identity_key != "")
    )
    by_body: dict[str, list[FigureFacts]] = {}
    for row in rows:
        by_body.setdefault(row[0], []).append(
            FigureFacts(
                id=row[1],
                meeting_id=row[2],
                date=row[3],
                body=row[4],
                body_key=row[5],
                unit=MetricUnit(row[6]),
                kind=MetricKind(row[7]),
                label=row[8],
                value=row[9],
                theme_id=row[10],
                theme_code=row[11],
                document_id=row[12],
                document_rank=rank[row[13]],
                position=row[14],
                span_start=row[15],
                span_end=row[16],
                context=row[17],
            )
        )
    for identity_key in sorted(by_body):
        for draft in series_of(by_body[identity_key]):
            values = {**series_row(identity_key, draft), "unit": draft.unit.value}
            series_id = connection.scalar(sa.insert(series).values(values).returning(series.c.id))
            connection.execute(sa.insert(points), point_rows(series_id, draft))


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
