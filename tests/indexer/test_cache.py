"""The package's cache: bounded, it drops the least recently used entries first; touched
keys, weights, drops reported, threads."""

from __future__ import annotations

import random
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.cache import Cache

# (operation, key): "put", "get", "touch" (the key and the two after it) or "each" (the
# key, the one after it, the key again).
ops = st.lists(
    st.tuples(st.sampled_from(["put", "get", "touch", "each"]), st.integers(0, 40)),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12), ops)
def test_it_holds_exactly_the_most_recently_used_entries_that_fit(
    max_size: int, operations: list[tuple[str, int]]
) -> None:
    dropped: list[int] = []
    cache: Cache[int, str] = Cache(max_size, on_drop=lambda key, value: dropped.append(key))
    recent: list[int] = []  # keys put, least recently used first
    for op, key in operations:
        if op == "put":
            assert cache.put(key, f"v{key}") == f"v{key}"
            if key in recent:
                recent.remove(key)
            if max_size:
                recent.append(key)
            while len(recent) > max_size:
                assert dropped.pop(0) == recent.pop(0)
        elif op == "get":
            found = cache.get(key)
            assert found == (f"v{key}" if key in recent else None)
            if found is not None:
                recent.remove(key)
                recent.append(key)
        elif op == "touch":
            keys = [key, key + 1, key + 2]
            assert cache.touch(keys) == {k for k in keys if k not in recent}
            for k in keys:
                if k in recent:
                    recent.remove(k)
                    recent.append(k)
        else:
            made: list[int] = []

            def make(k: int, made: list[int] = made) -> str:
                made.append(k)
                return f"v{k}"

            keys = [key, key + 1, key]
            found = cache.get_each(keys, make)
            assert found == [f"v{k}" for k in keys]
            expected_made = []
            for k in keys:
                if k in recent:
                    recent.remove(k)
                    recent.append(k)
                else:
                    expected_made.append(k)
                    if max_size:
                        recent.append(k)
                    while len(recent) > max_size:
                        assert dropped.pop(0) == recent.pop(0)
            assert made == expected_made
        assert not dropped
        assert sorted(recent) == sorted(k for k in range(43) if k in cache)
        assert len(cache) == cache.weight == len(recent) <= max_size


def test_weighed_entries_stay_within_the_weight() -> None:
    dropped: dict[int, list[int]] = {}
    cache: Cache[int, list[int]] = Cache(
        50, weigh=len, on_drop=lambda key, value: dropped.setdefault(key, value)
    )
    rng = random.Random(4)
    lists = {n: list(range(rng.randrange(1, 30))) for n in range(200)}
    for n, value in lists.items():
        cache.put(n, value)
        assert cache.weight == sum(len(lists[k]) for k in lists if k in cache) <= 50
        assert n in cache  # the newest is kept
    assert len(dropped) + len(cache) == len(lists)
    assert all(lists[n] == value for n, value in dropped.items())
    assert max(dropped) < min(k for k in lists if k in cache)  # the oldest went first
    cache.put(500, list(range(51)))  # heavier than the whole cache: not kept
    assert 500 not in cache
    cache.put(501, list(range(50)))  # as heavy as the whole cache: alone
    assert len(cache) == 1 and cache.weight == 50
    cache.put(501, [1])  # replaced: its weight with it
    assert cache.weight == 1


def test_touched_keys_are_dropped_last() -> None:
    cache: Cache[str, int] = Cache(4)
    for name in "abcd":
        cache.put(name, 0)
    assert cache.touch(["b", "a", "x"]) == {"x"}
    cache.put("e", 0)
    cache.put("f", 0)
    assert sorted(k for k in "abcdef" if k in cache) == ["a", "b", "e", "f"]


def test_clear_empties_without_reporting_drops() -> None:
    reported: list[int] = []
    cache: Cache[int, int] = Cache(4, on_drop=lambda key, value: reported.append(key))
    for n in range(3):
        cache.put(n, n)
    cache.clear()
    assert len(cache) == cache.weight == 0 and cache.get(1) is None
    assert reported == []


def test_threads_sharing_a_locked_cache_keep_its_bound_and_its_weights() -> None:
    cache: Cache[int, tuple[int, ...]] = Cache(300, weigh=len, lock=True)
    failures: list[BaseException] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(3000):
                key = rng.randrange(200)
                found = cache.get(key)
                if found is None:
                    cache.put(key, tuple(range(key % 17 + 1)))
                else:
                    assert found == tuple(range(key % 17 + 1))
                if rng.random() < 0.05:
                    cache.touch([key, key + 1])
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    held = [key for key in range(200) if key in cache]
    assert cache.weight == sum(key % 17 + 1 for key in held) <= 300
