"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL.

PostgreSQL tests run when ``ASSURANCE_TEST_DATABASE_URL`` names a server
database they may connect to (e.g. postgresql://postgres@127.0.0.1:5432/test);
each test creates a database of its own there and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import migrations
from records.db import async_url, create_engine, sqlite_url

DATA = Path(__file__).parent / "data"
SEED = DATA / "monthly-assurance-2021-02.txt"
SAMPLES = Path(__file__).parents[1] / "samples"
PG_ENV = "ASSURANCE_TEST_DATABASE_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "assurance.db")
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set")
    name = f"assurance_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(async_url(server), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a freshly migrated database."""
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        yield engine
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
