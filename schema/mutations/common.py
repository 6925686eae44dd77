"""What the mutations share: catching the index up after a write, and the request context."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexStore
from indexer.sync import apply_changes

logger = logging.getLogger(__name__)


async def catch_up_index(engine: AsyncEngine, store: IndexStore | None) -> int:
    """Apply the change log to the index after a committed write; the entries applied.

    The write is already committed, so a failure here (another writer holding the
    index past the lock timeout, a full disk) must not turn the mutation into an
    error: it is logged, and the next catch-up (any later write, or the server's
    start) applies the same entries.
    """
    if store is None:
        return 0
    try:
        return await apply_changes(engine, store)
    except Exception:
        logger.exception("the search index could not apply the change log; it will catch up")
        return 0


# What the mutations read from the request context besides ``engine`` and ``role``.
# Each has a fallback, so that a context without it still works (without the index
# catch-up, with no author name).
INDEX_ATTRIBUTE = "index"  # the IndexStore the server keeps
CALLER_NAME_ATTRIBUTE = "api_key_name"  # the name of the caller's API key


def engine_of(context: object) -> AsyncEngine:
    engine = getattr(context, "engine", None)
    if not isinstance(engine, AsyncEngine):
        raise TypeError("the request context has no database engine")
    return engine


def index_of(context: object) -> IndexStore | None:
    store = getattr(context, INDEX_ATTRIBUTE, None)
    return store if isinstance(store, IndexStore) else None


def caller_name_of(context: object) -> str | None:
    name = getattr(context, CALLER_NAME_ATTRIBUTE, None)
    return name if isinstance(name, str) and name.strip() else None
