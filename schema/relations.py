"""Relation fields: one ``relation(...)`` declaration per link between records.

A relation field answers from a DataLoader keyed by an id its record holds: its own id
(a meeting's items) or a foreign key (an item's meeting). The declaration on the GraphQL
type is the only place a relation is described: the resolver, the conversion of the
loaded rows into GraphQL objects (read from the field's type) and the look-ahead of
``schema.prefetch`` (which finds the relation fields of a type) all come from it, so a
relation cannot be resolvable yet missed by the look-ahead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from functools import cached_property
from typing import Any, TypeVar, cast

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo
from strawberry.dataloader import DataLoader
from strawberry.schema.name_converter import NameConverter
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition
from strawberry.types.field import StrawberryField
from strawberry.types.lazy_type import LazyType

from schema.context import Context
from schema.lazy import lazy_constructor
from schema.loaders import Loader, Loaders

Info = strawberry.Info[Context, None]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R")


# The attribute of a relation field's graphql-core resolver (``lean_relation_resolvers``)
# that names its ``RelationField``: ``schema.execution`` reads the loaded records itself.
RELATION = "lean_relation"


class NotLoaded(Exception):
    """The records a relation field asks for are not loaded yet (its resolver loads them)."""


def related(loader: DataLoader[K, V], key: K, convert: Callable[[V], R]) -> R:
    """``convert`` of what ``loader`` holds for ``key``: at once when it is loaded
    already (looked ahead, or by an earlier batch), else an awaitable of it (GraphQL
    awaits a resolver's awaitable result, so a relation field can be a plain function
    that answers now or later)."""
    if isinstance(loader, Loader) and key in loader.values:
        return convert(loader.values[key])
    future = loader.cache_map.get(key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return convert(future.result())
    return cast(R, _later(loader.load(key), convert))


async def _later(loading: Awaitable[V], convert: Callable[[V], R]) -> R:
    return convert(await loading)


class RelationField(StrawberryField):
    """A field of a GraphQL type that answers with the records a loader holds for it."""

    def __init__(
        self,
        loader: str,
        key: str | None,
        pick: Callable[[Any], Any] | None,
        description: str,
    ) -> None:
        self.loader = loader
        # The id the loader takes: an attribute of the same name on the record (model) and
        # on the GraphQL object made of it; None: the record's own id (``db_id`` there).
        self.record_key = key or "id"
        self.object_key = key or "db_id"
        self.pick = pick
        super().__init__(description=description)
        self(self._resolver())

    def _resolver(self) -> Callable[..., Any]:
        relation, loader, key = self, self.loader, self.object_key

        def resolve(self: Any, info: Info) -> Any:
            found = getattr(self, key)
            if found is None:
                return None
            return related(getattr(info.context.loaders, loader), found, relation.convert)

        return resolve

    def graphql_resolver(self) -> Callable[[Any, GraphQLResolveInfo[Any]], Any]:
        """The same resolution as a graphql-core resolver (source, info): what
        ``lean_relation_resolvers`` installs."""
        loader, key, convert = self.loader, self.object_key, self.convert

        def resolve(source: Any, info: GraphQLResolveInfo[Any]) -> Any:
            found = getattr(source, key)
            if found is None:
                return None
            return related(getattr(info.context.loaders, loader), found, convert)

        setattr(resolve, RELATION, self)
        return resolve

    def loaded_reader(self, context: Context) -> Callable[[Any], Any]:
        """source -> the field's value from what ``context``'s loader holds already
        (looked ahead); raises ``NotLoaded`` when it holds nothing for the source's key."""
        loaders, name, key, convert = context.loaders, self.loader, self.object_key, self.convert

        def read(source: Any) -> Any:
            found = getattr(source, key)
            if found is None:
                return None
            values = getattr(loaders, name).values
            if found not in values:
                raise NotLoaded
            return convert(values[found])

        return read

    @cached_property
    def target(self) -> type[Any]:
        """The GraphQL type of the related records."""
        return _object_type(self.type)

    @cached_property
    def convert(self) -> Callable[[Any], Any]:
        """What the loader holds (after ``pick``) -> the field's value, by the field's type:
        a list of records, a record or None, or a record that must exist."""
        from_model = lazy_constructor(self.target) or self.target.from_model
        convert: Callable[[Any], Any]
        if isinstance(self.type, StrawberryList):
            convert = _each(from_model)
        elif isinstance(self.type, StrawberryOptional):
            convert = _optional(from_model)
        else:
            convert = _required(from_model)
        pick = self.pick
        return convert if pick is None else lambda found: convert(pick(found))

    def loader_of(self, loaders: Loaders) -> DataLoader[Any, Any]:
        loader: DataLoader[Any, Any] = getattr(loaders, self.loader)
        return loader


def relation(
    loader: str,
    *,
    description: str,
    key: str | None = None,
    pick: Callable[[Any], Any] | None = None,
) -> Any:
    """A relation field: ``loader`` (an attribute of ``Loaders``) loads the related
    records by ``key``, the attribute holding their id (None: the record's own id).
    ``pick`` chooses among what the loader holds before conversion (the top-level items
    of all a meeting's items). Annotate the field with the related GraphQL type."""
    return RelationField(loader, key, pick, description)


def lean_relation_resolvers(schema: strawberry.Schema) -> None:
    """Let graphql-core call each relation field's resolution directly.

    Strawberry calls a field with a resolver through layers that build an ``Info`` and
    convert arguments; a relation field takes no arguments and needs only the request's
    loaders, and a page of meetings resolves hundreds of them (each usually answered at
    once from the look-ahead's loads). Called with ``(source, info)`` as plain attribute
    fields are, the field costs about what one does. Fields with extensions or
    permissions keep Strawberry's resolver.
    """
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field in graphql_type.fields.values():
            declared = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if isinstance(declared, RelationField) and not (
                declared.extensions or declared.permission_classes
            ):
                field.resolve = declared.graphql_resolver()


def relations_of(graphql_type: type[Any]) -> dict[str, RelationField]:
    """The relation fields of a GraphQL type by their GraphQL names."""
    found = _RELATIONS.get(graphql_type)
    if found is None:
        names = NameConverter()
        found = _RELATIONS[graphql_type] = {
            names.from_field(field): field
            for field in graphql_type.__strawberry_definition__.fields
            if isinstance(field, RelationField)
        }
    return found


_RELATIONS: dict[type[Any], dict[str, RelationField]] = {}


def _object_type(field_type: Any) -> type[Any]:
    while isinstance(field_type, StrawberryList | StrawberryOptional):
        field_type = field_type.of_type
    if isinstance(field_type, LazyType):
        field_type = field_type.resolve_type()
    assert has_object_definition(field_type), field_type
    return cast(type[Any], field_type)


def _each(from_model: Callable[[Any], R]) -> Callable[[Any], list[R]]:
    return lambda records: [from_model(record) for record in records]


def _optional(from_model: Callable[[Any], R]) -> Callable[[Any], R | None]:
    return lambda record: None if record is None else from_model(record)


def _required(from_model: Callable[[Any], R]) -> Callable[[Any], R]:
    def convert(record: Any) -> R:
        assert record is not None  # the related record is deleted with this one
        return from_model(record)

    return convert
