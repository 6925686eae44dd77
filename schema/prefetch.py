"""Load the linked records a query asks for before GraphQL walks the tree.

A page of 20 meetings with their items, sub-items, actions and owners has hundreds of
relation fields. Resolved one by one, each would suspend on its DataLoader, and the
suspending (a task per record) costs more than the SQL. So a list resolver looks
ahead at the selection, loads each relation the query names for all the records of
one level at once (the same DataLoader batches, so the same statements), and the
relation fields then answer from the loaders' caches without suspending
(``schema.relations.related``). The look-ahead follows every field declared with
``relation(...)``; below the fields it does not start from (``node``, ``search``), the
relations load as they are resolved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.loaders import Loaders
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
    (models of ``graphql_type``, a GraphQL object type)."""
    if not records:
        return
    relations = relations_of(graphql_type)
    type_name = graphql_type.__strawberry_definition__.name
    steps = []
    for field in fields_of(selections, type_name):
        relation = relations.get(field.name)
        if relation is None:
            continue
        key = relation.record_key
        keys = list(dict.fromkeys(k for r in records if (k := getattr(r, key)) is not None))
        if keys:
            steps.append(_follow(loaders, relation, keys, field.selections))
    await asyncio.gather(*steps)


async def _follow(
    loaders: Loaders, relation: RelationField, keys: list[Any], selections: list[Selection]
) -> None:
    loaded = await relation.loader_of(loaders).load_many(keys)
    records: list[Any] = []
    for value in loaded:
        if isinstance(value, list):
            records.extend(value)
        elif value is not None:
            records.append(value)
    await prefetch(loaders, relation.target, records, selections)
