"""The full schema served over HTTP, on a database holding the seed minutes."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.auth import Role
from api.settings import Settings
from tests.support.api import ClientFactory, graphql, ingest_seed, make_key
from tests.support.paths import SAMPLES

MEETINGS = """
{ meetings(first: 5) {
    totalCount
    edges { cursor node { id title date items { number title } actions { id reference } } }
} }
"""
UPDATE_ACTION = """
mutation Update($id: ID!, $note: String) {
  updateAction(id: $id, note: $note) { action { id } errors { code message } }
}
"""
DELETE_MEETING = """
mutation Delete($id: ID!) { deleteMeeting(id: $id) { deletedId errors { code } } }
"""


@pytest.fixture
async def seeded(
    settings: Settings, client_for: ClientFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, dict[Role, str]]]:
    await ingest_seed(settings)
    keys = {role: await make_key(settings, role) for role in Role}
    async with client_for() as client:
        yield client, keys


async def _post(
    client: httpx.AsyncClient, query: str, key: str | None = None, **variables: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return await client.post("/graphql", json=graphql(query, **variables), headers=headers)


def _codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


async def test_the_seed_over_http_and_ready(
    seeded: tuple[httpx.AsyncClient, dict[Role, str]],
) -> None:
    client, _ = seeded
    assert (await client.get("/readyz")).status_code == 200  # the lifespan caught the index up
    body = (await _post(client, MEETINGS)).json()
    assert "errors" not in body, body
    meetings = body["data"]["meetings"]
    assert meetings["totalCount"] == 1
    meeting = meetings["edges"][0]["node"]
    assert meeting["date"].startswith("2021-02-")
    assert meeting["items"] and meeting["actions"]
    search = await _post(
        client, '{ search(query: "MARAC") { totalCount edges { score highlights } } }'
    )
    results = search.json()["data"]["search"]
    assert results["totalCount"] >= 1
    assert any("<mark>" in h for edge in results["edges"] for h in edge["highlights"])


async def test_mutation_auth_matrix(seeded: tuple[httpx.AsyncClient, dict[Role, str]]) -> None:
    client, keys = seeded
    meeting = (await _post(client, MEETINGS)).json()["data"]["meetings"]["edges"][0]["node"]
    action_id = meeting["actions"][0]["id"]

    anonymous = (await _post(client, UPDATE_ACTION, id=action_id, note="checked")).json()
    assert anonymous["data"] is None and _codes(anonymous) == ["UNAUTHENTICATED"]
    reader = (await _post(client, UPDATE_ACTION, keys[Role.READER], id=action_id, note="x")).json()
    assert reader["data"] is None and _codes(reader) == ["FORBIDDEN"]
    wrong = await _post(client, UPDATE_ACTION, "ak_wrong", id=action_id, note="x")
    assert wrong.status_code == 401 and "data" not in wrong.json()
    for role in (Role.EDITOR, Role.ADMIN):
        done = (await _post(client, UPDATE_ACTION, keys[role], id=action_id, note=role)).json()
        assert done["data"]["updateAction"] == {"action": {"id": action_id}, "errors": []}

    editor_delete = (
        await _post(client, DELETE_MEETING, keys[Role.EDITOR], id=meeting["id"])
    ).json()
    assert _codes(editor_delete) == ["FORBIDDEN"]
    admin_delete = (await _post(client, DELETE_MEETING, keys[Role.ADMIN], id=meeting["id"])).json()
    assert admin_delete["data"]["deleteMeeting"]["deletedId"] == meeting["id"]
    assert (await _post(client, MEETINGS)).json()["data"]["meetings"]["totalCount"] == 0


async def test_upload_needs_editor_and_preflight(
    seeded: tuple[httpx.AsyncClient, dict[Role, str]],
) -> None:
    client, keys = seeded
    sample = SAMPLES / "eastmoor-performance-2021-06.txt"
    operations = {
        "query": "mutation($file: Upload!) { ingestDocument(file: $file) { outcome errors { code } "
        "meeting { title } } }",
        "variables": {"file": None},
    }
    form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})}
    files = {"0": (sample.name, sample.read_bytes(), "text/plain")}
    editor = {"Authorization": f"Bearer {keys[Role.EDITOR]}"}
    refused = await client.post("/graphql", data=form, files=files, headers=editor)
    assert refused.status_code == 400
    stored = await client.post(
        "/graphql", data=form, files=files, headers={**editor, "Apollo-Require-Preflight": "true"}
    )
    body = stored.json()
    assert body["data"]["ingestDocument"]["outcome"] == "STORED", body
    assert (await _post(client, MEETINGS)).json()["data"]["meetings"]["totalCount"] == 2
