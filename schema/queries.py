"""The root ``Query`` type."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import select

from indexer.search import SortOrder
from records import models
from schema import search as search_docs
from schema.actions import Action, ActionFilter, action_query
from schema.changes import ChangesQuery
from schema.context import Context
from schema.enums import DateOrder
from schema.errors import PublicError, shown
from schema.fields import resolver_field
from schema.loaders import Record, columns
from schema.lookups import is_node_type, load_node, load_nodes
from schema.meetings import Meeting, MeetingFilter, meeting_query
from schema.metrics import Metric, MetricFilter, metric_query
from schema.node import Node, from_global_id
from schema.pagination import (
    AFTER_DOC,
    BEFORE_DOC,
    FIRST_DOC,
    LAST_DOC,
    Connection,
    Page,
    fetch_page,
    page_args,
    to_connection,
)
from schema.prefetch import prefetch, selections_at
from schema.search import SearchFilterInput, SearchResults, resolve_search
from schema.series import ORDER_DOC as SERIES_ORDER_DOC
from schema.series import MetricSeries, MetricSeriesFilter, series_page
from schema.themes import Theme

Info = strawberry.Info[Context, None]

_ORDER = "By meeting date, newest first unless DATE_ASC."
MAX_NODES = 100


def _node_id(global_id: str, argument: str) -> tuple[str, int]:
    """(type name, database id) of a global id that names a node type."""
    type_name, record_id = from_global_id(global_id, argument=argument)
    if not is_node_type(type_name):
        raise PublicError(
            f"{argument}: {shown(global_id)} names an unknown type {shown(type_name)}", "BAD_ID"
        )
    return type_name, record_id


async def _prefetch_nodes(info: Info, graphql_type: type[Any], page: Page[Any]) -> None:
    """Load what the query asks for below the nodes of a connection page."""
    selections = selections_at(info.selected_fields, "edges", "node")
    await prefetch(info.context.loaders, graphql_type, [row for row, _ in page.rows], selections)


@strawberry.type(description="Read the archive: meetings, themes, actions, figures, and search.")
class Query(ChangesQuery):
    @resolver_field(description="Meetings, newest first unless ordered otherwise.")
    async def meetings(
        self,
        info: Info,
        filter: Annotated[
            MeetingFilter | None, strawberry.argument(description="Conditions the meetings meet.")
        ] = None,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Meeting]:
        args = page_args(first, after, order, field="meetings", last=last, before=before)
        page = await fetch_page(
            info.context.reads,
            meeting_query(filter),
            date_col=models.Meeting.date,
            id_col=models.Meeting.id,
            args=args,
        )
        await _prefetch_nodes(info, Meeting, page)
        return to_connection(page, Meeting.from_model, args, lambda m: m.id)

    @resolver_field(description="One meeting by its id.")
    async def meeting(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The meeting's id.")],
    ) -> Meeting | None:
        type_name, record_id = _node_id(id, "meeting: argument `id`")
        if type_name != "Meeting":
            return None
        found = await info.context.loaders.meeting.load(record_id)
        if found is None:
            return None
        selections = selections_at(info.selected_fields)
        await prefetch(info.context.loaders, Meeting, [found], selections)
        return Meeting.from_model(found)

    @resolver_field(description="Every theme, by code.")
    async def themes(self, info: Info) -> list[Theme]:
        rows: list[Record] = list(
            await info.context.reads.rows(
                select(*columns(models.Theme)).order_by(models.Theme.code)
            )
        )
        return [Theme.from_model(row) for row in rows]

    @resolver_field(description='One theme by its code (e.g. "DA"; case-insensitive).')
    async def theme(
        self, info: Info, code: Annotated[str, strawberry.argument(description="The theme's code.")]
    ) -> Theme | None:
        found = await info.context.loaders.theme_by_code.load(code)
        return Theme.from_model(found) if found else None

    @resolver_field(
        description="Actions across meetings, by meeting date, each once as its meeting lists "
        "it (an action-log row repeating an action of the minutes is not listed again)."
    )
    async def actions(
        self,
        info: Info,
        filter: Annotated[
            ActionFilter | None, strawberry.argument(description="Conditions the actions meet.")
        ] = None,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Action]:
        args = page_args(first, after, order, field="actions", last=last, before=before)
        query = action_query(filter, info.context.today)
        page = await fetch_page(
            info.context.reads,
            query,
            date_col=models.Meeting.date,
            id_col=models.Action.id,
            args=args,
        )
        await _prefetch_nodes(info, Action, page)
        return to_connection(page, Action.from_model, args, lambda m: m.id)

    @resolver_field(description="Figures across meetings, by meeting date.")
    async def metrics(
        self,
        info: Info,
        filter: Annotated[
            MetricFilter | None, strawberry.argument(description="Conditions the figures meet.")
        ] = None,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Metric]:
        args = page_args(first, after, order, field="metrics", last=last, before=before)
        page = await fetch_page(
            info.context.reads,
            metric_query(filter),
            date_col=models.Meeting.date,
            id_col=models.Metric.id,
            args=args,
        )
        await _prefetch_nodes(info, Metric, page)
        return to_connection(page, Metric.from_model, args, lambda m: m.id)

    @resolver_field(
        description="Series of figures: a body's figures of one measure across meetings "
        '("DA cases with supervisory input": 57%, 60%, 64%, 68%), each with its points, '
        "how sure each match is and why, and the target it is measured against."
    )
    async def metric_series(
        self,
        info: Info,
        filter: Annotated[
            MetricSeriesFilter | None,
            strawberry.argument(description="Conditions the series meet."),
        ] = None,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[
            DateOrder, strawberry.argument(description=SERIES_ORDER_DOC)
        ] = DateOrder.DATE_DESC,
    ) -> Connection[MetricSeries]:
        args = page_args(first, after, order, field="metricSeries", last=last, before=before)
        return await series_page(info, filter, args)

    @resolver_field(
        description='Full-text search ("MARAC", "domestic abuse" AND year:2021 ...) with '
        "highlights, facets and a spelling suggestion."
    )
    async def search(
        self,
        info: Info,
        query: Annotated[
            str,
            strawberry.argument(description='Words, "phrases", AND/OR/NOT, field:value, prefix*.'),
        ],
        filter: Annotated[
            SearchFilterInput | None, strawberry.argument(description="Conditions every hit meets.")
        ] = None,
        first: Annotated[int | None, strawberry.argument(description=search_docs.FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=search_docs.AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=search_docs.LAST_DOC)] = None,
        before: Annotated[
            str | None, strawberry.argument(description=search_docs.BEFORE_DOC)
        ] = None,
        order: Annotated[
            SortOrder, strawberry.argument(description="Best match first, or by meeting date.")
        ] = SortOrder.RELEVANCE,
        exact: Annotated[
            bool,
            strawberry.argument(description="Match words as written (no stemming or acronyms)."),
        ] = False,
    ) -> SearchResults:
        return await resolve_search(
            info, query, filter, first, after, order, exact, last=last, before=before
        )

    @resolver_field(description="Any record by its global id.")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id.")],
    ) -> Node | None:
        return await load_node(info, *_node_id(id, "node: argument `id`"))

    @resolver_field(description="Records by global ids, in the order given (null if gone).")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Global ids (at most 100).")
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise PublicError(f"nodes: argument `ids` takes at most {MAX_NODES} ids", "TOO_MANY")
        wanted = [_node_id(id, f"nodes: argument `ids[{n}]`") for n, id in enumerate(ids)]
        return await load_nodes(info, wanted)
