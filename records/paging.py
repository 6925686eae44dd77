"""Page sizes and cursors: one rule for every list that is read a page at a time.

The GraphQL connections and the search index's pages share them, so a client meets one
limit and one cursor format wherever it pages. A page holds ``first`` rows (or ``last``,
paging backward): ``DEFAULT_PAGE_SIZE`` when none is asked for, at most
``MAX_PAGE_SIZE``. A cursor is the unpadded URL-safe base64 of a compact JSON list: the
name of the order the list was sorted in, then a row's sort key. Decoding checks every
field before any query sees it; a cursor of another order, or anything not handed out,
is a ``CursorError`` (the API answers BAD_CURSOR).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Callable
from json.encoder import encode_basestring_ascii
from typing import Any, Final

DEFAULT_PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 100

CursorValue = str | int | float

_JSON: Final = json.JSONEncoder(separators=(",", ":"))
_URLSAFE: Final = bytes.maketrans(b"+/", b"-_")


class PageSizeError(ValueError):
    """A ``first`` or ``last`` outside 0..MAX_PAGE_SIZE."""


class CursorError(ValueError):
    """A cursor this list did not hand out; ``argument``: the one that held it (``after``
    unless the reader says otherwise)."""

    argument: str = "after"

    def __init__(self, message: str = "invalid cursor") -> None:
        super().__init__(message)


class OtherOrderCursorError(CursorError):
    """A well-formed cursor of the same list sorted another way (``order``)."""

    def __init__(self, order: object) -> None:
        super().__init__(f"the cursor belongs to another sort order ({order})")
        self.order = order


def page_size(first: int | None, argument: str = "first") -> int:
    """``first`` (or ``last``: ``argument`` names it), or the default page size; a
    PageSizeError when out of range."""
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise PageSizeError(
            f"argument `{argument}` must be between 0 and {MAX_PAGE_SIZE} (got {size})"
        )
    return size


def encode_cursor(order: str, *key: CursorValue) -> str:
    """The cursor of a row at ``key`` in a list sorted by ``order``.

    Written by hand rather than by ``json.dumps`` (the same text): a search page encodes
    one cursor per hit.
    """
    raw = "[" + encode_basestring_ascii(order)
    for value in key:
        if type(value) is str:
            raw += "," + encode_basestring_ascii(value)
        elif type(value) is int:
            raw += "," + int.__repr__(value)
        elif type(value) is float and math.isfinite(value):
            raw += "," + float.__repr__(value)  # as the JSON encoder writes a finite float
        else:
            raw += "," + _JSON.encode(value)
    raw += "]"
    encoded = binascii.b2a_base64(raw.encode("ascii"), newline=False).translate(_URLSAFE)
    return encoded.rstrip(b"=").decode("ascii")


def decode_cursor(text: str, order: str, *fields: Callable[[Any], Any]) -> list[Any]:
    """The sort key a cursor of ``encode_cursor`` holds, each value passed through its
    field's check (which returns the value to use, or raises ValueError or TypeError).

    The fields are checked before the order, so a damaged cursor is reported as such
    whichever order it names.
    """
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError, RecursionError) as exc:
        raise CursorError() from exc
    if not isinstance(data, list) or len(data) != len(fields) + 1:
        raise CursorError()
    try:
        key = [check(value) for check, value in zip(fields, data[1:], strict=True)]
    except (ValueError, TypeError, OverflowError) as exc:
        raise CursorError() from exc
    if data[0] != order:
        raise OtherOrderCursorError(data[0])
    return key


# --- field checks for decode_cursor -------------------------------------------------------


def text_field(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def whole_field(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not a whole number")
    return value


def number_field(value: object) -> float:
    """Any JSON number, as a float (an integer past the largest float is refused)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError("not a number")
    return float(value)


def day_field(value: object) -> str:
    """An ISO day (``2021-02-03``), as written back by ``date.isoformat``."""
    return dt.date.fromisoformat(text_field(value)).isoformat()
