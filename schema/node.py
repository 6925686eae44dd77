"""The ``Node`` interface and global ids: base64 of ``"TypeName:id"`` (Relay style)."""

from __future__ import annotations

import base64
import binascii
import re

import strawberry

from schema.errors import PublicError, shown
from schema.fields import resolver_field

# Record ids are 64-bit integers in SQLite and PostgreSQL alike; a larger number
# cannot even be sent to the database, so it is refused here with the rest.
MAX_RECORD_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]+")  # ASCII digits only: int() also takes "+1", " 1", "1_0", "١"


@strawberry.interface(description="A record that can be fetched again by its global id.")
class Node:
    db_id: strawberry.Private[int]

    @resolver_field(description='Global id: base64 of "TypeName:databaseId"; pass it to node(id:).')
    def id(self) -> strawberry.ID:
        # Made when a query asks for it (schema.execution resolves it the same way).
        return to_global_id(type(self).__name__, self.db_id)


def to_global_id(type_name: str, record_id: int) -> strawberry.ID:
    key = (type_name, record_id)
    found = _GLOBAL_IDS.get(key)
    if found is None:
        raw = f"{type_name}:{record_id}".encode()
        found = strawberry.ID(base64.b64encode(raw).decode("ascii"))
        if len(_GLOBAL_IDS) >= GLOBAL_IDS_KEPT:
            _GLOBAL_IDS.clear()
        _GLOBAL_IDS[key] = found
    return found


# Global ids made lately: a page asks for hundreds, the same ones again and again.
GLOBAL_IDS_KEPT = 100_000
_GLOBAL_IDS: dict[tuple[str, int], strawberry.ID] = {}


def is_record_number(text: str) -> bool:
    """True when ``text`` is written in decimal digits (its value may still be out of range)."""
    return _DIGITS.fullmatch(text) is not None


def record_id_in_range(digits: str) -> int | None:
    """The number ``digits`` (see ``is_record_number``) if a record id may be it (1 to 2^63-1)."""
    significant = digits.lstrip("0")
    if not significant or len(significant) > len(str(MAX_RECORD_ID)):
        return None  # also spares int() a number of thousands of digits
    number = int(significant)
    return number if number <= MAX_RECORD_ID else None


def from_global_id(global_id: str, *, argument: str = "id") -> tuple[str, int]:
    """(type name, database id) of a global id; a PublicError naming ``argument`` if malformed."""
    bad = PublicError(f"{argument}: {shown(global_id)} is not a valid id", "BAD_ID")
    try:
        raw = base64.b64decode(global_id.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise bad from exc
    type_name, _, number = raw.partition(":")
    if not type_name or not is_record_number(number):
        raise bad
    record_id = record_id_in_range(number)
    if record_id is None:
        raise PublicError(
            f"{argument}: {shown(global_id)} is not a valid id ({shown(raw)}: the number "
            f"must be from 1 to {MAX_RECORD_ID})",
            "BAD_ID",
        )
    return type_name, record_id


def id_of(global_id: str, expected: str, *, argument: str = "id") -> int:
    """The database id in a global id that must name an ``expected`` record."""
    type_name, record_id = from_global_id(global_id, argument=argument)
    if type_name != expected:
        raise PublicError(
            f"{argument}: {shown(global_id)} is the id of a {type_name}, not a {expected}",
            "BAD_ID",
        )
    return record_id
