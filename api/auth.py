"""API keys: made once, stored as a SHA-256 hash, resolved from ``Authorization: Bearer``.

A key is ``ak_`` followed by 32 random bytes (URL-safe base64). Only its hash is
stored, so a lost key cannot be recovered, only replaced.

A key is found by looking its hash up in the unique index on ``api_keys.key_hash``: the
database compares hashes, and how much of a hash matched tells nothing of the key, so no
timing gives a key away. Nothing here compares secrets itself; code that must should use
``hmac.compare_digest``. Keys are never logged: the access log holds the method, path,
status and address, and a refusal says only "invalid API key".
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from records.db import write_session
from records.models import ApiKey

KEY_PREFIX = "ak_"
BEARER = "bearer"


class Role(StrEnum):
    """What a caller may do: read; also change records; also delete them."""

    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


@dataclass(frozen=True)
class Caller:
    """Who is calling: the role, name and id of the API key the request carried."""

    role: Role
    key_name: str
    key_id: int


class AuthenticationError(Exception):
    """The request named a key that is malformed, unknown or revoked."""


def generate_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


async def create_key(engine: AsyncEngine, *, name: str, role: Role) -> tuple[int, str]:
    """Store a new key's hash; the key's id and the key itself (shown once, never stored)."""
    if not name.strip():
        raise ValueError("an API key needs a name")
    key = generate_key()
    async with write_session(engine) as session:
        record = ApiKey(name=name.strip(), role=role.value, key_hash=hash_key(key))
        session.add(record)
        await session.flush()
        key_id = record.id
    return key_id, key


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header; None when there is no header.

    Raises ``AuthenticationError`` for any other scheme or an empty token.
    """
    if authorization is None or not authorization.strip():
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != BEARER or not token.strip():
        raise AuthenticationError("the Authorization header must be `Bearer <API key>`")
    return token.strip()


async def caller_for_key(sessions: async_sessionmaker[AsyncSession], key: str) -> Caller:
    """The caller a stored, unrevoked key stands for; ``AuthenticationError`` otherwise."""
    async with sessions() as session:
        row = (
            await session.execute(
                select(ApiKey.id, ApiKey.name, ApiKey.role, ApiKey.revoked_at).where(
                    ApiKey.key_hash == hash_key(key)
                )
            )
        ).one_or_none()
    if row is None or row.revoked_at is not None:
        raise AuthenticationError("invalid API key")
    try:
        return Caller(role=Role(row.role), key_name=row.name, key_id=row.id)
    except ValueError as exc:
        raise AuthenticationError("invalid API key") from exc


async def resolve_caller(
    sessions: async_sessionmaker[AsyncSession], authorization: str | None
) -> Caller | None:
    """The caller named by an Authorization header; None for an anonymous caller."""
    token = bearer_token(authorization)
    if token is None:
        return None
    return await caller_for_key(sessions, token)
