"""The project's one kind of cache: bounded, the least recently used entries dropped first.

Every cache of the index is a ``Cache``, and so are the app's persisted queries and its
cache of answers (``api.http_cache``): decoded posting lists and stored rows, query
strings read (with their suggestions), query words analysed, word forms and stems,
highlighted words and runs of characters, filter and facet sets, stored keys. Each
holds at most ``max_size`` entries, or with ``weigh`` entries weighing at most
``max_size`` in all (posting lists, by their length; answers, by their bytes), and then
also at most ``max_entries`` entries when that is given; adding beyond that drops the
entries used least recently. Finding an entry (``get``, ``get_each``) or marking
entries used (``touch``) makes them the most recently used.

A cache shared by threads is made with ``lock=True``: each operation holds its lock.
A cache of what one index generation holds is emptied (``clear``) or replaced by its
owner when the searcher moves to another generation (``indexer.search.Searcher.refresh``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Hashable, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Cache(Generic[K, V]):
    """At most ``max_size`` entries (or weight, with ``weigh``); see the module.

    Values are never None (``get`` answers None for a key not held). ``on_drop`` is
    called with each entry dropped to make room (not with those replaced by ``put`` or
    emptied by ``clear``), for an owner that keeps an index of the entries.
    """

    def __init__(
        self,
        max_size: int,
        *,
        weigh: Callable[[V], int] | None = None,
        max_entries: int | None = None,
        lock: bool = False,
        on_drop: Callable[[K, V], None] | None = None,
    ) -> None:
        self.max_size = max_size
        self.weigh = weigh
        self.max_entries = max_entries
        self.on_drop = on_drop
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock() if lock else None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: K) -> bool:
        return key in self._entries

    @property
    def weight(self) -> int:
        """The weight held (with ``weigh``), else the number of entries."""
        return self._weight if self.weigh is not None else len(self._entries)

    def get(self, key: K) -> V | None:
        """The entry of ``key`` (None if not held), now the most recently used."""
        entries = self._entries
        if self._lock is None:  # (the same steps as below, without the lock: hot paths)
            found = entries.get(key)
            if found is not None:
                entries.move_to_end(key)
            return found
        with self._lock:
            found = entries.get(key)
            if found is not None:
                entries.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` as the entry of ``key`` (unless it alone weighs more than
        ``max_size``), dropping the least recently used entries as needed; ``value``."""
        with self._locked():
            return self._keep(key, value)

    def get_each(self, keys: Iterable[K], make: Callable[[K], V]) -> list[V]:
        """The entry of each of ``keys`` in order, made by ``make`` and kept where none is
        held; each now among the most recently used. The lock is taken once for all
        (``make`` runs under it)."""
        entries = self._entries
        get = entries.get
        used = entries.move_to_end
        found: list[V] = []
        append = found.append
        with self._locked():
            for key in keys:
                value = get(key)
                if value is None:
                    value = self._keep(key, make(key))
                else:
                    used(key)
                append(value)
        return found

    def touch(self, keys: Collection[K]) -> set[K]:
        """Make the held keys among ``keys`` the most recently used (in the order given);
        the keys not held."""
        entries = self._entries
        with self._locked():
            held = [key for key in keys if key in entries]
            deque(map(entries.move_to_end, held), maxlen=0)
            return set(keys).difference(held)

    def clear(self) -> None:
        """Drop every entry (``on_drop`` is not called)."""
        with self._locked():
            self._entries.clear()
            self._weight = 0

    def _locked(self) -> AbstractContextManager[object]:
        return self._lock if self._lock is not None else nullcontext()

    def _keep(self, key: K, value: V) -> V:
        weigh = self.weigh
        entries = self._entries
        replaced = entries.pop(key, None)
        if replaced is not None and weigh is not None:
            self._weight -= weigh(replaced)
        weight = 1 if weigh is None else weigh(value)
        if weight > self.max_size:
            return value
        entries[key] = value
        if weigh is None:
            while len(entries) > self.max_size:
                self._drop_oldest()
        else:
            self._weight += weight
            most = len(entries) if self.max_entries is None else self.max_entries
            while self._weight > self.max_size or len(entries) > most:
                self._drop_oldest()
        return value

    def _drop_oldest(self) -> None:
        key, value = self._entries.popitem(last=False)
        if self.weigh is not None:
            self._weight -= self.weigh(value)
        if self.on_drop is not None:
            self.on_drop(key, value)
