"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL, and
the samples and the seed ingested and indexed once per session (read only).

The databases are ``tests.support.databases``' throwaway ones; helpers shared between
test folders live in ``tests/support/``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from indexer.storage import IndexStore
from indexer.sync import apply_changes
from records.db import create_engine
from tests.support.databases import BACKENDS, PG_ENV, throwaway_database
from tests.support.paths import SAMPLES, SEED
from tests.support.records import IndexedCorpus, ingest_files

__all__ = ["PG_ENV", "SAMPLES", "SEED"]  # still imported from here by some test modules


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    async with throwaway_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a freshly migrated database."""
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
async def indexed_corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[IndexedCorpus]:
    """The samples and the seed, ingested and indexed once per session; tests only read.

    Tests that change the database or the index use ``engine`` (a fresh database) with
    ``ingest_files`` and an ``IndexStore`` of their own under ``tmp_path``.
    """
    folder = tmp_path_factory.mktemp(f"indexed-{request.param}")
    async with throwaway_database(request.param, folder, migrated=True) as url:
        engine = create_engine(url)
        try:
            summary = await ingest_files(engine, SAMPLES, SEED)
            store = IndexStore(folder / "index")
            await apply_changes(engine, store)
            yield IndexedCorpus(url, engine, store, summary)
        finally:
            await engine.dispose()


REQUIRE_PG_ENV = "ASSURANCE_TEST_REQUIRE_POSTGRESQL"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(REQUIRE_PG_ENV) and not os.environ.get(PG_ENV):
        raise pytest.UsageError(f"{REQUIRE_PG_ENV} is set but {PG_ENV} is not")


def _postgresql_counts(config: pytest.Config) -> tuple[int, int]:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    stats = reporter.stats if reporter else {}
    passed = sum("[postgresql" in r.nodeid for r in stats.get("passed", []))
    skipped = sum("[postgresql" in r.nodeid for r in stats.get("skipped", []))
    return passed, skipped


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With ``ASSURANCE_TEST_REQUIRE_POSTGRESQL`` set, fail unless every PostgreSQL test ran."""
    if not os.environ.get(REQUIRE_PG_ENV):
        return
    passed, skipped = _postgresql_counts(session.config)
    if (not passed or skipped) and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get(REQUIRE_PG_ENV):
        passed, skipped = _postgresql_counts(terminalreporter.config)
        ok = passed and not skipped
        terminalreporter.write_line(
            f"PostgreSQL tests: {passed} passed, {skipped} skipped"
            + ("" if ok else " (required: all must run)"),
            red=not ok,
        )
