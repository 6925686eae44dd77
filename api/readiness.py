"""/readyz: whether this process should get traffic, and how far its index is behind.

Ready means the database answers, the search index opens, and the index has not been
behind the change log for longer than ``max_lag_seconds``: a change written through
another process is applied within the follower's bound, so a brief lag is normal and
only one that lasts (following stuck or failing) takes the process out of rotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from api.follower import IndexFollower, IndexLag
from indexer.storage import IndexStore


@dataclass(frozen=True)
class Readiness:
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
        documents = _document_count(store)
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


def _document_count(store: IndexStore) -> int:
    index = store.open()
    try:
        return int(index.doc_count())
    finally:
        index.close()
