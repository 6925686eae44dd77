"""Due dates that an action's wording implies but does not state: "to the next
meeting", "bring back in 6 months", "within three weeks"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from records.enums import DueBasis

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}  # fmt: skip
_PERIOD = re.compile(
    r"\b(?:in|within|after)\s+(?:(?:the\s+)?next\s+)?(?P<count>\d{1,2}|[a-z]+)\s+"
    r"(?P<unit>months?|weeks?|years?)(?:'|'s)?(?:\s+time)?\b",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(r"\b(?:the\s+)?next\s+(?:[A-Z][\w&'-]*\s+){0,3}meeting\b", re.IGNORECASE)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def worked_out_due(
    text: str, raised_on: dt.date | None, next_meeting: dt.date | None
) -> tuple[dt.date, DueBasis] | None:
    """The due date ``text`` implies, counted from when the action was raised or set by
    the next meeting its minutes announce; None when it implies none."""
    period = _PERIOD.search(text)
    if period and raised_on is not None:
        word = period.group("count").lower()
        count = int(word) if word.isdigit() else _NUMBERS.get(word)
        if count:
            unit = period.group("unit").lower()
            if unit.startswith("week"):
                return raised_on + dt.timedelta(weeks=count), DueBasis.PERIOD
            months = count * 12 if unit.startswith("year") else count
            return add_months(raised_on, months), DueBasis.PERIOD
    if next_meeting is not None and _NEXT_MEETING.search(text):
        return next_meeting, DueBasis.NEXT_MEETING
    return None
