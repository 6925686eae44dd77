"""A time budget per request: past it the request is cancelled and its worker freed.

Query limits bound what a request may ask for before it runs; this bounds how long
it may run, whatever the reason (a slow database, a search over a frequent word, a
client that sends its body slowly). Multipart requests (uploads) get the time a file
may take to read and parse on top. Once a request begins to write
(``records.db.on_write``) the budget no longer applies: its answer must say what
happened to the write, and the write will commit whatever the answer.

A streamed body (an export, a search download) is a long answer, not a slow one: each
part it sends starts the budget again, so a download of a million rows runs as long as
it keeps sending, and one that stalls (a query that stops yielding, a client that stops
reading) is still stopped one budget after its last part.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.middleware import send_json_error
from records.db import on_write

logger = logging.getLogger("assurance.api")

TIMEOUT_CODE = "TIMEOUT"


class RequestDeadlineMiddleware:
    """Cancels a request after ``seconds`` (``upload_seconds`` for multipart) with 503."""

    def __init__(self, app: ASGIApp, *, seconds: float, upload_seconds: float) -> None:
        self.app = app
        self.seconds = seconds
        self.upload_seconds = upload_seconds

    def limit_for(self, headers: Headers) -> float:
        content_type = headers.get("content-type", "").lower()
        if content_type.startswith("multipart/form-data"):
            return self.upload_seconds
        return self.seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds <= 0:
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(Headers(scope=scope))
        started = False
        writing = False
        deadline: asyncio.Timeout | None = None

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)
            if (
                message["type"] == "http.response.body"
                and message.get("more_body", False)
                and deadline is not None
                and not writing
            ):
                deadline.reschedule(asyncio.get_running_loop().time() + limit)

        def unlimited() -> None:
            nonlocal writing
            writing = True
            if deadline is not None:
                deadline.reschedule(None)

        try:
            async with asyncio.timeout(limit) as deadline:
                token = on_write.set(unlimited)
                try:
                    await self.app(scope, receive, tracking_send)
                finally:
                    on_write.reset(token)
        except TimeoutError:
            if deadline is None or not deadline.expired():
                raise
            if started:
                logger.warning(
                    "%s %s stopped: nothing sent for %g s", scope["method"], scope["path"], limit
                )
            else:
                logger.warning("%s %s stopped after %g s", scope["method"], scope["path"], limit)
            if not started:
                await send_json_error(
                    send,
                    503,
                    f"the request took longer than the {limit:g} s limit and was stopped",
                    TIMEOUT_CODE,
                )
