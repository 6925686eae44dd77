"""Permission classes for fields: the caller's role must reach the field's role.

Roles rank reader < editor < admin; a higher role may do everything a lower one
may. The role is read from the request context's ``role`` attribute (None when
the request carries no valid API key).
"""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.permission import BasePermission
from strawberry.types import Info

from schema.errors import PublicError

READER = "reader"
EDITOR = "editor"
ADMIN = "admin"
ROLES: tuple[str, ...] = (READER, EDITOR, ADMIN)
_RANK = {role: rank for rank, role in enumerate(ROLES, start=1)}


def role_allows(role: str | None, required: str) -> bool:
    """True when ``role`` ranks at least as high as ``required`` (None ranks lowest)."""
    return _RANK.get(str(role).lower() if role else "", 0) >= _RANK[required]


def caller_role(info: Info[Any, Any]) -> str | None:
    role = getattr(info.context, "role", None)
    return None if role is None else str(role)


class _RolePermission(BasePermission):
    """Denies with a ``PublicError``: UNAUTHENTICATED without a key, FORBIDDEN below the role."""

    required: ClassVar[str]

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        role = caller_role(info)
        if role_allows(role, self.required):
            return True
        # Raised here rather than in on_unauthorized, which cannot see the request.
        if role is None:
            raise PublicError(
                f"an API key with the {self.required} role is required", "UNAUTHENTICATED"
            )
        raise PublicError(f"this needs the {self.required} role", "FORBIDDEN")

    def on_unauthorized(self) -> None:
        raise PublicError(self.message or f"this needs the {self.required} role", "FORBIDDEN")


class IsEditor(_RolePermission):
    required = EDITOR
    message = "this needs the editor role"


class IsAdmin(_RolePermission):
    required = ADMIN
    message = "this needs the admin role"
