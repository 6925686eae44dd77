"""Web page benchmark: the search page rendered by the app, in process, at ~100k records.

    python -m bench.web_bench [--items 100000] [--requests 50] [--data DIR] [--seed 7]

It builds a data folder as the GraphQL benchmark does (``bench.graphql_bench.build_data``:
a synthetic corpus ingested, then indexed), with enough meetings for about ``--items``
records (meetings, agenda items, actions and figures), or reuses the one ``--data``
holds. Then it starts the app's lifespan and sends ``GET`` requests through its ASGI
interface (no network), each page class in turn: the time is the server's, from the
request to the last byte of the rendered page. Beside each page class it times the
GraphQL operation the page runs, alone (in process, a fresh context each time), and the
search through the Python API (``Searcher.search``), so the figures say where the time
goes. A download (``/search.csv``, every hit streamed) is timed whole. It prints p50 and
p95 per class and whether the search page meets its goal; nothing here asserts anything
about time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import func, select
from starlette.requests import Request

from api.app import create_app, default_context
from api.database import open_database
from api.settings import Settings
from api.web import operations
from api.web.params import ORDERS, PAGE_SIZE, SearchParams
from bench.graphql_bench import build_data
from bench.search_bench import percentile
from indexer.search import Searcher, SearchFilter, SortOrder
from records.models import Action, AgendaItem, Meeting, Metric

# Records one synthetic meeting gives, about (measured: 72,036 from 3,000 meetings).
RECORDS_PER_MEETING: Final = 24
GOAL_MS: Final = 50.0
SEARCH_PAGE: Final = "search page"


@dataclass(frozen=True)
class PageClass:
    name: str
    url: str
    params: SearchParams | None  # the search the page runs (None: not a search page)


PAGES: Final = (
    PageClass(SEARCH_PAGE + " MARAC", "/?q=MARAC", SearchParams(q="MARAC")),
    PageClass(
        "search page domestic abuse",
        "/?q=domestic+abuse",
        SearchParams(q="domestic abuse"),
    ),
    PageClass(
        "search page MARAC, year and type",
        "/?q=MARAC&year=2021&type=item",
        SearchParams(q="MARAC", years=(2021,), types=("item",)),
    ),
    PageClass("search page MARAC page 3", "/?q=MARAC&page=3", SearchParams(q="MARAC", page=3)),
    PageClass(
        "browse newest first",
        "/?order=date-desc",
        SearchParams(order="date-desc"),
    ),
    PageClass("theme page DA", "/themes/DA", None),
)


@dataclass(frozen=True)
class Timed:
    name: str
    page_ms: list[float]
    graphql_ms: list[float]
    python_ms: list[float]
    status: int


async def _records(settings: Settings) -> dict[str, int]:
    engine = await open_database(settings)
    try:
        async with engine.connect() as conn:
            counts = {}
            for name, model in (
                ("meetings", Meeting),
                ("items", AgendaItem),
                ("actions", Action),
                ("metrics", Metric),
            ):
                counts[name] = int(await conn.scalar(select(func.count()).select_from(model)) or 0)
        return counts
    finally:
        await engine.dispose()


async def _time(requests: int, call: Callable[[], Awaitable[None]]) -> list[float]:
    await call()  # warm: templates compiled, caches filled
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return times


async def measure(
    items: int, requests: int, seed: int, data: Path, emit: Callable[[str], None] = print
) -> list[Timed]:
    meetings = max(1, math.ceil(items / RECORDS_PER_MEETING))
    built = await build_data(meetings, seed=seed, data_dir=data / f"meetings-{meetings}")
    settings = built.settings.model_copy(update={"index_sync_seconds": 0})
    counts = await _records(settings)
    how = "reused, built earlier" if built.reused else f"built in {built.build_seconds:.0f}s"
    emit(
        f"data: {meetings:,} meetings (seed {seed}), {sum(counts.values()):,} records "
        f"({', '.join(f'{n:,} {k}' for k, n in counts.items())}) in {settings.data_dir}; {how}"
    )
    emit(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs); ms, in process")
    emit(
        f"{'class':<36} {'page p50':>8} {'p95':>8} {'gql p50':>8} {'p95':>8} "
        f"{'py p50':>8} {'p95':>8}   status"
    )
    app = create_app(settings)
    timed: list[Timed] = []
    async with (
        LifespanManager(app, startup_timeout=600) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://bench"
        ) as client,
    ):
        state = app.state.assurance
        graphql = next(r for r in app.routes if getattr(r, "path", "") == "/graphql")
        schema = graphql.endpoint.schema  # type: ignore[attr-defined]
        request = Request({"type": "http", "method": "GET", "path": "/", "headers": []})
        for page in PAGES:
            status = 0

            async def get(url: str = page.url) -> None:
                nonlocal status
                response = await client.get(url)
                status = response.status_code

            page_ms = await _time(requests, get)
            graphql_ms: list[float] = []
            python_ms: list[float] = []
            if page.params is not None and page.params.page == 1:
                variables = page.params.variables(PAGE_SIZE)

                async def run_operation(variables: dict[str, Any] = variables) -> None:
                    context = await default_context(state, request, None)
                    result = await schema.execute(
                        operations.SEARCH, variable_values=variables, context_value=context
                    )
                    assert not result.errors, result.errors

                graphql_ms = await _time(requests, run_operation)
                searcher = state.searcher_pool().get()
                params = page.params

                async def python_search(
                    params: SearchParams = params, searcher: Searcher = searcher
                ) -> None:
                    searcher.search(
                        params.q,
                        filter=SearchFilter(years=params.years, types=params.types),
                        sort=SortOrder(ORDERS[params.order]),
                        first=PAGE_SIZE,
                    )

                python_ms = await _time(requests, python_search)
            timed.append(Timed(page.name, page_ms, graphql_ms, python_ms, status))
            emit(_line(timed[-1]))

        started = time.perf_counter()
        download = await client.get("/search.csv?q=MARAC")
        seconds = time.perf_counter() - started
        rows = download.text.count("\r\n") - 1
        emit(
            f"{'download /search.csv?q=MARAC':<36} {rows:,} rows in {seconds * 1000:.0f} ms "
            f"({rows / seconds:,.0f} rows/s), status {download.status_code}"
        )
    return timed


def _line(timed: Timed) -> str:
    def figures(values: Sequence[float]) -> str:
        if not values:
            return f"{'-':>8} {'-':>8}"
        return f"{percentile(values, 0.5):8.1f} {percentile(values, 0.95):8.1f}"

    return (
        f"{timed.name:<36} {figures(timed.page_ms)} {figures(timed.graphql_ms)} "
        f"{figures(timed.python_ms)}   {timed.status}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--items", type=int, default=100_000, help="records, about")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per class")
    parser.add_argument("--data", type=Path, default=None, help="folder to keep the data in")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.items < 1 or args.requests < 1:
        parser.error("--items and --requests take positive numbers")
    with contextlib.ExitStack() as stack:
        data = args.data or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        timed = asyncio.run(measure(args.items, args.requests, args.seed, data))
    marac = next(t for t in timed if t.name == SEARCH_PAGE + " MARAC")
    p50 = percentile(marac.page_ms, 0.5)
    met = "met" if p50 < GOAL_MS else "NOT met"
    print(f"goal: the search page (MARAC) under {GOAL_MS:.0f} ms p50: {met} ({p50:.1f} ms)")
    share = percentile(marac.graphql_ms, 0.5) / p50 if p50 else math.nan
    print(f"the GraphQL operation alone takes {share:.0%} of the page's p50")
    return 0


if __name__ == "__main__":
    sys.exit(main())
