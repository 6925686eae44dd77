"""``GET /export/{records}.{csv,jsonl}``: an export over HTTP, streamed as it is read.

    GET /export/actions.csv?theme=DA&from=2019-01-01
    Authorization: Bearer <key>            (when reads need a key)

The parameters are the command's (``theme``, ``body``, ``from``, ``to``, ``as-of``); one
it does not know, or a value it cannot take, is a 400 naming the parameter, before any
row is written. Reads follow GraphQL's policy and keys: with
``ASSURANCE_READS_NEED_KEY=true`` a request without a valid key is refused (401). A key
is only ever read from the ``Authorization`` header, never from the address, so it
appears neither in links nor in logs. ``X-Export-Rows`` gives the number of rows the
body holds, counted in the same snapshot they are read from. ``HEAD`` answers the same
headers, the count included, without reading a row: a client can size a download first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from api.auth import AuthenticationError, resolve_caller
from api.export.filters import PARAMETERS, ExportFilter, FilterError, read_day
from api.export.formats import MEDIA_TYPES, Format, text_chunks
from api.export.stream import ExportRun, export_run
from api.export.tables import TABLES
from records import clock

if TYPE_CHECKING:
    from api.app import AppState

EXPORT_PREFIX: Final = "/export"
HTTP_FORMATS: Final = (Format.CSV, Format.JSONL)
# The paths the request metrics name, one per table and format.
EXPORT_ROUTES: Final = tuple(
    f"{EXPORT_PREFIX}/{name}.{format.value}" for name in TABLES for format in HTTP_FORMATS
)
# How many rows the body holds (exposed to other origins' scripts where CORS is on).
EXPORT_ROWS_HEADER: Final = "X-Export-Rows"
HEADERS: Final = {
    "cache-control": "no-store",
    "vary": "Authorization",
    "x-content-type-options": "nosniff",
}

logger = logging.getLogger("assurance.api")


def export_routes(state: AppState) -> list[BaseRoute]:
    """The export route, reading through ``state``'s database."""

    async def export(request: Request) -> Response:
        name, _, extension = request.path_params["file"].rpartition(".")
        table = TABLES.get(name)
        if table is None or extension not in HTTP_FORMATS:
            return _error(
                404,
                f"no such export: the exports are {', '.join(TABLES)}, each as .csv or .jsonl",
                "NOT_FOUND",
            )
        format = Format(extension)
        engine, sessions, _ = state.require()
        try:
            caller = await resolve_caller(sessions, request.headers.get("authorization"))
        except AuthenticationError as exc:
            return _unauthorized(str(exc))
        if caller is None and state.settings.reads_need_key:
            return _unauthorized("an API key is required (Authorization: Bearer <key>)")
        try:
            where, as_of = _read(request, clock.today(state.settings.zone))
            opened = export_run(engine, table, where, as_of)
            run = await opened.__aenter__()  # checks the theme, counts the rows
        except FilterError as exc:
            return _error(400, str(exc), "BAD_PARAMETER")
        headers = {
            **HEADERS,
            "content-disposition": f'attachment; filename="{table.name}.{format.value}"',
            EXPORT_ROWS_HEADER.lower(): str(run.total),
        }
        if request.method == "HEAD":
            await opened.__aexit__(None, None, None)
            return _headers_only(MEDIA_TYPES[format], headers)
        return ExportResponse(format, run, opened, media_type=MEDIA_TYPES[format], headers=headers)

    return [Route(EXPORT_PREFIX + "/{file}", export, methods=["GET"])]


class ExportAbandoned(Exception):
    """The answer ended before its last row: the client went away, or time ran out."""


class ExportResponse(StreamingResponse):
    """A streamed export that ends its run (``api.export.stream.export_run``) with the
    answer, however the answer ends: even when it is never sent (the client gone first),
    the run's connection goes back or, cut off part way, is dropped."""

    def __init__(
        self,
        format: Format,
        run: ExportRun,
        opened: AbstractAsyncContextManager[ExportRun],
        *,
        media_type: str,
        headers: dict[str, str],
    ) -> None:
        self.opened = opened
        self.batches = run.batches()
        self.complete = False
        chunks = text_chunks(format, run.table, self.batches)
        super().__init__(self._body(chunks), media_type=media_type, headers=headers)

    async def _body(self, chunks: AsyncIterator[str]) -> AsyncIterator[str]:
        try:
            async for chunk in chunks:
                yield chunk
        except Exception:
            logger.exception("an export stopped part way")  # the body ends short
            raise
        self.complete = True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            if self.complete:
                await self.opened.__aexit__(None, None, None)
            else:
                stopped = ExportAbandoned()
                await self.opened.__aexit__(ExportAbandoned, stopped, None)
                with contextlib.suppress(Exception):  # its cursor went with the connection
                    await self.batches.aclose()


def _headers_only(media_type: str, headers: dict[str, str]) -> Response:
    """A GET's headers without its body, whose length is not known until it is written."""
    response = Response(media_type=media_type, headers=headers)
    del response.headers["content-length"]
    return response


def _read(request: Request, today: dt.date) -> tuple[ExportFilter, dt.date]:
    params = request.query_params
    for name in params:
        if name not in PARAMETERS:
            raise FilterError(
                name, f"an export takes no such parameter (it takes {', '.join(PARAMETERS)})"
            )
        if len(params.getlist(name)) > 1:
            raise FilterError(name, "given more than once")
    where = ExportFilter.read(
        theme=params.get("theme"),
        body=params.get("body"),
        date_from=params.get("from"),
        date_to=params.get("to"),
    )
    return where, read_day(params.get("as-of"), "as-of") or today


def _error(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> Response:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers={**HEADERS, **(headers or {})})


def _unauthorized(message: str) -> Response:
    return _error(401, message, "UNAUTHENTICATED", {"www-authenticate": "Bearer"})
