"""``assurance reindex``: rebuild the search index from the database, or check and catch up."""

from __future__ import annotations

from typing import Annotated

import typer

from api.commands.common import consoles, index_writes, run, runtime
from api.settings import Settings
from indexer.sync import apply_changes, check, rebuild


def reindex(
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Report how far the index is behind and apply what it missed."
        ),
    ] = False,
) -> None:
    """Rebuild the search index from the database (searches keep working meanwhile)."""
    run(_reindex(Settings(), check_only))


async def _reindex(settings: Settings, check_only: bool) -> None:
    console = consoles()[0]
    async with runtime(settings) as rt:
        if check_only:
            before = await check(rt.engine, rt.index)
            with index_writes(settings.index_dir):
                applied = await apply_changes(rt.engine, rt.index)
            after = await check(rt.engine, rt.index)
            console.print(
                f"index was at change {before.position} of {before.latest} "
                f"({before.lag} behind); applied {applied}; "
                f"now at {after.position} with {after.documents} documents"
            )
            return
        with index_writes(settings.index_dir):
            documents = await rebuild(rt.engine, rt.index)
        status = await check(rt.engine, rt.index)
        console.print(
            f"index rebuilt: {documents} documents, at change {status.position} "
            f"({status.lag} behind)"
        )
