"""Downloads of a search: every hit (not a page of them), streamed as CSV or JSON.

The rows are the hits the search page lists (``api.web.hits``), in the same order,
read a page of 100 at a time by cursor as the stream is written. The first page is read
before the answer starts, so a search that cannot be run is a 400 page, not a broken
file.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import StreamingResponse

from api.auth import Caller
from api.web import operations
from api.web.hits import COLUMNS, hit_view
from api.web.params import SearchParams
from api.web.site import HEADERS, Site
from records.paging import MAX_PAGE_SIZE

logger = logging.getLogger("assurance.web")


async def _pages(
    site: Site, request: Request, caller: Caller | None, params: SearchParams
) -> tuple[dict[str, Any], AsyncIterator[dict[str, Any]]]:
    """The first page of hits, and the pages after it as they are read."""
    first = await site.run(request, caller, operations.SEARCH_HITS, params.variables(MAX_PAGE_SIZE))

    async def rest() -> AsyncIterator[dict[str, Any]]:
        page = first["search"]
        while page["pageInfo"]["hasNextPage"]:
            after = page["pageInfo"]["endCursor"]
            data = await site.run(
                request, caller, operations.SEARCH_HITS, params.variables(MAX_PAGE_SIZE, after)
            )
            page = data["search"]
            yield page

    return first["search"], rest()


async def _rows(
    first: dict[str, Any], rest: AsyncIterator[dict[str, Any]], origin: str
) -> AsyncIterator[dict[str, Any]]:
    for edge in first["edges"]:
        yield hit_view(edge).row(origin)
    async for page in rest:
        for edge in page["edges"]:
            yield hit_view(edge).row(origin)


def _headers(params: SearchParams, extension: str) -> dict[str, str]:
    name = "search" + (f"-{_slug(params.q)}" if params.q else "")
    return {
        **HEADERS,
        "content-disposition": f'attachment; filename="{name}.{extension}"',
        "cache-control": "no-store",
    }


def _slug(text: str) -> str:
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in slug.split("-") if part)[:40] or "query"


async def search_csv(
    site: Site, request: Request, caller: Caller | None, params: SearchParams
) -> StreamingResponse:
    first, rest = await _pages(site, request, caller, params)
    origin = str(request.base_url).rstrip("/")

    async def body() -> AsyncIterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        async for row in _logged(_rows(first, rest, origin)):
            writer.writerow(row)
            if buffer.tell() > 64 * 1024:
                yield _drain(buffer)
        yield _drain(buffer)

    return StreamingResponse(
        body(), media_type="text/csv; charset=utf-8", headers=_headers(params, "csv")
    )


async def search_json(
    site: Site, request: Request, caller: Caller | None, params: SearchParams
) -> StreamingResponse:
    first, rest = await _pages(site, request, caller, params)
    origin = str(request.base_url).rstrip("/")
    head = {
        "query": params.q,
        "parameters": [list(pair) for pair in params.pairs() if pair[0] != "page"],
        "totalCount": first["totalCount"],
    }

    async def body() -> AsyncIterator[str]:
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "hits": ['
        separator = "\n"
        async for row in _logged(_rows(first, rest, origin)):
            yield separator + json.dumps(row, ensure_ascii=False)
            separator = ",\n"
        yield "\n]}\n"

    return StreamingResponse(
        body(), media_type="application/json", headers=_headers(params, "json")
    )


async def _logged(rows: AsyncIterator[dict[str, Any]]) -> AsyncIterator[dict[str, Any]]:
    """The rows; a failure once the answer has started is logged (the file ends short)."""
    try:
        async for row in rows:
            yield row
    except Exception:
        logger.exception("a download stopped part way")
        raise


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
