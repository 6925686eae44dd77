"""Themes (Domestic Abuse, Serious and Organised Crime ...) and what the archive holds on each."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from records import models
from schema.actions import Action
from schema.context import Context
from schema.enums import DateOrder
from schema.fields import resolver_field
from schema.items import AgendaItem
from schema.meetings import Meeting
from schema.metrics import Metric
from schema.node import Node
from schema.pagination import (
    AFTER_DOC,
    BEFORE_DOC,
    FIRST_DOC,
    LAST_DOC,
    Connection,
    page_args,
    to_connection,
)
from schema.periods import CalendarPeriod
from schema.series import ORDER_DOC as SERIES_ORDER_DOC
from schema.series import MetricSeries, theme_series_page
from schema.timeline import (
    BODY_DOC,
    BY_DOC,
    FROM_DOC,
    TO_DOC,
    TimelinePeriod,
    resolve_timeline,
    theme_search_query,
)

Info = strawberry.Info[Context, None]

_ORDER = "By meeting date, newest first unless DATE_ASC."


@strawberry.type(description="A theme meetings deal with; its lists span the whole archive.")
class Theme(Node):
    code: str = strawberry.field(description='Its short code, e.g. "DA".')
    name: str = strawberry.field(description='Its name, e.g. "Domestic Abuse".')
    aliases: list[str] = strawberry.field(description="Other names and acronyms for it.")
    db_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, theme: models.Theme) -> Theme:
        return cls(
            code=theme.code,
            name=theme.name,
            aliases=list(theme.aliases or []),
            db_id=theme.id,
        )

    @resolver_field(
        description="The search for the theme's words: its code, OR its name and aliases "
        "as phrases (what `timeline`'s `searchHits` counts)."
    )
    def search_query(self) -> str:
        return theme_search_query(self.code, self.name, self.aliases)

    @resolver_field(
        description="Per calendar period, the theme's meetings, agenda items, actions raised, "
        "closed and open at the period's end, and search hits: every period from `from` to "
        "`to`, in time order."
    )
    async def timeline(
        self,
        info: Info,
        from_: Annotated[
            dt.date | None, strawberry.argument(name="from", description=FROM_DOC)
        ] = None,
        to: Annotated[dt.date | None, strawberry.argument(description=TO_DOC)] = None,
        by: Annotated[CalendarPeriod, strawberry.argument(description=BY_DOC)] = (
            CalendarPeriod.YEAR
        ),
        body: Annotated[str | None, strawberry.argument(description=BODY_DOC)] = None,
    ) -> list[TimelinePeriod]:
        return await resolve_timeline(info, self, from_, to, by, body)

    @resolver_field(description="Meetings that dealt with the theme.")
    async def meetings(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Meeting]:
        args = page_args(first, after, order, field="Theme.meetings", last=last, before=before)
        page = await info.context.loaders.theme_meetings.load((self.db_id, args))
        return to_connection(page, Meeting.from_model, args, lambda m: m.id)

    @resolver_field(description="Agenda items about the theme.")
    async def items(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[AgendaItem]:
        args = page_args(first, after, order, field="Theme.items", last=last, before=before)
        page = await info.context.loaders.theme_items.load((self.db_id, args))
        return to_connection(page, AgendaItem.from_model, args, lambda m: m.id)

    @resolver_field(description="Actions about the theme, each once as its meeting lists it.")
    async def actions(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Action]:
        args = page_args(first, after, order, field="Theme.actions", last=last, before=before)
        page = await info.context.loaders.theme_actions.load((self.db_id, args))
        return to_connection(page, Action.from_model, args, lambda m: m.id)

    @resolver_field(description="Figures about the theme.")
    async def metrics(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[DateOrder, strawberry.argument(description=_ORDER)] = DateOrder.DATE_DESC,
    ) -> Connection[Metric]:
        args = page_args(first, after, order, field="Theme.metrics", last=last, before=before)
        page = await info.context.loaders.theme_metrics.load((self.db_id, args))
        return to_connection(page, Metric.from_model, args, lambda m: m.id)

    @resolver_field(
        description="Series of figures about the theme: a body's figures of one measure "
        "across meetings, with the target each is measured against."
    )
    async def metric_series(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
        last: Annotated[int | None, strawberry.argument(description=LAST_DOC)] = None,
        before: Annotated[str | None, strawberry.argument(description=BEFORE_DOC)] = None,
        order: Annotated[
            DateOrder, strawberry.argument(description=SERIES_ORDER_DOC)
        ] = DateOrder.DATE_DESC,
    ) -> Connection[MetricSeries]:
        args = page_args(first, after, order, field="Theme.metricSeries", last=last, before=before)
        return await theme_series_page(info, self.db_id, args)
