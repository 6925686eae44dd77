"""A theme's timeline: per calendar period, how much the archive holds on it.

Each period counts the theme's meetings, agenda items, action lifecycles raised and
closed in it and open at its end (``schema.timeline_counts``: one grouped statement),
and the search hits of the theme's words (``theme_search_query``) at meetings in it:
one ``Searcher.trend`` over the whole range, by year or by month, on a thread while the
counts are read; the same search and counts as ``search(query: <Theme.searchQuery>)``
with a year or date filter.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import strawberry

from indexer.query.build import MAX_QUERY_LENGTH
from indexer.search import SearchFilter
from ingest.keys import body_key
from schema.context import Context
from schema.errors import PublicError
from schema.periods import CalendarPeriod, count_between, period_of
from schema.timeline_counts import MAX_PERIODS, TimelineArgs, too_many_periods

if TYPE_CHECKING:
    from schema.themes import Theme

Info = strawberry.Info[Context, None]

FROM_DOC = (
    "The first day to count from: the timeline starts with the period holding it "
    "(default: the theme's first period with a meeting, item or action)."
)
TO_DOC = (
    "The last day to count to: the timeline ends with the period holding it "
    "(default: the theme's last period with a meeting, item or action)."
)
BY_DOC = "The periods to count in."
BODY_DOC = (
    "Only what this force or body recorded (case-insensitive), as the `body` filters of "
    "meetings and actions take it (default: every body)."
)


@strawberry.type(
    description="What the archive holds on a theme in one calendar period. Every period "
    "between the timeline's first and last appears, with zeros where nothing happened."
)
class TimelinePeriod:
    period: str = strawberry.field(description='The period: "2021", "2021-Q2" or "2021-04".')
    start: dt.date = strawberry.field(description="Its first day.")
    end: dt.date = strawberry.field(description="Its last day.")
    meetings: int = strawberry.field(
        description="Meetings held in the period that dealt with the theme (as `Theme.meetings`)."
    )
    items: int = strawberry.field(
        description="Agenda items about the theme at meetings held in the period "
        "(as `Theme.items`)."
    )
    actions_raised: int = strawberry.field(
        description="Action lifecycles about the theme raised in the period (`lifecycle.raisedOn`"
        "), each once, as the action that raised it; an action carried from a meeting that "
        "is not stored was raised at that meeting's date."
    )
    actions_closed: int = strawberry.field(
        description="Action lifecycles about the theme closed in the period: completed or "
        "cancelled on a day in it and not reopened since (`lifecycle.closedOn`, the day of "
        "the history's last closing event). A lifecycle closed, reopened and closed again "
        "counts once, in the period of its last closing."
    )
    open_actions: int = strawberry.field(
        description="Action lifecycles about the theme open on the period's last day: "
        "those `actions(filter: {theme, openAt: <end>})` lists (raised by that day, or on a "
        "day not known, and not closed by it)."
    )
    search_hits: int | None = strawberry.field(
        description="Records (meetings, items, actions, figures) of meetings held in the "
        "period that the search for the theme's words finds: "
        "`search(query: <Theme.searchQuery>)` narrowed to the period. Null when the server "
        "has no search index."
    )


def theme_search_query(code: str, name: str, aliases: Sequence[str]) -> str:
    """The search for a theme's words: its code as a word (an acronym finds its long form
    too; a code that is no word, such as COUNTY_LINES, is left to the phrases), OR its
    name and each alias as a phrase, as long as the query stays within the length the
    search reads."""
    code = code.strip()
    terms = [code] if code.isalnum() else []
    seen = {code.casefold()}
    for phrase in (name, *aliases):
        words = " ".join(phrase.replace('"', " ").split())
        if not words or words.casefold() in seen:
            continue
        term = f'"{words}"'
        if len(" OR ".join([*terms, term])) > MAX_QUERY_LENGTH:
            break
        seen.add(words.casefold())
        terms.append(term)
    return " OR ".join(terms)


async def resolve_timeline(
    info: Info,
    theme: Theme,
    first: dt.date | None,
    last: dt.date | None,
    by: CalendarPeriod,
    body: str | None,
) -> list[TimelinePeriod]:
    if first is not None and last is not None:
        if first > last:
            raise PublicError(
                f"timeline: argument `from` ({first}) is after `to` ({last})", "BAD_DATE"
            )
        if (count := count_between(first, last, by)) > MAX_PERIODS:
            raise too_many_periods(count, "arguments `from` and `to` span")
    wanted_body = body.strip() if body and body.strip() else None
    args = TimelineArgs(by, first, last, body_key(wanted_body) if wanted_body else None)
    query = theme_search_query(theme.code, theme.name, theme.aliases)
    # The search runs on its thread while the counts are read: over the days asked for,
    # or every day when a bound is left to the counts (the hits are then taken for the
    # periods the counts give; a search's days outside them are not counted).
    hits = _search_hits(info, query, first, last, by, wanted_body)
    try:
        counts = await info.context.loaders.theme_timeline.load((theme.db_id, args))
    except BaseException:
        if hits is not None:
            hits.cancel()
        raise
    if isinstance(counts, PublicError):  # (DataLoader raises an error value at `load`)
        if hits is not None:
            hits.cancel()
        raise counts
    found = None if hits is None else await hits
    if not counts:
        return []
    return [
        TimelinePeriod(
            period=c.period.label,
            start=c.period.start,
            end=c.period.end,
            meetings=c.meetings,
            items=c.items,
            actions_raised=c.raised,
            actions_closed=c.closed,
            open_actions=c.open,
            search_hits=None if found is None else found.get(c.period.label, 0),
        )
        for c in counts
    ]


def _search_hits(
    info: Info,
    query: str,
    first: dt.date | None,
    last: dt.date | None,
    by: CalendarPeriod,
    body: str | None,
) -> asyncio.Future[dict[str, int]] | None:
    """Hits of ``query`` per period label from the period holding ``first`` to the one
    holding ``last`` (every day for a bound not given), searched on a thread; None
    without search."""
    factory = info.context.searcher
    if factory is None or not query:
        return None
    search_filter = SearchFilter(
        date_from=period_of(first, by).start if first else None,
        date_to=period_of(last, by).end if last else None,
        bodies=(body,) if body else (),
    )
    step: Literal["year", "month"] = "year" if by is CalendarPeriod.YEAR else "month"

    def search() -> dict[str, int]:
        hits: dict[str, int] = {}
        for count in factory().trend(query, filter=search_filter, by=step):
            if count.count:
                label = period_of(_first_day(count.value), by).label
                hits[label] = hits.get(label, 0) + count.count
        return hits

    return asyncio.ensure_future(asyncio.to_thread(search))


def _first_day(trend_label: str) -> dt.date:
    """The first day of a year ("2021") or a month ("2021-04") of ``Searcher.trend``."""
    year, _, month = trend_label.partition("-")
    return dt.date(int(year), int(month or 1), 1)
