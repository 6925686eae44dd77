"""Writes refused by the write rate limit are counted in /metrics, by reason."""

from __future__ import annotations

import re

import httpx

from api.auth import Role
from api.settings import Settings
from api.write_limits import WRITE_RATE_LIMITED
from tests.support.api import ClientFactory, graphql, make_key

UPDATE = 'mutation($id: ID!) { updateAction(id: $id, note: "checked") { errors { code } } }'
NO_ACTION = "QWN0aW9uOjk5OTk5OQ=="  # Action:999999, which no action has
# One write at once, and no token back while the test runs (one every 100 s).
TIGHT = {"write_rate": 0.01, "write_burst": 1}


async def _update(client: httpx.AsyncClient, key: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return await client.post("/graphql", json=graphql(UPDATE, id=NO_ACTION), headers=headers)


def _refused(metrics: str) -> dict[str, float]:
    pattern = r'^assurance_writes_refused_total\{reason="([a-z_]+)"\} ([0-9.]+)$'
    return {m[1]: float(m[2]) for m in re.finditer(pattern, metrics, re.MULTILINE)}


async def test_refused_writes_are_counted_by_reason(
    settings: Settings, client_for: ClientFactory
) -> None:
    editor = await make_key(settings, Role.EDITOR)
    async with client_for(**TIGHT) as client:
        assert _refused((await client.get("/metrics")).text) == {}
        assert (await _update(client, editor)).status_code == 200
        for _ in range(2):
            refused = await _update(client, editor)
            assert refused.status_code == 429
            assert refused.json()["errors"][0]["extensions"]["code"] == WRITE_RATE_LIMITED
        # A caller without a key counts against its address's bucket.
        assert (await _update(client, None)).status_code == 200
        assert (await _update(client, None)).status_code == 429
        reads = await client.post("/graphql", json=graphql("{ meetings(first: 1) { totalCount } }"))
        assert reads.status_code == 200  # reads are never limited, nor counted
        assert _refused((await client.get("/metrics")).text) == {"api_key": 2.0, "address": 1.0}
