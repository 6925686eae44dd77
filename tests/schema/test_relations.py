"""Relation fields: declared once with ``relation(...)``, so the look-ahead follows each."""

from __future__ import annotations

from typing import Any, cast

from graphql import GraphQLObjectType
from strawberry.types.base import (
    StrawberryList,
    StrawberryObjectDefinition,
    StrawberryOptional,
    get_object_definition,
)
from strawberry.types.lazy_type import LazyType

from schema import build_schema
from schema.loaders import Loaders
from schema.relations import RelationField, relations_of

SCHEMA = build_schema()
ROOTS = {"Query", "Mutation"}


def _object_types() -> list[StrawberryObjectDefinition]:
    """The schema's object types but the roots, as Strawberry defines them."""
    found = []
    for name, graphql_type in SCHEMA._schema.type_map.items():
        if name in ROOTS or not isinstance(graphql_type, GraphQLObjectType):
            continue
        definition = SCHEMA.get_type_by_name(name)
        if isinstance(definition, StrawberryObjectDefinition):
            found.append(definition)
    return found


def _is_object(field_type: Any) -> bool:
    while isinstance(field_type, StrawberryList | StrawberryOptional):
        field_type = field_type.of_type
    if isinstance(field_type, LazyType):
        field_type = field_type.resolve_type()
    return get_object_definition(field_type) is not None


def test_every_resolved_link_without_arguments_is_a_relation() -> None:
    """A link resolved by a method of its own would answer, but the look-ahead would not
    load it: each must be a ``relation(...)``."""
    found = 0
    for definition in _object_types():
        for field in definition.fields:
            if field.base_resolver is None or field.arguments or not _is_object(field.type):
                continue
            assert isinstance(field, RelationField), f"{definition.name}.{field.python_name}"
            found += 1
    assert found == sum(len(relations_of(d.origin)) for d in _object_types()) > 0


def test_the_look_ahead_knows_each_relation_by_its_graphql_name() -> None:
    names = SCHEMA.config.name_converter
    loaders = Loaders(cast(Any, None))
    for definition in _object_types():
        declared = [field for field in definition.fields if isinstance(field, RelationField)]
        if not declared:
            continue
        relations = relations_of(definition.origin)
        assert sorted(relations) == sorted(names.from_field(field) for field in declared)
        graphql_type = SCHEMA._schema.type_map[definition.name]
        assert isinstance(graphql_type, GraphQLObjectType)
        for name, field in relations.items():
            assert name in graphql_type.fields
            assert field.loader_of(loaders) is not None
            assert get_object_definition(field.target) is not None
