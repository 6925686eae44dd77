"""A theme's records counted per calendar period: one grouped statement per batch.

The statement counts, per theme and day, the theme's meetings and its agenda items (by
their meeting's day), and the lifecycles of its actions by the days they were raised
and closed and their status (``ActionLifecycle.raised_on``, ``closed_on``, ``status``;
each lifecycle once, as the action that raised it: as ``actions(filter: {theme,
openAt})`` lists them). Days are put into periods here, and the lifecycles open on each
period's last day are counted from the same rows, by ``records.lifecycles.open_spell``
(the days ``open_on`` holds a lifecycle open). So a timeline costs one statement
whatever its number of periods, the same statement each time (made once, its themes,
days and body bound when it runs), and the timelines of many themes with the same
arguments share it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Final, cast

from sqlalchemy import (
    BindParameter,
    Date,
    bindparam,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from records import models
from records.lifecycles import head, open_spell
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
# The statement's rows of lifecycles (counted as RAISED, CLOSED and open).
LIFECYCLES: Final = 2
# The names of the statement's bound parameters.
THEMES, LOW, HIGH, BODY = "themes", "low", "high", "body"
# The statement, for a body or not, made once per process.
_STATEMENTS: dict[bool, AnySelect] = {}


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
    low = period_of(args.first, by).start if args.first else dt.date.min
    high = period_of(args.last, by).end if args.last else dt.date.max
    # theme -> period number -> [meetings, items, raised, closed]
    tallies: dict[int, dict[int, list[int]]] = {
        t: defaultdict(lambda: [0, 0, 0, 0]) for t in theme_ids
    }
    # theme -> [(raised_on, open until: the first day it is no longer open, n)]
    spells: dict[int, list[tuple[dt.date | None, dt.date | None, int]]] = defaultdict(list)
    parameters = {THEMES: theme_ids, LOW: low, HIGH: high}
    if args.body is not None:
        parameters[BODY] = args.body
    rows = cast(
        "Sequence[tuple[Any, ...]]",
        await reads.rows(_counts_statement(body=args.body is not None), parameters),
    )
    # (Rows unpacked as tuples: reading their columns by name costs more than the rest.)
    for theme_id, measure, raw_day, raw_closed_on, status, raw_n in rows:
        tally, n = tallies[theme_id], int(raw_n)
        day = None if raw_day is None else _day(raw_day)
        if measure != LIFECYCLES:
            if day is not None:
                tally[period_number(day, by)][measure] += n
            continue
        closed_on = None if raw_closed_on is None else _day(raw_closed_on)
        if day is not None and low <= day <= high:
            tally[period_number(day, by)][RAISED] += n
        if closed_on is not None and low <= closed_on <= high:
            tally[period_number(closed_on, by)][CLOSED] += n
        if (spell := open_spell(day, closed_on, status)) is not None:
            spells[theme_id].append((*spell, n))
    result: dict[int, list[PeriodCounts] | PublicError] = {}
    for theme_id, tally in tallies.items():
        span = _periods(tally, args)
        if isinstance(span, PublicError):
            result[theme_id] = span
            continue
        open_at = _open_at([p.end for p in span], spells.get(theme_id, ()))
        periods: list[PeriodCounts] = []
        for p, still_open in zip(span, open_at, strict=True):
            meetings, items, raised, closed = tally.get(period_number(p.start, by), (0, 0, 0, 0))
            periods.append(PeriodCounts(p, meetings, items, raised, closed, still_open))
        result[theme_id] = periods
    return result


def _open_at(
    ends: list[dt.date], spells: Iterable[tuple[dt.date | None, dt.date | None, int]]
) -> list[int]:
    """How many lifecycles are open on each of ``ends`` (days in order), given spells of
    (open from, open until, how many) as ``records.lifecycles.open_spell`` gives them."""
    change = [0] * (len(ends) + 1)
    for raised_on, closed_on, n in spells:
        first = 0 if raised_on is None else bisect_left(ends, raised_on)
        after = len(ends) if closed_on is None else bisect_left(ends, closed_on)
        if first < after:
            change[first] += n
            change[after] -= n
    return list(accumulate(change[:-1]))


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


def _counts_statement(*, body: bool) -> AnySelect:
    """The statement of ``_counts`` (for a body or not), made once per process: building
    it costs more than running it."""
    found = _STATEMENTS.get(body)
    if found is None:
        found = _STATEMENTS[body] = _counts(body=body)
    return found


def _counts(*, body: bool) -> AnySelect:
    """(theme_id, measure, day, closed_on, status, n) for the themes bound as ``THEMES``
    (and the body ``BODY`` when ``body``): the meetings and the agenda items of each day
    from ``LOW`` to ``HIGH``, and the lifecycles of every raising and closing day and
    status, whatever their days (those raised before ``LOW`` may be open in it)."""
    meeting, item, cycle = models.Meeting, models.AgendaItem, models.ActionLifecycle
    meeting_themes, item_themes = models.meeting_themes, models.item_themes
    action_themes = models.action_themes
    themes: BindParameter[list[int]] = bindparam(THEMES, expanding=True)
    no_day = null().cast(Date)
    alike = (action_themes.c.theme_id, cycle.raised_on, cycle.closed_on, cycle.status)
    lifecycles = (
        _themed_heads(action_themes, body=body)
        .add_columns(
            action_themes.c.theme_id.label("theme_id"),
            literal_column(str(LIFECYCLES)).label("measure"),
            cycle.raised_on.label("day"),
            cycle.closed_on.label("closed_on"),
            cycle.status.label("status"),
            func.count().label("n"),
        )
        .where(action_themes.c.theme_id.in_(themes))
        .group_by(*alike)
    )
    if body:
        lifecycles = lifecycles.where(meeting.body_key == bindparam(BODY))

    def counted(query: AnySelect, theme: Any, measure: int) -> AnySelect:
        query = query.add_columns(
            theme.label("theme_id"),
            literal_column(str(measure)).label("measure"),
            meeting.date.label("day"),
            no_day.label("closed_on"),
            null().label("status"),
            func.count().label("n"),
        ).where(
            theme.in_(themes),
            meeting.date.is_not(None),
            meeting.date >= bindparam(LOW, type_=Date),
            meeting.date <= bindparam(HIGH, type_=Date),
        )
        if body:
            query = query.where(meeting.body_key == bindparam(BODY))
        return query.group_by(theme, meeting.date)

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
    return union_all(  # type: ignore[return-value]
        lifecycles,
        counted(meetings, meeting_themes.c.theme_id, MEETINGS),
        counted(items, item_themes.c.theme_id, ITEMS),
    )


def _themed_heads(action_themes: Any, *, body: bool) -> AnySelect:
    """Lifecycle summaries of the actions that raised them, joined to their themes (and,
    for ``body``, to the meeting that raised them)."""
    cycle = models.ActionLifecycle
    query = (
        select()
        .select_from(cycle)
        .join(action_themes, action_themes.c.action_id == cycle.action_id)
        .where(head())
    )
    if body:
        query = query.join(models.Action, models.Action.id == cycle.action_id).join(
            models.Meeting, models.Meeting.id == models.Action.meeting_id
        )
    return query
