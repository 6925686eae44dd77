"""``assurance ingest``: files and folders of minutes into records and the search index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.commands.common import consoles, run, runtime
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
    console.print(_summary_table(summary))
    total, failed = len(summary.reports), len(summary.failed)
    console.print(
        f"{total} {'file' if total == 1 else 'files'} in {summary.seconds:.1f} s "
        f"({summary.files_per_second:.1f} files/s): {total - failed} ingested, {failed} failed; "
        f"{indexed} changes indexed"
    )
    for report in summary.failed:
        err_console.print(f"[red]failed:[/red] {report.path}: {report.error}")
    if summary.failed:
        raise typer.Exit(1)


async def _ingest(
    settings: Settings, paths: list[Path], workers: int, err_console: Console
) -> tuple[IngestSummary, int]:
    async with runtime(settings) as rt:
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
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
        return summary, await apply_changes(rt.engine, rt.index)


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(title="Ingest summary")
    table.add_column("file")
    table.add_column("result")
    table.add_column("meeting")
    table.add_column("date")
    for column in ("items", "actions", "metrics", "warnings"):
        table.add_column(column, justify="right")
    for r in summary.reports:
        if r.failed:
            table.add_row(r.path.name, "[red]failed[/red]", r.error or "", "", "", "", "", "")
            continue
        table.add_row(
            r.path.name,
            str(r.outcome),
            r.title or "",
            r.date or "",
            str(r.items),
            str(r.actions),
            str(r.metrics),
            str(len(r.warnings)),
        )
    return table
