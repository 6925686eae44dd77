"""Relay cursor connections both ways: ``last``/``before`` pages give the rows ``first``/
``after`` pages give, in the same order, with pageInfo telling what lies either side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.corpus import write_corpus
from schema.context import Context
from tests.schema.test_statement_count import NESTED
from tests.support.graphql import errors, run
from tests.support.records import ingest_files

PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"


@dataclass(frozen=True)
class Listing:
    """A connection field, how to reach it and what to read of its nodes."""

    name: str
    field: str  # the field with its own arguments, before the page arguments
    outer: str = ""  # selections that lead to the field ('theme(code: "DA") {')
    node: str = "id"

    def query(self) -> str:
        close = "}" * self.outer.count("{")
        return f"""query($first: Int, $after: String, $last: Int, $before: String) {{
          {self.outer}
            {self.field} first: $first, after: $after, last: $last, before: $before) {{
              totalCount {PAGE_INFO} edges {{ cursor node {{ {self.node} }} }}
            }}
          {close}
        }}"""

    def connection(self, data: dict[str, Any]) -> dict[str, Any]:
        found: Any = data
        for step in [*(part.split("(")[0].strip() for part in self.outer.split("{") if part)]:
            found = found[step]
        return found[self.field.split("(")[0]]  # type: ignore[no-any-return]


LISTINGS = [
    Listing("meetings", "meetings("),
    Listing("meetings oldest first", "meetings(order: DATE_ASC,"),
    Listing("actions", "actions("),
    Listing("metrics of 2021", 'metrics(filter: {dateFrom: "2021-01-01"},'),
    Listing("theme meetings", "meetings(", 'theme(code: "DA") {'),
    Listing("theme items oldest first", "items(order: DATE_ASC,", 'theme(code: "DA") {'),
    Listing("theme actions", "actions(", 'theme(code: "DA") {'),
    Listing("theme metrics", "metrics(", 'theme(code: "DA") {'),
    Listing("search by relevance", 'search(query: "MARAC",', node="... on Node { id }"),
    Listing(
        "search by date",
        'search(query: "domestic abuse", order: DATE_ASC,',
        node="... on Node { id }",
    ),
    Listing(
        "search without words", 'search(query: "", filter: {years: [2021]},', node="__typename"
    ),
    Listing("changes", "changes(", node="position"),
    Listing("changes since", "changes(since: 5,", node="position"),
]


async def fetch(context: Context, listing: Listing, **arguments: Any) -> dict[str, Any]:
    return listing.connection(await run(context, listing.query(), arguments))


Row = tuple[str, Any]  # (cursor, node)


def rows_of(connection: dict[str, Any]) -> list[Row]:
    edges = connection["edges"]
    info = connection["pageInfo"]
    assert info["startCursor"] == (edges[0]["cursor"] if edges else None)
    assert info["endCursor"] == (edges[-1]["cursor"] if edges else None)
    return [(edge["cursor"], edge["node"]) for edge in edges]


async def forward(context: Context, listing: Listing, size: int) -> list[list[Row]]:
    """Every page from the start, with pageInfo checked on each."""
    pages: list[list[Row]] = []
    after: str | None = None
    while True:
        connection = await fetch(context, listing, first=size, after=after)
        info = connection["pageInfo"]
        pages.append(rows_of(connection))
        assert info["hasPreviousPage"] is (after is not None)
        if not info["hasNextPage"]:
            return pages
        assert len(pages[-1]) == size
        after = info["endCursor"]


async def backward(context: Context, listing: Listing, size: int) -> list[list[Row]]:
    """Every page from the end, in the list's order, with pageInfo checked on each."""
    pages: list[list[Row]] = []
    before: str | None = None
    while True:
        connection = await fetch(context, listing, last=size, before=before)
        info = connection["pageInfo"]
        pages.insert(0, rows_of(connection))
        assert info["hasNextPage"] is (before is not None)
        if not info["hasPreviousPage"]:
            return pages
        assert len(pages[0]) == size
        before = info["startCursor"]


async def total_of(context: Context, listing: Listing) -> int:
    return int((await fetch(context, listing, first=0))["totalCount"])


def flat(pages: list[list[Row]]) -> list[Row]:
    return [row for page in pages for row in page]


@pytest.mark.parametrize("listing", LISTINGS, ids=[listing.name for listing in LISTINGS])
async def test_backward_pages_give_the_forward_rows_in_the_same_order(
    corpus_context: Context, listing: Listing
) -> None:
    total = await total_of(corpus_context, listing)
    assert total >= 4, total
    size = min(100, max(1, (total - 1) // 3))  # three pages at least, the last maybe short
    ahead = await forward(corpus_context, listing, size)
    behind = await backward(corpus_context, listing, size)
    assert len(ahead) >= 3 and len(behind) >= 3
    assert flat(ahead) == flat(behind)
    assert len(flat(ahead)) == total
    if not listing.field.startswith("search(") and listing.node != "__typename":
        assert len({repr(node) for _, node in flat(ahead)}) == total
    # The pages are cut from opposite ends: the same rows, their boundaries shifted.
    assert [len(page) for page in behind][1:] == [size] * (len(behind) - 1)
    assert [len(page) for page in ahead][:-1] == [size] * (len(ahead) - 1)


@pytest.mark.parametrize("listing", LISTINGS, ids=[listing.name for listing in LISTINGS])
async def test_after_and_before_bound_the_list_either_way(
    corpus_context: Context, listing: Listing
) -> None:
    rows = flat(await forward(corpus_context, listing, 100))
    assert len(rows) >= 7
    after, before = rows[1][0], rows[6][0]
    between = rows[2:6]

    everything = await fetch(corpus_context, listing, first=100, after=after, before=before)
    assert rows_of(everything) == between
    assert everything["totalCount"] == len(rows)  # bounds do not change the count
    info = everything["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (True, False)

    head = await fetch(corpus_context, listing, first=3, after=after, before=before)
    assert rows_of(head) == between[:3]
    info = head["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (True, True)

    tail = await fetch(corpus_context, listing, last=3, after=after, before=before)
    assert rows_of(tail) == between[-3:]
    info = tail["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (True, True)

    whole = await fetch(corpus_context, listing, last=100, after=after, before=before)
    assert rows_of(whole) == between
    info = whole["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (False, True)

    # Bounds that cross leave nothing between them.
    crossed = await fetch(corpus_context, listing, last=5, after=before, before=after)
    assert rows_of(crossed) == []
    # before alone, read from the start: the rows before it.
    start = await fetch(corpus_context, listing, first=4, before=before)
    assert rows_of(start) == rows[:4]
    assert (start["pageInfo"]["hasPreviousPage"], start["pageInfo"]["hasNextPage"]) == (
        False,
        True,
    )


async def test_last_pages_without_before(corpus_context: Context) -> None:
    listing = LISTINGS[0]
    rows = flat(await forward(corpus_context, listing, 100))
    end = await fetch(corpus_context, listing, last=2)
    assert rows_of(end) == rows[-2:]
    assert (end["pageInfo"]["hasPreviousPage"], end["pageInfo"]["hasNextPage"]) == (True, False)
    everything = await fetch(corpus_context, listing, last=100)
    assert rows_of(everything) == rows
    assert everything["pageInfo"]["hasPreviousPage"] is False
    none = await fetch(corpus_context, listing, last=0)
    assert rows_of(none) == [] and none["pageInfo"]["hasPreviousPage"] is True


BATCHED = f"""
query($last: Int, $before: String) {{
  themes {{
    code
    meetings(last: $last, before: $before) {{
      totalCount {PAGE_INFO} edges {{ cursor node {{ id }} }}
    }}
  }}
}}
"""


async def test_every_theme_gets_its_own_last_rows(corpus_context: Context) -> None:
    themes = (await run(corpus_context, BATCHED, {"last": 2}))["themes"]
    assert len([t for t in themes if t["meetings"]["totalCount"] > 2]) >= 2
    for theme in themes:
        listing = Listing(theme["code"], "meetings(", f'theme(code: "{theme["code"]}") {{')
        rows = flat(await forward(corpus_context, listing, 100))
        assert rows_of(theme["meetings"]) == rows[-2:], theme["code"]
        info = theme["meetings"]["pageInfo"]
        assert info["hasPreviousPage"] is (len(rows) > 2)
        assert info["hasNextPage"] is False

    # One before cursor for all: each theme's rows before it (none when it is another's).
    code = next(t["code"] for t in themes if t["meetings"]["totalCount"] > 3)
    listing = Listing(code, "meetings(", f'theme(code: "{code}") {{')
    rows = flat(await forward(corpus_context, listing, 100))
    before = rows[-1][0]
    again = (await run(corpus_context, BATCHED, {"last": 2, "before": before}))["themes"]
    mine = next(t for t in again if t["code"] == code)
    assert rows_of(mine["meetings"]) == rows[-3:-1]
    assert mine["meetings"]["pageInfo"]["hasNextPage"] is True


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("{ meetings(first: 2, last: 2) { totalCount } }", "meetings"),
        ('{ theme(code: "DA") { items(first: 1, last: 1) { totalCount } } }', "Theme.items"),
        ('{ search(query: "MARAC", first: 1, last: 1) { totalCount } }', "search"),
        ("{ changes(first: 1, last: 1) { totalCount } }", "changes"),
    ],
)
async def test_first_and_last_together_are_refused(
    corpus_context: Context, query: str, field: str
) -> None:
    found = await errors(corpus_context, query)
    message = found[0]["message"]
    assert message.startswith(f"{field}: ") and "`first`" in message and "`last`" in message
    assert found[0]["extensions"]["code"] == "PAGE_DIRECTION"


async def test_last_follows_the_page_size_rule(corpus_context: Context) -> None:
    for query, field in [
        ("{ meetings(last: 101) { totalCount } }", "meetings"),
        ("{ actions(last: -1) { totalCount } }", "actions"),
        ('{ theme(code: "DA") { metrics(last: 500) { totalCount } } }', "Theme.metrics"),
        ('{ search(query: "MARAC", last: 101) { totalCount } }', "search"),
        ("{ changes(last: -3) { totalCount } }", "changes"),
    ]:
        found = await errors(corpus_context, query)
        assert found[0]["message"].startswith(f"{field}: argument `last` must be between 0 and")
        assert found[0]["extensions"]["code"] == "PAGE_SIZE"


async def test_bad_before_cursors_are_clear_errors(corpus_context: Context) -> None:
    for query, field in [
        ('{ meetings(last: 2, before: "garbage!") { totalCount } }', "meetings"),
        ('{ theme(code: "DA") { actions(before: "AAAA") { totalCount } } }', "Theme.actions"),
        ('{ search(query: "MARAC", last: 2, before: "nonsense") { totalCount } }', "search"),
        ('{ changes(last: 2, before: "nonsense") { totalCount } }', "changes"),
    ]:
        found = await errors(corpus_context, query)
        assert found[0]["message"].startswith(f"{field}: argument `before`"), found
        assert found[0]["extensions"]["code"] == "BAD_CURSOR"

    data = await run(corpus_context, "{ meetings(last: 1) { pageInfo { startCursor } } }")
    cursor = data["meetings"]["pageInfo"]["startCursor"]
    found = await errors(
        corpus_context,
        "query($c: String) { meetings(before: $c, order: DATE_ASC) { totalCount } }",
        {"c": cursor},
    )
    assert "`before` belongs to another order" in found[0]["message"]
    # An after cursor is checked as ever when before is good.
    found = await errors(
        corpus_context,
        'query($c: String) { search(query: "MARAC", after: "x", before: $c) { totalCount } }',
        {"c": None},
    )
    assert "`after`" in found[0]["message"]


async def statements_of(engine: AsyncEngine, query: str) -> int:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        await run(Context(engine=engine), query)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    return len(statements)


async def test_backward_pages_cost_the_statements_forward_pages_do(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, *write_corpus(tmp_path / "corpus", 6, seed=11))
    backward_query = NESTED.replace("first:", "last:")
    assert backward_query.count("last:") == 2
    assert await statements_of(engine, backward_query) == await statements_of(engine, NESTED)
