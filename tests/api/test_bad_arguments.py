"""Invalid arguments over HTTP: a clear error that names the argument, with a stable code.

Each case is a request an attacker (or a careless client) might send to the app,
running on the seed minutes with an admin key. The answer is HTTP 200 with a GraphQL
error: never the masked "Internal server error." and never a 500, which the app's
own metrics also count.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.protection import MASKED_MESSAGE
from api.settings import Settings
from bench.fuzz_graphql import FuzzClient, fuzz_client
from schema.node import to_global_id
from tests.support.api import ingest_seed

PAST_64_BITS = 2**63
OWNER_COUNT = "query($o: String) { actions(filter: {owner: $o}) { totalCount } }"
NOTE = "mutation($id: ID!, $n: String) { updateAction(id: $id, note: $n) { errors { code } } }"


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[FuzzClient]:
    """The app on the seed minutes, with an admin key; checks it masked nothing and sent no 5xx."""
    await ingest_seed(settings)
    async with fuzz_client(settings) as api:
        yield api
        assert api.masked_errors() == 0
        assert api.server_errors() == 0


def _forged(raw: str) -> str:
    return base64.b64encode(raw.encode()).decode("ascii")


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode("ascii").rstrip("=")


async def _post(api: FuzzClient, query: str, variables: dict[str, Any] | None = None) -> Any:
    body = json.dumps({"query": query, "variables": variables or {}}, ensure_ascii=True)
    response: httpx.Response = await api.client.post(
        "/graphql",
        content=body.encode("ascii"),
        headers={"content-type": "application/json", "authorization": f"Bearer {api.key}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _refused(
    api: FuzzClient, query: str, variables: dict[str, Any] | None, code: str, named: str
) -> dict[str, Any]:
    """The first error of a refused request, checked: its code, and the argument it names."""
    body = await _post(api, query, variables)
    errors = body.get("errors")
    assert errors, body
    error: dict[str, Any] = errors[0]
    assert error["message"] != MASKED_MESSAGE
    assert error.get("extensions", {}).get("code") == code, error
    assert named in error["message"], error["message"]  # e.g. "`filter.owner`", "'$d'"
    return body


async def test_ids_past_64_bits_or_malformed_are_bad_id(api: FuzzClient) -> None:
    past = to_global_id("Meeting", PAST_64_BITS)
    cases = [
        ("query($id: ID!) { node(id: $id) { id } }", {"id": past}, "node: argument `id`"),
        ("query($id: ID!) { meeting(id: $id) { id } }", {"id": past}, "meeting: argument `id`"),
        (
            "query($a: ID!, $b: ID!) { nodes(ids: [$a, $b]) { id } }",
            {"a": to_global_id("Meeting", 1), "b": past},
            "nodes: argument `ids[1]`",
        ),
        (
            "query($id: ID) { actions(filter: {meeting: $id}) { totalCount } }",
            {"id": past},
            "actions: argument `filter.meeting`",
        ),
        (
            "query($id: ID) { actions(filter: {meeting: $id}) { totalCount } }",
            {"id": to_global_id("Action", 1)},
            "actions: argument `filter.meeting`",
        ),
    ]
    for number in (2**64, 10**30, 0, "-1", "+1", " 1", "1_0", "١", "9" * 5000):
        cases.append(
            (
                "query($id: ID!) { node(id: $id) { id } }",
                {"id": _forged(f"Meeting:{number}")},
                "node: argument `id`",
            )
        )
    cases.append(('{ node(id: "###") { id } }', None, "node: argument `id`"))
    cases.append(("{ node(id: 12) { id } }", None, "node: argument `id`"))
    for query, variables, named in cases:
        body = await _refused(api, query, variables, "BAD_ID", named)
        assert not (body.get("data") or {}).get("nodes")
    largest = to_global_id("Meeting", 2**63 - 1)
    found = await _post(api, "query($id: ID!) { node(id: $id) { id } }", {"id": largest})
    assert found == {"data": {"node": None}}  # in range, and no such record


async def test_mutation_ids_past_64_bits_are_payload_errors(api: FuzzClient) -> None:
    update = await _post(
        api,
        'mutation($id: ID!) { updateAction(id: $id, note: "x") { action { id } '
        "errors { field code message } } }",
        {"id": to_global_id("Action", PAST_64_BITS)},
    )
    delete = await _post(
        api,
        "mutation($id: ID!) { deleteMeeting(id: $id) { deletedId errors { field code } } }",
        {"id": to_global_id("Meeting", PAST_64_BITS)},
    )
    [error] = update["data"]["updateAction"]["errors"]
    assert (error["field"], error["code"]) == ("id", "BAD_ID")
    assert str(PAST_64_BITS) in error["message"]
    assert delete["data"]["deleteMeeting"] == {
        "deletedId": None,
        "errors": [{"field": "id", "code": "BAD_ID"}],
    }
    still = await _post(api, "{ meetings { totalCount } }")
    assert still["data"]["meetings"]["totalCount"] == 1  # nothing was removed


async def test_years_no_meeting_can_have_are_bad_year(api: FuzzClient) -> None:
    for year in (0, 2147483647, -2147483648, 1899, 2200):
        await _refused(
            api,
            f"{{ meetings(filter: {{year: {year}}}) {{ totalCount }} }}",
            None,
            "BAD_YEAR",
            "meetings: argument `filter.year`",
        )
    await _refused(
        api,
        'query($y: [Int!]) { search(query: "MARAC", filter: {years: $y}) { totalCount } }',
        {"y": [2021, 0]},
        "BAD_YEAR",
        "search: argument `filter.years[1]`",
    )
    held = await _post(api, "{ meetings(filter: {year: 2021}) { totalCount } }")
    assert held["data"]["meetings"]["totalCount"] == 1


async def test_nul_is_refused_in_every_text_argument(api: FuzzClient) -> None:
    action = to_global_id("Action", 1)
    cases = [
        (
            '{ actions(filter: {owner: "\\u0000"}) { totalCount } }',
            None,
            "actions: argument `filter.owner`",
        ),
        (OWNER_COUNT, {"o": "CC\x00"}, "actions: argument `filter.owner` (variable $o)"),
        ('{ actions(filter: {theme: "DA\\u0000"}) { totalCount } }', None, "`filter.theme`"),
        ('{ meetings(filter: {body: "x\\u0000"}) { totalCount } }', None, "`filter.body`"),
        ('{ meetings(filter: {theme: "\\u0000"}) { totalCount } }', None, "`filter.theme`"),
        ('{ metrics(filter: {label: "a\\u0000"}) { totalCount } }', None, "`filter.label`"),
        ('{ theme(code: "D\\u0000A") { code } }', None, "theme: argument `code`"),
        ('{ search(query: "MARAC\\u0000") { totalCount } }', None, "search: argument `query`"),
        (
            'query($t: [String!]) { search(query: "MARAC", filter: {themes: $t}) { totalCount } }',
            {"t": ["DA", "\x00"]},
            "search: argument `filter.themes[1]` (variable $t)",
        ),
        (
            "query($f: ActionFilter) { actions(filter: $f) { totalCount } }",
            {"f": {"owner": "\x00"}},
            "actions: argument `filter.owner` (variable $f)",
        ),
        (
            'query($o: String = "\\u0000") { actions(filter: {owner: $o}) { totalCount } }',
            None,
            "actions: argument `filter.owner` (variable $o)",
        ),
        (
            "query($o: String) { ...Owned } "
            "fragment Owned on Query { actions(filter: {owner: $o}) { totalCount } }",
            {"o": "\x00"},
            "actions: argument `filter.owner` (variable $o)",
        ),
        (
            NOTE,
            {"id": action, "n": "done\x00"},
            "updateAction: argument `note` (variable $n)",
        ),
        ("query($id: ID!) { node(id: $id) { id } }", {"id": "\x00"}, "node: argument `id`"),
    ]
    for query, variables, named in cases:
        body = await _refused(api, query, variables, "BAD_TEXT", named)
        assert body["data"] is None
        assert "NUL" in body["errors"][0]["message"]
    history = await _post(
        api,
        "query($id: ID!) { node(id: $id) { ... on Action { history { text } } } }",
        {"id": action},
    )
    assert all("\x00" not in h["text"] for h in history["data"]["node"]["history"])


async def test_a_nul_filter_is_not_silently_ignored(api: FuzzClient) -> None:
    """SQLite compares text only up to a NUL: "CC\\0zzz" would match every "CC" action."""
    owned = await _post(api, OWNER_COUNT, {"o": "CC"})
    nobody = await _post(api, OWNER_COUNT, {"o": "zzz"})
    assert owned["data"]["actions"]["totalCount"] >= 1
    assert nobody["data"]["actions"]["totalCount"] == 0
    for owner in ("\x00", "CC\x00zzz", "zzz\x00CC"):
        refused = await _refused(api, OWNER_COUNT, {"o": owner}, "BAD_TEXT", "`filter.owner`")
        assert refused["data"] is None  # no count at all, rather than every row's


async def test_lone_surrogates_are_refused(api: FuzzClient) -> None:
    cases = [
        (OWNER_COUNT, {"o": "\ud800"}, "actions: argument `filter.owner`"),
        ("query($c: String!) { theme(code: $c) { code } }", {"c": "D\udfffA"}, "`code`"),
        (
            "query($q: String!) { search(query: $q) { totalCount } }",
            {"q": "MARAC \udbff"},
            "search: argument `query`",
        ),
        (
            NOTE,
            {"id": to_global_id("Action", 1), "n": "\ud83d"},
            "updateAction: argument `note`",
        ),
    ]
    for query, variables, named in cases:
        body = await _refused(api, query, variables, "BAD_TEXT", named)
        assert "surrogate" in body["errors"][0]["message"]
    written = await _post(api, '{ actions(filter: {owner: "\\ud800"}) { totalCount } }')
    assert written["data"] is None  # a syntax error: GraphQL strings cannot hold one either
    assert written["errors"][0]["message"] != MASKED_MESSAGE


async def test_dates_not_written_yyyy_mm_dd_are_bad_date(api: FuzzClient) -> None:
    for written in ('"2021-02-30"', '"20210226"', '"2021-W08-5"', "5", '""'):
        await _refused(
            api,
            f"{{ meetings(filter: {{dateFrom: {written}}}) {{ totalCount }} }}",
            None,
            "BAD_DATE",
            "meetings: argument `filter.dateFrom`",
        )
    for value in ("2021-13-01", "0000-01-01", 20210226, "26/02/2021"):
        await _refused(
            api,
            "query($d: Date) { actions(filter: {dueFrom: $d}) { totalCount } }",
            {"d": value},
            "BAD_DATE",
            "Variable '$d'",
        )
    await _refused(
        api,
        'mutation($id: ID!) { updateAction(id: $id, dueDate: "2021-02-29") { errors { code } } }',
        {"id": to_global_id("Action", 1)},
        "BAD_DATE",
        "updateAction: argument `dueDate`",
    )


async def test_cursors_this_server_did_not_make_are_bad_cursor(api: FuzzClient) -> None:
    deep = base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).decode("ascii")
    cases = [
        ("meetings", _cursor(["DATE_DESC", "2021-02-26", PAST_64_BITS])),
        ("meetings", _cursor(["DATE_DESC", "2021-02-30", 1])),
        ("meetings", _cursor(["DATE_DESC", 20210226, 1])),
        ("meetings", deep),
        ("actions", "not a cursor"),
        ("changes", base64.urlsafe_b64encode(f"change:{2**64}".encode()).decode("ascii")),
        ("changes", base64.urlsafe_b64encode(b"change: 1").decode("ascii")),
    ]
    for field, cursor in cases:
        await _refused(
            api,
            f"query($a: String) {{ {field}(after: $a) {{ totalCount }} }}",
            {"a": cursor},
            "BAD_CURSOR",
            f"{field}: argument `after`",
        )
    for cursor in (_cursor(["RELEVANCE", 10**400, "k", 1]), deep):
        await _refused(
            api,
            'query($a: String) { search(query: "MARAC", after: $a) { totalCount } }',
            {"a": cursor},
            "BAD_CURSOR",
            "search: argument `after`",
        )
    await _refused(
        api,
        'query($a: String) { theme(code: "DA") { meetings(after: $a) { totalCount } } }',
        {"a": _cursor(["DATE_DESC", "2021-02-26", -1])},
        "BAD_CURSOR",
        "Theme.meetings: argument `after`",
    )


async def test_page_sizes_lengths_and_list_sizes_are_limited(api: FuzzClient) -> None:
    for first in (101, -1, 1000):
        await _refused(
            api, f"{{ metrics(first: {first}) {{ totalCount }} }}", None, "PAGE_SIZE", "`first`"
        )
    await _refused(api, "{ changes(since: -1) { totalCount } }", None, "BAD_SINCE", "`since`")
    await _refused(api, OWNER_COUNT, {"o": "x" * 1001}, "TEXT_TOO_LONG", "`filter.owner`")
    await _refused(
        api,
        'query($t: [String!]) { search(query: "MARAC", filter: {themes: $t}) { totalCount } }',
        {"t": ["DA"] * 101},
        "TOO_MANY",
        "search: argument `filter.themes`",
    )
    await _refused(
        api,
        "query($i: [ID!]!) { nodes(ids: $i) { id } }",
        {"i": [to_global_id("Meeting", 1)] * 101},
        "TOO_MANY",
        "nodes: argument `ids`",
    )
    by_status = "query($s: [ActionStatus!]) { actions(filter: {status: $s}) { totalCount } }"
    many = await _post(api, by_status, {"s": ["OPEN", "COMPLETED"] * 20_000})
    two = await _post(api, by_status, {"s": ["OPEN", "COMPLETED"]})
    assert many == two  # 40,000 values, more than a statement takes, are two statuses
