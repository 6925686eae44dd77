"""The server's own behaviour over HTTP, on a small schema made for these tests.

Health, readiness, metrics, GraphiQL, request ids and logs, body size, CORS, the
multipart CSRF rule, API keys, query limits and error masking do not depend on
what the schema holds; the full schema over the seed is tested in test_app_graphql.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import strawberry
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from strawberry.schema import BaseSchema
from strawberry.types import Info

from api.app import AppState
from api.auth import Caller, Role
from api.protection import MASKED_MESSAGE, ExtensionFactory, query_shape
from api.request_log import JsonFormatter
from records.db import write_session
from schema.errors import PublicError
from schema.permissions import IsEditor
from tests.support.api import ClientFactory, graphql, ingest_seed, make_key


@dataclass
class _Context:
    role: str | None
    engine: AsyncEngine | None = None


@strawberry.type
class _Item:
    id: int

    @strawberry.field
    def children(self, first: int = 20, last: int | None = None) -> list[_Item]:
        return [_Item(id=self.id * 10 + i) for i in range(min(last or first, 3))]


@strawberry.type
class _Query:
    @strawberry.field
    def items(self, first: int = 20, last: int | None = None) -> list[_Item]:
        return [_Item(id=i) for i in range(min(last or first, 3))]

    @strawberry.field
    def whoami(self, info: Info[_Context, None]) -> str | None:
        return info.context.role

    @strawberry.field
    async def slow(self, seconds: float) -> bool:
        await asyncio.sleep(seconds)
        return True

    @strawberry.field
    def boom(self) -> str:
        raise RuntimeError("password=hunter2 in the connection string")

    @strawberry.field
    def refused(self) -> str:
        raise PublicError("no meeting has that id", "NOT_FOUND")


@strawberry.type
class _Mutation:
    @strawberry.mutation(permission_classes=[IsEditor])  # type: ignore[untyped-decorator]
    def touch(self) -> bool:
        return True

    @strawberry.mutation
    async def write_slowly(self, info: Info[_Context, None], before: float, during: float) -> bool:
        assert info.context.engine is not None
        await asyncio.sleep(before)
        async with write_session(info.context.engine) as session:
            await asyncio.sleep(during)
            await session.execute(text("SELECT 1"))
        return True


def _schema(extensions: Sequence[ExtensionFactory]) -> BaseSchema:
    return strawberry.Schema(query=_Query, mutation=_Mutation, extensions=list(extensions))


async def _context(state: AppState, request: Request, caller: Caller | None) -> _Context:
    return _Context(role=None if caller is None else caller.role.value, engine=state.engine)


TEST_APP = {"schema_factory": _schema, "context_factory": _context}


@pytest.fixture
async def client(client_for: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(**TEST_APP) as client:
        yield client


def _error_messages(body: dict[str, Any]) -> list[str]:
    return [e["message"] for e in body.get("errors") or []]


# --- health, readiness, metrics ------------------------------------------------------------


async def test_health_ready_and_metrics(client: httpx.AsyncClient) -> None:
    health = await client.get("/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "index": {"position": 0, "latest": 0, "behind": 0, "lag_seconds": 0.0, "documents": 0},
    }
    await client.post("/graphql", json=graphql("{ items { id } }"))
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    text = metrics.text
    assert 'assurance_http_requests_total{method="POST",route="/graphql",status="200"} 1.0' in text
    assert 'assurance_http_request_duration_seconds_count{route="/readyz"} 1.0' in text
    assert "assurance_index_lag 0.0" in text


async def test_not_ready_once_the_index_has_been_behind_too_long(
    client_for: ClientFactory, settings: Any
) -> None:
    # Not following (index_sync_seconds is 0 here), and no lag allowed.
    async with client_for(**TEST_APP, index_ready_lag_seconds=0) as client:
        await ingest_seed(settings)  # the running app has not applied these changes yet
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        body = ready.json()
        assert body["status"] == "unavailable"
        [reason] = body["reasons"]
        index = body["index"]
        assert index["position"] == 0 and index["behind"] == index["latest"] > 0
        assert index["lag_seconds"] > 0
        assert f"{index['behind']} change(s) behind the database for" in reason
        metrics = (await client.get("/metrics")).text
        assert f"assurance_index_lag {float(index['behind'])}" in metrics
        assert "assurance_index_lag_seconds 0.0" not in metrics


async def test_ready_while_a_lag_is_within_the_limit(
    client: httpx.AsyncClient, settings: Any
) -> None:
    await ingest_seed(settings)  # not applied here: the app does not follow in these tests
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    index = ready.json()["index"]
    assert index["behind"] == index["latest"] > 0 and index["position"] == 0


async def test_unknown_route_is_counted_as_other(client: httpx.AsyncClient) -> None:
    assert (await client.get("/nowhere/123")).status_code == 404
    text = (await client.get("/metrics")).text
    assert 'route="other",status="404"' in text and "/nowhere" not in text


# --- GraphiQL and transport rules ------------------------------------------------------------


async def test_graphiql_page_on_get(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "graphiql" in page.text.lower()


async def test_graphiql_can_be_switched_off(client_for: ClientFactory) -> None:
    async with client_for(graphiql=False, **TEST_APP) as client:
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        assert page.status_code != 200
        assert "graphiql" not in page.text.lower()


async def test_queries_over_get_and_never_mutations(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ items { id } }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"items": [{"id": 0}, {"id": 1}, {"id": 2}]}}
    refused = await client.get("/graphql", params={"query": "mutation { touch }"})
    assert refused.status_code == 405
    assert refused.json()["errors"][0]["extensions"] == {"code": "METHOD_NOT_ALLOWED"}


async def test_multipart_needs_a_preflight_header(client: httpx.AsyncClient) -> None:
    form = {
        "operations": json.dumps({"query": "{ items { id } }", "variables": {}}),
        "map": "{}",
    }
    refused = await client.post("/graphql", data=form, files={"unused": ("a.txt", b"x")})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"]["code"] == "PREFLIGHT_REQUIRED"
    accepted = await client.post(
        "/graphql",
        data=form,
        files={"unused": ("a.txt", b"x")},
        headers={"Apollo-Require-Preflight": "true"},
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["data"] == {"items": [{"id": 0}, {"id": 1}, {"id": 2}]}


async def test_cors_allows_configured_origins_only(client_for: ClientFactory) -> None:
    async with client_for(cors_origins=["https://app.example"], **TEST_APP) as client:
        preflight = {
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        }
        allowed = await client.options(
            "/graphql", headers={"Origin": "https://app.example", **preflight}
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        denied = await client.options(
            "/graphql", headers={"Origin": "https://evil.example", **preflight}
        )
        assert "access-control-allow-origin" not in denied.headers


# --- request ids, logs, body size ------------------------------------------------------------


async def test_request_id_in_and_out_and_one_log_line(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="assurance.api.access"):
        given = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
        made = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert given.headers["x-request-id"] == "abc-123"
    assert made.headers["x-request-id"] not in ("", "bad id\twith spaces")
    lines = [r for r in caplog.records if r.name == "assurance.api.access"]
    assert [getattr(r, "request_id", None) for r in lines] == [
        "abc-123",
        made.headers["x-request-id"],
    ]
    entry = json.loads(JsonFormatter().format(lines[0]))
    assert entry["request_id"] == "abc-123"
    assert entry["path"] == "/healthz" and entry["status"] == 200
    assert isinstance(entry["duration_ms"], float)


async def test_body_too_large(client_for: ClientFactory) -> None:
    async with client_for(max_body_kb=1, **TEST_APP) as client:
        padding = "x" * 2000
        response = await client.post("/graphql", json=graphql("{ items { id } }", pad=padding))
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"

        async def chunks() -> AsyncIterator[bytes]:
            yield b'{"query": "{ items { id } }", "variables": {"pad": "'
            for _ in range(4):
                yield b"y" * 500
            yield b'"}}'

        chunked = await client.post(
            "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert chunked.status_code == 413
        small = await client.post("/graphql", json=graphql("{ items { id } }"))
        assert small.status_code == 200


# --- API keys ----------------------------------------------------------------------------------


async def test_auth_matrix(client: httpx.AsyncClient, settings: Any) -> None:
    keys = {role: await make_key(settings, role) for role in Role}

    async def call(query: str, key: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return await client.post("/graphql", json=graphql(query), headers=headers)

    anonymous = await call("{ whoami }", None)
    assert anonymous.status_code == 200 and anonymous.json()["data"] == {"whoami": None}
    for role, key in keys.items():
        read = await call("{ whoami }", key)
        assert read.json() == {"data": {"whoami": role.value}}

    wrong = await call("{ whoami }", "ak_not-a-key")
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert "data" not in wrong.json()
    assert wrong.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    malformed = await client.post(
        "/graphql", json=graphql("{ whoami }"), headers={"Authorization": "Basic abc"}
    )
    assert malformed.status_code == 401 and "data" not in malformed.json()

    mutation = "mutation { touch }"
    denied = (await call(mutation, None)).json()
    assert denied["data"] is None
    assert denied["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    forbidden = (await call(mutation, keys[Role.READER])).json()
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    for role in (Role.EDITOR, Role.ADMIN):
        assert (await call(mutation, keys[role])).json() == {"data": {"touch": True}}
    assert (await call(mutation, "ak_wrong")).status_code == 401


async def test_reads_can_require_a_key(client_for: ClientFactory, settings: Any) -> None:
    key = await make_key(settings, Role.READER)
    async with client_for(reads_need_key=True, **TEST_APP) as client:
        anonymous = await client.post("/graphql", json=graphql("{ whoami }"))
        assert anonymous.status_code == 401 and "data" not in anonymous.json()
        with_key = await client.post(
            "/graphql", json=graphql("{ whoami }"), headers={"Authorization": f"Bearer {key}"}
        )
        assert with_key.json() == {"data": {"whoami": "reader"}}
        assert (await client.get("/healthz")).status_code == 200


# --- limits --------------------------------------------------------------------------------------


def _nested(depth: int) -> str:
    query = "id"
    for _ in range(depth):
        query = f"id children(first: 1) {{ {query} }}"
    return f"{{ items(first: 1) {{ {query} }} }}"


async def test_depth_limit(client_for: ClientFactory) -> None:
    async with client_for(max_depth=4, **TEST_APP) as client:
        for _ in range(2):  # the second time, from the parse and validation caches
            ok = await client.post("/graphql", json=graphql(_nested(3)))
            assert "errors" not in ok.json()
            deep = (await client.post("/graphql", json=graphql(_nested(4)))).json()
            assert deep.get("data") is None
            assert "exceeds maximum operation depth of 4" in _error_messages(deep)[0]
    # Another app with another limit does not take the first one's validation results.
    async with client_for(max_depth=5, **TEST_APP) as client:
        assert "errors" not in (await client.post("/graphql", json=graphql(_nested(4)))).json()


async def test_alias_limit(client_for: ClientFactory) -> None:
    async with client_for(max_aliases=3, **TEST_APP) as client:
        aliases = " ".join(f"a{i}: whoami" for i in range(4))
        body = (await client.post("/graphql", json=graphql(f"{{ {aliases} }}"))).json()
        assert body.get("data") is None
        assert _error_messages(body)[0] == "4 aliases found. Allowed: 3"


async def test_token_limit(client_for: ClientFactory) -> None:
    async with client_for(max_tokens=20, **TEST_APP) as client:
        many = " ".join(["whoami"] * 30)
        body = (await client.post("/graphql", json=graphql(f"{{ {many} }}"))).json()
        assert body.get("data") is None
        assert "20 tokens" in _error_messages(body)[0]


async def test_cost_limit_multiplies_page_sizes(client_for: ClientFactory) -> None:
    async with client_for(max_cost=1000, **TEST_APP) as client:
        # items 1 + 50 x (id 1 + children 1 + 50 x id 1) = 2601
        costly = "{ items(first: 50) { id children(first: 50) { id } } }"
        body = (await client.post("/graphql", json=graphql(costly))).json()
        assert body.get("data") is None
        error = body["errors"][0]
        assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 2601, "limit": 1000}
        assert "smaller pages" in error["message"]
        cheap = "{ items(first: 10) { id children(first: 10) { id } } }"
        assert "errors" not in (await client.post("/graphql", json=graphql(cheap))).json()
        # A page size given as a variable counts as the largest page.
        variable = "query Q($n: Int!) { items(first: $n) { id children(first: $n) { id } } }"
        body = (await client.post("/graphql", json=graphql(variable, n=2))).json()
        assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        # A backward page (last) counts as a forward one; of both, the larger counts.
        for pages in ("last: 50", "first: 1, last: 50"):
            backward = f"{{ items({pages}) {{ id children({pages}) {{ id }} }} }}"
            body = (await client.post("/graphql", json=graphql(backward))).json()
            assert body["errors"][0]["extensions"]["cost"] == 2601


def _fan_out(levels: int) -> str:
    """Fragments that each spread the next twice: 2**levels fields once expanded."""
    fragments = "".join(
        f"fragment G{i} on Query {{ ...G{i + 1} ...G{i + 1} }}\n" for i in range(levels)
    )
    return f"{{ ...G0 }}\n{fragments}fragment G{levels} on Query {{ __typename }}\n"


async def test_fragment_fan_out_is_refused_at_once_and_the_server_goes_on(
    client_for: ClientFactory,
) -> None:
    async with client_for(**TEST_APP) as client:
        body = (await client.post("/graphql", json=graphql(_fan_out(30)))).json()
        assert body.get("data") is None
        [error] = body["errors"]
        assert error["extensions"] == {
            "code": "TOO_MANY_SELECTIONS",
            "found": 2**30,
            "limit": 5000,
        }
        assert "spread each fragment where it is needed once" in error["message"]
        assert (await client.get("/healthz")).status_code == 200
        ok = (await client.post("/graphql", json=graphql(_fan_out(8)))).json()
        assert ok == {"data": {"__typename": "Query"}}


async def test_aliases_and_depth_are_counted_through_every_spread(
    client_for: ClientFactory,
) -> None:
    twice = """
    { ...A ...A }
    fragment A on Query { ...B ...B }
    fragment B on Query { x: whoami y: items { children { id } } }
    """
    async with client_for(max_aliases=7, max_depth=1, **TEST_APP) as client:
        body = (await client.post("/graphql", json=graphql(twice))).json()
    codes = [(e["extensions"]["code"], e["extensions"]["found"]) for e in body["errors"]]
    assert codes == [("QUERY_TOO_DEEP", 2), ("TOO_MANY_ALIASES", 8)]


async def test_a_request_past_its_time_budget_is_stopped(client_for: ClientFactory) -> None:
    async with client_for(request_seconds=0.5, **TEST_APP) as client:
        slow = await client.post("/graphql", json=graphql("{ slow(seconds: 60) }"))
        assert slow.status_code == 503
        assert slow.json() == {
            "errors": [
                {
                    "message": "the request took longer than the 0.5 s limit and was stopped",
                    "extensions": {"code": "TIMEOUT"},
                }
            ]
        }
        quick = await client.post("/graphql", json=graphql("{ slow(seconds: 0) }"))
        assert quick.json() == {"data": {"slow": True}}


async def test_a_request_that_has_begun_to_write_is_not_stopped(
    client_for: ClientFactory,
) -> None:
    async with client_for(request_seconds=1, **TEST_APP) as client:
        # Past the budget before it writes: stopped, nothing written.
        early = await client.post(
            "/graphql", json=graphql("mutation { writeSlowly(before: 5, during: 0) }")
        )
        assert early.status_code == 503
        # Writing when the budget runs out: it finishes, and says so.
        writing = await client.post(
            "/graphql", json=graphql("mutation { writeSlowly(before: 0, during: 2) }")
        )
        assert writing.json() == {"data": {"writeSlowly": True}}


async def test_introspection_switch(client_for: ClientFactory) -> None:
    query = graphql("{ __schema { queryType { name } } }")
    async with client_for(**TEST_APP) as client:
        body = (await client.post("/graphql", json=query)).json()
        assert body["data"]["__schema"]["queryType"]["name"] == "Query"
    async with client_for(introspection=False, **TEST_APP) as client:
        body = (await client.post("/graphql", json=query)).json()
        assert body.get("data") is None
        assert "introspection" in _error_messages(body)[0].lower()


# --- errors -------------------------------------------------------------------------------------


async def test_unexpected_errors_are_masked_and_logged(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="assurance.api.errors"):
        response = await client.post(
            "/graphql", json=graphql("{ boom }"), headers={"X-Request-ID": "req-boom"}
        )
    assert response.status_code == 200
    assert "hunter2" not in response.text
    assert _error_messages(response.json()) == [MASKED_MESSAGE]
    logged = [r for r in caplog.records if r.name == "assurance.api.errors"]
    assert len(logged) == 1
    assert getattr(logged[0], "request_id", None) == "req-boom"
    assert logged[0].exc_info and "hunter2" in str(logged[0].exc_info[1])
    metrics = (await client.get("/metrics")).text
    assert "assurance_graphql_internal_errors_total 1.0" in metrics


async def test_public_and_validation_errors_are_not_masked(client: httpx.AsyncClient) -> None:
    public = (await client.post("/graphql", json=graphql("{ refused }"))).json()
    assert public["errors"][0]["message"] == "no meeting has that id"
    assert public["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    invalid = (await client.post("/graphql", json=graphql("{ nosuchfield }"))).json()
    assert "nosuchfield" in invalid["errors"][0]["message"]


def test_cost_counts_fragments_like_inline_selections() -> None:
    schema = strawberry.Schema(query=_Query, mutation=_Mutation)._schema
    inline = "{ items(first: 5) { id children { id } } }"
    fragments = """
    query { items(first: 5) { ...ItemFields } }
    fragment ItemFields on Item { id children { ...Leaf } }
    fragment Leaf on Item { id }
    """

    def cost(source: str) -> int:
        document = parse(source)
        operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
        named = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        shape = query_shape(schema, operation, named, default_page_size=20, max_page_size=100)
        return shape.cost

    # items 1 + 5 x (id 1 + children 1 + 20 x id 1) = 111; `children` defaults to 20
    assert cost(inline) == cost(fragments) == 111
