"""Rate limits on writes: a token bucket per API key (per address without one), over the
real app; reads are never counted."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.auth import Role
from api.settings import Settings
from api.write_limits import (
    WRITE_RATE_LIMITED,
    TokenBuckets,
    WriteLimits,
    mutation_writes,
)
from tests.support.api import BASE_URL, graphql, make_key
from tests.support.paths import SAMPLES

UPDATE = 'mutation($id: ID!) { updateAction(id: $id, note: "checked") { errors { code } } }'
TWO_UPDATES = """
mutation($id: ID!) {
  first: updateAction(id: $id, note: "one") { errors { code } }
  second: updateAction(id: $id, note: "two") { errors { code } }
}
"""
READ = "{ meetings(first: 1) { totalCount } }"
NO_ACTION = "QWN0aW9uOjk5OTk5OQ=="  # Action:999999, which no action has
# Slow enough that no token comes back while a test runs: one every 100 s.
SLOW = {"write_rate": 0.01, "write_burst": 2}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the buckets -----------------------------------------------------------------------------


def test_a_bucket_lets_a_burst_through_then_one_write_per_refill() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(WriteLimits(rate=2.0, burst=3), clock=clock)
    assert [buckets.take("key:1") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("key:1") == pytest.approx(0.5)  # one token comes back each 0.5 s
    assert buckets.take("key:2") == 0.0  # another caller has a bucket of its own
    clock.now += 0.5
    assert buckets.take("key:1") == 0.0
    assert buckets.take("key:1") == pytest.approx(0.5)  # refused: nothing was taken
    clock.now += 60
    assert [buckets.take("key:1") for _ in range(4)] == [0.0, 0.0, 0.0, pytest.approx(0.5)]


def test_several_writes_at_once_take_as_many_tokens() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(WriteLimits(rate=1.0, burst=5), clock=clock)
    assert buckets.take("key:1", 4) == 0.0
    assert buckets.take("key:1", 3) == pytest.approx(2.0)  # one left, three wanted
    assert buckets.take("key:1", 1) == 0.0
    # More than a burst waits for a full bucket instead of being refused for ever.
    assert buckets.take("key:1", 50) == pytest.approx(5.0)
    clock.now += 5
    assert buckets.take("key:1", 50) == 0.0


def test_a_rate_of_zero_is_no_limit() -> None:
    buckets = TokenBuckets(WriteLimits(rate=0, burst=1))
    assert all(buckets.take("address:10.0.0.1") == 0.0 for _ in range(1000))


def test_the_buckets_kept_are_bounded_the_least_recent_going_first() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(WriteLimits(rate=1.0, burst=1), clock=clock, max_callers=3)
    for caller in ("a", "b", "c"):
        assert buckets.take(caller) == 0.0
    assert buckets.take("a") > 0  # refused, and now the most recently seen
    assert buckets.take("d") == 0.0  # "b" is dropped to make room
    assert len(buckets) == 3
    assert buckets.take("a") > 0 and buckets.take("c") > 0
    assert buckets.take("b") == 0.0  # back with a full bucket


def test_a_mutation_writes_once_per_root_field() -> None:
    assert mutation_writes(UPDATE, None, 2000) == 1
    assert mutation_writes(TWO_UPDATES, None, 2000) == 2
    spread = """
    mutation { ...Writes updateAction(id: "x") { __typename } }
    fragment Writes on Mutation { a: updateAction(id: "y") { __typename } ...More }
    fragment More on Mutation { b: deleteMeeting(id: "z") { __typename } }
    """
    assert mutation_writes(spread, None, 2000) == 3
    named = 'mutation A { updateAction(id: "x") { __typename } } query B { __typename }'
    assert mutation_writes(named, "A", 2000) == 1
    # Fragments that each spread the next twice: counted once each, in linear time.
    levels = 40
    chain = "\n".join(
        f"fragment F{i} on Mutation {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    nested = (
        f"mutation {{ ...F0 }}\n{chain}\n"
        f'fragment F{levels} on Mutation {{ updateAction(id: "x") {{ __typename }} }}'
    )
    started = time.perf_counter()
    assert mutation_writes(nested, None, 10_000) == 2**levels
    assert time.perf_counter() - started < 1.0


# --- over the app ----------------------------------------------------------------------------


@asynccontextmanager
async def app_clients(
    settings: Settings, addresses: tuple[str, ...], **overrides: Any
) -> AsyncIterator[list[httpx.AsyncClient]]:
    """The app running once, with a client for each client address."""
    app = create_app(settings.model_copy(update=overrides))
    async with LifespanManager(app, startup_timeout=120) as manager:
        clients = [
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=manager.app, client=(address, 50000)),
                base_url=BASE_URL,
            )
            for address in addresses
        ]
        try:
            yield clients
        finally:
            for client in clients:
                await client.aclose()


def _bearer(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


async def _update(
    client: httpx.AsyncClient, key: str | None, query: str = UPDATE
) -> httpx.Response:
    return await client.post("/graphql", json=graphql(query, id=NO_ACTION), headers=_bearer(key))


def _refusal(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 429, answer.text
    [error] = answer.json()["errors"]
    assert error["extensions"]["code"] == WRITE_RATE_LIMITED
    assert answer.headers["retry-after"] == str(error["extensions"]["retryAfter"])
    assert answer.headers["cache-control"] == "no-store"
    return dict(error)


async def test_a_key_over_its_write_limit_gets_429_and_reads_go_on(settings: Settings) -> None:
    editor = await make_key(settings, Role.EDITOR)
    other = await make_key(settings, Role.EDITOR)
    async with app_clients(settings, ("10.0.0.1",), **SLOW) as [client]:
        for _ in range(2):
            done = await _update(client, editor)
            assert done.status_code == 200
            assert done.json()["data"]["updateAction"]["errors"][0]["code"] == "NOT_FOUND"
        error = _refusal(await _update(client, editor))
        # 100 s a token, less the moments since the first write.
        assert 90 <= error["extensions"]["retryAfter"] <= 100
        assert error["extensions"]["rate"] == 0.01 and error["extensions"]["burst"] == 2
        assert "this API key" in error["message"] and "2 at once" in error["message"]
        # Reads by the same key are not counted, over POST or GET.
        for _ in range(5):
            read = await client.post("/graphql", json=graphql(READ), headers=_bearer(editor))
            assert read.status_code == 200 and "errors" not in read.json()
        got = await client.get("/graphql", params={"query": READ}, headers=_bearer(editor))
        assert got.status_code == 200 and "errors" not in got.json()
        # A mutation over GET is refused as GET only reads, before any limit.
        over_get = await client.get(
            "/graphql",
            params={"query": UPDATE, "variables": json.dumps({"id": NO_ACTION})},
            headers=_bearer(editor),
        )
        assert over_get.status_code == 405
        # Another key from the same address has a bucket of its own.
        assert (await _update(client, other)).status_code == 200


async def test_aliased_writes_count_each(settings: Settings) -> None:
    admin = await make_key(settings, Role.ADMIN)
    async with app_clients(settings, ("10.0.0.1",), **SLOW) as [client]:
        assert (await _update(client, admin, TWO_UPDATES)).status_code == 200
        _refusal(await _update(client, admin))


async def test_callers_without_a_key_are_counted_by_address(settings: Settings) -> None:
    async with app_clients(settings, ("10.0.0.1", "10.0.0.2"), **SLOW) as [first, second]:
        for _ in range(2):
            refused = await _update(first, None)  # counted, then refused by its permission
            assert refused.status_code == 200
            assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        error = _refusal(await _update(first, None))
        assert "this address" in error["message"]
        answer = await _update(second, None)
        assert answer.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert (await first.post("/graphql", json=graphql(READ))).status_code == 200


async def test_uploads_are_writes_refused_before_their_body_is_read(settings: Settings) -> None:
    editor = await make_key(settings, Role.EDITOR)
    sample = SAMPLES / "eastmoor-performance-2021-06.txt"
    operations = {
        "query": "mutation($file: Upload!) { ingestDocument(file: $file) { outcome } }",
        "variables": {"file": None},
    }
    form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})}
    headers = {**_bearer(editor), "Apollo-Require-Preflight": "true"}
    async with app_clients(settings, ("10.0.0.1",), write_rate=0.01, write_burst=1) as [client]:
        files = {"0": (sample.name, sample.read_bytes(), "text/plain")}
        stored = await client.post("/graphql", data=form, files=files, headers=headers)
        assert stored.json()["data"]["ingestDocument"]["outcome"] == "STORED", stored.text
        files = {"0": (sample.name, sample.read_bytes(), "text/plain")}
        _refusal(await client.post("/graphql", data=form, files=files, headers=headers))
        _refusal(await _update(client, editor))  # one bucket for all of a key's writes


async def test_a_rate_of_zero_turns_the_limit_off(settings: Settings) -> None:
    editor = await make_key(settings, Role.EDITOR)
    async with app_clients(settings, ("10.0.0.1",), write_rate=0, write_burst=1) as [client]:
        for _ in range(4):
            assert (await _update(client, editor)).status_code == 200
