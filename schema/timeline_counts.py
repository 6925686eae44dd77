"""A theme's records counted per calendar period: two grouped statements per batch.

The first statement counts, per theme and day, the theme's meetings, its agenda items
(by their meeting's day), the lifecycles of its actions raised and those closed (by
``ActionLifecycle.raised_on`` and ``closed_on``, each lifecycle once, as the action
that raised it: as ``actions(filter: {theme, openAt})`` lists them); days are put into
periods here. The second counts, per theme, the lifecycles open at each period's last
day, through ``records.lifecycles.open_on`` joined to the periods' last days. So a
timeline costs the same two statements whatever its number of periods, and the
timelines of many themes with the same arguments share them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Date, func, literal, literal_column, select, union_all

from records import models
from records.lifecycles import head, open_on
from schema.errors import PublicError
from schema.pagination import AnySelect
from schema.periods import (
    CalendarPeriod,
    Period,
    count_between,
    period,
    period_number,
    period_of,
)
from schema.reads import RequestReads

# The most periods one timeline gives (a hundred years of months).
MAX_PERIODS: Final = 1200
# What the first statement counts, by the number it selects as ``measure``.
MEETINGS, ITEMS, RAISED, CLOSED = range(4)


@dataclass(frozen=True)
class TimelineArgs:
    """What a timeline is asked for: ``first`` and ``last`` are the days given (None:
    from the theme's first period holding anything, to its last); ``body`` a body key."""

    by: CalendarPeriod
    first: dt.date | None = None
    last: dt.date | None = None
    body: str | None = None


@dataclass(frozen=True)
class PeriodCounts:
    period: Period
    meetings: int = 0
    items: int = 0
    raised: int = 0
    closed: int = 0
    open: int = 0


TimelineKey = tuple[int, TimelineArgs]


def too_many_periods(count: int, what: str) -> PublicError:
    return PublicError(
        f"timeline: {what} {count} periods, more than the {MAX_PERIODS} a timeline gives; "
        "give a shorter range or longer periods",
        "TOO_MANY",
    )


async def load_timelines(
    reads: RequestReads, keys: Sequence[TimelineKey]
) -> list[list[PeriodCounts] | PublicError]:
    """Each key's periods with their counts (a PublicError for one of too many periods);
    the keys sharing arguments in one batch."""
    by_args: dict[TimelineArgs, list[int]] = defaultdict(list)
    for theme_id, args in keys:
        by_args[args].append(theme_id)
    found: dict[TimelineKey, list[PeriodCounts] | PublicError] = {}
    for args, theme_ids in by_args.items():
        for theme_id, counts in (await _timelines(reads, sorted(set(theme_ids)), args)).items():
            found[theme_id, args] = counts
    return [found[key] for key in keys]


async def _timelines(
    reads: RequestReads, theme_ids: list[int], args: TimelineArgs
) -> dict[int, list[PeriodCounts] | PublicError]:
    by = args.by
    # theme -> period number -> [meetings, items, raised, closed]
    tallies: dict[int, dict[int, list[int]]] = {
        t: defaultdict(lambda: [0, 0, 0, 0]) for t in theme_ids
    }
    for row in await reads.rows(_daily_counts(theme_ids, args)):
        if row.day is not None:
            tallies[row.theme_id][period_number(_day(row.day), by)][row.measure] += row.n
    spans: dict[int, list[Period] | PublicError] = {}
    for theme_id, tally in tallies.items():
        spans[theme_id] = _periods(tally, args)
    ends = sorted({p.end for span in spans.values() if isinstance(span, list) for p in span})
    open_at: dict[tuple[int, dt.date], int] = {}
    if ends:
        for row in await reads.rows(_open_counts(theme_ids, ends, args.body)):
            open_at[row.theme_id, _day(row.day)] = int(row.n)
    result: dict[int, list[PeriodCounts] | PublicError] = {}
    for theme_id, span in spans.items():
        if isinstance(span, PublicError):
            result[theme_id] = span
            continue
        tally = tallies[theme_id]
        periods: list[PeriodCounts] = []
        for p in span:
            meetings, items, raised, closed = tally.get(period_number(p.start, by), (0, 0, 0, 0))
            periods.append(
                PeriodCounts(p, meetings, items, raised, closed, open_at.get((theme_id, p.end), 0))
            )
        result[theme_id] = periods
    return result


def _periods(tally: dict[int, list[int]], args: TimelineArgs) -> list[Period] | PublicError:
    """The periods of one theme's timeline: those holding the days asked for, or (for a
    bound not given) from its first period holding anything, or to its last."""
    by = args.by
    held = [n for n, counts in tally.items() if any(counts)]
    first = period_number(args.first, by) if args.first else min(held, default=None)
    last = period_number(args.last, by) if args.last else max(held, default=None)
    first = first if first is not None else last
    last = last if last is not None else first
    if first is None or last is None:
        return []
    if last - first + 1 > MAX_PERIODS:
        start, end = period(first, by).start, period(last, by).end
        return too_many_periods(count_between(start, end, by), "the theme's records span")
    return [period(n, by) for n in range(first, last + 1)]


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _daily_counts(theme_ids: list[int], args: TimelineArgs) -> AnySelect:
    """(theme_id, measure, day, n) for every day something of a theme falls on."""
    meeting, item, cycle = models.Meeting, models.AgendaItem, models.ActionLifecycle
    meeting_themes, item_themes = models.meeting_themes, models.item_themes
    action_themes = models.action_themes
    low = period_of(args.first, args.by).start if args.first else None
    high = period_of(args.last, args.by).end if args.last else None

    def counted(query: AnySelect, theme: Any, measure: int, day: Any) -> AnySelect:
        query = query.add_columns(
            theme.label("theme_id"),
            literal_column(str(measure)).label("measure"),
            day.label("day"),
            func.count().label("n"),
        ).where(theme.in_(theme_ids), day.is_not(None))
        if low is not None:
            query = query.where(day >= low)
        if high is not None:
            query = query.where(day <= high)
        if args.body is not None:
            query = query.where(meeting.body_key == args.body)
        return query.group_by(theme, day)

    meetings = (
        select()
        .select_from(meeting_themes)
        .join(meeting, meeting.id == meeting_themes.c.meeting_id)
    )
    items = (
        select()
        .select_from(item_themes)
        .join(item, item.id == item_themes.c.item_id)
        .join(meeting, meeting.id == item.meeting_id)
    )
    parts = [
        counted(meetings, meeting_themes.c.theme_id, MEETINGS, meeting.date),
        counted(items, item_themes.c.theme_id, ITEMS, meeting.date),
    ]
    for measure, day in ((RAISED, cycle.raised_on), (CLOSED, cycle.closed_on)):
        heads = _themed_heads(action_themes, args.body)
        parts.append(counted(heads, action_themes.c.theme_id, measure, day))
    return union_all(*parts)  # type: ignore[return-value]


def _themed_heads(action_themes: Any, body: str | None) -> AnySelect:
    """Lifecycle summaries of the actions that raised them, joined to their themes (and,
    for ``body``, to the meeting that raised them)."""
    cycle = models.ActionLifecycle
    query = (
        select()
        .select_from(cycle)
        .join(action_themes, action_themes.c.action_id == cycle.action_id)
        .where(head())
    )
    if body is not None:
        query = query.join(models.Action, models.Action.id == cycle.action_id).join(
            models.Meeting, models.Meeting.id == models.Action.meeting_id
        )
    return query


def _open_counts(theme_ids: list[int], ends: list[dt.date], body: str | None) -> AnySelect:
    """(theme_id, day, n): the lifecycles of each theme open on each of ``ends``.

    The themes' lifecycles are read once, counted by what ``open_on`` reads of them
    (many are raised at one meeting and closed at another together), and those counts
    are held against every day: a plain join let SQLite read the days first and, for
    each, every lifecycle raised before it through ``raised_on``'s index. The days are a
    union of one-row selects rather than VALUES, whose statements SQLAlchemy does not
    keep compiled.
    """
    cycle, action_themes = models.ActionLifecycle, models.action_themes
    alike = (action_themes.c.theme_id, cycle.raised_on, cycle.closed_on, cycle.status)
    heads = (
        _themed_heads(action_themes, body)
        .add_columns(*alike, func.count().label("n"))
        .where(action_themes.c.theme_id.in_(theme_ids))
        .group_by(*alike)
    )
    if body is not None:
        heads = heads.where(models.Meeting.body_key == body)
    lifecycles = heads.subquery("lifecycles")
    period_ends = union_all(*(select(literal(day, Date).label("day")) for day in ends)).cte(
        "period_ends"
    )
    return (
        select(lifecycles.c.theme_id, period_ends.c.day, func.sum(lifecycles.c.n).label("n"))
        .select_from(lifecycles)
        .join(period_ends, open_on(period_ends.c.day, lifecycles.c))
        .group_by(lifecycles.c.theme_id, period_ends.c.day)
    )
