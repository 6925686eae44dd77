"""Custom scalars: times of day as ``HH:MM`` (dates use the built-in ISO ``Date``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import strawberry
from strawberry.types.scalar import ScalarDefinition

from schema.errors import PublicError


def serialize_time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def parse_time(value: Any) -> dt.time:
    try:
        return dt.datetime.strptime(str(value), "%H:%M").time()
    except ValueError as exc:
        raise PublicError(f"a time is written HH:MM, not {value!r}", "BAD_TIME") from exc


TIME = strawberry.scalar(
    name="Time",
    description="A time of day on the 24-hour clock, HH:MM (e.g. 10:00).",
    serialize=serialize_time,
    parse_value=parse_time,
)

SCALAR_MAP: Mapping[object, ScalarDefinition] = {dt.time: TIME}
