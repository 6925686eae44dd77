"""``resolver_field``: ``@strawberry.field`` for resolver methods, typed for mypy --strict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry

F = TypeVar("F", bound=Callable[..., Any])


def resolver_field(*, description: str) -> Callable[[F], F]:
    """A field resolved by the decorated method (strawberry's own decorator is untyped)."""
    return cast(Callable[[F], F], strawberry.field(description=description))
