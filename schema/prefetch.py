"""Load the linked records a query asks for before GraphQL walks the tree.

A page of 20 meetings with their items, sub-items, actions and owners has hundreds of
relation fields. Resolved one by one, each would suspend on its DataLoader, and the
suspending (a task per record) costs more than the SQL. So a list resolver looks
ahead at the selection, loads each relation the query names for all the records of
one level at once (the same DataLoader batches, so the same statements), and the
relation fields then answer from the loaders' caches without suspending
(``related``). A relation the look-ahead does not cover still loads when resolved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.loaders import Loaders

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R")


def related(loader: DataLoader[K, V], key: K, convert: Callable[[V], R]) -> R:
    """``convert`` of what ``loader`` holds for ``key``: at once when it is loaded
    already, else an awaitable of it (GraphQL awaits a resolver's awaitable result, so a
    relation field can be a plain function that answers now or later)."""
    future = loader.cache_map.get(key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return convert(future.result())
    return cast(R, _later(loader.load(key), convert))


def many(convert: Callable[[V], R]) -> Callable[[Sequence[V]], list[R]]:
    """``convert`` applied to each of a list of records."""
    return lambda records: [convert(record) for record in records]


def optional(convert: Callable[[V], R]) -> Callable[[V | None], R | None]:
    """``convert`` of a record that may be missing (None stays None)."""
    return lambda record: None if record is None else convert(record)


async def _later(loading: Awaitable[V], convert: Callable[[V], R]) -> R:
    return convert(await loading)


@dataclass(frozen=True)
class Relation:
    """A relation field of a GraphQL type, as the loaders serve it."""

    loader: str  # the attribute of ``Loaders``
    key: str  # the parent record's attribute the loader takes (None: no link)
    target: str  # the GraphQL type of the related records


# GraphQL type -> relation field -> how it loads. Only fields without arguments.
RELATIONS: dict[str, dict[str, Relation]] = {
    "Meeting": {
        "items": Relation("meeting_items", "id", "AgendaItem"),
        "actions": Relation("meeting_actions", "id", "Action"),
        "metrics": Relation("meeting_metrics", "id", "Metric"),
        "themes": Relation("meeting_themes", "id", "Theme"),
        "attendees": Relation("meeting_attendances", "id", "Attendee"),
        "source": Relation("meeting_documents", "id", "SourceDocument"),
        "documents": Relation("meeting_documents", "id", "SourceDocument"),
        "chair": Relation("person", "chair_id", "Person"),
        "minuteTaker": Relation("person", "minute_taker_id", "Person"),
    },
    "Attendee": {
        "person": Relation("person", "person_id", "Person"),
    },
    "AgendaItem": {
        "meeting": Relation("meeting", "meeting_id", "Meeting"),
        "parent": Relation("item", "parent_id", "AgendaItem"),
        "children": Relation("item_children", "id", "AgendaItem"),
        "themes": Relation("item_themes", "id", "Theme"),
        "actions": Relation("item_actions", "id", "Action"),
        "metrics": Relation("item_metrics", "id", "Metric"),
    },
    "Action": {
        "owners": Relation("action_owners", "id", "Person"),
        "meeting": Relation("meeting", "meeting_id", "Meeting"),
        "item": Relation("item", "item_id", "AgendaItem"),
        "themes": Relation("action_themes", "id", "Theme"),
        "history": Relation("action_history", "id", "ActionUpdate"),
    },
    "Metric": {
        "meeting": Relation("meeting", "meeting_id", "Meeting"),
        "item": Relation("item", "item_id", "AgendaItem"),
        "theme": Relation("theme", "theme_id", "Theme"),
    },
}


def fields_of(selections: Iterable[Selection], type_name: str | None) -> list[SelectedField]:
    """The fields selected on ``type_name`` (None: any type), fragments that apply to it
    flattened."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.append(selection)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            condition = selection.type_condition
            if type_name is None or condition is None or condition in (type_name, "Node"):
                found.extend(fields_of(selection.selections, type_name))
    return found


def selections_at(fields: Iterable[Selection], *names: str) -> list[Selection]:
    """What is selected under ``fields`` along a path of field names ("edges", "node")."""
    current = [child for field in fields_of(fields, None) for child in field.selections]
    for name in names:
        current = [
            child
            for field in fields_of(current, None)
            if field.name == name
            for child in field.selections
        ]
    return current


async def prefetch(
    loaders: Loaders, type_name: str, records: Sequence[Any], selections: Sequence[Selection]
) -> None:
    """Load, level by level, every relation ``selections`` names below ``records``
    (models of GraphQL type ``type_name``)."""
    if not records:
        return
    relations = RELATIONS.get(type_name, {})
    steps = []
    for field in fields_of(selections, type_name):
        relation = relations.get(field.name)
        if relation is None or field.arguments:
            continue
        keys = list(
            dict.fromkeys(k for r in records if (k := getattr(r, relation.key)) is not None)
        )
        if keys:
            steps.append(_follow(loaders, relation, keys, field.selections))
    await asyncio.gather(*steps)


async def _follow(
    loaders: Loaders, relation: Relation, keys: list[Any], selections: list[Selection]
) -> None:
    loader: DataLoader[Any, Any] = getattr(loaders, relation.loader)
    loaded = await loader.load_many(keys)
    records: list[Any] = []
    for value in loaded:
        if isinstance(value, list):
            records.extend(value)
        elif value is not None:
            records.append(value)
    await prefetch(loaders, relation.target, records, selections)
