"""What every command shares: consoles, running a coroutine, opening database and index."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.ext.asyncio import AsyncEngine

from api.database import DatabaseNotReady, open_database
from api.settings import Settings
from indexer.storage import IndexStore

T = TypeVar("T")


def consoles() -> tuple[Console, Console]:
    """Standard output and standard error, sized to the terminal (or ``COLUMNS``)."""
    return Console(), Console(stderr=True)


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine; a database that needs upgrading is a one-line error."""
    try:
        return asyncio.run(coro)
    except DatabaseNotReady as exc:
        consoles()[1].print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: AsyncEngine
    index: IndexStore


@asynccontextmanager
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """The database (migrated when empty) and the search index folder beside it."""
    engine = await open_database(settings)
    try:
        yield Runtime(settings, engine, IndexStore(settings.index_dir))
    finally:
        await engine.dispose()
