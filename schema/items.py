"""Agenda items: numbered items of a meeting and their sub-items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from records import models
from schema.context import Context
from schema.fields import resolver_field
from schema.lookups import load_item, load_meeting
from schema.node import Node, to_global_id

if TYPE_CHECKING:
    from schema.actions import Action
    from schema.meetings import Meeting
    from schema.metrics import Metric
    from schema.themes import Theme

Info = strawberry.Info[Context, None]


@strawberry.type(description="A numbered item of a meeting's agenda (1, 1.1 ...) with its text.")
class AgendaItem(Node):
    number: str | None = strawberry.field(
        description='Its number, e.g. "1.2" (null if unnumbered).'
    )
    title: str = strawberry.field(description="Its heading.")
    text: str = strawberry.field(description="What the minutes record under it.")
    db_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, item: models.AgendaItem) -> AgendaItem:
        return cls(
            id=to_global_id("AgendaItem", item.id),
            number=item.number,
            title=item.title,
            text=item.text,
            db_id=item.id,
            meeting_id=item.meeting_id,
            parent_id=item.parent_id,
        )

    @resolver_field(description="The meeting the item belongs to.")
    async def meeting(self, info: Info) -> Annotated[Meeting, strawberry.lazy("schema.meetings")]:
        return await load_meeting(info, self.meeting_id)

    @resolver_field(description="The item this one is part of (1 for 1.2).")
    async def parent(self, info: Info) -> AgendaItem | None:
        return await load_item(info, self.parent_id)

    @resolver_field(description="Its sub-items in order (1.1, 1.2 ... of 1).")
    async def children(self, info: Info) -> list[AgendaItem]:
        rows = await info.context.loaders.item_children.load(self.db_id)
        return [AgendaItem.from_model(row) for row in rows]

    @resolver_field(description="The themes the item deals with.")
    async def themes(self, info: Info) -> list[Annotated[Theme, strawberry.lazy("schema.themes")]]:
        from schema.themes import Theme

        rows = await info.context.loaders.item_themes.load(self.db_id)
        return [Theme.from_model(row) for row in rows]

    @resolver_field(description="The actions recorded under the item.")
    async def actions(
        self, info: Info
    ) -> list[Annotated[Action, strawberry.lazy("schema.actions")]]:
        from schema.actions import Action

        rows = await info.context.loaders.item_actions.load(self.db_id)
        return [Action.from_model(row) for row in rows]

    @resolver_field(description="The figures quoted under the item.")
    async def metrics(
        self, info: Info
    ) -> list[Annotated[Metric, strawberry.lazy("schema.metrics")]]:
        from schema.metrics import Metric

        rows = await info.context.loaders.item_metrics.load(self.db_id)
        return [Metric.from_model(row) for row in rows]
