"""``assurance serve``: the GraphQL API under uvicorn."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
import uvicorn

from api.commands.common import consoles, run
from api.database import open_database
from api.metrics import MULTIPROCESS_DIR_VARIABLE
from api.settings import Settings

APP_FACTORY = "api.app:app_from_environment"
WORKER_START_SECONDS = 60


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Processes serving requests (they share the data folder's index; each has "
            "its own searchers and database pool).",
        ),
    ] = 1,
    reload: Annotated[bool, typer.Option(help="Restart when the code changes.")] = False,
) -> None:
    """Serve the GraphQL API (and GraphiQL in a browser, unless switched off)."""
    settings = Settings()
    run(_migrate_once(settings))  # before the workers start, so that they do not race
    console = consoles()[0]
    shown_host = "localhost" if host in ("0.0.0.0", "::") else host
    where = f"http://{shown_host}:{port}"
    console.print(f"Search page at {where}/")
    console.print(
        f"GraphQL API at {where}/graphql" + ("" if settings.graphiql else " (GraphiQL off)")
    )
    with _shared_metrics(workers):
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            access_log=False,  # the app logs one JSON line per request itself
            proxy_headers=True,
            log_level="info",
            # A worker answers the supervisor's health check only once it has started:
            # on a busy machine that can take more than uvicorn's default 5 s.
            timeout_worker_healthcheck=WORKER_START_SECONDS,
        )


@contextmanager
def _shared_metrics(workers: int) -> Iterator[None]:
    """With several workers, a fresh folder where they keep their metrics (api.metrics),
    removed when the server stops. A folder the environment already names is used as is."""
    if workers == 1 or os.environ.get(MULTIPROCESS_DIR_VARIABLE):
        yield
        return
    folder = tempfile.mkdtemp(prefix="assurance-metrics-")
    os.environ[MULTIPROCESS_DIR_VARIABLE] = folder
    try:
        yield
    finally:
        del os.environ[MULTIPROCESS_DIR_VARIABLE]
        shutil.rmtree(folder, ignore_errors=True)


async def _migrate_once(settings: Settings) -> None:
    """Migrate an empty database (an outdated one stops here with a clear message)."""
    engine = await open_database(settings)
    await engine.dispose()
