"""``assurance reparse``: stored documents parsed again by this version's parser."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import func, select

from api.commands.common import consoles, file_progress, index_writes, run, runtime
from api.settings import Settings
from indexer.sync import apply_changes
from ingest.reparse import ReparseOutcome, ReparseReport, reparse_stored
from records.db import session_factory
from records.models import Meeting


def reparse(
    meeting: Annotated[
        list[int] | None,
        typer.Option(help="Only this meeting's documents (by database id); may be repeated."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Processes that parse (default: setting).")
    ] = None,
) -> None:
    """Parse stored documents again and make again the records of those that read otherwise,
    so that a newer parser's reading reaches documents ingested before it. Updates pushed to
    their actions are kept; a document the parser now refuses, or cannot parse within the
    ingest limits, is kept as it was."""
    settings = Settings()
    console, err_console = consoles()
    reports, indexed = run(
        _reparse(settings, meeting, workers or settings.ingest_workers, err_console)
    )
    counts = Counter(report.outcome for report in reports)
    for report in reports:
        if report.outcome is ReparseOutcome.MOVED:
            console.print(
                f"moved: {report.file_name}: meeting {report.meeting_id} -> {report.new_meeting_id}"
            )
        elif report.outcome is ReparseOutcome.REFUSED:
            err_console.print(
                f"[yellow]kept as it was:[/yellow] {report.file_name}: {report.reason}"
            )
        elif report.outcome is ReparseOutcome.SKIPPED:
            err_console.print(
                f"[yellow]changed by another writer meanwhile, kept:[/yellow] "
                f"{report.file_name} (run again to read it)"
            )
    console.print(
        f"{len(reports)} {'document' if len(reports) == 1 else 'documents'}: "
        + ", ".join(f"{counts[outcome]} {outcome}" for outcome in ReparseOutcome)
        + f"; {indexed} changes indexed"
    )


async def _reparse(
    settings: Settings, meeting_ids: Sequence[int] | None, workers: int, err_console: Console
) -> tuple[list[ReparseReport], int]:
    async with runtime(settings) as rt:
        query = select(func.count()).select_from(Meeting)
        if meeting_ids:
            query = query.where(Meeting.id.in_(meeting_ids))
        async with session_factory(rt.engine)() as session:
            total = await session.scalar(query) or 0
        with file_progress(err_console) as progress:
            task = progress.add_task("parsing again", total=total)

            def advance(done: Sequence[ReparseReport]) -> None:
                progress.update(task, advance=1)

            reports = await reparse_stored(
                rt.engine,
                meeting_ids=meeting_ids or None,
                on_meeting=advance,
                workers=workers,
                limits=settings.ingest_limits,
            )
        # The database is the source of truth: the index follows its change log.
        with index_writes(settings.index_dir):
            return reports, await apply_changes(rt.engine, rt.index)
