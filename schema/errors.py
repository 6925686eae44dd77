"""Errors clients may see: typed ``errors`` in mutation payloads, and ``PublicError``.

A mutation reports what the caller got wrong (a bad file, an unknown id) as
``UserError`` values in its payload, beside a null result. Failures that stop a
field altogether (a missing permission, a page size over the limit) raise
``PublicError``: its message and ``extensions.code`` reach the client, while every
other exception is masked by ``should_mask_error``.
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError


@strawberry.type(description="Something in the input the caller can fix.")
class UserError:
    field: str | None = strawberry.field(
        description="The argument the error is about (null when it is about the whole input)."
    )
    code: str = strawberry.field(description="A stable, machine-readable code, e.g. NOT_FOUND.")
    message: str = strawberry.field(description="A sentence for people.")


class PublicError(Exception):
    """An error whose message and code are safe to show to any caller."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        # graphql-core copies an exception's ``extensions`` into the GraphQL error.
        self.extensions: dict[str, object] = {"code": code}


def is_public_error(error: GraphQLError) -> bool:
    """True for errors the client may read as they are.

    Errors from parsing and validation (no original exception) describe the request
    itself; ``PublicError`` describes what the caller did. Anything else is a fault.
    """
    original = error.original_error
    return original is None or isinstance(original, PublicError)


def should_mask_error(error: GraphQLError) -> bool:
    """The predicate for ``MaskErrors``: mask everything that is not public."""
    return not is_public_error(error)
