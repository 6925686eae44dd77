"""``assurance ingest`` and ``assurance reindex`` on a full disk: one clear line, not a trace.

The full disk is real, as in ``test_faults_full_disk``: the command runs under a file
size limit (``RLIMIT_FSIZE``, ``SIGXFSZ`` ignored), so writing the search index fails
with ``EFBIG`` as it would with ``ENOSPC``. Each command then prints one line naming
what it could not write and the index folder, exits non-zero, and leaves the index's
last good generation current and whole; given room, ``assurance reindex`` succeeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import migrations
from api.settings import Settings
from indexer.storage import IndexStore
from indexer.sync import rebuild
from records.db import create_engine
from tests.support.records import ingest_files, last_position
from tests.support.served import (
    FULL_DISK_FIRST,
    FULL_DISK_LATER,
    NO_ROOM,
    assert_index_equals_database,
    limit_file_size,
)


def _assurance(
    settings: Settings, *arguments: str, limited: bool
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ASSURANCE_DATA_DIR": str(settings.data_dir),
        "ASSURANCE_DATABASE_URL": settings.resolved_database_url,
        "COLUMNS": "80",
    }
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *arguments],
        preexec_fn=limit_file_size if limited else None,  # the test starts no threads
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=Path(__file__).parents[2],
    )


def _assert_one_clear_line(failed: subprocess.CompletedProcess[str], index_dir: Path) -> None:
    assert failed.returncode != 0, failed.stdout[-2000:]
    assert "Traceback" not in failed.stderr, failed.stderr[-3000:]
    [line] = [line for line in failed.stderr.splitlines() if NO_ROOM in line]
    assert line.startswith("error: "), line
    assert "File too large" in line and str(index_dir) in line, line


async def test_ingest_and_reindex_with_no_room_say_so_in_a_line_and_keep_the_index(
    database_url: str, tmp_path: Path
) -> None:
    await migrations.upgrade(database_url)
    settings = Settings(data_dir=tmp_path / "var", database_url=database_url)
    store = IndexStore(settings.index_dir)
    engine = create_engine(database_url)
    try:
        await ingest_files(engine, FULL_DISK_FIRST)
        await rebuild(engine, store)
        good = store.current()
        assert good is not None
        position = store.position()
        # Stored, not indexed yet: the next command's index write needs a new segment.
        await ingest_files(engine, *FULL_DISK_LATER)
        latest = await last_position(engine)
        assert position < latest

        ingested = _assurance(
            settings, "ingest", "--workers", "1", *map(str, FULL_DISK_LATER), limited=True
        )
        _assert_one_clear_line(ingested, settings.index_dir)
        assert store.current() == good and store.position() == position
        assert store.generations() == [good]

        reindexed = _assurance(settings, "reindex", limited=True)
        _assert_one_clear_line(reindexed, settings.index_dir)
        assert store.current() == good and store.position() == position
        assert store.generations() == [good], "no unfinished generation is left"
        assert good.document_count() > 0, "the last good generation still reads"

        # With room the same command rebuilds, and the index equals the database.
        again = _assurance(settings, "reindex", limited=False)
        assert again.returncode == 0, again.stderr[-2000:]
        assert store.current() != good and store.position() == latest
        await assert_index_equals_database(engine, settings.index_dir)
    finally:
        await engine.dispose()
