"""Errors clients may see: typed ``errors`` in mutation payloads, and ``PublicError``.

A mutation reports what the caller got wrong (a bad file, an unknown id) as
``UserError`` values in its payload, beside a null result. Failures that stop a
field altogether (a missing permission, a page size over the limit, an argument
no record can match) raise ``PublicError``: its message and ``extensions.code``
reach the client, while the app masks every other exception (``api.protection``).
"""

from __future__ import annotations

from collections.abc import Collection

import strawberry
from graphql import GraphQLError, Node

# How much of a rejected value an error message repeats.
SHOWN_CHARS = 60


@strawberry.type(description="Something in the input the caller can fix.")
class UserError:
    field: str | None = strawberry.field(
        description="The argument the error is about (null when it is about the whole input)."
    )
    code: str = strawberry.field(description="A stable, machine-readable code, e.g. NOT_FOUND.")
    message: str = strawberry.field(description="A sentence for people.")


class PublicError(GraphQLError):
    """An error whose message and code are safe to show to any caller.

    It is a ``GraphQLError``, so that scalars may raise it while arguments are read
    (graphql-core then reports it as it is, or names the variable that held the value)
    as well as resolvers.
    """

    def __init__(self, message: str, code: str, nodes: Collection[Node] | None = None) -> None:
        super().__init__(message, nodes, extensions={"code": code})
        self.code = code


def shown(value: object) -> str:
    """``value`` as an error message repeats it: quoted, and cut short when long."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[: SHOWN_CHARS - 5]}...{text[-1]}"
