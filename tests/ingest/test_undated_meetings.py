"""Minutes that state no date: stored without one, found, listed and paged like the others.

A single-item web page or an opening cut before the header gives attendance, items
and actions but no date. Such a meeting is its own (it cannot be told from another
by its header); a corrected version of the same file replaces it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexStore
from indexer.sync import apply_changes
from ingest.pipeline import FileReport, ingest_paths
from ingest.store import StoreOutcome
from schema.context import Context
from tests.support.graphql import nodes, run, searcher_factory
from tests.support.paths import SEED

UNDATED = """Police and Crime Panel

Present: Councillor Ann Wakefield (Chair), Councillor Tom Biggins, Mr Neil Ashdown

Apologies: Councillor Ruth Penhale

1. Minutes of the previous meeting
The minutes were agreed.

2. Report of the Police and Crime Commissioner on {topic}
The Commissioner reported on {topic} and the MARAC referrals received.
Action: the Commissioner to circulate the figures on {topic}.
"""

MEETINGS = """
query Meetings($first: Int, $after: String, $order: DateOrder, $year: Int) {
  meetings(first: $first, after: $after, order: $order, filter: {year: $year}) {
    totalCount
    edges { cursor node { title date } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def ingest_text(engine: AsyncEngine, path: Path, text: str) -> FileReport:
    path.write_text(text, encoding="utf-8")
    [report] = (await ingest_paths(engine, [path])).reports
    assert not report.failed, report.error
    return report


async def test_minutes_without_a_date_are_stored_without_one(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    first = await ingest_text(engine, tmp_path / "panel.txt", UNDATED.format(topic="knife crime"))
    other = await ingest_text(engine, tmp_path / "other.txt", UNDATED.format(topic="road safety"))
    fixed = await ingest_text(
        engine, tmp_path / "panel.txt", UNDATED.format(topic="knife crime and robbery")
    )

    assert (first.outcome, first.date, first.attendees, first.items, first.actions) == (
        StoreOutcome.STORED,
        None,
        4,
        2,
        1,
    )
    assert "the text states no meeting date; the meeting is stored without one" in first.warnings
    # Another undated document is another meeting; a new version of the same file replaces it.
    assert other.outcome is StoreOutcome.STORED and other.meeting_id != first.meeting_id
    assert fixed.outcome is StoreOutcome.REPLACED and fixed.meeting_id == first.meeting_id


async def test_undated_meetings_are_listed_last_paged_and_searched(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_paths(engine, [SEED])
    for topic in ("knife crime", "road safety", "rural crime"):
        await ingest_text(engine, tmp_path / f"{topic}.txt", UNDATED.format(topic=topic))
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    context = Context(engine=engine, searcher=await searcher_factory(engine, store))

    newest_first: list[dict[str, str | None]] = []
    after = None
    while True:
        data = await run(context, MEETINGS, {"first": 2, "after": after})
        newest_first += nodes(data["meetings"])
        if not data["meetings"]["pageInfo"]["hasNextPage"]:
            break
        after = data["meetings"]["pageInfo"]["endCursor"]
    oldest_first = nodes(
        (await run(context, MEETINGS, {"first": 10, "order": "DATE_ASC"}))["meetings"]
    )

    assert [m["date"] for m in newest_first] == ["2021-02-26", None, None, None]
    assert [m["date"] for m in oldest_first] == [None, None, None, "2021-02-26"]
    assert sorted(map(str, newest_first)) == sorted(map(str, oldest_first))
    in_2021 = await run(context, MEETINGS, {"first": 10, "year": 2021})
    assert in_2021["meetings"]["totalCount"] == 1

    found = await run(
        context,
        '{ search(query: "MARAC") { totalCount facets { years { value count } } } }',
    )
    undated_items = 3
    years = {f["value"]: f["count"] for f in found["search"]["facets"]["years"]}
    assert found["search"]["totalCount"] == sum(years.values()) + undated_items
