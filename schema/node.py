"""The ``Node`` interface and global ids: base64 of ``"TypeName:id"`` (Relay style)."""

from __future__ import annotations

import base64
import binascii

import strawberry

from schema.errors import PublicError


@strawberry.interface(description="A record that can be fetched again by its global id.")
class Node:
    id: strawberry.ID = strawberry.field(
        description='Global id: base64 of "TypeName:databaseId"; pass it to node(id:).'
    )


def to_global_id(type_name: str, record_id: int) -> strawberry.ID:
    raw = f"{type_name}:{record_id}".encode()
    return strawberry.ID(base64.b64encode(raw).decode("ascii"))


def from_global_id(global_id: str, *, argument: str = "id") -> tuple[str, int]:
    """(type name, database id) of a global id; a PublicError naming ``argument`` if malformed."""
    try:
        raw = base64.b64decode(global_id.encode("ascii"), validate=True).decode("utf-8")
        type_name, _, number = raw.partition(":")
        record_id = int(number)
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise PublicError(f"{argument}: {global_id!r} is not a valid id", "BAD_ID") from exc
    if not type_name or record_id < 1:
        raise PublicError(f"{argument}: {global_id!r} is not a valid id", "BAD_ID")
    return type_name, record_id


def id_of(global_id: str, expected: str, *, argument: str = "id") -> int:
    """The database id in a global id that must name an ``expected`` record."""
    type_name, record_id = from_global_id(global_id, argument=argument)
    if type_name != expected:
        raise PublicError(
            f"{argument}: {global_id!r} is the id of a {type_name}, not a {expected}", "BAD_ID"
        )
    return record_id
