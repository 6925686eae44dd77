"""HTTP caching of reads: queries over GET, persisted queries, ETags, Cache-Control and
Vary, and the cache of answers, over the full schema on the seed (and a small schema
for what depends on the caller)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import strawberry
from starlette.requests import Request
from strawberry.schema import BaseSchema
from strawberry.types import Info

from api.app import AppState
from api.auth import Caller, Role
from api.http_cache import bounded_cache, etag_matches
from api.protection import ExtensionFactory
from api.settings import Settings
from indexer.cache import Cache
from tests.support.api import ClientFactory, graphql, ingest_seed, make_key

ACTIONS = """
query Actions($first: Int) {
  meetings(first: $first) { edges { node { actions { id status dueDate } } } }
}
"""
UPDATE_ACTION = """
mutation Update($id: ID!, $status: ActionStatus) {
  updateAction(id: $id, status: $status) { action { id status } errors { code } }
}
"""
THEMES = "{ themes { code } }"
PUBLIC = "public, no-cache"
PRIVATE = "private, no-cache"

Seeded = tuple[httpx.AsyncClient, dict[Role, str]]


@pytest.fixture
async def seeded(settings: Settings, client_for: ClientFactory) -> AsyncIterator[Seeded]:
    await ingest_seed(settings)
    keys = {role: await make_key(settings, role) for role in Role}
    async with client_for() as client:
        yield client, keys


def _bearer(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


def _get_params(query: str, **variables: Any) -> dict[str, str]:
    return {"query": query, "variables": json.dumps(variables)}


async def _cache_counts(client: httpx.AsyncClient) -> dict[str, float]:
    text = (await client.get("/metrics")).text
    found = re.findall(r'assurance_graphql_cache_total\{result="(\w+)"\} ([0-9.]+)', text)
    return {result: float(count) for result, count in found}


def _apq(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


# --- GET ---------------------------------------------------------------------------------


async def test_a_query_over_get_with_variables_and_operation(seeded: Seeded) -> None:
    client, _ = seeded
    params = {**_get_params(ACTIONS, first=1), "operationName": "Actions"}
    response = await client.get("/graphql", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body
    assert body["data"]["meetings"]["edges"][0]["node"]["actions"]
    posted = await client.post("/graphql", json={**graphql(ACTIONS, first=1)})
    assert posted.json() == body


async def test_a_mutation_over_get_is_refused_and_changes_nothing(seeded: Seeded) -> None:
    client, keys = seeded
    action = (await client.post("/graphql", json=graphql(ACTIONS, first=1))).json()
    action_id = action["data"]["meetings"]["edges"][0]["node"]["actions"][0]["id"]
    refused = await client.get(
        "/graphql",
        params=_get_params(UPDATE_ACTION, id=action_id, status="COMPLETED"),
        headers=_bearer(keys[Role.EDITOR]),
    )
    assert refused.status_code == 405
    assert refused.headers["cache-control"] == "no-store"
    assert refused.json() == {
        "errors": [
            {
                "message": "a mutation cannot be sent with GET, which only reads: send it with "
                "POST",
                "extensions": {"code": "METHOD_NOT_ALLOWED"},
            }
        ]
    }
    again = (await client.post("/graphql", json=graphql(ACTIONS, first=1))).json()
    assert again == action


# --- automatic persisted queries -------------------------------------------------------------


async def test_persisted_queries_miss_register_hit_and_mismatch(seeded: Seeded) -> None:
    client, _ = seeded
    digest = hashlib.sha256(THEMES.encode()).hexdigest()
    miss = await client.get("/graphql", params={"extensions": json.dumps(_apq(digest))})
    assert miss.status_code == 200
    assert miss.headers["cache-control"] == "no-store"
    assert miss.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }
    posted_miss = await client.post("/graphql", json={"extensions": _apq(digest)})
    assert posted_miss.json() == miss.json()

    registered = await client.post("/graphql", json={"query": THEMES, "extensions": _apq(digest)})
    assert registered.status_code == 200
    themes = registered.json()
    assert themes["data"]["themes"], themes

    hit = await client.get("/graphql", params={"extensions": json.dumps(_apq(digest))})
    assert hit.status_code == 200 and hit.json() == themes
    posted_hit = await client.post("/graphql", json={"extensions": _apq(digest.upper())})
    assert posted_hit.json() == themes

    other = hashlib.sha256(b"{ __typename }").hexdigest()
    mismatch = await client.post("/graphql", json={"query": THEMES, "extensions": _apq(other)})
    assert mismatch.status_code == 400
    [error] = mismatch.json()["errors"]
    assert error["extensions"] == {"code": "PERSISTED_QUERY_HASH_MISMATCH"}
    assert "provided sha does not match query" in error["message"]
    # The mismatched hash was not registered.
    unknown = await client.post("/graphql", json={"extensions": _apq(other)})
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"

    version = await client.post(
        "/graphql",
        json={"extensions": {"persistedQuery": {"version": 2, "sha256Hash": digest}}},
    )
    assert version.status_code == 400
    assert version.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}


async def test_the_persisted_query_store_is_bounded(
    settings: Settings, client_for: ClientFactory
) -> None:
    queries = [f"{{ q{i}: themes {{ code }} }}" for i in range(3)]
    digests = [hashlib.sha256(q.encode()).hexdigest() for q in queries]
    async with client_for(persisted_queries=2) as client:
        for query, digest in zip(queries, digests, strict=True):
            response = await client.post(
                "/graphql", json={"query": query, "extensions": _apq(digest)}
            )
            assert "errors" not in response.json()
        codes = []
        for digest in digests:
            body = (await client.post("/graphql", json={"extensions": _apq(digest)})).json()
            codes.append((body.get("errors") or [{}])[0].get("extensions", {}).get("code"))
    assert codes == ["PERSISTED_QUERY_NOT_FOUND", None, None]


def test_a_bounded_cache_drops_the_least_recently_used() -> None:
    cache: Cache[str, tuple[bytes, int]] = bounded_cache(max_entries=2, max_bytes=100)
    cache.put("a", (b"a", 10))
    cache.put("b", (b"b", 10))
    assert cache.get("a") == (b"a", 10)
    cache.put("c", (b"c", 10))
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == ((b"a", 10), None, (b"c", 10))
    cache.put("big", (b"x", 101))
    assert "big" not in cache
    cache.put("d", (b"d", 95))  # over 100 bytes with a and c: both go
    assert len(cache) == 1 and cache.weight == 95


# --- ETags, 304, Cache-Control and Vary --------------------------------------------------------


async def test_etag_and_304_until_a_write(seeded: Seeded) -> None:
    client, keys = seeded
    params = _get_params(ACTIONS, first=1)
    first = await client.get("/graphql", params=params)
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"] == PUBLIC
    assert first.headers["vary"] == "Authorization"

    same = await client.get("/graphql", params=params, headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b""
    assert same.headers["etag"] == etag and same.headers["cache-control"] == PUBLIC
    listed = await client.get(
        "/graphql", params=params, headers={"If-None-Match": f'"other", {etag}'}
    )
    assert listed.status_code == 304
    other_variables = await client.get(
        "/graphql", params=_get_params(ACTIONS, first=2), headers={"If-None-Match": etag}
    )
    assert other_variables.status_code == 200 and other_variables.headers["etag"] != etag

    action_id = first.json()["data"]["meetings"]["edges"][0]["node"]["actions"][0]["id"]
    written = await client.post(
        "/graphql",
        json=graphql(UPDATE_ACTION, id=action_id, status="COMPLETED"),
        headers=_bearer(keys[Role.EDITOR]),
    )
    assert written.json()["data"]["updateAction"]["errors"] == []
    assert written.headers["cache-control"] == "no-store"
    after = await client.get("/graphql", params=params, headers={"If-None-Match": etag})
    assert after.status_code == 200
    assert after.headers["etag"] != etag
    assert after.json()["data"]["meetings"]["edges"][0]["node"]["actions"][0]["status"] == (
        "COMPLETED"
    )


async def test_keyed_reads_are_private_and_etags_differ_by_role(seeded: Seeded) -> None:
    client, keys = seeded
    params = _get_params(ACTIONS, first=1)
    open_read = await client.get("/graphql", params=params)
    reader = await client.get("/graphql", params=params, headers=_bearer(keys[Role.READER]))
    editor = await client.get("/graphql", params=params, headers=_bearer(keys[Role.EDITOR]))
    assert open_read.headers["cache-control"] == PUBLIC
    for keyed in (reader, editor):
        assert keyed.status_code == 200
        assert keyed.headers["cache-control"] == PRIVATE
        assert keyed.headers["vary"] == "Authorization"
    etags = {r.headers["etag"] for r in (open_read, reader, editor)}
    assert len(etags) == 3
    # One role's ETag does not revalidate another's answer.
    crossed = await client.get(
        "/graphql",
        params=params,
        headers={**_bearer(keys[Role.EDITOR]), "If-None-Match": reader.headers["etag"]},
    )
    assert crossed.status_code == 200


async def test_errors_are_not_cached(seeded: Seeded) -> None:
    client, _ = seeded
    bad = await client.get("/graphql", params={"query": "{ meeting(id: 1) { nope } }"})
    assert bad.json()["errors"]
    assert bad.headers["cache-control"] == "no-store" and "etag" not in bad.headers
    before = await _cache_counts(client)
    again = await client.get("/graphql", params={"query": "{ meeting(id: 1) { nope } }"})
    assert again.json() == bad.json()
    after = await _cache_counts(client)
    assert after.get("hit", 0) == before.get("hit", 0)


async def test_reads_that_need_a_key_are_refused_before_the_cache(
    settings: Settings, client_for: ClientFactory
) -> None:
    await ingest_seed(settings)
    key = await make_key(settings, Role.READER)
    async with client_for(reads_need_key=True) as client:
        keyed = await client.get("/graphql", params={"query": THEMES}, headers=_bearer(key))
        assert keyed.status_code == 200 and keyed.headers["cache-control"] == PRIVATE
        anonymous = await client.get("/graphql", params={"query": THEMES})
        assert anonymous.status_code == 401
        revalidated = await client.get(
            "/graphql", params={"query": THEMES}, headers={"If-None-Match": keyed.headers["etag"]}
        )
        assert revalidated.status_code == 401
        wrong = await client.get("/graphql", params={"query": THEMES}, headers=_bearer("ak_x"))
        assert wrong.status_code == 401


# --- the cache of answers ------------------------------------------------------------------------


async def test_a_repeated_query_is_answered_from_the_cache(seeded: Seeded) -> None:
    client, _ = seeded
    before = await _cache_counts(client)
    first = await client.post("/graphql", json=graphql(ACTIONS, first=1))
    second = await client.post("/graphql", json=graphql(ACTIONS, first=1))
    third = await client.get("/graphql", params=_get_params(ACTIONS, first=1))
    assert first.content == second.content == third.content
    assert first.headers["etag"] == second.headers["etag"] == third.headers["etag"]
    after = await _cache_counts(client)
    assert after["miss"] - before.get("miss", 0) == 1
    assert after["hit"] - before.get("hit", 0) == 2


async def test_a_write_is_seen_by_the_next_read(seeded: Seeded) -> None:
    client, keys = seeded
    editor = _bearer(keys[Role.EDITOR])
    for status in ("IN_PROGRESS", "COMPLETED", "OPEN"):
        for headers in ({}, editor):  # a cached open read and a cached keyed read
            read = (await client.post("/graphql", json=graphql(ACTIONS), headers=headers)).json()
            action = read["data"]["meetings"]["edges"][0]["node"]["actions"][0]
            assert action["status"] != status
        written = await client.post(
            "/graphql", json=graphql(UPDATE_ACTION, id=action["id"], status=status), headers=editor
        )
        assert written.json()["data"]["updateAction"]["action"]["status"] == status
        for headers in ({}, editor):
            read = (await client.post("/graphql", json=graphql(ACTIONS), headers=headers)).json()
            assert read["data"]["meetings"]["edges"][0]["node"]["actions"][0]["status"] == status


async def test_a_write_by_another_process_is_seen_by_the_next_read(
    settings: Settings, client_for: ClientFactory
) -> None:
    count = "{ meetings { totalCount } }"
    async with client_for() as client:
        for _ in range(2):  # the second from the cache
            empty = await client.get("/graphql", params={"query": count})
            assert empty.json() == {"data": {"meetings": {"totalCount": 0}}}
        await ingest_seed(settings)  # its own engine, as `assurance ingest` would
        seeded = await client.get(
            "/graphql", params={"query": count}, headers={"If-None-Match": empty.headers["etag"]}
        )
        assert seeded.status_code == 200
        assert seeded.json() == {"data": {"meetings": {"totalCount": 1}}}


async def test_the_cache_is_bounded_by_entries(
    settings: Settings, client_for: ClientFactory
) -> None:
    await ingest_seed(settings)
    async with client_for(response_cache_entries=2) as client:
        queries = [f"{{ q{i}: themes {{ code }} }}" for i in range(3)]
        for query in queries:  # three misses; the first is dropped
            await client.post("/graphql", json=graphql(query))
        before = await _cache_counts(client)
        for query in reversed(queries):  # q2, q1 hit; q0 misses (and drops q2)
            await client.post("/graphql", json=graphql(query))
        after = await _cache_counts(client)
    assert after["hit"] - before.get("hit", 0) == 2
    assert after["miss"] - before["miss"] == 1


async def test_no_cache_when_switched_off(settings: Settings, client_for: ClientFactory) -> None:
    async with client_for(response_cache_entries=0) as client:
        for _ in range(2):
            response = await client.post("/graphql", json=graphql(THEMES))
            assert response.status_code == 200 and "etag" in response.headers
        assert (await _cache_counts(client)).get("hit", 0) == 0


def test_if_none_match_forms() -> None:
    assert etag_matches('W/"abc"', 'W/"abc"')
    assert etag_matches('"abc"', 'W/"abc"')
    assert etag_matches('"x", W/"abc"', 'W/"abc"')
    assert etag_matches("*", 'W/"abc"')
    assert not etag_matches('W/"abd"', 'W/"abc"')
    assert not etag_matches(None, 'W/"abc"')


# --- answers that depend on the caller never cross keys ------------------------------------------


@dataclass
class _Context:
    role: str | None


@strawberry.type
class _Query:
    @strawberry.field
    def whoami(self, info: Info[_Context, None]) -> str | None:
        return info.context.role


def _schema(extensions: Sequence[ExtensionFactory]) -> BaseSchema:
    return strawberry.Schema(query=_Query, extensions=list(extensions))


async def _context(state: AppState, request: Request, caller: Caller | None) -> _Context:
    return _Context(role=None if caller is None else caller.role.value)


async def test_keyed_answers_never_cross_keys(
    settings: Settings, client_for: ClientFactory
) -> None:
    keys = {role: await make_key(settings, role) for role in Role}
    callers: list[Role | None] = [None, *Role]
    async with client_for(schema_factory=_schema, context_factory=_context) as client:
        for _ in range(3):  # the second and third rounds come from the cache
            for role in callers:
                headers = _bearer(None if role is None else keys[role])
                for response in (
                    await client.get("/graphql", params={"query": "{ whoami }"}, headers=headers),
                    await client.post("/graphql", json=graphql("{ whoami }"), headers=headers),
                ):
                    assert response.json() == {"data": {"whoami": role}}, role
        counts = await _cache_counts(client)
    assert counts["miss"] == len(callers)
    assert counts["hit"] == len(callers) * 5


async def test_browsers_on_another_origin_may_revalidate(
    settings: Settings, client_for: ClientFactory
) -> None:
    origin = "https://front.example"
    async with client_for(cors_origins=[origin]) as client:
        preflight = await client.options(
            "/graphql",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            },
        )
        assert preflight.status_code == 200
        assert "if-none-match" in preflight.headers["access-control-allow-headers"].lower()
        read = await client.get("/graphql", params={"query": THEMES}, headers={"Origin": origin})
        assert "etag" in read.headers["access-control-expose-headers"].lower()
        vary = {v.strip().lower() for v in read.headers["vary"].split(",")}
        assert {"authorization", "origin"} <= vary
