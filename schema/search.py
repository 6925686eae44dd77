"""The ``search`` field: full-text search over the index, hits loaded from the database."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types.nodes import Selection

from indexer.facets import FACET_FIELDS
from indexer.search import SearchFilter, SearchPage, SearchSyntaxError, SortOrder
from records.enums import MeetingKind
from records.paging import CursorError
from schema.actions import Action
from schema.arguments import YEAR_RANGE, checked_list, checked_year
from schema.context import Context
from schema.enums import RecordType, described_enum
from schema.errors import PublicError
from schema.items import AgendaItem
from schema.lookups import SEARCH_TYPE_NAMES, load_nodes
from schema.meetings import Meeting
from schema.metrics import Metric
from schema.pagination import PageInfo, page_window
from schema.prefetch import fields_of, selections_at

Info = strawberry.Info[Context, None]

# The page arguments of ``search``: a hit's cursor holds its place in the chosen order.
FIRST_DOC = (
    "Hits from the start of the results (past `after`, when given): 20 by default, at "
    "most 100. Not together with `last`."
)
LAST_DOC = (
    "Hits from the end of the results (short of `before`, when given), to page backward: "
    "at most 100. The hits come in the results' own order. Not together with `first`."
)
AFTER_DOC = "Only hits after this cursor (a hit's cursor, such as pageInfo.endCursor)."
BEFORE_DOC = "Only hits before this cursor (a hit's cursor, such as pageInfo.startCursor)."

described_enum(
    SortOrder,
    name="SearchOrder",
    description="Order of search hits: best match first, or by meeting date.",
    values={
        "RELEVANCE": "Best match first (ties by record); a query with no words to rank by "
        "comes newest first.",
        "DATE_DESC": "Newest meetings first; hits of undated meetings come last.",
        "DATE_ASC": "Oldest meetings first; hits of undated meetings come first.",
    },
)

SearchNode = Annotated[
    Meeting | AgendaItem | Action | Metric,
    strawberry.union("SearchNode", description="A record a search hit names."),
]


@strawberry.input(
    name="SearchFilter",
    description="Conditions every hit meets; within one list any value will do.",
)
class SearchFilterInput:
    date_from: dt.date | None = strawberry.field(
        default=None, description="Meetings on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Meetings on or before this day."
    )
    years: list[int] | None = strawberry.field(
        default=None, description=f"Meetings in these years ({YEAR_RANGE})."
    )
    themes: list[str] | None = strawberry.field(
        default=None, description='Records about these themes (codes or names, e.g. "DA").'
    )
    kinds: list[MeetingKind] | None = strawberry.field(
        default=None, description="Records of meetings of these kinds."
    )
    types: list[RecordType] | None = strawberry.field(
        default=None, description="Records of these types (MEETING, ITEM, ACTION, METRIC)."
    )
    bodies: list[str] | None = strawberry.field(
        default=None, description="Meetings held by these forces or bodies."
    )

    def to_filter(self) -> SearchFilter:
        """The filter for the index; a PublicError naming the argument it cannot take."""

        def values(name: str, given: list[str] | None) -> tuple[str, ...]:
            return tuple(checked_list(given or [], f"search: argument `filter.{name}`"))

        years = {
            checked_year(year, f"search: argument `filter.years[{n}]`")
            for n, year in enumerate(self.years or ())
        }
        return SearchFilter(
            date_from=self.date_from,
            date_to=self.date_to,
            years=tuple(sorted(years)),
            themes=values("themes", self.themes),
            kinds=_distinct(self.kinds),
            types=_distinct(self.types),
            bodies=values("bodies", self.bodies),
        )


def _distinct(given: Iterable[StrEnum] | None) -> tuple[str, ...]:
    """The values the index knows them by, each once (so no list is too long)."""
    return tuple(dict.fromkeys(member.value for member in given or ()))


@strawberry.type(description="How many matching records share a value.")
class FacetCount:
    value: str = strawberry.field(description="The value (a year or a theme code).")
    count: int = strawberry.field(description="Matching records with it.")


@strawberry.type(description="How many matching records are of meetings of a kind.")
class MeetingKindCount:
    value: MeetingKind = strawberry.field(description="The meeting kind.")
    count: int = strawberry.field(description="Matching records of meetings of that kind.")


@strawberry.type(description="How many matching records are of a type.")
class RecordTypeCount:
    value: RecordType = strawberry.field(description="The record type.")
    count: int = strawberry.field(description="Matching records of that type.")


@strawberry.type(description="Counts of all matching records (not just this page) by value.")
class SearchFacets:
    years: list[FacetCount] = strawberry.field(description="By meeting year.")
    themes: list[FacetCount] = strawberry.field(description="By theme code.")
    kinds: list[MeetingKindCount] = strawberry.field(description="By meeting kind.")
    types: list[RecordTypeCount] = strawberry.field(description="By record type.")
    bodies: list[FacetCount] = strawberry.field(
        description="By body (the force or board that held the meeting), as the `bodies` "
        "filter takes it: the name in lower case with its spaces collapsed. Meetings whose "
        "documents name no body are not counted here."
    )


@strawberry.type(description="One search hit: the record, how well it matched and where.")
class SearchEdge:
    cursor: str = strawberry.field(
        description="This hit's place in the chosen order: pass as `after` for the hits that "
        "follow it, or as `before` for those that precede it."
    )
    score: float = strawberry.field(
        description="Relevance (higher is better; 0 in date order without words)."
    )
    highlights: list[str] = strawberry.field(
        description="Short passages with the matched words in <mark>...</mark>."
    )
    node: SearchNode = strawberry.field(description="The record that matched.")


@strawberry.type(description="A page of search hits with counts over all of them.")
class SearchResults:
    total_count: int = strawberry.field(description="Matching records in all pages.")
    edges: list[SearchEdge] = strawberry.field(description="The hits of this page, in order.")
    page_info: PageInfo = strawberry.field(
        description="The page's first and last cursors, and whether hits precede or follow it."
    )
    facets: SearchFacets = strawberry.field(description="Counts by year, theme, kind and type.")
    suggestion: str | None = strawberry.field(
        description="A likely intended query when words look misspelt."
    )


E = TypeVar("E", bound=StrEnum)


def _members(enum: type[E], values: list[Any]) -> list[tuple[E, int]]:
    """The counts of values that are members of ``enum``; an index built before a value
    was dropped from it may still hold that value, which no client could be given."""
    known = {member.value: member for member in enum}
    return [(known[v.value], v.count) for v in values if v.value in known]


def _facets(page: SearchPage) -> SearchFacets:
    def counts(values: list[Any]) -> list[FacetCount]:
        return [FacetCount(value=str(v.value), count=v.count) for v in values]

    f = page.facets
    return SearchFacets(
        years=counts(f.years),
        themes=counts(f.themes),
        kinds=[MeetingKindCount(value=k, count=n) for k, n in _members(MeetingKind, f.kinds)],
        types=[RecordTypeCount(value=t, count=n) for t, n in _members(RecordType, f.types)],
        bodies=counts(f.bodies),
    )


@dataclass(frozen=True)
class _Asked:
    """What of a search's costly parts the query selects: the index works out only those."""

    highlights: bool
    facets: set[str]
    suggestion: bool


def _asked(selected: list[Selection]) -> _Asked:
    highlights = any(
        f.name == "highlights" for f in fields_of(selections_at(selected, "edges"), None)
    )
    facets = {f.name for f in fields_of(selections_at(selected, "facets"), None)}
    suggestion = any(f.name == "suggestion" for f in fields_of(selections_at(selected), None))
    return _Asked(highlights, facets & FACET_FIELDS.keys(), suggestion)


async def resolve_search(
    info: Info,
    query: str,
    where: SearchFilterInput | None,
    first: int | None,
    after: str | None,
    order: SortOrder,
    exact: bool,
    *,
    last: int | None = None,
    before: str | None = None,
) -> SearchResults:
    size, backward = page_window(first, last, "search")
    factory = info.context.searcher
    if factory is None:
        raise PublicError("search is not available on this server", "SEARCH_UNAVAILABLE")
    search_filter = where.to_filter() if where else SearchFilter()
    asked = _asked(info.selected_fields)

    def run() -> SearchPage:
        return factory().search(
            query,
            filter=search_filter,
            sort=order,
            first=size,
            after=after,
            last=size if backward else None,
            before=before,
            exact=exact,
            facets=asked.facets,
            highlights=asked.highlights,
            suggestion=asked.suggestion,
        )

    try:
        page = await asyncio.to_thread(run)
    except SearchSyntaxError as exc:
        raise PublicError(f"search: the query could not be read: {exc}", "SEARCH_SYNTAX") from exc
    except CursorError as exc:
        raise PublicError(
            f"search: argument `{exc.argument}` is not usable: {exc}", "BAD_CURSOR"
        ) from exc
    nodes = await load_nodes(info, [(SEARCH_TYPE_NAMES[h.type], h.record_id) for h in page.hits])
    edges = [
        SearchEdge(cursor=hit.cursor, score=hit.score, highlights=hit.highlights, node=node)
        for hit, node in zip(page.hits, nodes, strict=True)
        # None: a record deleted since the index last caught up
        if isinstance(node, Meeting | AgendaItem | Action | Metric)
    ]
    return SearchResults(
        total_count=page.total,
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.start_cursor,
            end_cursor=page.end_cursor,
        ),
        facets=_facets(page),
        suggestion=page.suggestion,
    )
