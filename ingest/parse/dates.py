"""Dates and times as minutes write them (UK day-first), found with explicit patterns.

Only these forms are recognised, so stray numbers never become dates:

* ``26 February 2021``, ``Thursday 26th February``, ``26th of Feb. 2021``, ``26-27 February``,
  ``26/27 February``
* ``February 26, 2021``, ``Thursday, February 26`` (a yearless month-first date needs a
  weekday or an ordinal: ``May 5`` alone is not a date)
* ``26/02/2021``, ``26/2/21``, ``26.02.21``, ``26-02-2021``, ``2021-02-26``
* ``March 2021`` (the 1st of the month; ``DateMatch.has_day`` is False)
* Welsh month names as in ``6 Mehefin 2022`` (capitalised only)

Month and weekday names come from dateutil's locale-free tables; dateutil's fuzzy parser
is never used because it invents dates from any number.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil.parser import parserinfo

__all__ = [
    "MONTH_PATTERN",
    "WEEKDAY_NAMES",
    "WELSH_MONTHS",
    "DateMatch",
    "TimeMatch",
    "find_calendar_year",
    "find_date",
    "find_time",
    "find_year",
    "iter_dates",
    "latest_financial_year",
    "month_number",
    "parse_date_phrase",
    "parse_time_phrase",
]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Welsh month names, as bilingual minutes of the Welsh forces write them ("6 Mehefin 2022").
WELSH_MONTHS = (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
)  # fmt: skip

_MONTHS: dict[str, int] = {
    name.lower(): number
    for number, names in enumerate(parserinfo.MONTHS, start=1)
    for name in names
}
_MONTHS.update({name.lower(): number for number, name in enumerate(WELSH_MONTHS, start=1)})
_WEEKDAYS: dict[str, int] = {
    name.lower(): number for number, names in enumerate(parserinfo.WEEKDAYS) for name in names
}
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

# Month tokens that are also ordinary words or too short to trust in lower case.
_LOWER_CASE_AMBIGUOUS = (
    {name for name in _MONTHS if len(name) <= 4}
    | {"march"}
    | {name.lower() for name in WELSH_MONTHS}
)


def _alternation(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


MONTH_PATTERN = rf"(?:{_alternation(_MONTHS)})\b"
_MONTH = rf"(?P<month>{_alternation(_MONTHS)})\b\.?"
_WEEKDAY = rf"(?:(?P<weekday>{_alternation(_WEEKDAYS)})\b\.?,?\s+(?:the\s+)?)"
# (and the Welsh: "1af", "2il", "3ydd", "5ed", "8fed", "14eg", "21ain")
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain)"
_DAY = rf"(?P<day>[0-3]?\d)(?P<ordinal>{_ORDINAL})?"
# Before the month, an extraction may part the ordinal from its day: "TUESDAY 12 TH DECEMBER".
_DAY_BEFORE_MONTH = rf"(?P<day>[0-3]?\d)(?P<ordinal>{_ORDINAL}|\s{_ORDINAL}\b)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)"
_NOT_AFTER_NUMBER = r"(?<![\d.:/£$,])"
# The last day of a meeting over days, with its own weekday: "Wednesday 2 – Thursday 3
# October 2019" is the meeting of the 2nd, and so is "2/3 October 2019".
_RANGE_TAIL = (
    rf"(?:\s*(?:-|–|—|to|and|&|/)\s*(?:(?:{_alternation(_WEEKDAYS)})\b\.?,?\s+)?"
    rf"[0-3]?\d{_ORDINAL}?)"
)

# An extraction may lose the spaces around the month: "Tuesday 8thSeptember2015".
_MONTH_BEFORE_YEAR = rf"(?P<month>{_alternation(_MONTHS)})(?![a-z])\.?"

# (a day may be run into the word before it, "Date17th February 2015", given its ordinal
# and year: "Covid19 June 2020" is no date)
_DAY_MONTH_YEAR = re.compile(
    rf"{_WEEKDAY}?{_NOT_AFTER_NUMBER}(?:\b|(?<=[a-z]{{3}})){_DAY_BEFORE_MONTH}{_RANGE_TAIL}?\s*(?:of\s+)?"
    rf"{_MONTH_BEFORE_YEAR}(?:,?\s*{_YEAR})?(?![\d/])",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_WEEKDAY}?\b{_MONTH}\s+{_DAY}(?![\d:])(?!\.\d)(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"{_WEEKDAY}?{_NOT_AFTER_NUMBER}\b(?P<day>[0-3]?\d)(?P<sep>[/.\-])(?P<month>[01]?\d)"
    r"(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/]|\.\d)",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?<![\d.])\b(?P<year>(?:19|20|21)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?<![\d.:/£$-])\b(?:19|20|21)\d\d\b(?![.,]\d|\s*(?:hrs|hours)\b)")

_HOUR_12 = r"(?P<hour>1[0-2]|0?[1-9])"
_HOUR_24 = r"(?P<hour>[01]?\d|2[0-3])"
_MINUTE = r"(?P<minute>[0-5]\d)"
_TIME_AMPM = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b{_HOUR_12}(?:[:.]{_MINUTE})?\s*(?P<ampm>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
# A range with "am" or "pm" only after its end: "7.00 - 9.30pm" starts at 19:00, "10.00 -
# 12.30pm" and "11 - 1pm" in the morning.
_TIME_RANGE_AMPM = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b{_HOUR_12}(?:[:.]{_MINUTE})?\s*(?:-|–|—|to)\s*"
    r"(?P<last_hour>1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?P<last_ampm>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
_TIME_HOURS = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b{_HOUR_24}[:.]?{_MINUTE}\s*(?:hrs|hours|hr|h)\b", re.IGNORECASE
)
# A 24-hour time may carry a needless "pm" ("13.30pm"): it is part of the time.
_NEEDLESS_AMPM = r"(?:\s?[ap]\.?m\b\.?)?"
_TIME_COLON = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b{_HOUR_24}:{_MINUTE}(?![\d:]){_NEEDLESS_AMPM}", re.IGNORECASE
)
_TIME_DOT = re.compile(
    rf"(?:^|\b(?:at|from|starting|start|commencing)\s+){_HOUR_24}\.{_MINUTE}(?![\d.]\d|\d)"
    rf"{_NEEDLESS_AMPM}",
    re.IGNORECASE,
)
# Four-digit times only as a range ("0930 to 1230", "1400-1600"), never a span of years.
_TIME_FOUR_DIGITS = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:-|–|—|to)\s*"
    r"(?P<end>(?:[01]\d|2[0-3])[0-5]\d)\b(?![.,/]\d)",
    re.IGNORECASE,
)
# Dotted times as a range, each with two-digit hours ("09.30 – 11.30", "14.00-16.00"): a
# meeting's times, where a lone "9.30" may be a paragraph's number.
_TIME_DOT_RANGE = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b(?P<hour>[01]\d|2[0-3])\.(?P<minute>[0-5]\d)\s*(?:-|–|—|to)\s*"
    r"(?P<end>(?:[01]\d|2[0-3])\.[0-5]\d)\b(?![.,/]\d)",
    re.IGNORECASE,
)
_TIME_NOON = re.compile(r"\b(?:12(?:[:.]00)?\s*)?(?:noon|midday)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text.

    ``weekday`` is the weekday the text states (0 = Monday), which may disagree with
    ``date``; ``span`` is the matched range; ``has_year`` is False when the year came
    from ``default_year``; ``has_day`` is False for a bare month and year.
    """

    date: dt.date
    weekday: int | None
    span: tuple[int, int]
    has_year: bool
    has_day: bool = True


@dataclass(frozen=True)
class TimeMatch:
    time: dt.time
    span: tuple[int, int]


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept", "february"), else None."""
    return _MONTHS.get(name.strip().rstrip(".").lower())


def _year_from_digits(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_token_ok(token: str) -> bool:
    """Reject lower-case tokens that are usually words ("may", "mar") rather than months."""
    bare = token.rstrip(".")
    return not (bare[:1].islower() and bare.lower() in _LOWER_CASE_AMBIGUOUS)


def _weekday_of(match: re.Match[str]) -> int | None:
    name = match.groupdict().get("weekday")
    return _WEEKDAYS[name.lower()] if name else None


def _from_named(
    match: re.Match[str], default_year: int | None, *, day_first: bool
) -> DateMatch | None:
    if not _month_token_ok(match.group("month")):
        return None
    weekday = _weekday_of(match)
    vouched = weekday is not None or match.group("ordinal") is not None
    if not day_first and match.group("year") is None and not vouched:
        return None
    has_year = match.group("year") is not None
    start = match.start("day")
    if (
        start > 0
        and match.string[start - 1].isalpha()
        and not (has_year and match.group("ordinal"))
    ):
        return None  # a day run into a word, without an ordinal and a year to vouch for it
    month = _MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if has_year else default_year
    if year is None:
        return None
    date = _make_date(year, month, int(match.group("day")))
    if date is None:
        return None
    return DateMatch(date, weekday, match.span(), has_year)


def _from_numeric(match: re.Match[str]) -> DateMatch | None:
    month_digits = match.group("month")
    year_digits = match.group("year")
    if match.group("sep") in ".-" and len(year_digits) == 2 and len(month_digits) < 2:
        return None  # "1.2.21" is more likely a paragraph number than a date
    date = _make_date(_year_from_digits(year_digits), int(month_digits), int(match.group("day")))
    if date is None:
        return None
    return DateMatch(date, _weekday_of(match), match.span(), True)


def _from_iso(match: re.Match[str]) -> DateMatch | None:
    date = _make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return None if date is None else DateMatch(date, None, match.span(), True)


def _from_month_year(match: re.Match[str]) -> DateMatch | None:
    if not _month_token_ok(match.group("month")):
        return None
    date = _make_date(int(match.group("year")), _MONTHS[match.group("month").lower()], 1)
    return None if date is None else DateMatch(date, None, match.span(), True, has_day=False)


def _candidates(text: str, default_year: int | None) -> list[Iterator[DateMatch]]:
    """The dates each pattern finds, one stream per pattern, each in order of position."""
    streams: list[Iterator[DateMatch | None]] = [
        (_from_named(m, default_year, day_first=True) for m in _DAY_MONTH_YEAR.finditer(text)),
        (_from_named(m, default_year, day_first=False) for m in _MONTH_DAY_YEAR.finditer(text)),
        (_from_numeric(m) for m in _NUMERIC.finditer(text)),
        (_from_iso(m) for m in _ISO.finditer(text)),
        (_from_month_year(m) for m in _MONTH_YEAR.finditer(text)),
    ]
    return [(match for match in stream if match is not None) for stream in streams]


def _order(match: DateMatch) -> tuple[int, int, bool]:
    return match.span[0], -(match.span[1] - match.span[0]), not match.has_day


def iter_dates(text: str, *, default_year: int | None = None) -> Iterator[DateMatch]:
    """Every date in ``text``, in order, without overlaps (the longest match wins a tie).

    A date without a year is skipped unless ``default_year`` is given. The patterns' matches
    are merged as they are found, so the first date costs no more than reading up to it.
    """
    end = 0
    for match in heapq.merge(*_candidates(text, default_year), key=_order):
        if match.span[0] >= end:
            end = match.span[1]
            yield match


def find_date(text: str, *, default_year: int | None = None) -> DateMatch | None:
    """The first date in ``text``, or None."""
    return next(iter_dates(text, default_year=default_year), None)


def parse_date_phrase(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The first date in ``text`` ("Thursday 26 February", "26/02/2021", "March 2021")."""
    match = find_date(text, default_year=default_year)
    return None if match is None else match.date


def find_year(text: str) -> int | None:
    """The first plausible four-digit year (1900-2199) standing alone in ``text``."""
    match = _YEAR_ONLY.search(text)
    return int(match.group()) if match else None


# A financial (or municipal) year: "2023/24", "2023-24", "2023/2024", "2023 – 2024".
_FINANCIAL_YEAR = re.compile(
    r"(?<![\d./£$-])\b(?P<start>(?:19|20|21)\d\d)\s*[/–—-]\s*(?P<end>\d{2}|\d{4})\b(?![/.]\d)"
)
# The far end of a span of financial years ("2024/25 to 2027/28"): a plan's horizon.
_SPAN_END = re.compile(r"(?:\bto|\bthrough|[–—-])\s*$", re.IGNORECASE)


def _financial_years(text: str) -> list[tuple[re.Match[str], int]]:
    """The financial years of ``text`` with their first calendar year."""
    found = []
    for match in _FINANCIAL_YEAR.finditer(text):
        start = int(match.group("start"))
        end = match.group("end")
        following = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if following == start + 1:
            found.append((match, start))
    return found


def find_calendar_year(text: str) -> int | None:
    """The first year standing alone in ``text`` that is not part of a financial year
    ("the outturn for 2023/24" names a year no date of the text falls in by itself)."""
    spans = [match.span() for match, _ in _financial_years(text)]
    for match in _YEAR_ONLY.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            return int(match.group())
    return None


def latest_financial_year(text: str) -> int | None:
    """The first calendar year of the latest financial year ``text`` speaks of, a plan's
    horizon ("2024/25 to 2027/28") aside: a meeting reviews the outturn of years gone and
    sets the budget of the year it is in, so its date falls in that one."""
    years = [
        start
        for match, start in _financial_years(text)
        if not _SPAN_END.search(text[max(0, match.start() - 12) : match.start()])
    ]
    return max(years, default=None)


def _time_from(match: re.Match[str]) -> dt.time | None:
    groups = match.groupdict()
    if "hour" not in groups:  # noon / midday
        return dt.time(12, 0)
    if groups.get("end") is not None:
        start = int(match.group("hour") + match.group("minute"))
        if start >= 1900 or int(groups["end"].replace(".", "")) <= start:
            return None  # "2019-2020", "1999 to 2005": years; "11.30 - 09.30": no range
    hour = int(groups["hour"])
    minute = int(groups["minute"]) if groups.get("minute") else 0
    if groups.get("last_hour") is not None:
        # the start is in the afternoon when, read so, it is not after the range's end
        last = int(groups["last_hour"]) % 12 + 12
        afternoon = groups["last_ampm"].lower() == "p" and hour % 12 + 12 <= last
        return dt.time(hour % 12 + (12 if afternoon else 0), minute)
    ampm = groups.get("ampm")
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return dt.time(hour, minute) if hour < 24 else None


def find_time(text: str) -> TimeMatch | None:
    """The first clock time in ``text`` with its span, or None."""
    best: TimeMatch | None = None
    for pattern in (
        _TIME_RANGE_AMPM,
        _TIME_AMPM,
        _TIME_HOURS,
        _TIME_COLON,
        _TIME_DOT,
        _TIME_DOT_RANGE,
        _TIME_FOUR_DIGITS,
        _TIME_NOON,
    ):
        for match in pattern.finditer(text):
            time = _time_from(match)
            if time is None:
                continue
            start = match.start("hour") if "hour" in match.groupdict() else match.start()
            if best is None or start < best.span[0]:
                best = TimeMatch(time, (start, match.end()))
            break
    return best


def parse_time_phrase(text: str) -> dt.time | None:
    """The first clock time: "10:00 am", "10.00am", "2pm", "14:00", "1400hrs", "10am - 12pm",
    "0930 to 1230", "09.30 – 11.30"."""
    match = find_time(text)
    return None if match is None else match.time
