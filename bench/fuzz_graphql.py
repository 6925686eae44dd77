"""Fuzzing the GraphQL API: hostile argument values and malformed bodies, over HTTP.

    python -m bench.fuzz_graphql [--documents 20000] [--seed N] [--database-url URL]

Documents are generated from the committed SDL (``schema.graphql``) by
hypothesis-graphql: valid-shaped queries and mutations whose arguments hold hostile
values (ids past 64 bits, NUL characters, lone surrogates, very long text, forged
cursors, odd dates and years); some arguments move into ``variables``, where JSON
can carry what a GraphQL literal cannot. Malformed bodies (not JSON, not UTF-8, not
an object, nested deep, the wrong content type) and uploads with odd ``operations``
and ``map`` fields are mixed in, and ``SEEDS`` holds an explicit request for every
shape found by hand. Each request goes through the real
app (ASGI, its lifespan started, an admin key so that mutations run) on a database
holding the sample minutes.

The property: no answer is a server error (5xx), every answer is JSON, and none
holds the masked "Internal server error." (also counted by the app's own metric of
masked errors). The run prints how many requests ended in each outcome, and every
failing request in full. tests/api/test_fuzz_graphql.py runs the same property on a
few hundred requests.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import graphql
import httpx
import hypothesis_graphql
from asgi_lifespan import LifespanManager
from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    IntValueNode,
    ListTypeNode,
    NamedTypeNode,
    NameNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    TypeNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    print_ast,
    value_from_ast_untyped,
    visit,
)
from hypothesis import HealthCheck, Phase, given
from hypothesis import seed as hypothesis_seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from api.app import create_app
from api.auth import Role, create_key
from api.database import open_database
from api.protection import MASKED_MESSAGE
from api.settings import Settings
from ingest.pipeline import ingest_paths
from records.scratch import scratch_database

ROOT = Path(__file__).parents[1]
SDL_FILE = ROOT / "schema.graphql"
SAMPLES = ROOT / "samples"
BASE_URL = "http://fuzz"
JSON: Final = "application/json"
# Root fields left out: ingestDocument takes a multipart upload, which this does not make.
SKIPPED_FIELDS = frozenset({"ingestDocument"})
NODE_TYPES = (
    "Meeting",
    "AgendaItem",
    "Action",
    "Metric",
    "ActionUpdate",
    "Theme",
    "Person",
    "SourceDocument",
)
MASKED_METRIC = "assurance_graphql_internal_errors_total"
SERVER_ERRORS_METRIC = "assurance_http_errors_total"
FAILURE_PREFIXES = ("HTTP 5", "masked", "not JSON")

# --- hostile values ------------------------------------------------------------------------


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def global_id(type_name: str, number: object) -> str:
    return _b64(f"{type_name}:{number}".encode())


TEXTS: Final = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "CC\x00zzz",
    "\x00CC",
    "\x7f\x1b[31m",
    "\ufeff",
    "\u200b",
    "\u202eCC",
    "\uffff",
    "\U0010ffff",
    "💥",
    "é",
    "e\u0301",
    "İ",
    "ß",
    "ﬁ",
    "١٢٣",
    "DA",
    "da",
    " da ",
    "VAWG",
    "CC",
    "Bangham",
    "MARAC",
    "domestic abuse",
    "%",
    "_",
    "\\",
    "%_\\",
    "'",
    "''; DROP TABLE actions; --",
    '"',
    '"unterminated',
    "*",
    "?",
    "a*",
    "*a",
    "**",
    "~",
    "^2",
    "NOT",
    "AND",
    "OR",
    "NOT NOT",
    "(",
    ")",
    "MARAC AND (DA OR",
    "[",
    "]",
    "{",
    "year:2021",
    "year:0",
    "year:99999999999999999999",
    "year:[2019 TO 2021]",
    "date:2021",
    "date:[2021-01-01 TO 2021-12-31]",
    "date:99999",
    "theme:DA",
    "type:action",
    "kind:THEMATIC",
    "meeting:1",
    "null",
    "NaN",
    "-1",
    "0",
    "9223372036854775808",
    "1e400",
    "a" * 1000,
    "a" * 1001,
    "ab " * 400,
)
LONG_TEXTS: Final = ("x" * 20_000, "MARAC " * 3_000, "a*" * 2_000)
NUMBERS: Final = (
    1,
    2,
    3,
    10,
    0,
    -1,
    2**63 - 1,
    2**63,
    2**64,
    10**30,
    "1e3",
    " 1",
    "+1",
    "01",
    "١",
    "1_0",
    "0x10",
    "",
    "9" * 5000,
)
IDS: Final = (
    *(global_id(t, n) for t in NODE_TYPES for n in range(1, 6)),
    *(global_id(t, n) for t in ("Meeting", "Action") for n in NUMBERS),
    global_id("Planet", 1),
    global_id("", 1),
    "Meeting:1",
    "TWVldGluZzox",  # Meeting:1 without padding
    "TWVldGluZzox==",
    " TWVldGluZzox ",
    _b64(b"\xff\xfe:1"),
    _b64url(b"Meeting:1?>"),
    "###",
    "",
)
DATES: Final = (
    "2021-02-26",
    "2021-02-01",
    "0001-01-01",
    "9999-12-31",
    "0000-01-01",
    "2021-02-29",
    "2020-02-29",
    "2021-13-01",
    "2021-00-10",
    "20210226",
    "2021-W08-5",
    "2021-058",
    "2021-02-26T10:00",
    "26/02/2021",
    "١٠٢١-٠٢-٢٦",
    "+2021-02-26",
    "10000-01-01",
    "-001-01-01",
    "",
)
LIST_CURSORS: Final[tuple[Any, ...]] = (
    ["DATE_DESC", "2021-02-26", 1],
    ["DATE_ASC", "2021-02-26", 1],
    ["DATE_DESC", "2021-02-26", 2**63],
    ["DATE_DESC", "2021-02-26", 2**63 - 1],
    ["DATE_DESC", "0001-01-01", 1],
    ["DATE_DESC", "9999-12-31", 1],
    ["DATE_DESC", "2021-02-30", 1],
    ["DATE_DESC", 20210226, 1],
    ["DATE_DESC", "2021-02-26", -1],
    ["DATE_DESC", "2021-02-26", 1.5],
    ["DATE_DESC", "2021-02-26", True],
    ["DATE_DESC", "2021-02-26\x00", 1],
    ["X", "2021-02-26", 1],
    [],
    {},
    None,
    "x",
)
SEARCH_CURSORS: Final = (
    ["RELEVANCE", 1.0, "action:1", 1],
    ["RELEVANCE", 10**400, "k", 1],
    ["RELEVANCE", 1.0, "k", 10**18],
    ["RELEVANCE", 1.0, "k", -5],
    ["RELEVANCE", -1e308, "", 1],
    ["DATE_DESC", 20210226, "meeting:1", 1],
    ["DATE_DESC", 99999999999, "meeting:1", 1],
    ["RELEVANCE", "x", 1, 1],
)
CURSORS: Final = (
    *(_b64url(json.dumps(value).encode()) for value in (*LIST_CURSORS, *SEARCH_CURSORS)),
    *(_b64url(f"change:{n}".encode()) for n in NUMBERS),
    _b64url(b"[" * 5000 + b"]" * 5000),
    _b64url(b"\xff\xfe"),
    "change:1",
    "!!!",
)
UPLOAD_PATHS: Final = (
    "variables.file",
    "variables.file.0",
    "variables.file.x",
    "variables",
    "variables.x.y",
    "query",
    "query.0",
    "0",
    "",
    ".",
)
INTS: Final = (
    0,
    -1,
    1,
    5,
    20,
    100,
    101,
    1899,
    1900,
    2021,
    2199,
    2200,
    2**31 - 1,
    -(2**31),
    2**31,
    2**63,
    10**30,
)
HOSTILE_JSON: Final[tuple[Any, ...]] = (
    2**31,
    2**63,
    2**64,
    -(2**63) - 1,
    10**30,
    1.5,
    -0.0,
    True,
    None,
    [],
    {},
    "",
    [None],
    {"": None},
    {"owner": "\x00"},
    "\ud800",
    "x\udfff",
    "\udbff\udfff\ud800",
    _nested(50),
    _nested(600),
)

STRINGS = st.one_of(
    st.sampled_from(TEXTS),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8", min_codepoint=0, max_codepoint=0x7F), max_size=20),
    st.sampled_from(IDS),
    st.sampled_from(CURSORS),
    st.sampled_from(DATES),
    st.sampled_from(LONG_TEXTS),
)
# Lone surrogates only reach the server through JSON escapes: never printed into a query.
SURROGATE_TEXT = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3).map(
    lambda s: f"a{s}b"
)
HOSTILE_VALUES = st.one_of(
    st.sampled_from(HOSTILE_JSON),
    SURROGATE_TEXT,
    STRINGS,
    st.sampled_from(INTS),
    st.integers(),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=6,
    ),
)


def _string_node(value: str) -> ValueNode:
    return StringValueNode(value=value)


def _int_node(value: int) -> ValueNode:
    return IntValueNode(value=str(value))


CUSTOM_SCALARS: Final = {
    "String": STRINGS.map(_string_node),
    "ID": st.one_of(st.sampled_from(IDS).map(_string_node), STRINGS.map(_string_node))
    | st.sampled_from(INTS).map(_int_node),
    "Int": st.one_of(st.sampled_from(INTS), st.integers(-(2**31), 2**31 - 1)).map(_int_node),
    "Date": st.one_of(
        st.sampled_from(DATES),
        st.dates().map(lambda day: day.isoformat()),
        st.text(max_size=12),
    ).map(_string_node)
    | st.sampled_from(INTS).map(_int_node),
    "Time": st.sampled_from(("10:00", "25:00", "9:5", "")).map(_string_node),
}


# --- requests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FuzzRequest:
    """One POST to /graphql: its body and content type, and a label for reports."""

    body: bytes
    content_type: str | None = JSON
    label: str = "generated"

    @classmethod
    def graphql(
        cls, query: str, variables: dict[str, Any] | None = None, label: str = "generated"
    ) -> FuzzRequest:
        payload: dict[str, Any] = {"query": query}
        if variables:
            payload["variables"] = variables
        # ensure_ascii: lone surrogates travel as JSON escapes, as a client would send them
        return cls(json.dumps(payload, ensure_ascii=True).encode("ascii"), JSON, label)

    @classmethod
    def multipart(
        cls, operations: object, files_map: object, label: str = "multipart"
    ) -> FuzzRequest:
        """A GraphQL multipart request (an upload) of one small file, field "0"."""
        fields = {
            "operations": json.dumps(operations, ensure_ascii=True),
            "map": json.dumps(files_map, ensure_ascii=True),
        }
        request = httpx.Request(
            "POST", BASE_URL, data=fields, files={"0": ("minutes.txt", b"Minutes")}
        )
        return cls(request.read(), request.headers["content-type"], label)

    def describe(self) -> str:
        body = self.body.decode("utf-8", "backslashreplace")
        if len(body) > 2_000:
            body = f"{body[:2_000]}... ({len(self.body)} bytes)"
        return f"[{self.label}] content-type: {self.content_type}\n{body}"


def _identity(document: DocumentNode) -> DocumentNode:
    return document


def _type_node(type_: GraphQLInputType) -> TypeNode:
    if isinstance(type_, GraphQLNonNull):
        inner = _type_node(type_.of_type)
        assert isinstance(inner, NamedTypeNode | ListTypeNode)
        return NonNullTypeNode(type=inner)
    if isinstance(type_, GraphQLList):
        return ListTypeNode(type=_type_node(type_.of_type))
    return NamedTypeNode(name=NameNode(value=type_.name))


def typed_arguments(
    schema: GraphQLSchema, document: DocumentNode
) -> list[tuple[ArgumentNode, GraphQLInputType]]:
    """Every field argument of ``document`` with its type."""
    type_info = TypeInfo(schema)
    found: list[tuple[ArgumentNode, GraphQLInputType]] = []

    class Collect(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
            argument = type_info.get_argument()
            if argument is not None:
                found.append((node, argument.type))

    visit(document, TypeInfoVisitor(type_info, Collect()))
    return found


def with_variables(
    document: DocumentNode, lifted: dict[int, tuple[str, GraphQLInputType]]
) -> DocumentNode:
    """``document`` with the arguments in ``lifted`` (by node id) read from variables."""

    class Lift(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
            if id(node) not in lifted:
                return None
            name = lifted[id(node)][0]
            return ArgumentNode(name=node.name, value=VariableNode(name=NameNode(value=name)))

        def leave_operation_definition(
            self, node: OperationDefinitionNode, *_: Any
        ) -> OperationDefinitionNode:
            definitions = tuple(
                VariableDefinitionNode(
                    variable=VariableNode(name=NameNode(value=name)),
                    type=_type_node(type_),
                    directives=(),
                )
                for name, type_ in lifted.values()
            )
            return OperationDefinitionNode(
                operation=node.operation,
                name=node.name,
                variable_definitions=(*(node.variable_definitions or ()), *definitions),
                directives=node.directives,
                selection_set=node.selection_set,
            )

    edited: DocumentNode = visit(document, Lift())
    return edited


def graphql_requests(schema_sdl: str) -> st.SearchStrategy[FuzzRequest]:
    """Valid-shaped operations with hostile arguments, some of them sent as variables."""
    schema = graphql.build_schema(schema_sdl)
    fields = [
        name
        for root in (schema.query_type, schema.mutation_type)
        if root is not None
        for name in root.fields
        if name not in SKIPPED_FIELDS
    ]
    documents = hypothesis_graphql.from_schema(
        schema, fields=fields, custom_scalars=CUSTOM_SCALARS, print_ast=_identity
    )

    @st.composite
    def build(draw: st.DrawFn) -> FuzzRequest:
        document: DocumentNode = draw(documents)
        arguments = typed_arguments(schema, document)
        lift = draw(st.lists(st.booleans(), min_size=len(arguments), max_size=len(arguments)))
        lifted: dict[int, tuple[str, GraphQLInputType]] = {}
        variables: dict[str, Any] = {}
        for n, ((node, type_), chosen) in enumerate(zip(arguments, lift, strict=True)):
            if not chosen:
                continue
            name = f"v{n}"
            lifted[id(node)] = (name, type_)
            value = value_from_ast_untyped(node.value)
            variables[name] = draw(st.just(value) | HOSTILE_VALUES)
        if lifted:
            document = with_variables(document, lifted)
        return FuzzRequest.graphql(print_ast(document), variables)

    return build()


def body_requests() -> st.SearchStrategy[FuzzRequest]:
    """Bodies that are not GraphQL requests, or hardly."""
    members = st.fixed_dictionaries(
        {},
        optional={
            "query": HOSTILE_VALUES | st.just("{ themes { code } }"),
            "variables": HOSTILE_VALUES,
            "operationName": HOSTILE_VALUES,
            "extensions": HOSTILE_VALUES,
        },
    )
    json_bodies = st.one_of(members, HOSTILE_VALUES).map(
        lambda value: json.dumps(value, ensure_ascii=True).encode("ascii")
    )
    content_types = st.sampled_from(
        (
            JSON,
            JSON,
            "application/json; charset=utf-8",
            "text/plain",
            "application/graphql",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            ";",
            None,
        )
    )
    return st.builds(
        lambda body, content_type: FuzzRequest(body, content_type, "body"),
        st.one_of(json_bodies, st.binary(max_size=64)),
        content_types,
    )


def multipart_requests() -> st.SearchStrategy[FuzzRequest]:
    """Uploads whose ``operations`` and ``map`` fields are odd (the file is never ingested)."""
    operations = st.one_of(
        st.just({"query": "{ __typename }", "variables": {"file": None}}),
        st.fixed_dictionaries(
            {"query": st.just("{ __typename }")}, optional={"variables": HOSTILE_VALUES}
        ),
        HOSTILE_VALUES,
    )
    paths = (
        st.lists(st.sampled_from(UPLOAD_PATHS) | st.text(max_size=8), max_size=3) | HOSTILE_VALUES
    )
    files_map = st.dictionaries(st.sampled_from(("0", "1")), paths, max_size=2) | HOSTILE_VALUES
    return st.builds(FuzzRequest.multipart, operations, files_map)


def fuzz_requests(schema_sdl: str) -> st.SearchStrategy[FuzzRequest]:
    """What the fuzzer sends: three in five operations, the rest malformed bodies and uploads."""
    operations = graphql_requests(schema_sdl)
    return st.one_of(operations, operations, operations, body_requests(), multipart_requests())


def _seed(label: str, query: str, variables: dict[str, Any] | None = None) -> FuzzRequest:
    return FuzzRequest.graphql(query, variables, f"seed: {label}")


_BEYOND_64_BITS = global_id("Meeting", 2**63)
SEEDS: Final = (
    _seed(
        "node id past 64 bits", "query($id: ID!) { node(id: $id) { id } }", {"id": _BEYOND_64_BITS}
    ),
    _seed(
        "nodes id past 64 bits",
        "query($id: ID!) { nodes(ids: [$id]) { id } }",
        {"id": _BEYOND_64_BITS},
    ),
    _seed(
        "meeting id past 64 bits",
        "query($id: ID!) { meeting(id: $id) { id } }",
        {"id": _BEYOND_64_BITS},
    ),
    _seed(
        "filter.meeting past 64 bits",
        "query($id: ID) { actions(filter: {meeting: $id}) { totalCount } }",
        {"id": _BEYOND_64_BITS},
    ),
    _seed(
        "updateAction id past 64 bits",
        'mutation($id: ID!) { updateAction(id: $id, note: "x") { errors { code } } }',
        {"id": global_id("Action", 2**63)},
    ),
    _seed(
        "deleteMeeting id past 64 bits",
        "mutation($id: ID!) { deleteMeeting(id: $id) { errors { code } } }",
        {"id": _BEYOND_64_BITS},
    ),
    _seed("year 0", "{ meetings(filter: {year: 0}) { totalCount } }"),
    _seed("year 2147483647", "{ meetings(filter: {year: 2147483647}) { totalCount } }"),
    _seed("year -2147483648", "{ meetings(filter: {year: -2147483648}) { totalCount } }"),
    _seed("search years", '{ search(query: "MARAC", filter: {years: [0]}) { totalCount } }'),
    _seed("NUL owner literal", '{ actions(filter: {owner: "\\u0000"}) { totalCount } }'),
    _seed(
        "NUL owner variable",
        "query($o: String) { actions(filter: {owner: $o}) { totalCount } }",
        {"o": "\x00"},
    ),
    _seed("NUL theme code", 'query { theme(code: "D\\u0000A") { code } }'),
    _seed("NUL body", '{ meetings(filter: {body: "\\u0000"}) { totalCount } }'),
    _seed("NUL label", '{ metrics(filter: {label: "a\\u0000"}) { totalCount } }'),
    _seed("NUL search", '{ search(query: "MARAC\\u0000") { totalCount } }'),
    _seed(
        "NUL note",
        'mutation($id: ID!) { updateAction(id: $id, note: "a\\u0000") { errors { code } } }',
        {"id": global_id("Action", 1)},
    ),
    _seed(
        "surrogate owner",
        "query($o: String) { actions(filter: {owner: $o}) { totalCount } }",
        {"o": "\ud800"},
    ),
    _seed("surrogate theme", "query($c: String!) { theme(code: $c) { code } }", {"c": "\udfff"}),
    _seed(
        "owner 60,000 characters",
        "query($o: String) { actions(filter: {owner: $o}) { totalCount } }",
        {"o": "x" * 60_000},
    ),
    _seed("date as a number", "{ meetings(filter: {dateFrom: 5}) { totalCount } }"),
    _seed(
        "date as a number variable",
        "query($d: Date) { meetings(filter: {dateFrom: $d}) { totalCount } }",
        {"d": 5},
    ),
    _seed(
        "search cursor past the largest float",
        'query($a: String) { search(query: "MARAC", after: $a) { totalCount } }',
        {"a": _b64url(json.dumps(["RELEVANCE", 10**400, "k", 1]).encode())},
    ),
    _seed(
        "search cursor nested deep",
        'query($a: String) { search(query: "MARAC", after: $a) { totalCount } }',
        {"a": _b64url(b"[" * 5000 + b"]" * 5000)},
    ),
    _seed(
        "list cursor past 64 bits",
        "query($a: String) { meetings(after: $a) { totalCount } }",
        {"a": _b64url(json.dumps(["DATE_DESC", "2021-02-26", 2**63]).encode())},
    ),
    _seed(
        "changes cursor past 64 bits",
        "query($a: String) { changes(after: $a) { totalCount } }",
        {"a": _b64url(f"change:{2**64}".encode())},
    ),
    _seed(
        "status list of 100,000",
        "query($s: [ActionStatus!]) { actions(filter: {status: $s}) { totalCount } }",
        {"s": ["OPEN"] * 100_000},
    ),
    _seed(
        "search themes list of 1,000",
        'query($t: [String!]) { search(query: "MARAC", filter: {themes: $t}) { totalCount } }',
        {"t": ["DA"] * 1_000},
    ),
    FuzzRequest(b"null", JSON, "seed: body null"),
    FuzzRequest(b"42", JSON, "seed: body 42"),
    FuzzRequest(b'{"query": "\xff"}', JSON, "seed: body not UTF-8"),
    FuzzRequest(b'{"query": ', JSON, "seed: body not JSON"),
    FuzzRequest(b"[" * 10_000 + b"]" * 10_000, JSON, "seed: body nested 10,000 deep"),
    FuzzRequest(b'{"query": 5}', JSON, "seed: query not a string"),
    FuzzRequest(b'{"query": "{ themes { code } }", "variables": [1]}', JSON, "seed: variables"),
    FuzzRequest(
        b'{"query": "{ themes { code } }", "operationName": 5}', JSON, "seed: operationName"
    ),
    FuzzRequest(b"", JSON, "seed: empty body"),
    FuzzRequest(b'{"query": "{ themes { code } }"}', "text/plain", "seed: content type"),
    FuzzRequest(b'{"query": "{ themes { code } }"}', None, "seed: no content type"),
    FuzzRequest(b'{"query": "{ themes { code } }", "x": NaN}', JSON, "seed: NaN"),
    FuzzRequest.multipart(None, {}, "seed: multipart operations null"),
    FuzzRequest.multipart({"query": "{ __typename }"}, 5, "seed: multipart map 5"),
    FuzzRequest.multipart(
        {"query": "{ __typename }", "variables": {"file": None}},
        {"0": ["variables.file.x"]},
        "seed: multipart map into a null",
    ),
    FuzzRequest.multipart(
        {"query": "{ __typename }"}, _nested(600), "seed: multipart map nested deep"
    ),
)


# --- sending and judging ---------------------------------------------------------------------


def outcome_of(response: httpx.Response) -> str:
    """A short name for what a response was: "data", "error BAD_ID", "HTTP 400 BAD_JSON" ..."""
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    try:
        body = response.json()
    except ValueError:
        return f"not JSON (HTTP {response.status_code})"
    errors = body.get("errors") if isinstance(body, dict) else None
    if not errors:
        return "data" if response.status_code == 200 else f"HTTP {response.status_code}"
    if any(error.get("message") == MASKED_MESSAGE for error in errors):
        return "masked"
    code = (errors[0].get("extensions") or {}).get("code") or "(GraphQL, no code)"
    if response.status_code != 200:
        return f"HTTP {response.status_code} {code}"
    return f"error {code}"


def is_failure(outcome: str) -> bool:
    return outcome.startswith(FAILURE_PREFIXES)


@dataclass
class FuzzClient:
    """A client of the running app, with an admin key and the app's metrics registry."""

    client: httpx.AsyncClient
    key: str
    metrics: Any  # prometheus_client.CollectorRegistry

    async def send(self, request: FuzzRequest) -> str:
        headers = {"authorization": f"Bearer {self.key}", "apollo-require-preflight": "true"}
        if request.content_type is not None:
            headers["content-type"] = request.content_type
        response = await self.client.post("/graphql", content=request.body, headers=headers)
        return outcome_of(response)

    def masked_errors(self) -> float:
        """Masked errors the app has counted since it started."""
        return float(self.metrics.get_sample_value(MASKED_METRIC) or 0.0)

    def server_errors(self) -> float:
        value = self.metrics.get_sample_value(SERVER_ERRORS_METRIC, {"route": "/graphql"})
        return float(value or 0.0)


async def add_admin_key(settings: Settings) -> str:
    engine = await open_database(settings)
    try:
        return (await create_key(engine, name="fuzz", role=Role.ADMIN))[1]
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def fuzz_client(settings: Settings) -> AsyncIterator[FuzzClient]:
    """The app on ``settings`` (data already in it), started, with a client and an admin key."""
    key = await add_admin_key(settings)
    # No limit on writes: every generated mutation is to run, not to wait for its turn.
    app = create_app(settings.model_copy(update={"write_rate": 0}))
    transport_app: Any
    async with LifespanManager(app) as manager:
        transport_app = manager.app
        transport = httpx.ASGITransport(app=transport_app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield FuzzClient(client, key, app.state.assurance.metrics.registry)


@dataclass
class Tally:
    """Outcomes counted, failing requests kept."""

    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, FuzzRequest]] = field(default_factory=list)

    def add(self, request: FuzzRequest, outcome: str) -> None:
        self.outcomes[outcome] += 1
        if is_failure(outcome):
            self.failures.append((outcome, request))


async def _ingest_samples(settings: Settings) -> None:
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [SAMPLES])
        if summary.failed:
            raise RuntimeError(f"samples failed to ingest: {[r.error for r in summary.failed]}")
    finally:
        await engine.dispose()


def fuzz_settings(documents: int, *, derandomize: bool) -> hypothesis_settings:
    """Hypothesis settings of a fuzz run: generation only, nothing stored between runs."""
    return hypothesis_settings(
        max_examples=documents,
        derandomize=derandomize,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def run(server_url: str | None, folder: Path, documents: int, seed: int | None) -> Tally:
    """Send the seeds and ``documents`` generated requests to a fresh app; count outcomes."""
    tally = Tally()
    strategy = fuzz_requests(SDL_FILE.read_text(encoding="utf-8"))
    with asyncio.Runner() as runner, contextlib.ExitStack() as cleanup:
        database = scratch_database(server_url, folder)
        url = runner.run(database.__aenter__())
        cleanup.callback(lambda: runner.run(database.__aexit__(None, None, None)))
        settings = Settings(data_dir=folder, database_url=url, index_sync_seconds=0)
        runner.run(_ingest_samples(settings))
        serving = fuzz_client(settings)
        fuzz = runner.run(serving.__aenter__())
        cleanup.callback(lambda: runner.run(serving.__aexit__(None, None, None)))
        for request in SEEDS:
            tally.add(request, runner.run(fuzz.send(request)))

        @fuzz_settings(documents, derandomize=seed is None)
        @given(request=strategy)
        def send(request: FuzzRequest) -> None:
            tally.add(request, runner.run(fuzz.send(request)))

        (send if seed is None else hypothesis_seed(seed)(send))()
        tally.outcomes["(app metric) masked errors"] = int(fuzz.masked_errors())
        tally.outcomes["(app metric) 5xx answers"] = int(fuzz.server_errors())
    return tally


def report(tally: Tally, documents: int, seconds: float) -> str:
    counted = {k: n for k, n in tally.outcomes.items() if not k.startswith("(app")}
    lines = [
        f"{sum(counted.values())} requests ({len(SEEDS)} seeds, {documents} generated) "
        f"in {seconds:.1f} s",
        "",
        f"{'outcome':<48} {'requests':>9}",
    ]
    for outcome, n in sorted(tally.outcomes.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{outcome:<48} {n:>9}")
    lines.append("")
    lines.append(f"failing requests: {len(tally.failures)}")
    for outcome, request in tally.failures:
        lines.append(f"--- {outcome}\n{request.describe()}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20_000, help="generated requests")
    parser.add_argument(
        "--seed", type=int, default=None, help="a random seed (default: the same run each time)"
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="a PostgreSQL server to create a database on (default: SQLite in a temp folder)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fuzz-graphql-") as folder:
        started = time.perf_counter()
        tally = run(args.database_url, Path(folder), args.documents, args.seed)
        print(report(tally, args.documents, time.perf_counter() - started))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
