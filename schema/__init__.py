"""The GraphQL schema: ``build_schema()`` puts the query and mutation types together.

Modules import downward only. From the ground up: errors, enums, fields, and what
needs no more than errors (scalars, arguments, permissions, argument_errors,
input_text); node, pagination, loaders, context; ``relations`` (the ``relation(...)``
declaration of a link between records) and ``prefetch`` (the look-ahead that follows
them); the record types people, documents, evidence, meeting_references, then
metrics, actions, items, meetings, themes, each naming only those before it; then
lookups (records by id), search, changes, queries, mutations. Where GraphQL links a
type back to one above it (an action's meeting), the field is annotated
``Annotated[Meeting, strawberry.lazy("schema.meetings")]`` with the name imported under
``TYPE_CHECKING``: a relation converts by its field's type, so it needs no import at run
time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig

from schema.argument_errors import NameArgumentsInErrors
from schema.documents import SourceDocument
from schema.execution import LeanExecutor, plan_leaves
from schema.input_text import RefuseUnstorableText
from schema.mutations import Mutation
from schema.people import Person
from schema.queries import Query
from schema.reads import OneReadConnection
from schema.relations import lean_relation_resolvers
from schema.scalars import SCALAR_MAP

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]


def build_schema(*, extensions: Sequence[Extension] = ()) -> strawberry.Schema:
    """The schema with the read side and, where present, the mutations.

    ``extensions`` are extension classes or factories (never shared instances), e.g.
    ``[QueryDepthLimiter(max_depth=10).__class__]`` or ``lambda: MaskErrors(...)``;
    they run after the schema's own checks of argument values.
    """
    schema = strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[Person, SourceDocument],
        extensions=[NameArgumentsInErrors, RefuseUnstorableText, OneReadConnection, *extensions],
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        execution_context_class=LeanExecutor,
    )
    lean_relation_resolvers(schema)
    plan_leaves(schema)
    return schema


__all__ = ["build_schema"]
