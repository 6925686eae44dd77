"""A search's URL parameters: read (a clear error naming a bad one) and written back.

``/?q=MARAC&year=2021&year=2022&theme=DA&kind=thematic&type=item&body=Northshire&from=2020-01-01
&to=2022-12-31&exact=1&order=date-desc&page=2``: filters are repeated parameters, within
one any value will do. URLs are written in one order with each value once, so the same
search is always the same link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from records.enums import MeetingKind
from schema.arguments import MAX_YEAR, MIN_YEAR

ORDERS: Final = {"relevance": "RELEVANCE", "date-desc": "DATE_DESC", "date-asc": "DATE_ASC"}
TYPES: Final = {"meeting": "MEETING", "item": "ITEM", "action": "ACTION", "metric": "METRIC"}
KINDS: Final = {kind.value.lower().replace("_", "-"): kind.value for kind in MeetingKind}
MAX_QUERY_CHARS: Final = 500
MAX_VALUES: Final = 50  # values of one filter
MAX_PAGE: Final = 500
PAGE_SIZE: Final = 20


class ParameterError(ValueError):
    """A URL parameter the search cannot take; the message names it."""


@dataclass(frozen=True)
class SearchParams:
    """One search as its URL gives it."""

    q: str = ""
    years: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # URL spelling: "monthly-assurance"
    types: tuple[str, ...] = ()  # URL spelling: "item"
    bodies: tuple[str, ...] = ()  # as the index keys them: lower case, spaces collapsed
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    exact: bool = False
    order: str = "relevance"
    page: int = 1

    @classmethod
    def read(cls, params: QueryParams) -> SearchParams:
        q = params.get("q", "")
        if len(q) > MAX_QUERY_CHARS:
            raise ParameterError(f"q: the query is longer than {MAX_QUERY_CHARS} characters")
        if "\x00" in q:
            raise ParameterError("q: the query holds a NUL character")
        order = params.get("order") or "relevance"
        if order not in ORDERS:
            raise ParameterError(f"order: {order!r} is none of {', '.join(ORDERS)}")
        return cls(
            q=q.strip(),
            years=tuple(sorted({_year(v) for v in _values(params, "year")})),
            themes=_distinct(v.strip().upper() for v in _values(params, "theme")),
            kinds=_distinct(_choice(v, KINDS, "kind") for v in _values(params, "kind")),
            types=_distinct(_choice(v, TYPES, "type") for v in _values(params, "type")),
            bodies=_distinct(" ".join(v.split()).casefold() for v in _values(params, "body")),
            date_from=_date(params.get("from"), "from"),
            date_to=_date(params.get("to"), "to"),
            exact=params.get("exact", "") in ("1", "true", "on"),
            order=order,
            page=_page(params.get("page")),
        )

    def variables(self, first: int, after: str | None = None) -> dict[str, Any]:
        """The variables of ``operations.SEARCH`` for this search."""
        search_filter: dict[str, Any] = {}
        if self.years:
            search_filter["years"] = list(self.years)
        if self.themes:
            search_filter["themes"] = list(self.themes)
        if self.kinds:
            search_filter["kinds"] = [KINDS[k] for k in self.kinds]
        if self.types:
            search_filter["types"] = [TYPES[t] for t in self.types]
        if self.bodies:
            search_filter["bodies"] = list(self.bodies)
        if self.date_from:
            search_filter["dateFrom"] = self.date_from.isoformat()
        if self.date_to:
            search_filter["dateTo"] = self.date_to.isoformat()
        return {
            "query": self.q,
            "filter": search_filter or None,
            "first": first,
            "after": after,
            "order": ORDERS[self.order],
            "exact": self.exact,
        }

    @property
    def filtered(self) -> bool:
        return bool(
            self.years
            or self.themes
            or self.kinds
            or self.types
            or self.bodies
            or self.date_from
            or self.date_to
        )

    def pairs(self) -> list[tuple[str, str]]:
        """The URL parameters, in their one order, without the defaults."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        pairs += [("year", str(y)) for y in self.years]
        pairs += [("theme", t) for t in self.themes]
        pairs += [("kind", k) for k in self.kinds]
        pairs += [("type", t) for t in self.types]
        pairs += [("body", b) for b in self.bodies]
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.exact:
            pairs.append(("exact", "1"))
        if self.order != "relevance":
            pairs.append(("order", self.order))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def url(self, path: str = "/", **changes: Any) -> str:
        """This search's link (at ``path``), with ``changes`` made; a new filter or order
        starts again at page 1 unless ``page`` is among the changes."""
        if changes and "page" not in changes:
            changes["page"] = 1
        changed = replace(self, **changes) if changes else self
        query = urlencode(changed.pairs())
        return f"{path}?{query}" if query else path

    def toggled(self, name: str, value: Any) -> str:
        """The link that adds ``value`` to the filter ``name`` (a tuple field), or takes
        it out when it is there."""
        current: tuple[Any, ...] = getattr(self, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        changes: dict[str, Any] = {name: tuple(sorted(values)) if name == "years" else values}
        return self.url(**changes)


def _values(params: QueryParams, name: str) -> list[str]:
    values = [v for v in params.getlist(name) if v.strip()]
    if len(values) > MAX_VALUES:
        raise ParameterError(f"{name}: at most {MAX_VALUES} values")
    return values


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _year(value: str) -> int:
    try:
        year = int(value.strip())
    except ValueError:
        raise ParameterError(f"year: {value!r} is not a year") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ParameterError(f"year: {year} is not from {MIN_YEAR} to {MAX_YEAR}")
    return year


def _choice(value: str, choices: Mapping[str, str], name: str) -> str:
    key = value.strip().lower().replace("_", "-")
    if key not in choices:
        raise ParameterError(f"{name}: {value!r} is none of {', '.join(choices)}")
    return key


def _date(value: str | None, name: str) -> dt.date | None:
    if not value or not value.strip():
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ParameterError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ParameterError(f"{name}: {value} is not from {MIN_YEAR} to {MAX_YEAR}")
    return day


def _page(value: str | None) -> int:
    if not value:
        return 1
    try:
        page = int(value)
    except ValueError:
        raise ParameterError(f"page: {value!r} is not a page number") from None
    if not 1 <= page <= MAX_PAGE:
        raise ParameterError(f"page: {page} is not from 1 to {MAX_PAGE}")
    return page
