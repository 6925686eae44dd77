"""What an export takes: its filters and the day it counts to, read from text the same
way for the command line and for HTTP, with an error naming the parameter at fault.

``theme`` is a theme's code (checked against the themes the database holds, so a typo is
an error rather than an empty file), ``body`` the force or body as written (matched as
GraphQL's ``body`` filters match it), ``from`` and ``to`` bound the meeting's date (both
days included; records of meetings without a date are left out once either is given),
and ``as-of`` is the day an action's days open and overdue are counted to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from schema.arguments import MAX_YEAR, MIN_YEAR

# The columns' lengths (records.models): a longer value names nothing stored.
MAX_THEME_CHARS: Final = 32
MAX_BODY_CHARS: Final = 200
PARAMETERS: Final = ("theme", "body", "from", "to", "as-of")
_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class FilterError(ValueError):
    """A parameter an export cannot take; ``parameter`` names it (``from``, ``theme`` ...)."""

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem


@dataclass(frozen=True)
class ExportFilter:
    """The records an export holds: every condition given must hold."""

    theme: str | None = None  # a theme's code, upper case
    body: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def read(
        cls,
        *,
        theme: str | None = None,
        body: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> ExportFilter:
        """The filter the parameters' text gives; ``FilterError`` for a value it cannot be."""
        found = cls(
            theme=_theme(theme),
            body=_text(body, "body", MAX_BODY_CHARS),
            date_from=read_day(date_from, "from"),
            date_to=read_day(date_to, "to"),
        )
        if found.date_from and found.date_to and found.date_from > found.date_to:
            raise FilterError(
                "to",
                f"{found.date_to.isoformat()} is before from ({found.date_from.isoformat()})",
            )
        return found

    def parameters(self) -> dict[str, str]:
        """The parameters that give this filter (the ones set), as text."""
        given = {
            "theme": self.theme,
            "body": self.body,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
        }
        return {name: value for name, value in given.items() if value is not None}


def read_day(value: str | None, parameter: str) -> dt.date | None:
    """A day written YYYY-MM-DD, of a year the archive can hold; None when not given."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    not_a_date = FilterError(parameter, f"{text!r} is not a date (YYYY-MM-DD)")
    if not _DAY.fullmatch(text):  # fromisoformat also takes "20190101" and "2019-W01-1"
        raise not_a_date
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise not_a_date from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise FilterError(parameter, f"{day.isoformat()} is not from {MIN_YEAR} to {MAX_YEAR}")
    return day


def check_theme(code: str | None, known: Sequence[str]) -> None:
    """``FilterError`` unless ``code`` (when given) is one of the ``known`` codes."""
    if code is not None and code not in known:
        listed = ", ".join(sorted(known)) or "none yet"
        raise FilterError("theme", f"{code!r} is no theme's code (the codes: {listed})")


def _theme(value: str | None) -> str | None:
    code = _text(value, "theme", MAX_THEME_CHARS)
    return code.upper() if code else None


def _text(value: str | None, parameter: str, longest: int) -> str | None:
    if value is None or not value.strip():
        return None
    text = " ".join(value.split())
    if "\x00" in text:
        raise FilterError(parameter, "holds a NUL character")
    if len(text) > longest:
        raise FilterError(parameter, f"longer than {longest} characters ({len(text)})")
    return text
