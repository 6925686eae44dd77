"""Top-level lists: filters, date order and keyset pages, checked against the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from records import models
from records.enums import ActionStatus
from records.lifecycles import recorded_again
from schema.context import Context
from tests.support.graphql import errors, nodes, run


async def walk(
    context: Context, field: str, args: str, page_size: int, fields: str = "id"
) -> tuple[list[dict[str, Any]], int]:
    """Every node of a connection, page by page; and its totalCount (the same on each page)."""
    seen: list[dict[str, Any]] = []
    after: str | None = None
    totals: set[int] = set()
    while True:
        data = await run(
            context,
            f"""query($after: String) {{
              {field}({args} first: {page_size}, after: $after) {{
                totalCount pageInfo {{ hasNextPage endCursor }}
                edges {{ cursor node {{ {fields} }} }}
              }}
            }}""",
            {"after": after},
        )
        connection = data[field]
        totals.add(connection["totalCount"])
        page = nodes(connection)
        assert len(page) <= page_size
        seen += page
        info = connection["pageInfo"]
        if page:
            assert info["endCursor"] == connection["edges"][-1]["cursor"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert len(totals) == 1
    return seen, totals.pop()


async def all_meetings(context: Context) -> list[models.Meeting]:
    async with context.sessionmaker() as session:
        return list((await session.scalars(select(models.Meeting))).all())


async def test_meetings_pages_cover_every_meeting_once_newest_first(
    corpus_context: Context,
) -> None:
    seen, total = await walk(corpus_context, "meetings", "", 3, "id date")
    meetings = await all_meetings(corpus_context)
    assert total == len(meetings) == len(seen)
    assert len({m["id"] for m in seen}) == total
    days = [m["date"] for m in seen]
    assert days == sorted(days, reverse=True)


async def test_meetings_oldest_first(corpus_context: Context) -> None:
    seen, total = await walk(corpus_context, "meetings", "order: DATE_ASC,", 4, "date")
    days = [m["date"] for m in seen]
    assert days == sorted(days) and len(days) == total


async def test_meeting_filters(corpus_context: Context) -> None:
    meetings = await all_meetings(corpus_context)
    seen, total = await walk(corpus_context, "meetings", "filter: {year: 2021},", 20, "date")
    assert total == sum(m.date.year == 2021 for m in meetings) > 1
    assert all(m["date"].startswith("2021-") for m in seen)

    seen, total = await walk(
        corpus_context,
        "meetings",
        'filter: {kind: [THEMATIC], body: "  NORTHSHIRE "},',
        20,
        "kind body",
    )
    expected = [m for m in meetings if m.kind == "THEMATIC" and m.body_key == "northshire"]
    assert total == len(expected) > 0
    assert {(m["kind"], m["body"].lower()) for m in seen} == {("THEMATIC", "northshire")}

    seen, total = await walk(
        corpus_context,
        "meetings",
        'filter: {theme: "DA", dateFrom: "2020-01-01", dateTo: "2021-12-31"},',
        20,
        "date themes { code }",
    )
    assert total == len(seen) > 0
    for meeting in seen:
        assert "2020-01-01" <= meeting["date"] <= "2021-12-31"
        assert "DA" in {t["code"] for t in meeting["themes"]}


async def test_actions_filters(corpus_context: Context) -> None:
    # each action once, as its meeting lists it: not an action log's row repeating it
    async with corpus_context.sessionmaker() as session:
        actions = (await session.scalars(select(models.Action).where(~recorded_again()))).all()
    fields = "status dueDate ownerText origin { title date } owners { name } meeting { id }"

    seen, total = await walk(corpus_context, "actions", "", 7, fields)
    assert total == len(actions) == len(seen)

    seen, total = await walk(corpus_context, "actions", "filter: {carried: true},", 20, fields)
    assert total == sum(a.origin_title is not None or a.origin_date is not None for a in actions)
    assert total > 0 and all(a["origin"] for a in seen)
    _, not_carried = await walk(corpus_context, "actions", "filter: {carried: false},", 100)
    assert total + not_carried == len(actions)

    seen, total = await walk(
        corpus_context, "actions", "filter: {status: [DEFERRED, COMPLETED]},", 20, fields
    )
    assert total == sum(a.status in ("DEFERRED", "COMPLETED") for a in actions) > 0
    assert {a["status"] for a in seen} <= {"DEFERRED", "COMPLETED"}

    seen, total = await walk(corpus_context, "actions", 'filter: {owner: "bangham"},', 20, fields)
    assert total > 0
    assert all(any("Bangham" in o["name"] for o in a["owners"]) for a in seen)

    today = dt.date.today().isoformat()
    seen, total = await walk(corpus_context, "actions", "filter: {overdue: true},", 20, fields)
    outstanding = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    expected = sum(
        a.status in outstanding and a.due_date is not None and a.due_date.isoformat() < today
        for a in actions
    )
    assert total == expected > 0
    assert all(a["dueDate"] < today and a["status"] in ("OPEN", "IN_PROGRESS") for a in seen)
    _, not_overdue = await walk(corpus_context, "actions", "filter: {overdue: false},", 100)
    assert total + not_overdue == len(actions)

    meeting_id = seen[0]["meeting"]["id"]
    seen, total = await walk(
        corpus_context,
        "actions",
        f'filter: {{meeting: "{meeting_id}", theme: "DA"}},',
        20,
        fields + " themes { code }",
    )
    for action in seen:
        assert action["meeting"]["id"] == meeting_id
        assert "DA" in {t["code"] for t in action["themes"]}


async def test_metrics_filters(corpus_context: Context) -> None:
    seen, total = await walk(
        corpus_context,
        "metrics",
        'filter: {theme: "DA", label: "Supervisory INPUT", kind: OBSERVED, unit: PERCENT},',
        20,
        "label value theme { code } meeting { date }",
    )
    assert total == len(seen) > 0
    for metric in seen:
        assert "supervisory input" in metric["label"].lower()
        assert metric["theme"] == {"code": "DA"}

    seen, total = await walk(
        corpus_context,
        "metrics",
        'filter: {kind: TARGET, dateFrom: "2021-01-01", dateTo: "2021-12-31"},',
        5,
        "kind meeting { date }",
    )
    assert total > 0
    assert all(m["kind"] == "TARGET" and m["meeting"]["date"][:4] == "2021" for m in seen)


async def test_page_size_over_the_limit_names_the_argument(corpus_context: Context) -> None:
    found = await errors(corpus_context, "{ meetings(first: 101) { totalCount } }")
    assert "meetings" in found[0]["message"] and "`first`" in found[0]["message"]
    assert found[0]["extensions"]["code"] == "PAGE_SIZE"
    found = await errors(
        corpus_context, '{ theme(code: "DA") { metrics(first: 500) { totalCount } } }'
    )
    assert "Theme.metrics" in found[0]["message"] and "`first`" in found[0]["message"]
    found = await errors(corpus_context, "{ actions(first: -1) { totalCount } }")
    assert "`first`" in found[0]["message"]


async def test_first_zero_counts_without_rows(corpus_context: Context) -> None:
    data = await run(
        corpus_context,
        "{ meetings(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }",
    )
    connection = data["meetings"]
    assert connection["edges"] == [] and connection["totalCount"] > 0
    assert connection["pageInfo"] == {"hasNextPage": True, "endCursor": None}


async def test_bad_cursors_are_clear_errors(corpus_context: Context) -> None:
    found = await errors(corpus_context, '{ meetings(after: "garbage!") { totalCount } }')
    assert "`after`" in found[0]["message"]
    data = await run(corpus_context, "{ meetings(first: 1) { pageInfo { endCursor } } }")
    cursor = data["meetings"]["pageInfo"]["endCursor"]
    found = await errors(
        corpus_context,
        "query($c: String) { meetings(after: $c, order: DATE_ASC) { totalCount } }",
        {"c": cursor},
    )
    assert "another order" in found[0]["message"]
