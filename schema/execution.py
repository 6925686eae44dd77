"""Executing queries: plain fields and whole subtrees of them completed in one step.

A page of meetings with their items and actions is a few thousand fields, most of them
leaves that read an attribute of a record (a title, a date, a status) or its global id,
and relation fields answered from what the look-ahead loaded (``schema.prefetch``).
graphql-core runs each field through the same steps whatever it is: a ``Path``, the
resolve info, Strawberry's resolver layers, a check for an awaitable, and value
completion that unwraps the type one level at a time. ``LeanExecutor`` completes such
fields itself, and hands every other field (and any field whose value is not a plain
value of its type, so that errors are raised and located as graphql-core raises them)
to graphql-core's own steps.

Which leaves qualify is decided once, when the schema is built (``plan_leaves``): a
field of an object type whose type is a scalar or an enum (non-null or not), without
arguments, whose resolver is Strawberry's default one reading the attribute of the
same Python name (no resolver, permission or field extension), and every ``id`` of a
``Node`` type, which is made from the record's ``db_id`` only when a query asks for it.

Above the leaves, each selection of an execution gets a plan, once (graphql-core keeps
a selection's grouped fields by identity): a field without arguments that reads an
attribute, or a relation field (read from its loader's values, when loaded), whose
type is a leaf, an object type whose selected fields all have plans, or lists and
non-nulls of those, is completed as one nested step: no ``Path``, info or awaitable
check per field. Any surprise in it (a relation not loaded, a null where the type
forbids one, a value the type cannot give) drops that field back to graphql-core,
which reads it again (reads have no side effects) and completes it as it always does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from operator import attrgetter
from typing import Any, cast

import strawberry
from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
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
from schema.relations import RELATION

# Under this key of a GraphQL object type's ``extensions``: its leaves that
# ``LeanExecutor`` completes itself, by field name.
LEAVES = "lean_leaves"


# The quick completion of a field or value: source (or value) -> its part of the answer;
# raises when graphql-core must complete it instead.
Complete = Callable[[Any], Any]


class Leaf:
    """How to complete one leaf field: read the value, coerce it by the leaf type."""

    __slots__ = ("coerce", "non_null", "read")

    def __init__(self, read: Callable[[Any], Any], leaf_type: GraphQLLeafType, non_null: bool):
        self.read = read
        self.coerce = leaf_type.coerce_output_value
        self.non_null = non_null

    def complete(self, source: Any) -> Any:
        """The leaf's answer for ``source``; raises ``_Slow`` for a null where its type
        forbids one, or a value its type cannot give."""
        value = self.read(source)
        if value is None:
            if self.non_null:
                raise _Slow
            return None
        coerced = self.coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Slow
        return coerced


class _Slow(Exception):
    """The leaf's value is not one the quick completion gives: graphql-core completes it."""


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with the quick completion of plain leaves and of whole
    subtrees of plain fields (module docstring)."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        manager = self.middleware_manager
        if position_context is not None or (manager and manager.middlewares):
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        plan = self._plan(parent_type, grouped_field_set)
        if plan is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        quick: dict[str, Any] = {}
        rest: dict[str, Any] = {}
        for (response_name, field_details_list), complete in zip(
            grouped_field_set.items(), plan, strict=True
        ):
            if complete is None:
                rest[response_name] = field_details_list
                continue
            try:
                quick[response_name] = complete(source_value)
            except Exception:  # completed (and its error raised or located) as graphql-core does
                rest[response_name] = field_details_list
        if not rest:
            return quick
        completed = super().execute_fields(parent_type, source_value, path, rest, position_context)
        if self.is_awaitable(completed):
            pending = cast("Awaitable[dict[str, Any]]", completed)

            async def merged() -> dict[str, Any]:
                return _in_order(grouped_field_set, quick, await pending)

            return merged()
        return _in_order(grouped_field_set, quick, cast("dict[str, Any]", completed))

    # --- plans: how each field of a selection is completed without graphql-core's steps ---

    def _plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> list[Complete | None] | None:
        """For each field of ``grouped_field_set`` (in order), its quick completion or None
        (graphql-core completes it); None when no field has one. Made once per selection
        and execution (graphql-core keeps each selection's grouped fields, by identity)."""
        plans: dict[int, tuple[GroupedFieldSet, list[Complete | None] | None]]
        plans = self.__dict__.setdefault("_lean_plans", {})
        found = plans.get(id(grouped_field_set))
        if found is not None:
            return found[1]
        steps = [
            self._field_step(parent_type, field_details_list)
            for field_details_list in grouped_field_set.values()
        ]
        plan = steps if any(step is not None for step in steps) else None
        # The grouped fields are kept with their plan, so that their id is not reused.
        plans[id(grouped_field_set)] = (grouped_field_set, plan)
        return plan

    def _object_step(
        self, object_type: GraphQLObjectType, field_details_list: Any
    ) -> Complete | None:
        """The quick completion of an object selected by ``field_details_list``: every
        field of its selection completed quickly, or None."""
        collected = self.collect_subfields(object_type, field_details_list)
        if collected.new_defer_usages:
            return None
        plan = self._plan(object_type, collected.grouped_field_set)
        if plan is None or any(step is None for step in plan):
            return None
        names = list(collected.grouped_field_set)
        steps = cast("list[Complete]", plan)
        is_type_of = object_type.is_type_of
        pairs = list(zip(names, steps, strict=True))

        def complete(source: Any) -> dict[str, Any]:
            if is_type_of is not None and not is_type_of(source, cast(Any, None)):
                raise _Slow
            return {name: step(source) for name, step in pairs}

        return complete

    def _field_step(
        self, parent_type: GraphQLObjectType, field_details_list: Any
    ) -> Complete | None:
        node = field_details_list[0].node
        name = node.name.value
        if name == "__typename":
            type_name = parent_type.name
            return lambda _source: type_name
        leaves: dict[str, Leaf] | None = parent_type.extensions.get(LEAVES)
        leaf = leaves.get(name) if leaves else None
        if leaf is not None:
            return leaf.complete
        field = parent_type.fields.get(name)
        if field is None or field.args or node.arguments:
            return None
        read = _reader(field, self.context_value)
        if read is None:
            return None
        shape = self._shape(field.type, field_details_list)
        if shape is None:
            return None
        return lambda source: shape(read(source))

    def _shape(self, field_type: Any, field_details_list: Any) -> Complete | None:
        """The quick completion of a value of ``field_type`` (a field's type), or None."""
        if isinstance(field_type, GraphQLNonNull):
            inner = self._shape(field_type.of_type, field_details_list)
            if inner is None:
                return None

            def non_null(value: Any) -> Any:
                if value is None:
                    raise _Slow
                return inner(value)

            return non_null
        if isinstance(field_type, GraphQLList):
            item = self._shape(field_type.of_type, field_details_list)
            if item is None:
                return None

            def each(value: Any) -> Any:
                if value is None:
                    return None
                if type(value) is not list and type(value) is not tuple:
                    raise _Slow
                return [item(one) for one in value]

            return each
        if is_leaf_type(field_type):
            coerce = field_type.coerce_output_value

            def leaf(value: Any) -> Any:
                if value is None:
                    return None
                coerced = coerce(value)
                if coerced is None or coerced is Undefined:
                    raise _Slow
                return coerced

            return leaf
        if isinstance(field_type, GraphQLObjectType):
            complete = self._object_step(field_type, field_details_list)
            if complete is None:
                return None
            body = complete

            def object_value(value: Any) -> Any:
                return None if value is None else body(value)

            return object_value
        return None  # an interface or a union: graphql-core finds the object's type


def _reader(field: GraphQLField, context: Any) -> Complete | None:
    """How to read a field's value from its source without its resolver's layers: a
    relation field (``schema.relations``) from what the look-ahead loaded (raising
    ``NotLoaded`` when it is not loaded: the resolver loads it), an attribute field by
    reading the attribute; None for any other field."""
    relation = getattr(field.resolve, RELATION, None)
    if relation is not None:
        return cast("Complete", relation.loaded_reader(context))
    declared = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if (
        isinstance(declared, StrawberryField)
        and declared.is_basic_field
        and not declared.permission_classes
        and not declared.extensions
        and getattr(field.resolve, "_is_default", False)
        and declared.default_resolver is getattr
    ):
        return attrgetter(declared.python_name)
    return None


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
