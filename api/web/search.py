"""The search page: ``/`` with a query and filters (``api.web.params``), hits grouped by
meeting with their passages, hits per year as a chart, facets that narrow the search as
links, and pages of hits with stable links.

A page beyond the first is reached by walking the pages before it by cursor (hits are
paged by keyset, not offset), fetching only where each ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Final

from starlette.requests import Request

from api.auth import Caller
from api.web import operations
from api.web.chart import Chart, year_chart
from api.web.format import body_label, type_label, words
from api.web.hits import HitView, MeetingGroup, by_meeting, hit_view
from api.web.params import KINDS, PAGE_SIZE, TYPES, SearchParams
from api.web.site import PageError, Site
from records.paging import MAX_PAGE_SIZE

_KIND_KEYS: Final = {value: key for key, value in KINDS.items()}
_TYPE_KEYS: Final = {value: key for key, value in TYPES.items()}


@dataclass(frozen=True)
class FacetEntry:
    label: str
    count: int
    href: str
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the heading
    parameter: str
    entries: list[FacetEntry]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    href: str  # the search without it


@dataclass(frozen=True)
class SearchView:
    params: SearchParams
    total: int
    suggestion: str | None
    hits: list[HitView]
    groups: list[MeetingGroup]
    chart: Chart | None
    facets: list[Facet]
    active: list[ActiveFilter]
    pages: int
    previous: str | None
    next: str | None
    csv: str
    json: str
    themes: dict[str, str]

    @property
    def first_shown(self) -> int:
        return (self.params.page - 1) * PAGE_SIZE + 1 if self.hits else 0

    @property
    def last_shown(self) -> int:
        return (self.params.page - 1) * PAGE_SIZE + len(self.hits)


async def page_cursor(
    site: Site, request: Request, caller: Caller | None, params: SearchParams
) -> str | None:
    """The cursor after which ``params.page`` starts (None for the first page); a 404
    PageError when the results end before it."""
    skip = (params.page - 1) * PAGE_SIZE
    cursor: str | None = None
    while skip > 0:
        take = min(skip, MAX_PAGE_SIZE)
        data = await site.run(
            request, caller, operations.SEARCH_CURSOR, params.variables(take, cursor)
        )
        info = data["search"]["pageInfo"]
        if not info["hasNextPage"]:
            raise PageError(404, "No such page", f"This search has no page {params.page}.")
        cursor = info["endCursor"]
        skip -= take
    return cursor


async def search_view(
    site: Site, request: Request, caller: Caller | None, params: SearchParams
) -> SearchView:
    after = await page_cursor(site, request, caller, params)
    data = await site.run(request, caller, operations.SEARCH, params.variables(PAGE_SIZE, after))
    found = data["search"]
    themes = {t["code"]: t["name"] for t in data["themes"]}
    hits = [hit_view(edge) for edge in found["edges"]]
    total = found["totalCount"]
    page = params.page
    return SearchView(
        params=params,
        total=total,
        suggestion=found["suggestion"],
        hits=hits,
        groups=by_meeting(hits),
        chart=year_chart(
            await _years_around(site, request, caller, params, found["facets"]["years"]),
            lambda year: params.toggled("years", year),
            params.years,
        ),
        facets=_facets(params, found["facets"], themes),
        active=_active(params, themes),
        pages=max(1, math.ceil(total / PAGE_SIZE)),
        previous=params.url(page=page - 1) if page > 1 else None,
        next=params.url(page=page + 1) if found["pageInfo"]["hasNextPage"] else None,
        csv=params.url("/search.csv", page=1),
        json=params.url("/search.json", page=1),
        themes=themes,
    )


async def _years_around(
    site: Site,
    request: Request,
    caller: Caller | None,
    params: SearchParams,
    years: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Hits per year for the chart: the search's own counts, or, when it is narrowed to
    some years, those of the same search over every year (the chosen ones marked)."""
    if not params.years:
        return years
    every_year = replace(params, years=(), page=1)
    data = await site.run(request, caller, operations.SEARCH_YEARS, every_year.variables(1))
    return list(data["search"]["facets"]["years"])


def _facets(params: SearchParams, facets: dict[str, Any], themes: dict[str, str]) -> list[Facet]:
    def entries(name: str, counts: list[dict[str, Any]], key: Any, label: Any) -> list[FacetEntry]:
        chosen = getattr(params, name)
        shown = []
        for count in counts:
            value = key(count["value"])
            shown.append(
                FacetEntry(
                    label=label(count["value"]),
                    count=count["count"],
                    href=params.toggled(name, value),
                    selected=value in chosen,
                )
            )
        return shown

    years = sorted(facets["years"], key=lambda c: c["value"], reverse=True)
    return [
        Facet("Year", "year", entries("years", years, int, str)),
        Facet(
            "Theme",
            "theme",
            entries(
                "themes",
                facets["themes"],
                str,
                lambda code: f"{themes.get(code, code)} ({code})",
            ),
        ),
        Facet(
            "Kind of meeting",
            "kind",
            entries("kinds", facets["kinds"], _KIND_KEYS.__getitem__, words),
        ),
        Facet(
            "Record",
            "type",
            entries("types", facets["types"], _TYPE_KEYS.__getitem__, type_label),
        ),
        Facet("Body", "body", entries("bodies", facets["bodies"], str, body_label)),
    ]


def _active(params: SearchParams, themes: dict[str, str]) -> list[ActiveFilter]:
    active = [ActiveFilter(f"Year {y}", params.toggled("years", y)) for y in params.years]
    active += [
        ActiveFilter(f"Theme: {themes.get(t, t)}", params.toggled("themes", t))
        for t in params.themes
    ]
    active += [ActiveFilter(f"Kind: {words(k)}", params.toggled("kinds", k)) for k in params.kinds]
    active += [
        ActiveFilter(f"Record: {type_label(TYPES[t])}", params.toggled("types", t))
        for t in params.types
    ]
    active += [
        ActiveFilter(f"Body: {body_label(b)}", params.toggled("bodies", b)) for b in params.bodies
    ]
    if params.date_from:
        active.append(ActiveFilter(f"From {params.date_from}", params.url(date_from=None)))
    if params.date_to:
        active.append(ActiveFilter(f"To {params.date_to}", params.url(date_to=None)))
    return active
