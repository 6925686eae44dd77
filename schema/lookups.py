"""Records by database id as GraphQL objects, for ``node(id)`` and search hits.

Above every node type: one place maps a GraphQL type name to its loader and converter.
(Links between records are relation fields, ``schema.relations``.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import strawberry

from records.enums import RecordKind
from schema.actions import Action, ActionUpdate
from schema.context import Context
from schema.documents import SourceDocument
from schema.items import AgendaItem
from schema.loaders import Loader, Loaders
from schema.meetings import Meeting
from schema.metrics import Metric
from schema.node import Node
from schema.people import Person
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

Lookup = tuple[Callable[[Loaders], Loader[int, Any]], Callable[[Any], Node]]

_LOOKUPS: dict[str, Lookup] = {
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
    return type_name in _LOOKUPS


async def load_node(info: Info, type_name: str, record_id: int | None) -> Node | None:
    """The record of a node type by its database id, or None if there is none."""
    if record_id is None:
        return None
    loader, convert = _LOOKUPS[type_name]
    found = await loader(info.context.loaders).load(record_id)
    return convert(found) if found is not None else None


async def load_nodes(info: Info, wanted: Sequence[tuple[str, int | None]]) -> list[Node | None]:
    """The records of (node type, database id) pairs, in order (None where there is
    none): each type's in one batch, kept as plain values (``Loader.fill``) rather than
    awaited key by key, which for a page of search hits costs more than their SQL."""
    by_type: dict[str, list[int]] = defaultdict(list)
    for type_name, record_id in wanted:
        if record_id is not None:
            by_type[type_name].append(record_id)
    loaders = info.context.loaders
    for type_name, ids in by_type.items():
        await _LOOKUPS[type_name][0](loaders).fill(ids)
    found: list[Node | None] = []
    for type_name, record_id in wanted:
        loader, convert = _LOOKUPS[type_name]
        row = loader(loaders).values.get(record_id) if record_id is not None else None
        found.append(convert(row) if row is not None else None)
    return found
