"""Calendar periods (years, quarters, months) a timeline is counted in.

A period is known by its label ("2021", "2021-Q2", "2021-04"), its first and its last
day. Periods are whole calendar periods: a range of days is covered by every period
from the one holding its first day to the one holding its last, so what a period
counts never depends on where inside it a range starts or ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from schema.enums import described_enum


class CalendarPeriod(StrEnum):
    YEAR = "YEAR"
    QUARTER = "QUARTER"
    MONTH = "MONTH"


described_enum(
    CalendarPeriod,
    description="The calendar periods a timeline is counted in.",
    values={
        "YEAR": 'Calendar years, labelled "2021".',
        "QUARTER": 'Calendar quarters (January to March is Q1), labelled "2021-Q2".',
        "MONTH": 'Calendar months, labelled "2021-04".',
    },
)

# Months in one period of each length.
_MONTHS = {CalendarPeriod.YEAR: 12, CalendarPeriod.QUARTER: 3, CalendarPeriod.MONTH: 1}


@dataclass(frozen=True)
class Period:
    label: str
    start: dt.date
    end: dt.date


def period_number(day: dt.date, by: CalendarPeriod) -> int:
    """The period holding ``day``, as a number that grows by one from each period to the next."""
    return (day.year * 12 + day.month - 1) // _MONTHS[by]


def period(number: int, by: CalendarPeriod) -> Period:
    """The period ``number`` (see ``period_number``)."""
    step = _MONTHS[by]
    year, month = divmod(number * step, 12)
    start = dt.date(year, month + 1, 1)
    next_year, next_month = divmod(number * step + step, 12)
    end = (
        dt.date(next_year, next_month + 1, 1) - dt.timedelta(days=1)
        if next_year <= dt.MAXYEAR
        else dt.date.max
    )
    if by is CalendarPeriod.YEAR:
        label = f"{year:04d}"
    elif by is CalendarPeriod.QUARTER:
        label = f"{year:04d}-Q{month // 3 + 1}"
    else:
        label = f"{year:04d}-{month + 1:02d}"
    return Period(label, start, end)


def period_of(day: dt.date, by: CalendarPeriod) -> Period:
    return period(period_number(day, by), by)


def periods_between(first: dt.date, last: dt.date, by: CalendarPeriod) -> list[Period]:
    """Every period from the one holding ``first`` to the one holding ``last``, in order."""
    return [period(n, by) for n in range(period_number(first, by), period_number(last, by) + 1)]


def count_between(first: dt.date, last: dt.date, by: CalendarPeriod) -> int:
    """How many periods ``periods_between`` gives (without making them)."""
    return max(0, period_number(last, by) - period_number(first, by) + 1)
