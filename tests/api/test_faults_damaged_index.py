"""A damaged or deleted search index is rebuilt from the database when the server starts.

The index is a cache of the database (Whoosh writes without fsync, so a crash or a bad
disk can leave its files cut short or overwritten). Here an index is built, damaged on
disk (a segment file truncated or overwritten with garbage, the table of contents
deleted or overwritten, the whole folder deleted), and a real ``assurance serve`` is
started on it: it answers /readyz ready only once the index is whole again, its
searches find the database's meetings, and the index holds exactly the database's
records at the change log's last position.

The database and its whole index are made once per backend for the module; each test
damages a copy of that index in a data folder of its own (a server started on it reads
the database and writes only its own index).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from api.settings import Settings
from indexer.storage import IndexStore
from indexer.sync import apply_changes
from records.db import create_engine, session_factory
from records.models import Meeting
from schema.node import to_global_id
from tests.support.databases import BACKENDS, throwaway_database
from tests.support.paths import SAMPLES
from tests.support.records import index_snapshot, ingest_files, last_position, record_keys
from tests.support.served import (
    MEETINGS_FOUND,
    assert_index_equals_database,
    assurance_server,
    data,
    readyz,
)

FILES = (
    SAMPLES / "northshire-monthly-assurance-2021-03.txt",
    SAMPLES / "eastmoor-performance-2021-06.txt",
)


def _files(index_dir: Path, pattern: str) -> list[Path]:
    found = sorted(index_dir.glob(f"gen-*/{pattern}"))
    assert found, f"no {pattern} in {index_dir}"
    return found


def truncate_segments(index_dir: Path) -> None:
    for segment in _files(index_dir, "*.seg"):
        with segment.open("r+b") as file:
            file.truncate(segment.stat().st_size // 2)


def overwrite_segments(index_dir: Path) -> None:
    for segment in _files(index_dir, "*.seg"):
        segment.write_bytes(os.urandom(segment.stat().st_size))


def delete_table_of_contents(index_dir: Path) -> None:
    for toc in _files(index_dir, "_MAIN_*.toc"):
        toc.unlink()


def overwrite_table_of_contents(index_dir: Path) -> None:
    for toc in _files(index_dir, "_MAIN_*.toc"):
        toc.write_bytes(os.urandom(toc.stat().st_size))


def delete_folder(index_dir: Path) -> None:
    shutil.rmtree(index_dir)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated segments": truncate_segments,
    "garbage segments": overwrite_segments,
    "missing table of contents": delete_table_of_contents,
    "garbage table of contents": overwrite_table_of_contents,
    "deleted index folder": delete_folder,
}


@dataclass(frozen=True)
class Built:
    database_url: str
    index_dir: Path  # whole: copied, never changed
    keys: set[str]


@pytest.fixture(scope="module", params=BACKENDS)
async def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Built]:
    """The samples stored and indexed, once per backend for the module."""
    folder = tmp_path_factory.mktemp(f"damaged-index-{request.param}")
    async with throwaway_database(request.param, folder, migrated=True) as url:
        engine = create_engine(url)
        try:
            await ingest_files(engine, *FILES)
            store = IndexStore(folder / "index")
            await apply_changes(engine, store)
            keys = await record_keys(engine)
            assert set(index_snapshot(store)) == keys  # whole before any damage
        finally:
            await engine.dispose()
        yield Built(url, store.root, keys)


@pytest.mark.parametrize("damage", DAMAGE)
async def test_a_damaged_index_is_rebuilt_from_the_database_at_start(
    damage: str, built: Built, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "var", database_url=built.database_url)
    shutil.copytree(built.index_dir, settings.index_dir)
    store = IndexStore(settings.index_dir)
    assert set(index_snapshot(store)) == built.keys  # the copy is whole before the damage
    engine = create_engine(built.database_url)
    try:
        keys = await record_keys(engine)
        assert keys == built.keys

        DAMAGE[damage](settings.index_dir)
        if store.current() is not None:  # the files are still there: reading them fails
            with pytest.raises(Exception):  # noqa: B017 (whatever Whoosh raises)
                index_snapshot(store)

        with assurance_server(settings, tmp_path / "server.log") as server:
            with httpx.Client(timeout=30) as client:
                status, ready = readyz(client, server)
                assert status == 200, ready
                assert ready["index"]["position"] == await last_position(engine)
                assert ready["index"]["documents"] == len(keys)
                async with session_factory(engine)() as session:
                    meetings = list(await session.execute(select(Meeting.id, Meeting.title)))
                for meeting_id, title in meetings:
                    found = data(client, server, MEETINGS_FOUND, q=title)
                    assert found["meetings"]["totalCount"] == len(meetings)
                    hits = [edge["node"]["id"] for edge in found["search"]["edges"]]
                    assert to_global_id("Meeting", meeting_id) in hits, title
            await assert_index_equals_database(engine, settings.index_dir)
    finally:
        await engine.dispose()
