"""The ``assurance`` command line."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import migrations
from api.database import DatabaseNotReady, open_database
from api.settings import Settings
from ingest.pipeline import FileReport, IngestSummary, expand_paths, ingest_paths

app = typer.Typer(help="Police governance assurance records: ingest, search and serve minutes.")
db_app = typer.Typer(help="Database schema.")
app.add_typer(db_app, name="db")

T = TypeVar("T")


def _consoles() -> tuple[Console, Console]:
    """Standard output and standard error, sized to the terminal (or ``COLUMNS``)."""
    return Console(), Console(stderr=True)


def _run(coro: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(coro)
    except DatabaseNotReady as exc:
        _consoles()[1].print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of minutes.")],
    workers: Annotated[
        int | None, typer.Option(help="Processes that read and parse (default: setting).")
    ] = None,
) -> None:
    """Ingest minutes, agendas and action logs (.txt, .md, .pdf, .docx)."""
    settings = Settings()
    console, err_console = _consoles()
    summary = _run(_ingest(settings, paths, workers or settings.ingest_workers, err_console))
    console.print(_summary_table(summary))
    stored = len(summary.reports) - len(summary.failed)
    files = "file" if len(summary.reports) == 1 else "files"
    console.print(
        f"{len(summary.reports)} {files} in {summary.seconds:.1f} s "
        f"({summary.files_per_second:.1f} files/s): {stored} ingested, {len(summary.failed)} failed"
    )
    for report in summary.failed:
        err_console.print(f"[red]failed:[/red] {report.path}: {report.error}")
    if summary.failed:
        raise typer.Exit(1)


async def _ingest(
    settings: Settings, paths: list[Path], workers: int, err_console: Console
) -> IngestSummary:
    engine = await open_database(settings)
    total = len(expand_paths(paths))
    try:
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=total)

            def advance(report: FileReport) -> None:
                progress.update(task, advance=1, description=report.path.name)

            return await ingest_paths(
                engine, paths, max_bytes=settings.max_bytes, workers=workers, on_report=advance
            )
    finally:
        await engine.dispose()


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(title="Ingest summary")
    for column in ("file", "result", "meeting", "date", "items", "actions", "metrics", "warnings"):
        justify = "right" if column in {"items", "actions", "metrics", "warnings"} else "left"
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
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


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations up to the newest revision."""
    settings = Settings()
    settings.ensure_data_dir()
    url = settings.resolved_database_url
    _run(migrations.upgrade(url))
    _consoles()[0].print(f"database at revision {migrations.head_revision()}")


if __name__ == "__main__":
    app()
