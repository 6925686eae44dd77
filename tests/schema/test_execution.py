"""Executing queries: the quick completion of plain leaves answers and fails as graphql-core
does, and a query's reads on SQLite run in one transaction whose statements are counted."""

from __future__ import annotations

import enum
from typing import Annotated, Any

import strawberry
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from records.db import write_session
from schema.context import Context
from schema.execution import LeanExecutor, plan_leaves
from schema.reads import sqlite_reader
from tests.support.graphql import run


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Part:
    name: str
    label: str | None
    colour: Colour
    weight: float

    @strawberry.field
    def upper(self) -> str:
        return self.name.upper()


@strawberry.type
class Box:
    title: str
    parts: list[Part]
    first: Part | None
    sizes: list[int | None]


@strawberry.type
class Crate:
    """Non-null objects and lists that may hold nulls where their types forbid them."""

    box: Box
    boxes: list[Box]
    tags: list[str]


@strawberry.type
class Label:
    text: str


Thing = Annotated[Part | Label, strawberry.union("Thing")]


def _parts() -> list[Part]:
    return [
        Part(name="bolt", label=None, colour=Colour.RED, weight=1.5),
        # A value the enum does not hold, and None for a non-null string: both errors.
        Part(name="nut", label="M4", colour="green", weight=2.0),  # type: ignore[arg-type]
        Part(name=None, label="washer", colour=Colour.BLUE, weight=0.25),  # type: ignore[arg-type]
    ]


@strawberry.type
class Query:
    @strawberry.field
    def box(self) -> Box:
        parts = _parts()
        return Box(title="kit", parts=parts, first=parts[0], sizes=[3, None, 5])

    @strawberry.field
    def boxes(self) -> list[Box | None]:
        return [Box(title="one", parts=_parts()[:1], first=None, sizes=[1, None]), None]

    @strawberry.field
    def crates(self) -> list[Crate]:
        good = Box(title="good", parts=_parts()[:1], first=None, sizes=[])
        return [
            Crate(box=good, boxes=[good, good], tags=["a", "b"]),
            Crate(box=None, boxes=[good], tags=["c"]),  # type: ignore[arg-type]
            Crate(box=good, boxes=[good, None], tags=["d", None]),  # type: ignore[list-item]
            Crate(box=good, boxes=(good,), tags=("e",)),  # type: ignore[arg-type]
        ]

    @strawberry.field
    def things(self) -> list[Thing]:
        return [_parts()[0], Label(text="fragile")]


QUERIES = [
    "{ box { title parts { name label colour weight upper } first { name } } }",
    "{ box { title parts { ... on Part { weight name } label } } }",
    "{ box { a: title b: title parts { n: name name __typename } } }",
    "{ boxes { __typename title parts { label colour } } }",
    "{ box { first { weight label name colour } } }",
    "query { box { parts { weight } first { upper label } } }",
    "{ box { title sizes first { name colour } } boxes { sizes first { name } } }",
    "{ crates { box { title __typename } tags } }",
    "{ crates { boxes { title parts { name weight } } } }",
    "{ crates { tags boxes { first { label } } } }",
    "{ things { __typename ... on Part { name colour } ... on Label { text } } }",
    "query ($on: Boolean!) { crates { tags @include(if: $on) box { title @skip(if: $on) } } }",
]


def _result(result: Any) -> tuple[Any, list[tuple[str, list[Any]]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors


async def test_quick_leaves_answer_and_fail_as_graphql_core() -> None:
    stock = strawberry.Schema(query=Query)
    lean = strawberry.Schema(query=Query, execution_context_class=LeanExecutor)
    plan_leaves(lean)
    assert stock.as_str() == lean.as_str()
    for query in QUERIES:
        expected = await stock.execute(query, variable_values={"on": True})
        found = await lean.execute(query, variable_values={"on": True})
        assert _result(found) == _result(expected), query
        # The answer's keys come in the order the query asks for them.
        assert repr(found.data) == repr(expected.data), query
    failing = await lean.execute(QUERIES[0])
    # A value the enum cannot give, in a non-null leaf of a non-null list, nulls the box.
    assert failing.data is None
    assert [e.path for e in failing.errors or []] == [["box", "parts", 1, "colour"]]


async def test_a_query_reads_in_one_transaction_and_its_statements_are_counted(
    engine: AsyncEngine,
) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        data = await run(
            Context(engine=engine),
            "{ meetings(first: 5) { totalCount edges { node { title chair { name } } } } }",
        )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    assert data["meetings"] == {"totalCount": 0, "edges": []}
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 2  # the page, then its count (an empty page)
    if engine.dialect.name == "sqlite":
        assert sqlite_reader(engine) is not None
        assert statements[0] == "BEGIN"  # one snapshot for the request's reads
    else:
        assert sqlite_reader(engine) is None


async def test_a_query_after_a_write_sees_it(engine: AsyncEngine) -> None:
    query = "{ themes { code name } }"
    before = (await run(Context(engine=engine), query))["themes"]
    async with write_session(engine) as session:
        await session.execute(
            text("INSERT INTO themes (code, name, aliases) VALUES ('ZZ', 'Test theme', '[]')")
        )
    after = (await run(Context(engine=engine), query))["themes"]
    assert after == [*before, {"code": "ZZ", "name": "Test theme"}]
