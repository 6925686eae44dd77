"""The time budget and streamed bodies, served by uvicorn: a download that keeps sending
runs past the budget, one that stalls is stopped one budget after its last part."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

from api.deadline import RequestDeadlineMiddleware
from tests.support.api import serving

BUDGET = 0.5


async def rows(request: Request) -> StreamingResponse:
    """``?parts=N&every=S&stall=S``: N lines, one every S seconds, then a stall of S."""
    parts = int(request.query_params["parts"])
    every = float(request.query_params["every"])
    stall = float(request.query_params.get("stall", "0"))

    async def body() -> AsyncIterator[str]:
        for n in range(parts):
            yield f"row {n}\n"
            await asyncio.sleep(every)
        await asyncio.sleep(stall)
        yield "end\n"

    return StreamingResponse(body(), media_type="text/plain")


async def slow(request: Request) -> PlainTextResponse:
    await asyncio.sleep(BUDGET * 6)
    return PlainTextResponse("late")


APP = Starlette(
    routes=[Route("/rows", rows), Route("/slow", slow)],
    middleware=[Middleware(RequestDeadlineMiddleware, seconds=BUDGET, upload_seconds=BUDGET)],
)


async def lines_until_cut(http: httpx.AsyncClient, url: str, **params: float) -> list[str]:
    """The lines received before the body ended, completely or not."""
    received: list[str] = []
    try:
        async with http.stream("GET", url, params=params) as answer:
            assert answer.status_code == 200
            async for line in answer.aiter_lines():
                received.append(line)
    except httpx.RemoteProtocolError:
        pass  # the server closed the connection in the middle of the body
    return received


async def test_a_stream_that_keeps_sending_runs_past_the_budget() -> None:
    async with serving(APP) as url, httpx.AsyncClient() as http:
        # Twelve parts a fifth of the budget apart: more than four budgets in all.
        lines = await lines_until_cut(
            http, url.replace("/graphql", "/rows"), parts=12, every=BUDGET / 5
        )
    assert lines == [f"row {n}" for n in range(12)] + ["end"]


async def test_a_stream_that_stalls_is_stopped_one_budget_after_its_last_part(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with serving(APP) as url, httpx.AsyncClient() as http:
        lines = await lines_until_cut(
            http, url.replace("/graphql", "/rows"), parts=3, every=0, stall=BUDGET * 6
        )
    assert lines == ["row 0", "row 1", "row 2"]  # never "end"
    assert f"GET /rows stopped: nothing sent for {BUDGET:g} s" in caplog.text


async def test_an_answer_slower_than_the_budget_is_still_a_503() -> None:
    async with serving(APP) as url, httpx.AsyncClient() as http:
        answer = await http.get(url.replace("/graphql", "/slow"))
    assert answer.status_code == 503
    assert answer.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
