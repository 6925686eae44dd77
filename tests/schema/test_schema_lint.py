"""Lint of the schema as schema.graphql holds it: everything is described, and every list
that pages follows the Relay cursor connections spec."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_introspection_type,
    is_specified_scalar_type,
)
from graphql import build_schema as build_from_sdl

from api.commands.schema import schema_sdl

PAGE_ARGUMENTS = {"first": "Int", "after": "String", "last": "Int", "before": "String"}
PAGE_INFO_FIELDS = {
    "hasNextPage": "Boolean!",
    "hasPreviousPage": "Boolean!",
    "startCursor": "String",
    "endCursor": "String",
}


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    """The schema built from the SDL ``assurance export-schema`` writes."""
    return build_from_sdl(schema_sdl())


def own_types(schema: GraphQLSchema) -> Iterator[GraphQLNamedType]:
    for graphql_type in schema.type_map.values():
        if not is_introspection_type(graphql_type) and not is_specified_scalar_type(graphql_type):
            yield graphql_type


def is_connection(graphql_type: GraphQLNamedType) -> bool:
    """A type that pages: named ``...Connection``, or holding edges and pageInfo."""
    if not isinstance(graphql_type, GraphQLObjectType):
        return False
    return graphql_type.name.endswith("Connection") or {"edges", "pageInfo"} <= set(
        graphql_type.fields
    )


def paged_fields(schema: GraphQLSchema) -> Iterator[tuple[str, GraphQLField]]:
    for graphql_type in own_types(schema):
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            for name, field in graphql_type.fields.items():
                if is_connection(get_named_type(field.type)):
                    yield f"{graphql_type.name}.{name}", field


def undescribed(schema: GraphQLSchema) -> Iterator[str]:
    for graphql_type in own_types(schema):
        name = graphql_type.name
        if not (graphql_type.description or "").strip():
            yield name
        if isinstance(graphql_type, GraphQLEnumType):
            for value_name, value in graphql_type.values.items():
                if not (value.description or "").strip():
                    yield f"{name}.{value_name}"
        if isinstance(graphql_type, GraphQLInputObjectType):
            for field_name, input_field in graphql_type.fields.items():
                if not (input_field.description or "").strip():
                    yield f"{name}.{field_name}"
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in graphql_type.fields.items():
                if not (field.description or "").strip():
                    yield f"{name}.{field_name}"
                for arg_name, arg in field.args.items():
                    if not (arg.description or "").strip():
                        yield f"{name}.{field_name}({arg_name})"


def test_every_type_field_argument_and_value_is_described(schema: GraphQLSchema) -> None:
    missing = list(undescribed(schema))
    assert not missing, f"described nowhere: {missing}"


def test_descriptions_are_not_only_the_name(schema: GraphQLSchema) -> None:
    def words(text: str) -> str:
        return "".join(c for c in text.lower() if c.isalnum())

    echoed = [
        f"{graphql_type.name}.{value_name}"
        for graphql_type in own_types(schema)
        if isinstance(graphql_type, GraphQLEnumType)
        for value_name, value in graphql_type.values.items()
        if words(value.description or "") == words(value_name)
    ]
    assert not echoed, f"descriptions that only repeat the name: {echoed}"


def test_lint_finds_what_is_missing() -> None:
    broken = build_from_sdl(
        """
        "Root."
        type Query {
          "A list."
          things(first: Int, after: String): ThingConnection!
          other: Int
        }
        type ThingConnection { edges: [ThingEdge!]! }
        "An edge."
        type ThingEdge { cursor: String! }
        enum Colour { "Red paint." RED BLUE }
        """
    )
    assert set(undescribed(broken)) == {
        "Query.things(first)",
        "Query.things(after)",
        "Query.other",
        "ThingConnection",
        "ThingConnection.edges",
        "ThingEdge.cursor",
        "Colour",
        "Colour.BLUE",
    }
    assert relay_problems(broken) >= {
        "ThingConnection has no pageInfo",
        "ThingEdge has no node",
        "PageInfo is missing",
        "Query.things takes no `last: Int`",
        "Query.things takes no `before: String`",
    }


def relay_problems(schema: GraphQLSchema) -> set[str]:
    problems: set[str] = set()
    for graphql_type in own_types(schema):
        name = graphql_type.name
        if name.endswith("Connection") and not isinstance(graphql_type, GraphQLObjectType):
            problems.add(f"{name} is not an object type")
        if is_connection(graphql_type):
            assert isinstance(graphql_type, GraphQLObjectType)
            fields = graphql_type.fields
            if "edges" not in fields:
                problems.add(f"{name} has no edges")
            else:
                edges = fields["edges"].type
                edge = get_named_type(edges)
                if not str(edges).startswith("[") or not edge.name.endswith("Edge"):
                    problems.add(f"{name}.edges is {edges}, not a list of edges")
            if "pageInfo" not in fields:
                problems.add(f"{name} has no pageInfo")
            elif str(fields["pageInfo"].type) != "PageInfo!":
                problems.add(f"{name}.pageInfo is {fields['pageInfo'].type}, not PageInfo!")
        if name.endswith("Edge"):
            fields = getattr(graphql_type, "fields", {})
            if "cursor" not in fields:
                problems.add(f"{name} has no cursor")
            elif str(fields["cursor"].type) != "String!":
                problems.add(f"{name}.cursor is {fields['cursor'].type}, not String!")
            if "node" not in fields:
                problems.add(f"{name} has no node")
    page_info = schema.get_type("PageInfo")
    if not isinstance(page_info, GraphQLObjectType):
        problems.add("PageInfo is missing")
    else:
        for field_name, shape in PAGE_INFO_FIELDS.items():
            found = page_info.fields.get(field_name)
            if found is None or str(found.type) != shape:
                problems.add(f"PageInfo.{field_name} is not `{field_name}: {shape}`")
    for path, field in paged_fields(schema):
        for arg_name, arg_type in PAGE_ARGUMENTS.items():
            arg = field.args.get(arg_name)
            if arg is None or str(arg.type) != arg_type:
                problems.add(f"{path} takes no `{arg_name}: {arg_type}`")
    return problems


def test_connections_follow_the_relay_spec(schema: GraphQLSchema) -> None:
    assert not relay_problems(schema)


def test_every_list_that_pages_is_linted(schema: GraphQLSchema) -> None:
    assert {path for path, _ in paged_fields(schema)} == {
        "Query.meetings",
        "Query.actions",
        "Query.metrics",
        "Query.metricSeries",
        "Query.search",
        "Query.changes",
        "Theme.meetings",
        "Theme.items",
        "Theme.actions",
        "Theme.metrics",
        "Theme.metricSeries",
    }
