"""How values read on the pages and in the downloads: dates, kinds, figures, passages."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence
from typing import Any, Final
from urllib.parse import quote

from markupsafe import Markup, escape

from indexer.highlights import join_fragments

_MARK: Final = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
TYPE_LABELS: Final = {
    "MEETING": "Meeting",
    "ITEM": "Agenda item",
    "ACTION": "Action",
    "METRIC": "Figure",
    "Meeting": "Meeting",
    "AgendaItem": "Agenda item",
    "Action": "Action",
    "Metric": "Figure",
}


def words(value: str | None) -> str:
    """An enum name as words: ``MONTHLY_ASSURANCE`` -> ``Monthly assurance``."""
    if not value:
        return ""
    text = value.replace("_", " ").replace("-", " ").lower()
    return text[:1].upper() + text[1:]


_SMALL_WORDS: Final = frozenset({"and", "of", "the", "for", "in", "on", "at", "to"})


def body_label(key: str) -> str:
    """A body's key (its name folded to lower case) as a name: "avon and somerset" ->
    "Avon and Somerset"."""
    words_ = key.split()
    return " ".join(
        w if (n and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for n, w in enumerate(words_)
    )


def long_date(value: str | None) -> str:
    """``2021-02-26`` -> ``26 February 2021``; "undated" for none."""
    if not value:
        return "undated"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def figure(value: float, unit: str) -> str:
    """A metric's value as the minutes would write it."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "PERCENT":
        return f"{number}%"
    if unit == "MONEY":
        return f"£{number}"
    return number


def type_label(value: str) -> str:
    return TYPE_LABELS.get(value, words(value))


def passage(fragments: Sequence[str]) -> Markup:
    """Highlight fragments as one passage of safe HTML: every character escaped again,
    only the ``<mark>`` elements kept."""
    joined = join_fragments(fragments)
    pieces = _MARK.split(joined)  # odd positions: the marked words
    out = [
        Markup("<mark>{}</mark>").format(html.unescape(piece))
        if n % 2
        else escape(html.unescape(piece))
        for n, piece in enumerate(pieces)
    ]
    return Markup("").join(out)


def plain_passage(fragments: Sequence[str]) -> str:
    """The passage as plain text (for CSV): marks dropped, entities decoded."""
    return html.unescape(_MARK.sub(r"\1", join_fragments(fragments)))


def item_label(item: dict[str, Any] | None) -> str:
    if not item:
        return ""
    return f"{item.get('number') or ''} {item['title']}".strip()


def urlencode_id(record_id: str) -> str:
    """A node id as one segment of a path (ids may hold "/", "+" and "=")."""
    return quote(record_id, safe="")


def anchor(record_id: str) -> str:
    """An id for a record's place on its meeting's page (safe in HTML and in a URL)."""
    return "r-" + record_id.rstrip("=").replace("+", "-").replace("/", "_")


FILTERS: Final[dict[str, Callable[..., Any]]] = {
    "words": words,
    "body_label": body_label,
    "long_date": long_date,
    "figure": figure,
    "type_label": type_label,
    "passage": passage,
    "item_label": item_label,
    "urlencode_id": urlencode_id,
    "anchor": anchor,
}
