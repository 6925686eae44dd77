"""Request bodies that are not GraphQL requests: 400 with a JSON error naming what is wrong.

The answer has the shape of the app's other refusals (``api.middleware.send_json_error``):
``{"errors": [{"message", "extensions": {"code"}}]}``, never a plain-text body or a 500.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from api.settings import Settings
from bench.fuzz_graphql import FuzzClient, fuzz_client

THEMES = b'{"query": "{ themes { code } }"'
JSON = "application/json"
DEEP = "[" * 10_000 + "]" * 10_000
INGEST = json.dumps(
    {
        "query": "mutation($file: Upload!) { ingestDocument(file: $file) { outcome } }",
        "variables": {"file": None},
    }
)
# (operations, map, code, words the message holds) of multipart requests
ENVELOPES = [
    ("null", "{}", "BAD_REQUEST", "`operations` must be an object, not null"),
    ("5", "{}", "BAD_REQUEST", "`operations` must be an object, not a number"),
    ("[]", "{}", "BAD_REQUEST", "`operations` must be an object, not an array"),
    (DEEP, "{}", "BAD_JSON", "`operations` nests JSON too deeply"),
    ('{"query": ', "{}", "BAD_JSON", "`operations` is not JSON"),
    ('{"query": 5}', "{}", "BAD_REQUEST", "`query` must be a string"),
    (INGEST, DEEP, "BAD_JSON", "`map` nests JSON too deeply"),
    (INGEST, "5", "BAD_REQUEST", "`map` must be an object of lists of paths"),
    (INGEST, '{"0": "variables.file"}', "BAD_REQUEST", "`map` must be an object"),
    (INGEST, '{"0": [5]}', "BAD_REQUEST", "`map` must be an object"),
    (INGEST, '{"1": ["variables.file"]}', "BAD_REQUEST", "not there"),
    (INGEST, '{"0": ["variables.file.x"]}', "BAD_REQUEST", "cannot hold a file"),
    (INGEST, '{"0": ["variables.nothing.x"]}', "BAD_REQUEST", "not there"),
    (INGEST, '{"0": ["query.0"]}', "BAD_REQUEST", "cannot hold a file"),
]

# (body, content type, code, words the message holds)
BODIES = [
    (b"null", JSON, "BAD_REQUEST", "must be a JSON object with a `query`, not null"),
    (b"42", JSON, "BAD_REQUEST", "not a number"),
    (b'"{ themes { code } }"', JSON, "BAD_REQUEST", "not a string"),
    (b"[]", JSON, "BAD_REQUEST", "not an array"),
    (b'{"query": "\xff"}', JSON, "BAD_JSON", "not UTF-8"),
    (b'{"query": ', JSON, "BAD_JSON", "not JSON"),
    (b"{'query': '{ themes { code } }'}", JSON, "BAD_JSON", "not JSON"),
    (THEMES + b', "variables": {"a": NaN}}', JSON, "BAD_JSON", "NaN"),
    (b'{"query": ' + b"1" * 5000 + b"}", JSON, "BAD_JSON", "not JSON"),
    (b"[" * 10_000 + b"]" * 10_000, JSON, "BAD_JSON", "too deeply"),
    (
        THEMES + b', "variables": {"a": ' + b"[" * 10_000 + b"]" * 10_000 + b"}}",
        JSON,
        "BAD_JSON",
        "too deeply",
    ),
    (b"", JSON, "BAD_JSON", "empty"),
    (b"  \n", JSON, "BAD_JSON", "empty"),
    (b"{}", JSON, "BAD_REQUEST", "`query` must be a string"),
    (b'{"query": 5}', JSON, "BAD_REQUEST", "`query` must be a string"),
    (b'{"query": null}', JSON, "BAD_REQUEST", "`query` must be a string"),
    (THEMES + b', "variables": [1]}', JSON, "BAD_REQUEST", "`variables` must be an object"),
    (THEMES + b', "variables": "{}"}', JSON, "BAD_REQUEST", "`variables` must be an object"),
    (THEMES + b', "operationName": 5}', JSON, "BAD_REQUEST", "`operationName` must be a string"),
    (THEMES + b', "operationName": "Nope"}', JSON, "BAD_REQUEST", "Nope"),
    (THEMES + b', "extensions": 1}', JSON, "BAD_REQUEST", "`extensions` must be an object"),
    (b'{"query": ""}', JSON, "BAD_REQUEST", "No GraphQL query"),
    (THEMES + b"}", "text/plain", "BAD_CONTENT_TYPE", "not as text/plain"),
    (THEMES + b"}", "application/graphql", "BAD_CONTENT_TYPE", "Content-Type: application/json"),
    (THEMES + b"}", None, "BAD_CONTENT_TYPE", "Content-Type: application/json"),
]


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[FuzzClient]:
    async with fuzz_client(settings) as api:
        yield api
        assert api.masked_errors() == 0
        assert api.server_errors() == 0


async def test_malformed_bodies_get_400_with_a_json_error(api: FuzzClient) -> None:
    for body, content_type, code, words in BODIES:
        headers = {"content-type": content_type} if content_type else {}
        response = await api.client.post("/graphql", content=body, headers=headers)
        shown = f"{body[:40]!r} ({content_type}): {response.text[:300]}"
        assert response.status_code == 400, shown
        assert response.headers["content-type"] == "application/json", shown
        [error] = response.json()["errors"]
        assert error["extensions"] == {"code": code}, shown
        assert words in error["message"], shown


async def test_malformed_multipart_envelopes_get_400_with_a_json_error(api: FuzzClient) -> None:
    headers = {"Apollo-Require-Preflight": "true", "authorization": f"Bearer {api.key}"}
    for operations, files_map, code, words in ENVELOPES:
        response = await api.client.post(
            "/graphql",
            data={"operations": operations, "map": files_map},
            files={"0": ("minutes.txt", b"Minutes")},
            headers=headers,
        )
        shown = f"{operations[:40]} {files_map[:40]}: {response.text[:300]}"
        assert response.status_code == 400, shown
        [error] = response.json()["errors"]
        assert error["extensions"] == {"code": code}, shown
        assert words in error["message"], shown
    for content_type in ("multipart/form-data", "multipart/form-data; boundary=x"):
        garbage = await api.client.post(
            "/graphql", content=b"--y\r\n\r\n", headers={**headers, "content-type": content_type}
        )
        assert garbage.status_code == 400, garbage.text
        [error] = garbage.json()["errors"]
        assert error["extensions"] == {"code": "BAD_REQUEST"}, garbage.text
        assert "the multipart body cannot be read" in error["message"]


async def test_a_well_formed_body_still_works(api: FuzzClient) -> None:
    for content_type in (JSON, "application/json; charset=utf-8", "Application/JSON"):
        response = await api.client.post(
            "/graphql", content=THEMES + b"}", headers={"content-type": content_type}
        )
        assert response.status_code == 200, (content_type, response.text)
        assert response.json() == {"data": {"themes": []}}


async def test_bad_get_parameters_and_mutations_over_get_get_a_json_error(
    api: FuzzClient,
) -> None:
    deep = await api.client.get("/graphql", params={"query": "{ __typename }", "variables": DEEP})
    assert deep.status_code == 400, deep.text
    assert deep.json()["errors"][0]["extensions"] == {"code": "BAD_JSON"}
    assert "the URL parameter `variables`" in deep.json()["errors"][0]["message"]
    response = await api.client.get("/graphql", params={"query": "{ themes { code } }"})
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"themes": []}}
    mutation = await api.client.get(
        "/graphql", params={"query": "mutation { deleteMeeting(id: 1) { deletedId } }"}
    )
    assert mutation.status_code == 405, mutation.text
    assert mutation.headers["allow"] == "POST"
    [error] = mutation.json()["errors"]
    assert error["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    assert "a mutation cannot be sent with GET" in error["message"]
