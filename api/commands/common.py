"""What every command shares: consoles, running a coroutine, opening database and index."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.ext.asyncio import AsyncEngine

from api.database import DatabaseNotReady, open_database
from api.follower import NO_ROOM, describe_failure
from api.settings import Settings
from indexer.storage import IndexStore

T = TypeVar("T")


def consoles() -> tuple[Console, Console]:
    """Standard output and standard error, sized to the terminal (or ``COLUMNS``)."""
    return Console(), Console(stderr=True)


def file_progress(console: Console) -> Progress:
    """A transient progress bar on ``console`` (standard error): what is being done, a bar,
    how many of how many, and the time it has taken."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


class NoRoomForIndex(Exception):
    """The search index could not be written: the disk full, a quota or a file size limit."""


@contextmanager
def index_writes(folder: Path) -> Iterator[None]:
    """Turns a write to the index in ``folder`` that found no room into ``NoRoomForIndex``,
    naming the folder (the index keeps its last good generation: nothing is switched to
    until it is whole)."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in NO_ROOM:
            raise
        raise NoRoomForIndex(f"{describe_failure(exc)} (index folder: {folder})") from exc


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine; a database that needs upgrading and an index that found
    no room to be written are one-line errors."""
    try:
        return asyncio.run(coro)
    except DatabaseNotReady as exc:
        consoles()[1].print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except NoRoomForIndex as exc:
        # One line however narrow the terminal; the message's brackets are not markup.
        consoles()[1].print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from exc


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
