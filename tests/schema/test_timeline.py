"""Theme timelines in process: the statements a timeline costs, calendar periods, the
search a theme's hits are counted by, and a server without search."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from records.enums import ActionStatus
from records.lifecycles import open_spell
from schema.context import Context
from schema.periods import CalendarPeriod, period_of, periods_between
from schema.timeline import theme_search_query
from schema.timeline_counts import _open_at
from tests.support.graphql import run
from tests.support.paths import SAMPLES
from tests.support.records import ingest_files

FIELDS = "period meetings items actionsRaised actionsClosed openActions searchHits"


def _one(arguments: str) -> str:
    return f'{{ theme(code: "DA") {{ timeline({arguments}) {{ {FIELDS} }} }} }}'


def _every(arguments: str) -> str:
    return f"{{ themes {{ code timeline({arguments}) {{ {FIELDS} }} }} }}"


TEN_YEARS = 'from: "2015-01-01", to: "2024-12-31"'


async def reads(engine: AsyncEngine, query: str) -> tuple[list[str], dict[str, Any]]:
    """The statements reading tables that one execution of ``query`` sends, and its data."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        data = await run(Context(engine=engine), query)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    return [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))], data


async def test_a_timeline_costs_the_same_statements_whatever_its_periods_and_themes(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, SAMPLES)
    years, by_year = await reads(engine, _one(f"by: YEAR, {TEN_YEARS}"))
    months, by_month = await reads(engine, _one(f"by: MONTH, {TEN_YEARS}"))
    every, by_theme = await reads(engine, _every("by: MONTH"))

    assert (len(by_year["theme"]["timeline"]), len(by_month["theme"]["timeline"])) == (10, 120)
    assert sum(p["openActions"] for p in by_month["theme"]["timeline"]) > 0
    timelines = [theme["timeline"] for theme in by_theme["themes"]]
    assert sum(1 for periods in timelines if periods) > 5
    # The theme (or the themes), then its days' counts and its lifecycles in one statement,
    # the same whatever the periods (their days are bound when it runs).
    assert len(years) == len(months) == len(every) == 2
    assert years[-1] == months[-1]
    assert "action_lifecycles" in months[-1]


async def test_without_a_search_index_the_hits_are_null_and_the_rest_is_counted(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, SAMPLES)
    data = await run(Context(engine=engine), _one("by: QUARTER"))
    periods = data["theme"]["timeline"]
    assert periods and all(p["searchHits"] is None for p in periods)
    assert sum(p["items"] for p in periods) > 0


def test_a_themes_search_is_its_code_or_its_name_and_aliases_as_phrases() -> None:
    assert theme_search_query("DA", "Domestic Abuse", ["domestic violence", "domestic abuse"]) == (
        'DA OR "Domestic Abuse" OR "domestic violence"'
    )
    # A code that is no word is left to the phrases; quotes inside a name cannot end one.
    assert theme_search_query("COUNTY_LINES", "County Lines", ['drug "lines"', " "]) == (
        '"County Lines" OR "drug lines"'
    )
    many = theme_search_query("QQ", "Quillet", [f"quillet form {n}" for n in range(200)])
    assert len(many) <= 1000 and many.startswith('QQ OR "Quillet" OR "quillet form 0"')


def test_periods_are_whole_calendar_periods() -> None:
    months = periods_between(dt.date(2023, 11, 20), dt.date(2024, 2, 3), CalendarPeriod.MONTH)
    assert [(p.label, p.start.isoformat(), p.end.isoformat()) for p in months] == [
        ("2023-11", "2023-11-01", "2023-11-30"),
        ("2023-12", "2023-12-01", "2023-12-31"),
        ("2024-01", "2024-01-01", "2024-01-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
    ]
    quarter = period_of(dt.date(2021, 6, 30), CalendarPeriod.QUARTER)
    assert (quarter.label, quarter.start, quarter.end) == (
        "2021-Q2",
        dt.date(2021, 4, 1),
        dt.date(2021, 6, 30),
    )
    year = period_of(dt.date(9999, 12, 31), CalendarPeriod.YEAR)
    assert (year.label, year.end) == ("9999", dt.date(9999, 12, 31))
    assert periods_between(dt.date(2021, 1, 1), dt.date(2020, 1, 1), CalendarPeriod.YEAR) == []


def test_lifecycles_are_open_on_the_days_open_on_holds_them_open() -> None:
    # ``open_on``'s reading, day by day: raised by the day (or on a day not known), and
    # neither closed by it nor done on a day not known.
    def is_open(raised: dt.date | None, closed: dt.date | None, status: str, day: dt.date) -> bool:
        raised_by = raised is None or raised <= day
        not_closed = (closed is None and status not in ("COMPLETED", "CANCELLED")) or (
            closed is not None and closed > day
        )
        return raised_by and not_closed

    rng = random.Random(5)
    months = periods_between(dt.date(2019, 1, 1), dt.date(2021, 12, 31), CalendarPeriod.MONTH)
    ends = [p.end for p in months]
    days = [None, *ends, *(end + dt.timedelta(days=1) for end in ends), dt.date(2018, 5, 1)]
    statuses = [s.value for s in ActionStatus]
    summaries = [
        (rng.choice(days), rng.choice(days), rng.choice(statuses), rng.randint(1, 3))
        for _ in range(300)
    ]
    spells = [
        (*spell, n)
        for raised, closed, status, n in summaries
        if (spell := open_spell(raised, closed, status)) is not None
    ]
    assert _open_at(ends, spells) == [
        sum(n for raised, closed, status, n in summaries if is_open(raised, closed, status, end))
        for end in ends
    ]
