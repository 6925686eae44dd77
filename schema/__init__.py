"""The GraphQL schema: ``build_schema()`` puts the query and mutation types together."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig

from schema.argument_errors import NameArgumentsInErrors
from schema.documents import SourceDocument
from schema.input_text import RefuseUnstorableText
from schema.mutations import Mutation
from schema.people import Person
from schema.queries import Query
from schema.scalars import SCALAR_MAP

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]


def build_schema(*, extensions: Sequence[Extension] = ()) -> strawberry.Schema:
    """The schema with the read side and, where present, the mutations.

    ``extensions`` are extension classes or factories (never shared instances), e.g.
    ``[QueryDepthLimiter(max_depth=10).__class__]`` or ``lambda: MaskErrors(...)``;
    they run after the schema's own checks of argument values.
    """
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[Person, SourceDocument],
        extensions=[NameArgumentsInErrors, RefuseUnstorableText, *extensions],
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
    )


__all__ = ["build_schema"]
