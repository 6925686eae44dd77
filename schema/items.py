"""Agenda items: numbered items of a meeting and their sub-items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from records import models
from schema.context import Context
from schema.fields import resolver_field
from schema.lookups import item_of, meeting_of
from schema.node import Node, to_global_id
from schema.prefetch import many, related

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
    def meeting(self, info: Info) -> Annotated[Meeting, strawberry.lazy("schema.meetings")]:
        return meeting_of(info, self.meeting_id)

    @resolver_field(description="The item this one is part of (1 for 1.2).")
    def parent(self, info: Info) -> AgendaItem | None:
        return item_of(info, self.parent_id)

    @resolver_field(description="Its sub-items in order (1.1, 1.2 ... of 1).")
    def children(self, info: Info) -> list[AgendaItem]:
        return related(info.context.loaders.item_children, self.db_id, many(AgendaItem.from_model))

    @resolver_field(description="The themes the item deals with.")
    def themes(self, info: Info) -> list[Annotated[Theme, strawberry.lazy("schema.themes")]]:
        from schema.themes import Theme

        return related(info.context.loaders.item_themes, self.db_id, many(Theme.from_model))

    @resolver_field(description="The actions recorded under the item.")
    def actions(self, info: Info) -> list[Annotated[Action, strawberry.lazy("schema.actions")]]:
        from schema.actions import Action

        return related(info.context.loaders.item_actions, self.db_id, many(Action.from_model))

    @resolver_field(description="The figures quoted under the item.")
    def metrics(self, info: Info) -> list[Annotated[Metric, strawberry.lazy("schema.metrics")]]:
        from schema.metrics import Metric

        return related(info.context.loaders.item_metrics, self.db_id, many(Metric.from_model))
