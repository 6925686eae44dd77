"""Records by database id as GraphQL objects, through the request's DataLoaders.

One place maps a GraphQL type name to its loader and converter, for ``node(id)``,
search hits and the links between records (an action's meeting, a metric's item).
The GraphQL types are imported when first needed: they import this module themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.dataloader import DataLoader

from records import models
from records.enums import RecordKind
from schema.context import Context
from schema.loaders import Loaders
from schema.prefetch import optional, related

if TYPE_CHECKING:
    from schema.items import AgendaItem
    from schema.meetings import Meeting
    from schema.node import Node
    from schema.themes import Theme

Info = strawberry.Info[Context, None]

# Record kinds -> the GraphQL type their global ids name.
TYPE_NAMES: dict[RecordKind, str] = {
    RecordKind.MEETING: "Meeting",
    RecordKind.AGENDA_ITEM: "AgendaItem",
    RecordKind.ACTION: "Action",
    RecordKind.ACTION_UPDATE: "ActionUpdate",
    RecordKind.METRIC: "Metric",
    RecordKind.DOCUMENT: "SourceDocument",
}

# Record types of search documents -> GraphQL type names.
SEARCH_TYPE_NAMES = {
    index_type: TYPE_NAMES[kind] for index_type, kind in RecordKind.indexed().items()
}

Lookup = tuple[Callable[[Loaders], DataLoader[int, Any]], Callable[[Any], "Node"]]


@cache
def _lookups() -> dict[str, Lookup]:
    from schema.actions import Action, ActionUpdate
    from schema.documents import SourceDocument
    from schema.items import AgendaItem
    from schema.meetings import Meeting
    from schema.metrics import Metric
    from schema.people import Person
    from schema.themes import Theme

    return {
        "Meeting": (lambda loaders: loaders.meeting, Meeting.from_model),
        "AgendaItem": (lambda loaders: loaders.item, AgendaItem.from_model),
        "Action": (lambda loaders: loaders.action, Action.from_model),
        "Metric": (lambda loaders: loaders.metric, Metric.from_model),
        "ActionUpdate": (lambda loaders: loaders.action_update, ActionUpdate.from_model),
        "Theme": (lambda loaders: loaders.theme, Theme.from_model),
        "Person": (lambda loaders: loaders.person, Person.from_model),
        "SourceDocument": (lambda loaders: loaders.document, SourceDocument.from_model),
    }


def is_node_type(type_name: str) -> bool:
    return type_name in _lookups()


async def load_node(info: Info, type_name: str, record_id: int | None) -> Node | None:
    """The record of a node type by its database id, or None if there is none."""
    if record_id is None:
        return None
    loader, convert = _lookups()[type_name]
    found = await loader(info.context.loaders).load(record_id)
    return convert(found) if found is not None else None


def meeting_of(info: Info, meeting_id: int) -> Meeting:
    """The meeting a record belongs to (records are deleted with their meeting); at once
    when loaded already, else an awaitable (see ``schema.prefetch.related``)."""
    from schema.meetings import Meeting

    def convert(meeting: models.Meeting | None) -> Meeting:
        assert meeting is not None
        return Meeting.from_model(meeting)

    return related(info.context.loaders.meeting, meeting_id, convert)


def item_of(info: Info, item_id: int | None) -> AgendaItem | None:
    """The agenda item a record was recorded under, if any (as ``meeting_of``)."""
    from schema.items import AgendaItem

    if item_id is None:
        return None
    return related(info.context.loaders.item, item_id, optional(AgendaItem.from_model))


def theme_of(info: Info, theme_id: int | None) -> Theme | None:
    """The theme of a record, if any (as ``meeting_of``)."""
    from schema.themes import Theme

    if theme_id is None:
        return None
    return related(info.context.loaders.theme, theme_id, optional(Theme.from_model))
