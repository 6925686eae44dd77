"""The docs pane is the API documentation: every read-side type, field and argument says what
it is."""

from __future__ import annotations

from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from tests.support.graphql import SCHEMA

READ_SIDE = {
    "schema.actions",
    "schema.documents",
    "schema.enums",
    "schema.items",
    "schema.meetings",
    "schema.metrics",
    "schema.node",
    "schema.pagination",
    "schema.people",
    "schema.queries",
    "schema.search",
    "schema.themes",
}
OWN_FIELDS_OF_QUERY = {
    "meetings",
    "meeting",
    "themes",
    "theme",
    "actions",
    "metrics",
    "search",
    "node",
    "nodes",
}


def _module_of(name: str) -> str | None:
    definition = SCHEMA.get_type_by_name(name)
    origin = getattr(definition, "origin", None) or getattr(definition, "wrapped_cls", None)
    return getattr(origin, "__module__", None)


def test_every_read_side_type_field_and_argument_is_described() -> None:
    missing: list[str] = []
    checked = 0
    for name, graphql_type in SCHEMA._schema.type_map.items():
        module = _module_of(name)
        if module not in READ_SIDE and name not in ("Time", "Date"):
            continue
        checked += 1
        if not graphql_type.description:
            missing.append(name)
        if not isinstance(
            graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            continue
        for field_name, field in graphql_type.fields.items():
            if name == "Query" and field_name not in OWN_FIELDS_OF_QUERY:
                continue
            if not field.description:
                missing.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{name}.{field_name}({arg_name})")
    assert checked > 20
    assert not missing, missing


def test_contract_names_exist() -> None:
    types = SCHEMA._schema.type_map
    query = types["Query"]
    assert isinstance(query, GraphQLObjectType)
    for field, args in {
        "meetings": {"filter", "first", "after"},
        "meeting": {"id"},
        "themes": set(),
        "theme": {"code"},
        "actions": {"filter", "first", "after"},
        "metrics": {"filter", "first", "after"},
        "search": {"query", "filter", "first", "after"},
    }.items():
        assert args <= set(query.fields[field].args), field
    for connection in ("MeetingConnection", "ActionConnection", "MetricConnection"):
        fields = types[connection].fields  # type: ignore[attr-defined]
        assert {"edges", "pageInfo", "totalCount"} <= set(fields)
    assert {"cursor", "score", "highlights", "node"} <= set(types["SearchEdge"].fields)  # type: ignore[attr-defined]
    assert str(types["SearchNode"]) == "SearchNode"
    assert {"Meeting", "AgendaItem", "Action", "Metric"} == {
        t.name
        for t in types["SearchNode"].types  # type: ignore[attr-defined]
    }
