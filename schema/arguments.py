"""Checks on argument values that their GraphQL types cannot express.

Each raises a ``PublicError`` naming the argument, before the value reaches SQL or
the index, where it would fail (a year no date can hold, a LIKE pattern longer than
SQLite takes, more list entries than a statement takes parameters) or match nothing
for a reason the caller could not see.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from schema.errors import PublicError

# Years a filter may name: the years the minutes parser reads (1900 to 2199). Python's
# dates end at 9999; a year outside this range names no meeting the archive can hold.
MIN_YEAR = 1900
MAX_YEAR = 2199
YEAR_RANGE = f"{MIN_YEAR} to {MAX_YEAR}"
# Text matched by "contains" (SQL LIKE): SQLite refuses patterns over 50,000 bytes.
MAX_MATCH_CHARS = 1_000
# Entries in a list of values a filter matches against.
MAX_LIST_ENTRIES = 100

T = TypeVar("T")


def checked_year(year: int, argument: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PublicError(
            f"{argument}: the year must be from {YEAR_RANGE} (got {year})", "BAD_YEAR"
        )
    return year


def checked_match_text(text: str, argument: str) -> str:
    if len(text) > MAX_MATCH_CHARS:
        raise PublicError(
            f"{argument}: at most {MAX_MATCH_CHARS} characters (got {len(text)})",
            "TEXT_TOO_LONG",
        )
    return text


def checked_list(values: Sequence[T], argument: str) -> Sequence[T]:
    if len(values) > MAX_LIST_ENTRIES:
        raise PublicError(
            f"{argument}: at most {MAX_LIST_ENTRIES} values (got {len(values)})", "TOO_MANY"
        )
    return values
