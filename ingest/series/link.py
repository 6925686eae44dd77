"""Series inside an ingest's transaction: a body's figures read, its series worked out
(``ingest.series.match``) and written where they changed.

A body's series depend on its figures alone, so they are worked out again from all of
them whenever one of its meetings arrives, gets a new version of a document, or goes:
whatever order the files come in, the series end up the same. Only what changed is
written (series and points matched to the stored ones by label key and figure), so a
series keeps its id while its wording stays, and a meeting's arrival writes a few rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    bindparam,
    case,
    delete,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.lifecycle.facts import DOCUMENT_RANK
from ingest.lifecycle.link import store_and_link
from ingest.prepare import PreparedDocument
from ingest.series.match import (
    FigureFacts,
    Sentence,
    SeriesDraft,
    measures,
    series_of,
    target_key,
    wording_key,
)
from ingest.store import StoreOutcome, StoreResult
from records.enums import MetricKind, MetricUnit
from records.models import (
    Meeting,
    Metric,
    MetricPoint,
    MetricSeries,
    SourceDocument,
    Theme,
)

SERIES = cast(Table, MetricSeries.__table__)
POINTS = cast(Table, MetricPoint.__table__)
# The columns of a series compared with the stored row (besides its key).
_SERIES_COLUMNS = (
    "body",
    "body_key",
    "label",
    "theme_id",
    "first_date",
    "last_date",
    "point_count",
    "latest_value",
    "confidence",
    "target_metric_id",
    "target_value",
    "target_at_most",
    "target_confidence",
    "target_reason",
    "meets_target",
)
_POINT_COLUMNS = ("series_id", "meeting_id", "date", "sequence", "value", "confidence", "reason")


async def store_with_series(session: AsyncSession, doc: PreparedDocument) -> StoreResult:
    """Store a document and link its actions (``ingest.lifecycle``), then work out its
    body's series again: for a new meeting, those of the measures its figures touch."""
    result = await store_and_link(session, doc)
    if result.outcome is StoreOutcome.STORED:
        await refresh_series_of_new_meetings(session, [result.meeting_id])
    elif result.outcome is not StoreOutcome.UNCHANGED:
        await refresh_series_of_meeting(session, result.meeting_id)
    return result


async def refresh_series_of_new_meetings(
    session: AsyncSession, meeting_ids: Collection[int]
) -> None:
    """Work out again the series that newly stored meetings of one body may change with
    their figures, and only those: the series of the wordings linked by shared words to
    the wordings of their figures (``ingest.series.match.measures``), in each unit they
    give figures of.

    New meetings add figures and change none of the others, so the series of every
    other wording stay as they were: what this writes is what ``refresh_series`` would.
    The body's figures are read once, a few columns each; only those of the touched
    measures (and the targets that may attach to them) are read whole."""
    new = set(meeting_ids)
    if not new:
        return
    body = select(Meeting.identity_key).where(Meeting.id == min(new)).scalar_subquery()
    connection = await session.connection()
    rows = (
        await connection.execute(
            select(
                Meeting.identity_key,
                Metric.id,
                Metric.meeting_id,
                Metric.unit,
                Metric.kind,
                Metric.label,
                Metric.document_id,
                Metric.span_start,
                Metric.span_end,
            )
            .join(Meeting, Meeting.id == Metric.meeting_id)
            .where(Meeting.identity_key == body, Meeting.date.is_not(None))
        )
    ).all()
    if not rows or not rows[0][0] or all(row[2] not in new for row in rows):
        return  # no figure of a dated meeting of a named body: no series changes
    identity_key: str = rows[0][0]
    wordings: dict[MetricUnit, dict[str, frozenset[str]]] = defaultdict(dict)
    touched: dict[MetricUnit, set[str]] = defaultdict(set)
    in_sentence: dict[MetricUnit, Counter[Sentence]] = defaultdict(Counter)
    for _, _, of, unit, kind, label, document_id, start, end in rows:
        if kind is MetricKind.OBSERVED:
            in_sentence[unit][document_id, start, end] += 1
            if (wording := wording_key(label)) is not None:
                wordings[unit][wording[0]] = wording[1]
                if of in new:
                    touched[unit].add(wording[0])
        elif of in new and (key := target_key(label)) is not None:
            touched[unit].add(key)
    affected = {unit: measures(wordings[unit], keys) for unit, keys in touched.items()}
    affected = {unit: keys for unit, keys in affected.items() if keys}
    if not affected:
        return
    wanted: set[int] = set()
    sentences: set[tuple[MetricUnit, Sentence]] = set()
    for _, metric_id, _, unit, kind, label, document_id, start, end in rows:
        wording = wording_key(label) if kind is MetricKind.OBSERVED else None
        if wording is not None and wording[0] in affected.get(unit, ()):
            wanted.add(metric_id)
            sentences.add((unit, (document_id, start, end)))
    for _, metric_id, _, unit, kind, label, document_id, start, end in rows:
        if kind is MetricKind.TARGET and (
            target_key(label) in affected.get(unit, ())
            or (unit, (document_id, start, end)) in sentences
        ):
            wanted.add(metric_id)
    # Many figures are read by their body rather than named one by one.
    where = Metric.id.in_(wanted) if len(wanted) <= 500 else Meeting.identity_key == identity_key
    figures = [figure_of(row) for row in await connection.execute(figures_query(where))]
    figures = [figure for figure in figures if figure.id in wanted]
    drafts = series_of(figures, in_sentence)
    keys = [(unit, key[:500]) for unit, keys in affected.items() for key in keys]
    await _write(session, identity_key, drafts, keys)


async def body_of_meeting(session: AsyncSession, meeting_id: int) -> str | None:
    """The identity of a meeting's body (``Meeting.identity_key``), read before the
    meeting is removed; None when there is no such meeting."""
    found: str | None = await session.scalar(
        select(Meeting.identity_key).where(Meeting.id == meeting_id)
    )
    return found


async def refresh_series_of_meeting(session: AsyncSession, meeting_id: int) -> None:
    """Work out again the series of a meeting's body."""
    await refresh_series_of_meetings(session, [meeting_id])


async def refresh_series_of_batch(session: AsyncSession, results: Sequence[StoreResult]) -> None:
    """Work out again the series a batch of stored files changed, each body once: a body
    whose only changes in the batch are new meetings, for the measures their figures
    touch (``refresh_series_of_new_meetings``, as uploads of them would); any other body
    whole (``refresh_series``). Either way the series are what a whole refresh of every
    body would write; the first spares reading and matching a large body's figures again
    for each batch that adds meetings to it."""
    changed = {r.meeting_id: r.outcome for r in results if r.outcome is not StoreOutcome.UNCHANGED}
    if not changed:
        return
    rows = await session.execute(
        select(Meeting.id, Meeting.identity_key).where(Meeting.id.in_(changed))
    )
    by_body: dict[str, list[int]] = defaultdict(list)
    for meeting_id, identity_key in rows:
        by_body[identity_key].append(meeting_id)
    for identity_key, meeting_ids in sorted(by_body.items()):
        if all(changed[m] is StoreOutcome.STORED for m in meeting_ids):
            await refresh_series_of_new_meetings(session, meeting_ids)
        else:
            await refresh_series(session, identity_key)


async def refresh_series_of_meetings(session: AsyncSession, meeting_ids: Sequence[int]) -> None:
    """Work out again the series of the meetings' bodies, each body once (a batch of
    files of one body costs what its last file would)."""
    if not meeting_ids:
        return
    bodies = await session.scalars(
        select(Meeting.identity_key).where(Meeting.id.in_(meeting_ids)).distinct()
    )
    for identity_key in sorted(bodies):
        await refresh_series(session, identity_key)


async def refresh_series(session: AsyncSession, identity_key: str) -> None:
    """Work out again the series of one body (by its meetings' ``identity_key``) from its
    figures and write what changed. Meetings that name neither body nor chair
    (``identity_key`` "") may be any body's: their figures form no series."""
    drafts = series_of(await read_figures(session, identity_key)) if identity_key else []
    await _write(session, identity_key, drafts)


async def read_figures(session: AsyncSession, identity_key: str) -> list[FigureFacts]:
    """The figures of a body's dated meetings, with what ``series_of`` reads."""
    connection = await session.connection()  # rows as tuples, without the ORM's loading
    rows = await connection.execute(figures_query(Meeting.identity_key == identity_key))
    return [figure_of(row) for row in rows]


def figures_query(where: ColumnElement[bool]) -> Any:
    """The columns ``figure_of`` reads, of the figures of the dated meetings ``where``
    chooses (a target's sentence only: it says whether the target is a ceiling)."""
    return (
        select(
            Metric.id,
            Metric.meeting_id,
            Meeting.date,
            Meeting.body,
            Meeting.body_key,
            Metric.unit,
            Metric.kind,
            Metric.label,
            Metric.value,
            Metric.theme_id,
            Theme.code,
            Metric.document_id,
            SourceDocument.document_type,
            Metric.position,
            Metric.span_start,
            Metric.span_end,
            case((Metric.kind == MetricKind.TARGET, Metric.context), else_=None),
        )
        .join(Meeting, Meeting.id == Metric.meeting_id)
        .join(SourceDocument, SourceDocument.id == Metric.document_id)
        .outerjoin(Theme, Theme.id == Metric.theme_id)
        .where(where, Meeting.date.is_not(None))
    )


def figure_of(row: Sequence[Any]) -> FigureFacts:
    return FigureFacts(
        id=row[0],
        meeting_id=row[1],
        date=row[2],
        body=row[3],
        body_key=row[4],
        unit=row[5],
        kind=row[6],
        label=row[7],
        value=row[8],
        theme_id=row[9],
        theme_code=row[10],
        document_id=row[11],
        document_rank=DOCUMENT_RANK[row[12]],
        position=row[13],
        span_start=row[14],
        span_end=row[15],
        context=row[16],
    )


def series_row(identity_key: str, draft: SeriesDraft) -> dict[str, Any]:
    """A series' column values (without its id)."""
    target = draft.target
    return {
        "identity_key": identity_key,
        "unit": draft.unit,
        "label_key": draft.label_key[:500],
        "body": draft.body,
        "body_key": draft.body_key,
        "label": draft.label[:500],
        "theme_id": draft.theme_id,
        "first_date": draft.first_date,
        "last_date": draft.last_date,
        "point_count": len(draft.points),
        "latest_value": draft.latest_value,
        "confidence": draft.confidence,
        "target_metric_id": target.metric_id if target else None,
        "target_value": target.value if target else None,
        "target_at_most": target.at_most if target else None,
        "target_confidence": target.confidence if target else None,
        "target_reason": target.reason if target else None,
        "meets_target": draft.meets_target,
    }


def point_rows(series_id: int, draft: SeriesDraft) -> list[dict[str, Any]]:
    """The column values of a series' points (without their ids)."""
    return [
        {
            "series_id": series_id,
            "metric_id": point.metric_id,
            "meeting_id": point.meeting_id,
            "date": point.date,
            "sequence": point.sequence,
            "value": point.value,
            "confidence": point.confidence,
            "reason": point.reason,
        }
        for point in draft.points
    ]


async def _write(
    session: AsyncSession,
    identity_key: str,
    drafts: Sequence[SeriesDraft],
    only: Sequence[tuple[MetricUnit, str]] | None = None,
) -> None:
    """Make the body's stored series those of ``drafts``: a statement per table for each
    of removing, adding and changing rows, and none where nothing changed. ``only``:
    the (unit, label key) of the series ``drafts`` stand for, the others left alone
    (every series of the body without it)."""
    chosen = select(*SERIES.columns).where(SERIES.c.identity_key == identity_key)
    if only is not None:
        chosen = chosen.where(tuple_(SERIES.c.unit, SERIES.c.label_key).in_(only))
    stored = {(row.unit, row.label_key): row for row in await session.execute(chosen)}
    wanted = {(d.unit, d.label_key[:500]): series_row(identity_key, d) for d in drafts}
    gone = [row.id for key, row in stored.items() if key not in wanted]
    if gone:
        await session.execute(delete(SERIES).where(SERIES.c.id.in_(gone)))
    new_keys = [key for key in wanted if key not in stored]
    new_ids = await _insert_ids(session, SERIES, [wanted[key] for key in new_keys])
    ids = {key: row.id for key, row in stored.items() if key in wanted}
    ids.update(zip(new_keys, new_ids, strict=True))
    await _update(
        session,
        SERIES,
        [
            {"row_id": row.id, **{c: wanted[key][c] for c in _SERIES_COLUMNS}}
            for key, row in stored.items()
            if key in wanted and any(getattr(row, c) != wanted[key][c] for c in _SERIES_COLUMNS)
        ],
        _SERIES_COLUMNS,
    )
    points: dict[int, dict[str, Any]] = {}
    for draft in drafts:
        for row in point_rows(ids[draft.unit, draft.label_key[:500]], draft):
            points[row["metric_id"]] = row
    kept = [ids[key] for key in stored if key in wanted]
    held: dict[int, Any] = {}
    if kept:
        points_kept = select(*POINTS.columns).where(POINTS.c.series_id.in_(kept))
        held = {row.metric_id: row for row in await session.execute(points_kept)}
    dropped = [row.id for metric_id, row in held.items() if metric_id not in points]
    if dropped:
        await session.execute(delete(POINTS).where(POINTS.c.id.in_(dropped)))
    await _update(
        session,
        POINTS,
        [
            {"row_id": row.id, **{c: points[metric_id][c] for c in _POINT_COLUMNS}}
            for metric_id, row in held.items()
            if metric_id in points
            and any(getattr(row, c) != points[metric_id][c] for c in _POINT_COLUMNS)
        ],
        _POINT_COLUMNS,
    )
    # A figure that was a point of a series removed went with it (the key cascades).
    added = [row for metric_id, row in points.items() if metric_id not in held]
    if added:
        await session.execute(insert(POINTS), added)


async def _update(
    session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]], names: Sequence[str]
) -> None:
    """Set ``names`` of the rows (``row_id`` and the values), in one statement."""
    if rows:
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(f"new_{name}") for name in names})
        )
        await session.execute(
            statement,
            [{"row_id": row["row_id"], **{f"new_{n}": row[n] for n in names}} for row in rows],
        )


async def _insert_ids(
    session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert ``rows`` in one statement; their ids, in order (as ``records.writes``
    numbers them: SQLite gives an AUTOINCREMENT table's ids in the order of its VALUES)."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return sorted(await session.scalars(insert(table).returning(table.c.id), rows))
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(await session.scalars(statement, rows))
