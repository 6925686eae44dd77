"""Metric series in the database: the samples' figure that moves towards its target, the
same series in any ingest order, after a new version of minutes, after a meeting is
deleted and after an upgrade of a database that held figures (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

import migrations
from bench.corpus import write_meetings
from bench.lifecycle_bench import body_meetings
from ingest.series.link import refresh_series
from records.db import create_engine, session_factory, write_session
from records.models import Meeting, Metric, MetricPoint, MetricSeries, SourceDocument, Theme
from schema.mutations.delete_meeting import delete_meeting
from tests.support.databases import BACKENDS, throwaway_database
from tests.support.paths import SAMPLES
from tests.support.records import ingest_files

# Eastmoor's performance meetings of September to December 2022 (minutes and action logs).
EASTMOOR = sorted(SAMPLES.glob("eastmoor-performance-2022-*.txt"))
DECEMBER = SAMPLES / "eastmoor-performance-2022-12.txt"
SUPERVISION = "DA cases with supervisory input"


def minutes(body: str, day: dt.date, text: str) -> str:
    """Performance minutes of an invented body, with a domestic abuse item saying ``text``."""
    return f"""Office of the Police and Crime Commissioner for {body}
{body} Police Performance Meeting

Minutes of the meeting held on {day:%A} {day.day} {day:%B %Y} at 2pm
Venue: Council Chamber, {body} Police Headquarters

Present:
Ada Fenwick (PCC) – Chair
Tobias Quill (Chief Constable)

1) Domestic abuse
{text}

2) Any other business
None.
"""


KESTRELSHIRE = {
    "2023-01-12": "Repeat victims of domestic abuse were 31% in December, against a target to "
    "reduce them to 25%. There were 412 repeat victims of domestic abuse in the quarter.",
    "2023-02-09": "Repeat victims of domestic abuse fell to 29% in January.",
    "2023-03-09": "The proportion of repeat victims of domestic abuse was 27% in February. "
    "There were 398 repeat victims of domestic abuse in the quarter.",
    "2023-04-13": "The repeat victim rate for domestic abuse was 24% in March.",
}
FENMARSH = {
    "2023-01-19": "Repeat victims of domestic abuse fell to 40% in December.",
    "2023-02-16": "Repeat victims of domestic abuse fell to 38% in January.",
}


def invented(folder: Path) -> list[Path]:
    """Kestrelshire's four meetings and Fenmarsh's two, as files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for body, meetings in (("Kestrelshire", KESTRELSHIRE), ("Fenmarsh", FENMARSH)):
        for day, text in meetings.items():
            path = folder / f"{body.lower()}-performance-{day}.txt"
            path.write_text(minutes(body, dt.date.fromisoformat(day), text), encoding="utf-8")
            files.append(path)
    return files


async def stored_series(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    """Every series with its points and target, named by file, position and content
    instead of ids."""
    async with session_factory(engine)() as session:
        figures = {
            metric_id: (name, position)
            for metric_id, name, position in await session.execute(
                select(Metric.id, SourceDocument.file_name, Metric.position).join(
                    SourceDocument, SourceDocument.id == Metric.document_id
                )
            )
        }
        codes = dict((await session.execute(select(Theme.id, Theme.code))).all())
        points: dict[int, list[tuple[Any, ...]]] = {}
        for point in await session.scalars(select(MetricPoint).order_by(MetricPoint.sequence)):
            points.setdefault(point.series_id, []).append(
                (
                    figures[point.metric_id],
                    point.date,
                    point.value,
                    point.confidence,
                    point.reason,
                )
            )
        return sorted(
            (
                row.identity_key,
                row.body,
                row.unit,
                row.label,
                row.label_key,
                codes.get(row.theme_id) if row.theme_id else None,
                tuple(points[row.id]),
                (row.first_date, row.last_date, row.point_count, row.latest_value),
                row.confidence,
                figures.get(row.target_metric_id) if row.target_metric_id else None,
                (row.target_value, row.target_at_most, row.target_confidence, row.target_reason),
                row.meets_target,
            )
            for row in await session.scalars(select(MetricSeries))
        )


async def series_named(engine: AsyncEngine, label: str, body: str) -> MetricSeries:
    async with session_factory(engine)() as session:
        found = await session.execute(
            select(MetricSeries).where(MetricSeries.label == label, MetricSeries.body == body)
        )
        return found.scalar_one()


async def points_of(engine: AsyncEngine, series_id: int) -> list[tuple[str, float, float]]:
    async with session_factory(engine)() as session:
        rows = await session.execute(
            select(MetricPoint.date, MetricPoint.value, MetricPoint.confidence)
            .where(MetricPoint.series_id == series_id)
            .order_by(MetricPoint.sequence)
        )
        return [(day.isoformat(), value, confidence) for day, value, confidence in rows]


async def test_the_samples_figure_moves_towards_its_target(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    series = await series_named(engine, SUPERVISION, "Eastmoor")
    assert await points_of(engine, series.id) == [
        ("2022-09-22", 57.0, 0.9),
        ("2022-10-20", 60.0, 1.0),
        ("2022-11-17", 64.0, 0.9),
        ("2022-12-15", 68.0, 1.0),
    ]
    assert (series.target_value, series.target_at_most, series.meets_target) == (75, False, False)
    assert series.target_reason == "stated in the sentence of the figure of 2022-12-15"
    async with session_factory(engine)() as session:
        assert (await session.get_one(Theme, series.theme_id)).code == "DA"
        target = await session.get_one(Metric, series.target_metric_id)
    assert "still short of the 75% target" in target.context


async def test_wordings_units_and_bodies(engine: AsyncEngine, tmp_path: Path) -> None:
    await ingest_files(engine, *invented(tmp_path))
    found = await stored_series(engine)
    assert [(s[1], s[2].value, s[3]) for s in found] == [
        ("Fenmarsh", "PERCENT", "Repeat victims of domestic abuse"),
        ("Kestrelshire", "COUNT", "repeat victims"),
        ("Kestrelshire", "PERCENT", "Repeat victims of domestic abuse"),
    ]
    kestrel = await series_named(engine, "Repeat victims of domestic abuse", "Kestrelshire")
    assert await points_of(engine, kestrel.id) == [
        ("2023-01-12", 31.0, 1.0),
        ("2023-02-09", 29.0, 1.0),
        ("2023-03-09", 27.0, 0.9),
        ("2023-04-13", 24.0, 0.82),
    ]
    # "a target to reduce them to 25%": a ceiling, which March's 24% meets.
    assert (kestrel.target_value, kestrel.target_at_most, kestrel.meets_target) == (25, True, True)
    fenmarsh = await series_named(engine, "Repeat victims of domestic abuse", "Fenmarsh")
    assert [v for _, v, _ in await points_of(engine, fenmarsh.id)] == [40.0, 38.0]
    assert fenmarsh.target_metric_id is None and fenmarsh.meets_target is None


@pytest.mark.parametrize("backend", BACKENDS)
async def test_three_ingest_orders_give_the_same_series(backend: str, tmp_path: Path) -> None:
    files = [*EASTMOOR, *invented(tmp_path / "invented")]
    shuffled = list(files)
    random.Random(11).shuffle(shuffled)
    found = []
    for number, order in enumerate([sorted(files), sorted(files, reverse=True), shuffled]):
        async with throwaway_database(backend, tmp_path / str(number), migrated=True) as url:
            engine = create_engine(url)
            try:
                for path in order:  # one file at a time: each arrives to what is stored
                    await ingest_files(engine, path)
                found.append(await stored_series(engine))
            finally:
                await engine.dispose()
    assert len(found[0]) >= 5
    assert any(s[3] == SUPERVISION for s in found[0])
    assert found[1] == found[0]
    assert found[2] == found[0]


async def test_a_new_version_of_minutes_keeps_the_series_right(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, *EASTMOOR)
    before = await series_named(engine, SUPERVISION, "Eastmoor")
    text = DECEMBER.read_text(encoding="utf-8")
    corrected = tmp_path / "v2" / DECEMBER.name
    corrected.parent.mkdir()
    corrected.write_text(
        text.replace("reached 68% in November, still short of", "reached 76% in November, above"),
        encoding="utf-8",
    )
    await ingest_files(engine, corrected)

    after = await series_named(engine, SUPERVISION, "Eastmoor")
    assert after.id == before.id
    assert [v for _, v, _ in await points_of(engine, after.id)] == [57.0, 60.0, 64.0, 76.0]
    assert (after.target_value, after.meets_target) == (75, True)
    assert after.target_metric_id != before.target_metric_id

    dropped = tmp_path / "v3" / DECEMBER.name
    dropped.parent.mkdir()
    dropped.write_text(
        text.replace(
            "DA cases with supervisory input reached 68% in November, still short of the 75% "
            "target. ",
            "",
        ),
        encoding="utf-8",
    )
    await ingest_files(engine, dropped)
    async with session_factory(engine)() as session:
        last = await session.get_one(MetricSeries, before.id)
    # Three wordings, one each: the latest gives the label.
    assert last.label == "proportion of DA cases with supervisory input"
    assert [d for d, _, _ in await points_of(engine, last.id)] == [
        "2022-09-22",
        "2022-10-20",
        "2022-11-17",
    ]
    assert last.target_reason == "stated in the sentence of the figure of 2022-09-22"
    assert (last.latest_value, last.meets_target) == (64, False)

    again = tmp_path / "v4" / DECEMBER.name
    again.parent.mkdir()
    again.write_text(text, encoding="utf-8")
    await ingest_files(engine, again)
    # Back to the first version: as if it had never been replaced.
    async with throwaway_database("sqlite", tmp_path / "fresh", migrated=True) as url:
        fresh = create_engine(url)
        try:
            await ingest_files(fresh, *EASTMOOR)
            assert await stored_series(engine) == await stored_series(fresh)
        finally:
            await fresh.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_deleting_a_meeting_gives_the_series_of_never_having_had_it(
    backend: str, tmp_path: Path
) -> None:
    files = [*EASTMOOR, *invented(tmp_path / "invented")]
    gone = {"eastmoor-performance-2022-10.txt", "kestrelshire-performance-2023-04-13.txt"}
    found = []
    for number, stored in enumerate([files, [f for f in files if f.name not in gone]]):
        async with throwaway_database(backend, tmp_path / str(number), migrated=True) as url:
            engine = create_engine(url)
            try:
                await ingest_files(engine, *stored)
                if len(stored) == len(files):
                    async with session_factory(engine)() as session:
                        meeting_ids = set(
                            await session.scalars(
                                select(SourceDocument.meeting_id).where(
                                    SourceDocument.file_name.in_(gone)
                                )
                            )
                        )
                    for meeting_id in sorted(meeting_ids):
                        outcome = await delete_meeting(engine, None, meeting_id)
                        assert outcome.errors == [] and outcome.removed > 0
                found.append(await stored_series(engine))
            finally:
                await engine.dispose()
    assert any(s[3] == SUPERVISION and len(s[6]) == 3 for s in found[1])
    assert found[0] == found[1]


async def _to_revision(url: str, revision: str) -> None:
    """Downgrade as ``migrations.upgrade`` upgrades: on SQLite, with foreign keys off."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _foreign_keys_off(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.cursor().execute("PRAGMA foreign_keys=OFF")

    config = migrations.alembic_config(url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    try:
        async with engine.begin() as conn:
            await conn.run_sync(run)
    finally:
        await engine.dispose()


async def test_the_upgrade_works_out_the_series_of_stored_figures(
    database_url: str, tmp_path: Path
) -> None:
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        await ingest_files(engine, *EASTMOOR, *invented(tmp_path))
        ingested = await stored_series(engine)
        await _to_revision(database_url, "0006")
        async with session_factory(engine)() as session:
            assert await session.scalar(select(Meeting.id).limit(1)) is not None
        await migrations.upgrade(database_url)
        assert await stored_series(engine) == ingested
    finally:
        await engine.dispose()


async def table_rows(engine: AsyncEngine) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every stored series and point, ids included."""
    async with session_factory(engine)() as session:
        series = await session.execute(select(*MetricSeries.__table__.columns).order_by("id"))
        points = await session.execute(select(*MetricPoint.__table__.columns).order_by("id"))
        return [tuple(row) for row in series], [tuple(row) for row in points]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_new_meeting_rebuilds_what_a_full_rebuild_would(
    backend: str, tmp_path: Path
) -> None:
    # One body's year of meetings of every kind and a few of another body, one file at a
    # time in a shuffled order: each new meeting works out the series its figures touch.
    year = body_meetings(1, seed=3)
    files = write_meetings(tmp_path / "body", year[:18])
    files += [*EASTMOOR, *invented(tmp_path / "invented")]
    random.Random(5).shuffle(files)
    async with throwaway_database(backend, tmp_path / "one-by-one", migrated=True) as url:
        engine = create_engine(url)
        try:
            for path in files:
                await ingest_files(engine, path)
            incremental = await stored_series(engine)
            rows = await table_rows(engine)
            async with write_session(engine) as session:
                bodies = await session.scalars(select(Meeting.identity_key).distinct())
                for identity_key in sorted(bodies):
                    await refresh_series(session, identity_key)
            # Working out every body's series again from all its figures changes nothing.
            assert await table_rows(engine) == rows
        finally:
            await engine.dispose()
    async with throwaway_database(backend, tmp_path / "together", migrated=True) as url:
        engine = create_engine(url)
        try:
            # One batch: each body's series from the measures its new meetings'
            # figures touch.
            await ingest_files(engine, *files)
            assert await stored_series(engine) == incremental
        finally:
            await engine.dispose()
    bodies_with_series = {s[0] for s in incremental}
    assert len(incremental) >= 8 and len(bodies_with_series) >= 3
    assert any(s[9] is not None for s in incremental)  # targets too
