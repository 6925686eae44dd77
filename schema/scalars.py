"""Custom scalars: days as ``YYYY-MM-DD`` and times of day as ``HH:MM``.

Both refuse any other spelling with a ``PublicError`` (BAD_DATE, BAD_TIME), which
graphql-core reports as it is for a value written in the query, and after the name
of the variable for a value sent in ``variables``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import strawberry
from graphql import Node, StringValueNode, ValueNode, print_ast
from strawberry.types.scalar import ScalarDefinition

from schema.errors import PublicError, shown

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat also takes 20210226, 2021-W08-5
_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")


def serialize_date(value: dt.date) -> str:
    return value.isoformat()


def parse_date(value: Any, nodes: list[Node] | None = None) -> dt.date:
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise _not_a_date(shown(value), nodes)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise PublicError(
            f"{shown(value)} is not a date: {exc} (dates run from 0001-01-01 to 9999-12-31)",
            "BAD_DATE",
            nodes,
        ) from exc


def parse_date_literal(node: ValueNode, variables: Any = None) -> dt.date:
    """A date written in the query; the error points at it (see schema.argument_errors)."""
    if not isinstance(node, StringValueNode):
        raise _not_a_date(print_ast(node), [node])
    return parse_date(node.value, [node])


def _not_a_date(written: str, nodes: list[Node] | None) -> PublicError:
    return PublicError(f"a date is written YYYY-MM-DD, not {written}", "BAD_DATE", nodes)


def serialize_time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def parse_time(value: Any, nodes: list[Node] | None = None) -> dt.time:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise _not_a_time(shown(value), nodes)
    return dt.time(int(value[:2]), int(value[3:]))


def parse_time_literal(node: ValueNode, variables: Any = None) -> dt.time:
    if not isinstance(node, StringValueNode):
        raise _not_a_time(print_ast(node), [node])
    return parse_time(node.value, [node])


def _not_a_time(written: str, nodes: list[Node] | None) -> PublicError:
    return PublicError(f"a time is written HH:MM, not {written}", "BAD_TIME", nodes)


DATE = strawberry.scalar(
    name="Date",
    description="A day, YYYY-MM-DD (e.g. 2021-02-26).",
    serialize=serialize_date,
    parse_value=parse_date,
    parse_literal=parse_date_literal,
)

TIME = strawberry.scalar(
    name="Time",
    description="A time of day on the 24-hour clock, HH:MM (e.g. 10:00).",
    serialize=serialize_time,
    parse_value=parse_time,
    parse_literal=parse_time_literal,
)

SCALAR_MAP: Mapping[object, ScalarDefinition] = {dt.date: DATE, dt.time: TIME}
