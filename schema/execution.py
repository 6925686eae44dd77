"""Executing queries: leaf fields that read an attribute are completed in one step.

A page of meetings with their items and actions is a few thousand fields, most of them
leaves that read an attribute of a record (a title, a date, a status) or its global id.
graphql-core runs each field through the same steps whatever it is: a ``Path``, the
resolve info, Strawberry's resolver layers, a check for an awaitable, and value
completion that unwraps the type one level at a time. For such a leaf the answer is
the attribute, coerced by its scalar or enum type; ``LeanExecutor`` completes it so,
and hands every other field (and any leaf whose value is not a plain non-null value
of its type, so that errors are raised and located as graphql-core raises them) to
graphql-core's own steps.

Which fields qualify is decided once, when the schema is built (``plan_leaves``): a
field of an object type whose type is a scalar or an enum (non-null or not), without
arguments, whose resolver is Strawberry's default one reading the attribute of the
same Python name (no resolver, permission or field extension), and every ``id`` of a
``Node`` type, which is made from the record's ``db_id`` only when a query asks for it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from operator import attrgetter
from typing import Any, cast

import strawberry
from graphql import (
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    is_leaf_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from schema.node import to_global_id

# Under this key of a GraphQL object type's ``extensions``: its leaves that
# ``LeanExecutor`` completes itself, by field name.
LEAVES = "lean_leaves"


class Leaf:
    """How to complete one leaf field: read the value, coerce it by the leaf type."""

    __slots__ = ("coerce", "non_null", "read")

    def __init__(self, read: Callable[[Any], Any], leaf_type: GraphQLLeafType, non_null: bool):
        self.read = read
        self.coerce = leaf_type.coerce_output_value
        self.non_null = non_null


class _Slow(Exception):
    """The leaf's value is not one the quick completion gives: graphql-core completes it."""


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with the quick completion of plain leaves (module docstring)."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        leaves: dict[str, Leaf] | None = parent_type.extensions.get(LEAVES)
        manager = self.middleware_manager
        if not leaves or position_context is not None or (manager and manager.middlewares):
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        quick: dict[str, Any] = {}
        rest: dict[str, Any] = {}
        for response_name, field_details_list in grouped_field_set.items():
            leaf = leaves.get(field_details_list[0].node.name.value)
            if leaf is None:
                rest[response_name] = field_details_list
                continue
            try:
                value = leaf.read(source_value)
                if value is None:
                    if leaf.non_null:
                        raise _Slow
                    quick[response_name] = None
                    continue
                coerced = leaf.coerce(value)
                if coerced is None or coerced is Undefined:
                    raise _Slow
                quick[response_name] = coerced
            except Exception:  # completed (and its error raised or located) as graphql-core does
                rest[response_name] = field_details_list
        if not rest:
            return _in_order(grouped_field_set, quick)
        completed = super().execute_fields(parent_type, source_value, path, rest, position_context)
        if self.is_awaitable(completed):
            pending = cast("Awaitable[dict[str, Any]]", completed)

            async def merged() -> dict[str, Any]:
                return _in_order(grouped_field_set, quick, await pending)

            return merged()
        return _in_order(grouped_field_set, quick, cast("dict[str, Any]", completed))


def _in_order(grouped_field_set: GroupedFieldSet, *parts: dict[str, Any]) -> dict[str, Any]:
    """The fields' results in the order the query asks for them (the answer's key order)."""
    if len(parts) == 1:
        only = parts[0]
        if len(only) == len(grouped_field_set):
            return only
    merged: dict[str, Any] = {}
    for part in parts:
        merged.update(part)
    return {name: merged[name] for name in grouped_field_set if name in merged}


def plan_leaves(schema: strawberry.Schema) -> None:
    """Mark the leaves ``LeanExecutor`` completes itself, and resolve every ``id`` of a
    ``Node`` type from the record's ``db_id`` (on graphql-core's path too)."""
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        is_node = any(interface.name == "Node" for interface in graphql_type.interfaces)
        leaves: dict[str, Leaf] = {}
        for name, field in graphql_type.fields.items():
            field_type = field.type
            non_null = isinstance(field_type, GraphQLNonNull)
            leaf_type = field_type.of_type if non_null else field_type
            if not is_leaf_type(leaf_type) or field.args:
                continue
            if is_node and name == "id":
                read = _global_id(graphql_type.name)
                field.resolve = _resolver(read)
                leaves[name] = Leaf(read, leaf_type, non_null)
                continue
            declared = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if (
                isinstance(declared, StrawberryField)
                and declared.is_basic_field
                and not declared.permission_classes
                and getattr(field.resolve, "_is_default", False)
                and declared.default_resolver is getattr
            ):
                leaves[name] = Leaf(attrgetter(declared.python_name), leaf_type, non_null)
        if leaves:
            graphql_type.extensions = {**graphql_type.extensions, LEAVES: leaves}


def _global_id(type_name: str) -> Callable[[Any], strawberry.ID]:
    def read(source: Any) -> strawberry.ID:
        return to_global_id(type_name, source.db_id)

    return read


def _resolver(read: Callable[[Any], Any]) -> Callable[[Any, GraphQLResolveInfo[Any]], Any]:
    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return read(source)

    return resolve
