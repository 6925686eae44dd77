"""``metricSeries`` and ``Theme.metricSeries``: the samples' series with their points,
evidence and target, the filters, Relay pages both ways, and statements that do not
grow with the series."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from schema.context import Context
from tests.schema.test_backward_pages import Listing, backward, fetch, flat, forward, rows_of
from tests.support.graphql import errors, nodes, run
from tests.support.paths import SAMPLES, SEED
from tests.support.records import ingest_files

SERIES = """
query($filter: MetricSeriesFilter, $first: Int) {
  metricSeries(filter: $filter, first: $first) {
    totalCount
    edges { node {
      label unit body theme { code } confidence firstDate lastDate
      meetsTarget targetDirection targetConfidence targetReason
      target { value kind context meeting { date } }
      points {
        value date confidence reason
        meeting { date body }
        metric { label kind unit }
        evidence { text document { fileName } }
      }
    } }
  }
}
"""


async def series(context: Context, **where: Any) -> list[dict[str, Any]]:
    data = await run(context, SERIES, {"filter": where or None, "first": 100})
    connection = data["metricSeries"]
    assert connection["totalCount"] == len(connection["edges"])
    return nodes(connection)


async def test_a_figure_moving_towards_its_target(corpus_context: Context) -> None:
    [found] = await series(corpus_context, theme="DA", label="supervisory input")
    assert (found["label"], found["unit"], found["body"]) == (
        "DA cases with supervisory input",
        "PERCENT",
        "Eastmoor",
    )
    assert found["theme"] == {"code": "DA"}
    points = found["points"]
    assert [(p["date"], p["value"], p["confidence"]) for p in points] == [
        ("2022-09-22", 57.0, 0.9),
        ("2022-10-20", 60.0, 1.0),
        ("2022-11-17", 64.0, 0.9),
        ("2022-12-15", 68.0, 1.0),
    ]
    assert (found["firstDate"], found["lastDate"], found["confidence"]) == (
        "2022-09-22",
        "2022-12-15",
        0.9,
    )
    september = points[0]
    assert september["metric"] == {
        "label": "Domestic abuse cases with supervisory input",
        "kind": "OBSERVED",
        "unit": "PERCENT",
    }
    assert september["meeting"] == {"date": "2022-09-22", "body": "Eastmoor"}
    assert september["reason"] == (
        '"Domestic abuse cases with supervisory input": the same words as '
        '"DA cases with supervisory input"'
    )
    assert september["evidence"]["document"] == {"fileName": "eastmoor-performance-2022-09.txt"}
    assert "supervisory input rose to 57% in August" in september["evidence"]["text"]
    for point in points:
        assert f"{point['value']:.0f}%" in point["evidence"]["text"]
    target = found["target"]
    assert (target["value"], target["kind"], target["meeting"]) == (
        75.0,
        "TARGET",
        {"date": "2022-12-15"},
    )
    assert (found["targetDirection"], found["meetsTarget"]) == ("AT_LEAST", False)
    assert found["targetConfidence"] == 0.8
    assert found["targetReason"] == "stated in the sentence of the figure of 2022-12-15"


async def test_series_keep_to_one_body_and_unit(corpus_context: Context) -> None:
    everything = await series(corpus_context)
    assert len(everything) >= 10
    for found in everything:
        assert len(found["points"]) >= 2
        assert {p["meeting"]["body"] for p in found["points"]} == {found["body"]}
        assert {p["metric"]["unit"] for p in found["points"]} == {found["unit"]}
        assert {p["metric"]["kind"] for p in found["points"]} == {"OBSERVED"}
        dates = [p["date"] for p in found["points"]]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        assert found["confidence"] == min(p["confidence"] for p in found["points"])
    calls = [s for s in everything if s["label"] == "999 calls"]
    assert sorted(s["body"] for s in calls) == ["Eastmoor", "Northshire"]


async def test_filters(corpus_context: Context) -> None:
    everything = await series(corpus_context)
    eastmoor = await series(corpus_context, body="EASTMOOR")
    assert eastmoor and {s["body"] for s in eastmoor} == {"Eastmoor"}
    assert len(eastmoor) == sum(s["body"] == "Eastmoor" for s in everything)

    abuse = await series(corpus_context, theme="da")
    assert abuse and all(s["theme"] == {"code": "DA"} for s in abuse)

    # Words as labels are compared: the acronym written out, plurals aside.
    [by_acronym] = await series(corpus_context, label="Domestic Abuse case supervisory INPUT")
    assert by_acronym["label"] == "DA cases with supervisory input"
    assert await series(corpus_context, label="no supervisory input") == []

    later = await series(corpus_context, **{"from": "2023-01-01"})
    assert later and all(max(p["date"] for p in s["points"]) >= "2023-01-01" for s in later)
    assert "DA cases with supervisory input" not in {s["label"] for s in later}
    earlier = await series(corpus_context, to="2022-09-30")
    assert all(min(p["date"] for p in s["points"]) <= "2022-09-30" for s in earlier)
    assert "DA cases with supervisory input" in {s["label"] for s in earlier}
    window = await series(corpus_context, **{"from": "2022-10-01", "to": "2022-10-31"})
    assert all(any("2022-10-01" <= p["date"] <= "2022-10-31" for p in s["points"]) for s in window)
    assert {s["label"] for s in window} >= {"DA cases with supervisory input", "999 calls"}

    failed = await errors(corpus_context, SERIES, {"filter": {"label": "x" * 1001}, "first": 5})
    assert failed[0]["extensions"]["code"] == "TEXT_TOO_LONG"
    assert "metricSeries: argument `filter.label`" in failed[0]["message"]


THEME_SERIES = """
{
  themes {
    code
    metricSeries(first: 100) { totalCount edges { node { label body theme { code } } } }
  }
}
"""


async def test_each_themes_series_are_the_theme_filters(corpus_context: Context) -> None:
    data = await run(corpus_context, THEME_SERIES)
    counted = 0
    for theme in data["themes"]:
        listed = nodes(theme["metricSeries"])
        assert theme["metricSeries"]["totalCount"] == len(listed)
        assert all(s["theme"] == {"code": theme["code"]} for s in listed)
        filtered = await series(corpus_context, theme=theme["code"])
        assert [(s["label"], s["body"]) for s in listed] == [
            (s["label"], s["body"]) for s in filtered
        ]
        counted += len(listed)
    assert counted == len([s for s in await series(corpus_context) if s["theme"]])


LISTINGS = [
    Listing("metric series", "metricSeries(", node="label body unit lastDate"),
    Listing("metric series oldest first", "metricSeries(order: DATE_ASC,", node="label body unit"),
    Listing("theme metric series", "metricSeries(", 'theme(code: "DA") {', node="label body unit"),
]


@pytest.mark.parametrize("listing", LISTINGS, ids=[listing.name for listing in LISTINGS])
async def test_pages_forward_and_backward_give_the_same_rows(
    corpus_context: Context, listing: Listing
) -> None:
    total = (await fetch(corpus_context, listing, first=0))["totalCount"]
    assert total >= 4
    size = max(1, (total - 1) // 3)
    ahead = await forward(corpus_context, listing, size)
    behind = await backward(corpus_context, listing, size)
    assert len(ahead) >= 3 and flat(ahead) == flat(behind)
    assert len(flat(ahead)) == total
    assert len({repr(node) for _, node in flat(ahead)}) == total


async def test_latest_figure_first_and_bounds_either_way(corpus_context: Context) -> None:
    listing = LISTINGS[0]
    rows = flat(await forward(corpus_context, listing, 100))
    latest = [node["lastDate"] for _, node in rows]
    assert latest == sorted(latest, reverse=True)
    after, before = rows[1][0], rows[6][0]
    between = await fetch(corpus_context, listing, first=100, after=after, before=before)
    assert rows_of(between) == rows[2:6]
    info = between["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (True, False)
    tail = await fetch(corpus_context, listing, last=2, after=after, before=before)
    assert rows_of(tail) == rows[4:6]
    assert (tail["pageInfo"]["hasPreviousPage"], tail["pageInfo"]["hasNextPage"]) == (True, True)
    mixed = await errors(corpus_context, listing.query(), {"first": 2, "last": 2})
    assert mixed[0]["extensions"]["code"] == "PAGE_DIRECTION"
    foreign = await errors(corpus_context, listing.query(), {"first": 2, "after": "nonsense"})
    assert foreign[0]["extensions"]["code"] == "BAD_CURSOR"


# Each loader at one depth: points' meetings and figures below the series' themes.
NESTED = """
{
  metricSeries(first: 100) {
    totalCount
    edges { node {
      label theme { code }
      points { value meeting { date } metric { label } evidence { text } }
    } }
  }
  themes {
    code
    metricSeries(first: 3) { totalCount edges { node { label points { date } } } }
  }
}
"""


async def count_statements(engine: AsyncEngine) -> tuple[int, dict[str, Any]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        data = await run(Context(engine=engine), NESTED)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    return len(statements), data


async def test_statements_do_not_grow_with_the_series(engine: AsyncEngine) -> None:
    await ingest_files(engine, *sorted(SAMPLES.glob("eastmoor-performance-2022-*.txt")))
    small, small_data = await count_statements(engine)
    await ingest_files(engine, SAMPLES, SEED)
    large, large_data = await count_statements(engine)

    def points(data: dict[str, Any]) -> int:
        return sum(len(s["points"]) for s in nodes(data["metricSeries"]))

    assert 2 <= small_data["metricSeries"]["totalCount"] < large_data["metricSeries"]["totalCount"]
    assert points(small_data) < points(large_data)
    assert small == large, (small, large)
