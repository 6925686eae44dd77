"""Theme timelines over HTTP: each period's counts are those the lists, the lifecycle
filters and the search give for its days; every period appears, and the granularities
add up (the samples and the seed, SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from itertools import pairwise
from typing import Any

import httpx
import pytest

from api.database import open_database
from api.settings import Settings
from ingest.pipeline import ingest_paths
from tests.support.api import ClientFactory, graphql
from tests.support.paths import SAMPLES, SEED

TIMELINE = """
query($code: String!, $from: Date, $to: Date, $by: CalendarPeriod!, $body: String) {
  theme(code: $code) {
    searchQuery
    timeline(from: $from, to: $to, by: $by, body: $body) {
      period start end meetings items actionsRaised actionsClosed openActions searchHits
    }
  }
}
"""
# Each list in one page: the samples hold fewer than 100 of each.
LISTS = """
query($code: String!, $body: String) {
  theme(code: $code) {
    items(first: 100) { totalCount edges { node { meeting { date body } } } }
  }
  meetings(first: 100, filter: {theme: $code, body: $body}) {
    totalCount edges { node { date } }
  }
  lifecycles: actions(first: 100, filter: {theme: $code, body: $body, deferredAtLeast: 0}) {
    totalCount edges { node { lifecycle { raisedOn closedOn } } }
  }
}
"""
OPEN_AT = """
query($code: String!, $day: Date!, $body: String) {
  actions(filter: {theme: $code, openAt: $day, body: $body}) { totalCount }
}
"""
HITS = """
query($words: String!, $from: Date!, $to: Date!, $bodies: [String!]) {
  search(query: $words, filter: {dateFrom: $from, dateTo: $to, bodies: $bodies}) { totalCount }
}
"""
MEASURES = ("meetings", "items", "actionsRaised", "actionsClosed", "searchHits")


@pytest.fixture
async def client(settings: Settings, client_for: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [SAMPLES, SEED])
        assert not summary.failed, [r.error for r in summary.failed]
    finally:
        await engine.dispose()
    async with client_for() as client:
        yield client


async def _data(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    body = (await client.post("/graphql", json=graphql(query, **variables))).json()
    assert "errors" not in body, body["errors"]
    return dict(body["data"])


async def _timeline(client: httpx.AsyncClient, code: str, **arguments: Any) -> dict[str, Any]:
    arguments.setdefault("by", "YEAR")
    return dict((await _data(client, TIMELINE, code=code, **arguments))["theme"])


def _within(day: str | None, period: dict[str, Any]) -> bool:
    return day is not None and period["start"] <= day <= period["end"]


@pytest.mark.parametrize(
    ("code", "by", "body"), [("DA", "YEAR", None), ("CONTACT", "QUARTER", "Eastmoor")]
)
async def test_each_period_counts_what_the_lists_filters_and_search_give_for_its_days(
    client: httpx.AsyncClient, code: str, by: str, body: str | None
) -> None:
    theme = await _timeline(client, code, by=by, body=body)
    periods = theme["timeline"]
    lists = await _data(client, LISTS, code=code, body=body)
    items = [
        edge["node"]["meeting"]
        for edge in lists["theme"]["items"]["edges"]
        if body is None or edge["node"]["meeting"]["body"] == body
    ]
    meetings = [edge["node"]["date"] for edge in lists["meetings"]["edges"]]
    cycles = [edge["node"]["lifecycle"] for edge in lists["lifecycles"]["edges"]]
    assert lists["theme"]["items"]["totalCount"] < 100 and lists["lifecycles"]["totalCount"] < 100
    assert len(periods) > 2 and any(p["actionsClosed"] for p in periods)

    for period in periods:
        assert period["meetings"] == sum(_within(day, period) for day in meetings)
        assert period["items"] == sum(_within(m["date"], period) for m in items)
        assert period["actionsRaised"] == sum(_within(c["raisedOn"], period) for c in cycles)
        assert period["actionsClosed"] == sum(_within(c["closedOn"], period) for c in cycles)
        still_open = await _data(client, OPEN_AT, code=code, day=period["end"], body=body)
        assert period["openActions"] == still_open["actions"]["totalCount"]
        found = await _data(
            client,
            HITS,
            words=theme["searchQuery"],
            **{"from": period["start"], "to": period["end"]},
            bodies=[body] if body else None,
        )
        assert period["searchHits"] == found["search"]["totalCount"]
    # What is open changes by what is raised and closed (no lifecycle here lacks a day).
    for before, after in pairwise(periods):
        moved = after["actionsRaised"] - after["actionsClosed"]
        assert after["openActions"] - before["openActions"] == moved


async def test_every_period_appears_and_months_and_quarters_add_up_to_years(
    client: httpx.AsyncClient,
) -> None:
    span = {"from": "2019-01-01", "to": "2023-12-31"}
    years = (await _timeline(client, "SOC", by="YEAR", **span))["timeline"]
    quarters = (await _timeline(client, "SOC", by="QUARTER", **span))["timeline"]
    months = (await _timeline(client, "SOC", by="MONTH", **span))["timeline"]
    assert [p["period"] for p in years] == ["2019", "2020", "2021", "2022", "2023"]
    assert [p["period"] for p in quarters[:5]] == [
        "2019-Q1",
        "2019-Q2",
        "2019-Q3",
        "2019-Q4",
        "2020-Q1",
    ]
    assert [p["period"] for p in months[:3]] == ["2019-01", "2019-02", "2019-03"]
    assert (len(quarters), len(months)) == (20, 60)
    for finer in (quarters, months):
        for earlier, later in pairwise(finer):
            next_day = dt.date.fromisoformat(earlier["end"]) + dt.timedelta(days=1)
            assert later["start"] == next_day.isoformat()
    assert any(not any(p[m] for m in (*MEASURES, "openActions")) for p in months)
    assert sum(p["meetings"] for p in years) > 0 and sum(p["searchHits"] for p in years) > 0

    for year in years:
        for finer in (quarters, months):
            inside = [p for p in finer if p["period"].startswith(year["period"])]
            for measure in MEASURES:
                assert sum(p[measure] for p in inside) == year[measure], (year, measure)
            assert inside[-1]["openActions"] == year["openActions"]
            assert inside[-1]["end"] == year["end"] == f"{year['period']}-12-31"


async def test_bounds_default_to_the_themes_records_and_bad_ranges_are_refused(
    client: httpx.AsyncClient,
) -> None:
    periods = (await _timeline(client, "VAWG"))["timeline"]
    lists = await _data(client, LISTS, code="VAWG")
    days = sorted(edge["node"]["date"] for edge in lists["meetings"]["edges"])
    assert periods[0]["start"] <= days[0] and days[-1] <= periods[-1]["end"]
    for edge in (periods[0], periods[-1]):
        assert any(edge[m] for m in ("meetings", "items", "actionsRaised", "actionsClosed"))
    narrowed = (await _timeline(client, "VAWG", **{"from": "2022-06-30"}))["timeline"]
    assert narrowed == [p for p in periods if p["period"] >= "2022"]
    assert (await _data(client, TIMELINE, code="NOSUCH", by="YEAR"))["theme"] is None

    for arguments, code in (
        ({"from": "2022-02-01", "to": "2021-01-01", "by": "YEAR"}, "BAD_DATE"),
        ({"from": "1900-01-01", "to": "2199-12-31", "by": "MONTH"}, "TOO_MANY"),
    ):
        body = (
            await client.post("/graphql", json=graphql(TIMELINE, code="VAWG", **arguments))
        ).json()
        assert [e["extensions"]["code"] for e in body["errors"]] == [code]
        assert body["errors"][0]["message"].startswith("timeline: ")
