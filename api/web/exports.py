"""Downloads of a list: every row (not a page of them), streamed as CSV or JSON.

A list is a GraphQL connection read a page of 100 at a time by cursor as the stream is
written; its rows are the ones its page shows (``api.web.hits`` for a search, the
action rows of a theme page), in the same order. The first page is read before the
answer starts, so a list that cannot be read is an error page, not a broken file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import StreamingResponse

from api.auth import Caller
from api.export.text import csv_text
from api.web import operations
from api.web.format import anchor, urlencode_id
from api.web.hits import COLUMNS, hit_view
from api.web.params import SearchParams
from api.web.site import HEADERS, Site
from records.paging import MAX_PAGE_SIZE

logger = logging.getLogger("assurance.web")
ACTION_COLUMNS: Final = (
    "id",
    "reference",
    "text",
    "owner",
    "status",
    "due",
    "meeting_id",
    "meeting",
    "date",
    "url",
)

Row = dict[str, Any]


@dataclass(frozen=True)
class ListQuery:
    """A connection to read whole: the operation, its variables but the cursor, the
    connection's field in the answer, and one row per edge."""

    document: str
    variables: Mapping[str, Any]
    field: str
    row: Callable[[dict[str, Any], str], Row]  # (edge, site origin) -> row


async def read_list(
    site: Site, request: Request, caller: Caller | None, query: ListQuery
) -> tuple[int, AsyncIterator[Row]]:
    """The list's total and its rows, the first page read already."""
    origin = str(request.base_url).rstrip("/")

    async def page(after: str | None) -> dict[str, Any]:
        variables = {**query.variables, "first": MAX_PAGE_SIZE, "after": after}
        data = await site.run(request, caller, query.document, variables)
        return dict(data[query.field])

    first = await page(None)

    async def rows() -> AsyncIterator[Row]:
        current = first
        try:
            while True:
                for edge in current["edges"]:
                    yield query.row(edge, origin)
                if not current["pageInfo"]["hasNextPage"]:
                    return
                current = await page(current["pageInfo"]["endCursor"])
        except Exception:
            logger.exception("a download stopped part way")  # the file ends short
            raise

    return int(first["totalCount"]), rows()


def csv_download(rows: AsyncIterator[Row], columns: Sequence[str], name: str) -> StreamingResponse:
    return StreamingResponse(
        csv_text(rows, columns),
        media_type="text/csv; charset=utf-8",
        headers=_headers(name, "csv"),
    )


def json_download(
    head: Mapping[str, Any], rows: AsyncIterator[Row], name: str
) -> StreamingResponse:
    """``head``'s members, then ``"rows"``: every row, one to a line."""

    async def body() -> AsyncIterator[str]:
        yield json.dumps(dict(head), ensure_ascii=False)[:-1] + ', "rows": ['
        separator = "\n"
        async for row in rows:
            yield separator + json.dumps(row, ensure_ascii=False)
            separator = ",\n"
        yield "\n]}\n"

    return StreamingResponse(body(), media_type="application/json", headers=_headers(name, "json"))


# --- a search's hits --------------------------------------------------------------------------


def search_list(params: SearchParams) -> ListQuery:
    variables = {k: v for k, v in params.variables(MAX_PAGE_SIZE).items() if k != "first"}
    return ListQuery(
        operations.SEARCH_HITS, variables, "search", lambda edge, origin: hit_view(edge).row(origin)
    )


async def search_download(
    site: Site, request: Request, caller: Caller | None, params: SearchParams, extension: str
) -> StreamingResponse:
    total, rows = await read_list(site, request, caller, search_list(params))
    name = "search" + (f"-{_slug(params.q)}" if params.q else "")
    if extension == "csv":
        return csv_download(rows, COLUMNS, name)
    head = {
        "query": params.q,
        "parameters": [list(pair) for pair in params.pairs() if pair[0] != "page"],
        "totalCount": total,
    }
    return json_download(head, rows, name)


# --- a theme's actions ------------------------------------------------------------------------


def action_row(edge: dict[str, Any], origin: str) -> Row:
    action = edge["node"]
    meeting = action["meeting"]
    return {
        "id": action["id"],
        "reference": action["reference"] or "",
        "text": action["text"],
        "owner": action["ownerText"] or "",
        "status": action["status"],
        "due": action["dueDate"] or "",
        "meeting_id": meeting["id"],
        "meeting": meeting["title"],
        "date": meeting["date"] or "",
        "url": f"{origin}/meetings/{urlencode_id(meeting['id'])}#{anchor(action['id'])}",
    }


def actions_list(action_filter: Mapping[str, Any]) -> ListQuery:
    return ListQuery(operations.ACTIONS, {"filter": dict(action_filter)}, "actions", action_row)


async def actions_download(
    site: Site,
    request: Request,
    caller: Caller | None,
    action_filter: Mapping[str, Any],
    name: str,
    extension: str,
) -> StreamingResponse:
    total, rows = await read_list(site, request, caller, actions_list(action_filter))
    if extension == "csv":
        return csv_download(rows, ACTION_COLUMNS, name)
    return json_download({"filter": dict(action_filter), "totalCount": total}, rows, name)


def _headers(name: str, extension: str) -> dict[str, str]:
    return {
        **HEADERS,
        "content-disposition": f'attachment; filename="{name}.{extension}"',
        "cache-control": "no-store",
    }


def _slug(text: str) -> str:
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in slug.split("-") if part)[:40] or "query"
