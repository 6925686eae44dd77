"""``assurance export``: every meeting, agenda item, action, figure or figure of a metric
series a filter selects, as CSV, JSON lines or Parquet, to standard output or a file.

    assurance export actions --theme DA --from 2019-01-01 > da-actions.csv
    assurance export metrics --format parquet --output metrics.parquet

The records stream from the database a batch at a time (``api.export``), so memory stays
flat however many there are. A progress bar goes to standard error when it is a terminal,
never into the data. A file named with ``--output`` appears whole or not at all: it is
written beside its final name and moved there once complete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Final, NoReturn, Protocol

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from api.commands.common import consoles, run
from api.database import open_database
from api.export.filters import ExportFilter, FilterError, read_day
from api.export.formats import Format, metadata_of, text_chunks, write_parquet
from api.export.stream import export_run
from api.export.tables import TABLES, Record, RecordTable
from api.settings import Settings
from records import clock

SUFFIXES: Final = {".csv": Format.CSV, ".jsonl": Format.JSONL, ".parquet": Format.PARQUET}
USAGE_ERROR: Final = 2


class RecordType(StrEnum):
    meetings = "meetings"
    items = "items"
    actions = "actions"
    metrics = "metrics"
    series = "series"


def export(
    record_type: Annotated[
        RecordType,
        typer.Argument(
            metavar="RECORDS",
            help="What to export, one row each.",
            show_default=False,
        ),
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="csv, jsonl or parquet (default: from --output's extension, else csv).",
            show_default=False,
        ),
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="Only records about this theme (its code, e.g. DA).")
    ] = None,
    body: Annotated[
        str | None, typer.Option(help="Only records of this force or body's meetings.")
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="YYYY-MM-DD", help="Only records of meetings on or after this day."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="YYYY-MM-DD", help="Only records of meetings on or before this day."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="The day actions' days_open and overdue count to (default: today in "
            "ASSURANCE_TIME_ZONE).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", dir_okay=False, help="Write to this file, not standard output."
        ),
    ] = None,
) -> None:
    """Export meetings, agenda items, actions, figures or series of figures as CSV, JSON
    lines or Parquet."""
    _, err_console = consoles()
    settings = Settings()
    chosen = format or (SUFFIXES.get(output.suffix.lower()) if output else None) or Format.CSV
    try:
        where = ExportFilter.read(theme=theme, body=body, date_from=date_from, date_to=date_to)
        day = read_day(as_of, "as-of") or clock.today(settings.zone)
    except FilterError as exc:
        _refuse(err_console, f"--{exc.parameter}: {exc.problem}")
    if output is None and chosen is Format.PARQUET and sys.stdout.isatty():
        _refuse(err_console, "Parquet is binary: name a file with --output, or redirect the output")
    if output is not None and not output.resolve().parent.is_dir():
        _refuse(err_console, f"--output: there is no folder {str(output.resolve().parent)!r}")
    table = TABLES[record_type.value]
    bar = _Bar(err_console, table.name) if err_console.is_terminal else None
    try:
        with _sink(output) as sink:
            total = run(write_export(settings, table, where, day, chosen, sink, bar))
    except FilterError as exc:
        _refuse(err_console, f"--{exc.parameter}: {exc.problem}")
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        _quiet_stdout()
        raise typer.Exit(1) from None
    finally:
        if bar is not None:
            bar.stop()
    if err_console.is_terminal:
        where_to = str(output) if output else "standard output"
        err_console.print(
            f"exported {total:,} {table.name} ({chosen.value}) to {where_to}", highlight=False
        )


class Tracker(Protocol):
    """Told the rows to come, then each batch's rows as they are written."""

    def start(self, total: int) -> None: ...

    def advance(self, rows: int) -> None: ...


async def write_export(
    settings: Settings,
    table: RecordTable,
    where: ExportFilter,
    as_of: dt.date,
    format: Format,
    sink: IO[bytes],
    tracker: Tracker | None = None,
) -> int:
    """Write the export to ``sink``; the number of rows written."""
    engine = await open_database(settings)
    try:
        async with export_run(engine, table, where, as_of) as export:
            if tracker is not None:
                tracker.start(export.total)
            batches = _tracked(export.batches(), tracker)
            if format is Format.PARQUET:
                metadata = metadata_of(table, where.parameters(), as_of)
                await write_parquet(table, batches, sink, metadata)
            else:
                async for chunk in text_chunks(format, table, batches):
                    sink.write(chunk.encode("utf-8"))
            sink.flush()
            return export.total
    finally:
        await engine.dispose()


async def _tracked(
    batches: AsyncIterator[list[Record]], tracker: Tracker | None
) -> AsyncIterator[list[Record]]:
    async for batch in batches:
        yield batch
        if tracker is not None:
            tracker.advance(len(batch))


class _Bar:
    """Rows written of the total, on standard error."""

    def __init__(self, console: Console, label: str) -> None:
        self.label = label
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("rows"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        self.task = self.progress.add_task(self.label, total=total)
        self.progress.start()

    def advance(self, rows: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, rows)

    def stop(self) -> None:
        self.progress.stop()


@contextlib.contextmanager
def _sink(output: Path | None) -> Iterator[IO[bytes]]:
    """Standard output, or a file beside ``output`` moved onto it once the export is whole."""
    if output is None:
        yield sys.stdout.buffer
        return
    target = output.resolve()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (kept past the block: moved after)
        dir=target.parent, prefix=f".{target.name}.", suffix=".partial", delete=False
    )
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())  # as a file the shell made would be
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _refuse(console: Console, message: str) -> NoReturn:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(USAGE_ERROR)


def _quiet_stdout() -> None:
    """Standard output onto /dev/null, so that the interpreter's last flush raises nothing."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
