"""Load the linked records a query asks for before GraphQL walks the tree.

A page of 20 meetings with their items, sub-items, actions and owners has hundreds of
relation fields. Resolved one by one, each would suspend on its DataLoader, and the
suspending (a task per record) costs more than the SQL. So a list resolver looks
ahead at the selection, loads each relation the query names for all the records of
one level at once (the loaders' own batch functions, one statement per loader and
level, the results kept as plain values rather than a future per key), and the
relation fields then answer from those values without suspending
(``schema.relations.related``). The look-ahead follows every field declared with
``relation(...)``; below the fields it does not start from (``node``, ``search``), the
relations load as they are resolved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.loaders import Loader, Loaders
from schema.relations import RelationField, relations_of


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
    loaders: Loaders,
    graphql_type: type[Any],
    records: Sequence[Any],
    selections: Sequence[Selection],
) -> None:
    """Load, level by level, every relation ``selections`` names below ``records``
    (rows of ``graphql_type``, a GraphQL object type).

    Each level is loaded at once: the keys every relation of the level needs from one
    loader go to it together (one statement), then the next level starts from what
    came back.
    """
    level: list[tuple[type[Any], Sequence[Any], Sequence[Selection]]] = [
        (graphql_type, records, selections)
    ]
    while level:
        wanted: dict[str, dict[Any, None]] = {}
        steps: list[tuple[RelationField, list[Any], list[Selection]]] = []
        for parent_type, parents, selected in level:
            relations = relations_of(parent_type)
            type_name = parent_type.__strawberry_definition__.name
            for field in fields_of(selected, type_name):
                relation = relations.get(field.name)
                if relation is None:
                    continue
                key = relation.record_key
                keys = list(dict.fromkeys(k for r in parents if (k := getattr(r, key)) is not None))
                if keys:
                    wanted.setdefault(relation.loader, {}).update(dict.fromkeys(keys))
                    steps.append((relation, keys, field.selections))
        await asyncio.gather(
            *(relation_loader(loaders, name).fill(list(keys)) for name, keys in wanted.items())
        )
        level = [
            (relation.target, _loaded(relation_loader(loaders, relation.loader), keys), selected)
            for relation, keys, selected in steps
            if selected
        ]


def relation_loader(loaders: Loaders, name: str) -> Loader[Any, Any]:
    loader: Loader[Any, Any] = getattr(loaders, name)
    return loader


def _loaded(loader: Loader[Any, Any], keys: list[Any]) -> list[Any]:
    """The records ``loader`` holds for ``keys``, lists flattened, absent ones left out."""
    records: list[Any] = []
    for key in keys:
        value = loader.values[key]
        if isinstance(value, list):
            records.extend(value)
        elif value is not None:
            records.append(value)
    return records
