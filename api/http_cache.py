"""HTTP caching of GraphQL reads: persisted queries, ETags and a cache of answers.

- Automatic persisted queries (Apollo's ``extensions.persistedQuery``): a client sends
  the SHA-256 of its query alone; an unknown hash is answered with
  ``PersistedQueryNotFound`` (code ``PERSISTED_QUERY_NOT_FOUND``), the client sends the
  hash with the query, and the query is kept (``PersistedQueries``, bounded).
- A read's answer depends on its document, variables and operation, the caller's role,
  the database (its change-log position: every write appends to the log, and writers are
  serialised so positions follow commit order), the search index (the position it has
  applied) and the day (``overdue`` actions). ``ReadKey`` holds all of them; its ETag is a
  hash of them and of the schema the process serves.
- ``ResponseCache`` keeps serialised answers by ``ReadKey``, bounded by entries and
  bytes (least recently used go first). Once a newer position is seen, the older
  entries can never be asked for again and are dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from api.graphql_body import BAD_REQUEST, RequestBodyError
from indexer.cache import Cache
from records.models import ChangeLogEntry

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
PERSISTED_QUERY_NOT_FOUND_MESSAGE = "PersistedQueryNotFound"
PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
PERSISTED_QUERY_VERSION = 1
PERSISTED_QUERY_EXTENSION = "persistedQuery"
# What an entry costs besides its bytes: the key's tuple, the dictionary slot.
ENTRY_OVERHEAD = 200

K = TypeVar("K", bound=Hashable)
V = TypeVar("V", str, bytes)

_LATEST_POSITION = select(func.max(ChangeLogEntry.position))


async def change_log_position(engine: AsyncEngine) -> int:
    """The database's latest change-log position (0 for an empty log): one index lookup."""
    async with engine.connect() as conn:
        return int((await conn.execute(_LATEST_POSITION)).scalar() or 0)


def bounded_cache(max_entries: int, max_bytes: int) -> Cache[K, tuple[V, int]]:
    """A cache of (value, its size in bytes), least recently used first out, holding at
    most ``max_entries`` entries and ``max_bytes`` bytes."""
    return Cache(max(max_bytes, 0), weigh=_size_of, max_entries=max(max_entries, 0))


def _size_of(entry: tuple[object, int]) -> int:
    return entry[1]


# --- automatic persisted queries -------------------------------------------------------


class PersistedQueryNotFound(Exception):
    """The request named a query by its hash alone, and the hash is not known."""


def query_hash(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


class PersistedQueries:
    """Queries known by their SHA-256, as Apollo's automatic persisted queries use them."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.known: Cache[str, tuple[str, int]] = bounded_cache(max_entries, max_bytes)

    def resolve(self, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` (a request's members) with its query filled in from its hash.

        A request without the extension is returned as it is. Raises
        ``PersistedQueryNotFound`` for an unknown hash alone, ``RequestBodyError`` for an
        extension that cannot be read or a query that does not match its hash.
        """
        extensions = data.get("extensions")
        if not isinstance(extensions, Mapping) or PERSISTED_QUERY_EXTENSION not in extensions:
            return data
        persisted = extensions[PERSISTED_QUERY_EXTENSION]
        if not isinstance(persisted, Mapping):
            raise RequestBodyError(
                "`extensions.persistedQuery` must be an object "
                '{"version": 1, "sha256Hash": "<hex>"}',
                BAD_REQUEST,
            )
        if persisted.get("version") != PERSISTED_QUERY_VERSION:
            raise RequestBodyError(
                f"unsupported persisted query version {persisted.get('version')!r} "
                f"(this server reads version {PERSISTED_QUERY_VERSION})",
                BAD_REQUEST,
            )
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not digest:
            raise RequestBodyError(
                "`extensions.persistedQuery.sha256Hash` must be the query's SHA-256 in hex",
                BAD_REQUEST,
            )
        digest = digest.lower()
        query = data.get("query")
        if query is None:
            known = self.known.get(digest)
            if known is None:
                raise PersistedQueryNotFound(digest)
            return {**data, "query": known[0]}
        if not isinstance(query, str):
            return data  # request_data reports it
        if query_hash(query) != digest:
            raise RequestBodyError(
                "provided sha does not match query: `sha256Hash` must be the SHA-256 "
                "of the query's UTF-8 text, in hex",
                PERSISTED_QUERY_HASH_MISMATCH,
            )
        size = len(query.encode("utf-8")) + len(digest) + ENTRY_OVERHEAD
        self.known.put(digest, (query, size))
        return data


# --- keys, ETags and the cache of answers ----------------------------------------------


@dataclass(frozen=True)
class ReadKey:
    """Everything a read's answer depends on; equal keys, byte-equal answers."""

    document: str
    variables: str  # canonical JSON
    operation: str | None
    role: str | None
    position: int
    index_position: int
    day: str

    @classmethod
    def of(
        cls,
        document: str,
        variables: Mapping[str, Any] | None,
        operation: str | None,
        role: str | None,
        position: int,
        index_position: int,
        day: dt.date,
    ) -> ReadKey:
        canonical = json.dumps(variables or {}, sort_keys=True, separators=(",", ":"))
        return cls(document, canonical, operation, role, position, index_position, day.isoformat())

    @property
    def generation(self) -> tuple[int, int, str]:
        """What moves with time, whatever the request: later generations compare greater."""
        return (self.position, self.index_position, self.day)

    def size(self, body: bytes) -> int:
        return len(body) + len(self.document) + len(self.variables) + ENTRY_OVERHEAD

    def etag(self, build: str) -> str:
        """A weak ETag of the key and of ``build`` (the schema the process serves)."""
        parts = [build, self.document, self.variables, self.operation, self.role, self.day]
        parts += [str(self.position), str(self.index_position)]
        digest = hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode()).hexdigest()
        return f'W/"{digest[:32]}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison) or is ``*``."""
    if not if_none_match:
        return False
    opaque = etag.removeprefix("W/")
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == opaque:
            return True
    return False


class ResponseCache:
    """Serialised answers to reads by ``ReadKey``, for the newest generation only."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.entries: Cache[ReadKey, tuple[bytes, int]] = bounded_cache(max_entries, max_bytes)
        self.generation: tuple[int, int, str] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: ReadKey) -> bytes | None:
        if self.generation is None or key.generation > self.generation:
            self.entries.clear()  # no request will ask for an older generation again
            self.generation = key.generation
            return None
        found = self.entries.get(key)
        return None if found is None else found[0]

    def put(self, key: ReadKey, body: bytes) -> bool:
        """Keep ``body``, unless ``key`` is of a generation older than the newest seen."""
        if key.generation != self.generation:
            return False
        self.entries.put(key, (body, key.size(body)))
        return key in self.entries
