"""API keys: only their hash is stored and looked up; a key never reaches a log line, for
GraphQL requests that run, that are refused, or that carry a key that is not valid."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from api.auth import Role, hash_key
from api.database import open_database
from api.request_log import JsonFormatter
from api.settings import Settings
from records.models import ApiKey
from tests.support.api import ClientFactory, graphql, ingest_seed, make_key

READ = "{ meetings(first: 1) { edges { node { id actions { id } } } } }"
UPDATE = 'mutation($id: ID!) { updateAction(id: $id, note: "seen") { errors { code } } }'
DELETE = "mutation($id: ID!) { deleteMeeting(id: $id) { errors { code } } }"


async def test_only_the_hash_of_a_key_is_stored(settings: Settings) -> None:
    key = await make_key(settings, Role.READER)
    engine = await open_database(settings)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(ApiKey.key_hash, ApiKey.name))).all()
    finally:
        await engine.dispose()
    assert [row.key_hash for row in rows] == [hash_key(key)]
    assert key not in repr(rows)


async def test_a_key_never_appears_in_the_server_log(
    settings: Settings, client_for: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    await ingest_seed(settings)
    reader = await make_key(settings, Role.READER)
    editor = await make_key(settings, Role.EDITOR)
    unknown = "ak_" + "x" * 43  # well formed, never issued
    caplog.set_level(logging.DEBUG)  # every logger, the database's included
    async with client_for(write_rate=0.01, write_burst=1) as client:

        async def post(query: str, key: str, **variables: object) -> dict[str, object]:
            answer = await client.post(
                "/graphql",
                json=graphql(query, **variables),
                headers={"Authorization": f"Bearer {key}"},
            )
            assert key not in answer.text
            return {"status": answer.status_code, **answer.json()}

        read = await post(READ, reader)
        assert read["status"] == 200 and "errors" not in read, read
        meeting = read["data"]["meetings"]["edges"][0]["node"]  # type: ignore[index]
        action_id = meeting["actions"][0]["id"]
        forbidden = await post(UPDATE, reader, id=action_id)
        assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
        refused_delete = await post(DELETE, editor, id=meeting["id"])
        assert refused_delete["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
        rate_limited = await post(UPDATE, editor, id=action_id)
        assert rate_limited["status"] == 429
        invalid = await post(READ, unknown)
        assert invalid["status"] == 401
        malformed = await client.post(
            "/graphql", json=graphql(READ), headers={"Authorization": f"Token {reader}"}
        )
        assert malformed.status_code == 401 and reader not in malformed.text
        broken = await post("{ meetings(first: 1) { nosuchfield } }", reader)
        assert broken["errors"]  # a validation error, with the key on the request

    records = [r for r in caplog.records if r.name.startswith(("assurance", "strawberry"))]
    assert any(r.name == "assurance.api.access" for r in records)  # the request log was read
    assert any(r.name.startswith("strawberry") for r in records)  # and the errors' log
    formatter = JsonFormatter()
    for record in caplog.records:  # every line, as the server writes it
        line = formatter.format(record)
        for key in (reader, editor, unknown):
            assert key not in line, (record.name, line)
            assert key not in json.dumps(record.__dict__, default=repr), record.name
