"""/readyz: whether this process should get traffic, and how far its index is behind.

Ready means the database answers, the search index opens, and the index has not been
behind the change log for longer than ``max_lag_seconds``: a change written through
another process is applied within the follower's bound, so a brief lag is normal and
only one that lasts (following stuck or failing) takes the process out of rotation.

Load balancers ask every few seconds, so the index is opened (to count its documents
and show it opens) only when its generation or position has moved since the last ask:
opening a large index takes tens of milliseconds on the event loop, reading its
position file a few microseconds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Final

from sqlalchemy.exc import DBAPIError

from api.follower import IndexFollower, IndexLag
from indexer.storage import Generation, IndexStore

# Generations and positions whose document counts are kept: the current one of each
# index folder the process serves, and a few it moved on from.
COUNTS_KEPT = 16
# SQLSTATE classes of a server that cannot take requests: connection exceptions (08)
# and operator intervention (57: shutting down, starting up, terminated by an admin).
UNAVAILABLE_SQLSTATE_CLASSES: Final = ("08", "57")
DATABASE_UNAVAILABLE: Final = "DATABASE_UNAVAILABLE"
DATABASE_UNAVAILABLE_MESSAGE: Final = (
    "the database cannot be reached just now: try again in a few seconds"
)
RETRY_AFTER_SECONDS: Final = 5


def database_unreachable(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the database server cannot be reached
    or is not taking requests (stopped, starting, restarting, the network down): an
    answer to try again later, not a fault of the request or of this program."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ConnectionError):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        sqlstate = getattr(current, "sqlstate", None)  # asyncpg's errors carry it
        if isinstance(sqlstate, str) and sqlstate[:2] in UNAVAILABLE_SQLSTATE_CLASSES:
            return True
        current = current.__cause__ or current.__context__
    return False


@dataclass(frozen=True)
class Readiness:
    """The answer to /readyz: not ready while there are ``reasons``."""

    reasons: list[str] = field(default_factory=list)
    lag: IndexLag | None = None
    documents: int | None = None

    @property
    def ready(self) -> bool:
        return not self.reasons

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {"status": "ready" if self.ready else "unavailable"}
        if self.reasons:
            body["reasons"] = self.reasons
        if self.lag is not None:
            index = self.lag.as_json()
            if self.documents is not None:
                index["documents"] = self.documents
            body["index"] = index
        return body


async def readiness(
    store: IndexStore, follower: IndexFollower, *, max_lag_seconds: float
) -> Readiness:
    try:
        lag = await follower.lag()  # reads the change log: the database check too
    except Exception as exc:
        return Readiness([f"database unreachable: {type(exc).__name__}"])
    try:
        documents = _current_document_count(store)
    except Exception as exc:
        return Readiness([f"search index unreadable: {type(exc).__name__}"], lag)
    reasons = []
    if lag.behind and lag.seconds > max_lag_seconds:
        reasons.append(
            f"the search index has been {lag.behind} change(s) behind the database for "
            f"{lag.seconds:.1f} s (more than {max_lag_seconds:g} s)"
            + (f": {lag.error}" if lag.error else "")
        )
    return Readiness(reasons, lag, documents)


def _current_document_count(store: IndexStore) -> int:
    generation = store.current()
    if generation is None:  # not created yet: open creates the empty index
        store.open().close()
        return 0
    return _document_count(generation, generation.position())


@functools.lru_cache(maxsize=COUNTS_KEPT)
def _document_count(generation: Generation, position: int) -> int:
    """The documents of ``generation`` at ``position``: they change only with the
    position (documents are written before it, so a count read in between is kept for a
    position that is then left behind) or in a new generation."""
    return generation.document_count()
