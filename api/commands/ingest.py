"""``assurance ingest``: files and folders of minutes into records and the search index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from api.commands.common import consoles, file_progress, index_writes, run, runtime
from api.settings import Settings
from indexer.sync import apply_changes
from ingest.pipeline import FileReport, IngestSummary, expand_paths, ingest_paths


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of minutes.")],
    workers: Annotated[
        int | None, typer.Option(help="Processes that read and parse (default: setting).")
    ] = None,
) -> None:
    """Ingest minutes, agendas and action logs (.txt, .md, .pdf, .docx)."""
    settings = Settings()
    console, err_console = consoles()
    summary, indexed = run(
        _ingest(settings, paths, workers or settings.ingest_workers, err_console)
    )
    console.print(_summary_table(summary, console.width))
    total, failed = len(summary.reports), len(summary.failed)
    console.print(
        f"{total} {'file' if total == 1 else 'files'} in {summary.seconds:.1f} s "
        f"({summary.files_per_second:.1f} files/s): {total - failed} ingested, {failed} failed; "
        f"{indexed} changes indexed"
    )
    for report in summary.failed:
        err_console.print(f"[red]failed:[/red] {report.path.name}: {report.error}")
    if summary.failed:
        raise typer.Exit(1)


async def _ingest(
    settings: Settings, paths: list[Path], workers: int, err_console: Console
) -> tuple[IngestSummary, int]:
    async with runtime(settings) as rt:
        with file_progress(err_console) as progress:
            task = progress.add_task("ingesting", total=len(expand_paths(paths)))

            def advance(report: FileReport) -> None:
                progress.update(task, advance=1, description=report.path.name)

            summary = await ingest_paths(
                rt.engine,
                paths,
                limits=settings.ingest_limits,
                workers=workers,
                on_report=advance,
            )
        # The database is the source of truth: the index follows its change log.
        with index_writes(settings.index_dir):
            return summary, await apply_changes(rt.engine, rt.index)


# Widths of the summary's columns after the file name; the file name takes what the
# terminal has left (with the one-space column divider), so a line never wraps.
_COLUMNS = (("result", 11), ("date", 10), ("people", 6), ("items", 5), ("actions", 7),
            ("figures", 7), ("warn", 4))  # fmt: skip
MIN_FILE_COLUMN = 12


def _summary_table(summary: IngestSummary, width: int) -> Table:
    """One line per file in ``width`` columns: what it gave, or its error code (names cut)."""
    file_column = max(MIN_FILE_COLUMN, width - sum(w + 1 for _, w in _COLUMNS))
    table = Table(
        title="Ingest summary",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=0,
    )
    table.add_column("file", no_wrap=True, overflow="ellipsis", max_width=file_column)
    for name, width in _COLUMNS:
        table.add_column(
            name,
            justify="left" if name in ("result", "date") else "right",
            no_wrap=True,
            overflow="ellipsis",
            min_width=width,
            max_width=width,
        )
    for r in summary.reports:
        if r.failed:
            code = str(r.error_code or "FAILED")
            table.add_row(r.path.name, f"[red]{code}[/red]", *[""] * (len(_COLUMNS) - 1))
            continue
        table.add_row(
            r.path.name,
            str(r.outcome),
            r.date or "",
            *(_count(n) for n in (r.attendees, r.items, r.actions, r.metrics)),
            str(len(r.warnings)) if r.warnings else "",
        )
    return table


def _count(found: int) -> str:
    """A count, or a dim "none" where a document gave nothing of that kind."""
    return str(found) if found else "[dim]none[/dim]"
