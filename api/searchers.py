"""One search index reader per thread, refreshed before each use.

Whoosh searchers are not thread-safe and cost ~140 ms to open on a large index
but ~1 ms to refresh, so each thread keeps one and refreshes it; it is reopened
when the index switches to a new generation (a rebuild) or the glossary changes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from indexer.search import DecodedCache, Searcher
from indexer.storage import IndexStore
from records.glossary import GlossaryEntry, load_glossary


@dataclass
class _Held:
    generation: str | None
    glossary_version: int
    searcher: Searcher


class SearcherPool:
    def __init__(self, store: IndexStore, glossary: Sequence[GlossaryEntry] = ()) -> None:
        self.store = store
        self._glossary: tuple[GlossaryEntry, ...] = tuple(glossary)
        self._glossary_version = 0
        self._local = threading.local()
        self._all: list[Searcher] = []
        self._lock = threading.Lock()
        # Shared by every thread's searcher: decoded entries are kept by segment, so
        # they outlive refreshes and generations that keep the segment.
        self._decoded = DecodedCache()

    async def load_glossary(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        """Read the glossary from the database; searchers reopen when it changed."""
        async with sessions() as session:
            glossary = tuple(await load_glossary(session))
        if glossary != self._glossary:
            self._glossary = glossary
            self._glossary_version += 1

    def get(self) -> Searcher:
        """This thread's searcher, up to date with the index's latest commit."""
        current = self.store.current()
        generation = current.name if current else None
        held: _Held | None = getattr(self._local, "held", None)
        if (
            held is not None
            and held.generation == generation
            and held.glossary_version == self._glossary_version
        ):
            held.searcher.refresh()
            return held.searcher
        searcher = Searcher(self.store.open(), self._glossary, decoded=self._decoded)
        with self._lock:
            self._all.append(searcher)
            if held is not None:
                self._all.remove(held.searcher)
        # The old searcher is left open: a request may still be reading from it.
        self._local.held = _Held(generation, self._glossary_version, searcher)
        return searcher

    def close(self) -> None:
        with self._lock:
            searchers, self._all = self._all, []
        for searcher in searchers:
            searcher.close()
