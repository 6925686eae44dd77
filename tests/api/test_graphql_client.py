"""The API as a GraphQL client library sees it: gql over HTTP against a real uvicorn server.

gql fetches the schema by introspection and checks every query against it before
sending; the server runs the whole app (lifespan included) on a loopback port.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from gql import Client, FileVar, GraphQLRequest, gql
from gql.client import AsyncClientSession
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXAsyncTransport
from graphql import GraphQLError

from api.app import create_app
from api.auth import Role
from api.database import open_database
from api.settings import Settings
from ingest.pipeline import ingest_paths
from tests.support.api import make_key, serving
from tests.support.paths import SAMPLES, SEED

TEXT_SAMPLES = [
    SAMPLES / name
    for name in (
        "eastmoor-performance-2019-10.txt",
        "eastmoor-performance-2021-06.txt",
        "eastmoor-police-and-crime-panel-2023-02.txt",
        "northshire-monthly-assurance-2019-08.txt",
        "northshire-monthly-assurance-2022-04.txt",
        "northshire-performance-2020-03.txt",
    )
]

LINKED = gql("""
query Linked {
  meetings(first: 100) {
    totalCount
    edges { node {
      id title date
      items { number title actions { id reference owners { name } } }
      actions { id owners { id name } meeting { id } }
    } }
  }
}
""")
PAGE = gql("""
query Page($first: Int!, $after: String) {
  meetings(first: $first, after: $after, order: DATE_ASC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id date } }
  }
}
""")
SEARCH = gql("""
query Search($words: String!, $years: [Int!]) {
  search(query: $words, filter: { years: $years }, first: 5) {
    totalCount
    edges { score highlights node { __typename } }
    facets {
      years { value count }
      themes { value count }
      kinds { value count }
      types { value count }
    }
  }
}
""")
UPDATE = gql("""
mutation Update($id: ID!, $note: String, $status: ActionStatus) {
  updateAction(id: $id, note: $note, status: $status) {
    action { id status }
    errors { field code message }
  }
}
""")
HISTORY = gql("""
query History($id: ID!) {
  node(id: $id) { ... on Action { status history { text status author } } }
}
""")
COUNTS = gql("""
query Counts($words: String!) {
  meetings { totalCount }
  search(query: $words) { totalCount }
}
""")
INGEST = gql("""
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) {
    meeting { id date }
    outcome
    errors { field code message }
  }
}
""")


# --- the server and clients ----------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    url: str
    editor_key: str


@pytest.fixture
async def server(settings: Settings) -> AsyncIterator[Server]:
    """The app on a database holding the text samples (the seed is left for uploading)."""
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, TEXT_SAMPLES)
        assert not summary.failed, [(r.path.name, r.error) for r in summary.failed]
    finally:
        await engine.dispose()
    key = await make_key(settings, Role.EDITOR)
    async with serving(create_app(settings)) as url:
        yield Server(url, key)


@asynccontextmanager
async def connect(url: str, key: str | None = None) -> AsyncIterator[AsyncClientSession]:
    """A gql session that has fetched the schema; with ``key``, it calls as that key."""
    headers = {"Apollo-Require-Preflight": "true"}  # needed on multipart (upload) requests
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    transport = HTTPXAsyncTransport(url=url, headers=headers, timeout=30)
    client = Client(transport=transport, fetch_schema_from_transport=True)
    async with client as session:
        assert isinstance(session, AsyncClientSession)
        yield session


def ask(request: GraphQLRequest, variables: dict[str, Any]) -> GraphQLRequest:
    """``request`` with these variable values."""
    return GraphQLRequest(request, variable_values=variables)


def nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


# --- tests ---------------------------------------------------------------------------------


async def test_schema_is_introspected_and_queries_are_checked_before_sending(
    server: Server,
) -> None:
    async with connect(server.url) as session:
        schema = session.client.schema
        assert schema is not None and schema.query_type and schema.mutation_type
        assert {"meetings", "search", "changes", "node"} <= set(schema.query_type.fields)
        assert {"ingestDocument", "updateAction"} <= set(schema.mutation_type.fields)
        assert schema.get_type("Upload") is not None

        with pytest.raises(GraphQLError, match="Cannot query field 'minutes'"):
            await session.execute(gql("{ meetings { totalCount minutes } }"))
        with pytest.raises(GraphQLError, match="Int cannot represent non-integer value: 'ten'"):
            await session.execute(ask(PAGE, {"first": "ten"}), serialize_variables=True)


async def test_linked_query_follows_meetings_items_actions_and_owners(server: Server) -> None:
    async with connect(server.url) as session:
        data = await session.execute(LINKED)

    meetings = nodes(data["meetings"])
    assert len(meetings) == data["meetings"]["totalCount"] >= 5
    actions = [action for meeting in meetings for action in meeting["actions"]]
    assert actions and any(action["owners"] for action in actions)
    for meeting in meetings:
        assert all(action["meeting"]["id"] == meeting["id"] for action in meeting["actions"])
        listed = {action["id"] for action in meeting["actions"]}
        under_items = {a["id"] for item in meeting["items"] for a in item["actions"]}
        assert under_items <= listed
    owners = [owner for action in actions for owner in action["owners"]]
    assert all(owner["id"] and owner["name"] for owner in owners)


async def test_pages_with_after_have_no_gaps_or_repeats(server: Server) -> None:
    async with connect(server.url) as session:
        everything = await session.execute(ask(PAGE, {"first": 100}))
        seen: list[dict[str, Any]] = []
        after: str | None = None
        pages = 0
        while True:
            page = (await session.execute(ask(PAGE, {"first": 2, "after": after})))["meetings"]
            pages += 1
            assert len(page["edges"]) <= 2
            seen += nodes(page)
            if not page["pageInfo"]["hasNextPage"]:
                break
            assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
            after = page["pageInfo"]["endCursor"]

    expected = nodes(everything["meetings"])
    assert pages == -(-len(expected) // 2) >= 3
    assert [m["id"] for m in seen] == [m["id"] for m in expected]
    assert len({m["id"] for m in seen}) == len(seen)
    assert [m["date"] for m in seen] == sorted(m["date"] for m in seen)


async def test_search_gives_hits_and_facets_over_all_of_them(server: Server) -> None:
    words = "domestic abuse"
    async with connect(server.url) as session:
        found = (await session.execute(ask(SEARCH, {"words": words})))["search"]
        year = int(found["facets"]["years"][0]["value"])
        narrowed = await session.execute(ask(SEARCH, {"words": words, "years": [year]}))

    assert found["totalCount"] > len(found["edges"]) == 5
    assert all(edge["score"] > 0 for edge in found["edges"])
    assert any("<mark>" in h for edge in found["edges"] for h in edge["highlights"])
    facets = found["facets"]
    assert sum(f["count"] for f in facets["types"]) == found["totalCount"]
    assert sum(f["count"] for f in facets["years"]) == found["totalCount"]
    assert sum(f["count"] for f in facets["kinds"]) == found["totalCount"]
    assert "DA" in [f["value"] for f in facets["themes"]]
    in_year = narrowed["search"]
    assert in_year["totalCount"] == facets["years"][0]["count"]
    assert [f["value"] for f in in_year["facets"]["years"]] == [str(year)]


async def test_update_action_with_an_editor_key_shows_in_history(server: Server) -> None:
    async with connect(server.url) as reader:
        linked = await reader.execute(LINKED)
    action_id = next(a["id"] for m in nodes(linked["meetings"]) for a in m["actions"])

    async with connect(server.url, server.editor_key) as editor:
        note = {"id": action_id, "note": "Chased by email.", "status": "IN_PROGRESS"}
        updated = await editor.execute(ask(UPDATE, note))
    assert updated["updateAction"] == {
        "action": {"id": action_id, "status": "IN_PROGRESS"},
        "errors": [],
    }

    async with connect(server.url) as reader:
        action = (await reader.execute(ask(HISTORY, {"id": action_id})))["node"]
    assert action["status"] == "IN_PROGRESS"
    assert action["history"][-1] == {
        "text": "Chased by email.",
        "status": "IN_PROGRESS",
        "author": f"test {Role.EDITOR}",
    }


async def test_file_upload_through_gql_stores_a_meeting(server: Server) -> None:
    async with connect(server.url, server.editor_key) as editor:
        before = await editor.execute(ask(COUNTS, {"words": "MARAC"}))
        with SEED.open("rb") as file:
            upload = FileVar(file, filename=SEED.name, content_type="text/plain")
            stored = await editor.execute(ask(INGEST, {"file": upload}), upload_files=True)
        after = await editor.execute(ask(COUNTS, {"words": "MARAC"}))

    payload = stored["ingestDocument"]
    assert payload["errors"] == [] and payload["outcome"] == "STORED", payload
    assert payload["meeting"]["date"] == "2021-02-26"
    assert after["meetings"]["totalCount"] == before["meetings"]["totalCount"] + 1
    assert after["search"]["totalCount"] > before["search"]["totalCount"]


async def test_a_graphql_error_raises_transport_query_error_with_its_message(
    server: Server,
) -> None:
    async with connect(server.url) as session:
        with pytest.raises(TransportQueryError) as caught:
            await session.execute(ask(PAGE, {"first": 1000}))

    message = "meetings: argument `first` must be between 0 and 100 (got 1000)"
    assert message in str(caught.value)
    assert caught.value.errors is not None
    [error] = caught.value.errors
    assert error["message"] == message
    assert error["extensions"] == {"code": "PAGE_SIZE"}
    assert error["path"] == ["meetings"]
    assert caught.value.data is None
