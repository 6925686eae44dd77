"""Rate limits on writes: a token bucket for each API key, and for each client address
among callers without a key.

Writes are GraphQL mutations sent as JSON and multipart uploads; GraphQL over GET
never carries a mutation (it is refused with 405), and reads are never counted. Each
caller's bucket holds up to ``burst`` writes and refills at ``rate`` writes a second.
A mutation takes one write for each of its root fields (aliases and fragments
included, so ten aliased ``updateAction`` fields are ten writes); an upload takes one,
before its body is read. A write that finds too few in its caller's bucket is refused
with ``429 Too Many Requests``, a ``Retry-After`` header (whole seconds) and a GraphQL
error whose code is ``WRITE_RATE_LIMITED``; nothing of it runs.

The buckets live in the memory of one server process: several processes (uvicorn
``--workers``, replicas behind a load balancer) each enforce their own limits, so a key
may make up to N times ``rate`` writes across N processes. Callers without a key are
counted by the address the server sees: behind a proxy, run uvicorn with
``--proxy-headers`` and ``--forwarded-allow-ips`` so that it is the client's.
"""

from __future__ import annotations

import functools
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
    get_operation_ast,
    parse,
)
from starlette.responses import JSONResponse, Response

from api.auth import Caller

WRITE_RATE_LIMITED = "WRITE_RATE_LIMITED"
# Why a write was refused: its API key's limit, or its address's (callers without a key).
REFUSED_KEY = "api_key"
REFUSED_ADDRESS = "address"
# Callers whose buckets are kept at most; beyond it the least recently seen is dropped
# (it comes back full), so a flood of addresses cannot exhaust memory.
MAX_CALLERS = 100_000
# Mutation documents whose count of writes is remembered, when shorter than this.
_CACHED_DOCUMENTS = 256
_REMEMBERED_DOCUMENT_CHARS = 64 * 1024


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass(frozen=True)
class WriteLimits:
    """``rate``: writes a second each caller may make on average (0: no limit);
    ``burst``: writes it may make at once, after a pause."""

    rate: float
    burst: int

    def describe(self) -> str:
        return f"{self.rate:g} writes a second, {self.burst} at once"


class TokenBuckets:
    """One token bucket for each caller name, all with the same ``limits``."""

    def __init__(
        self,
        limits: WriteLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_callers: int = MAX_CALLERS,
    ) -> None:
        if limits.rate < 0 or limits.burst < 1:
            raise ValueError("a write limit needs a rate of 0 or more and a burst of 1 or more")
        self.limits = limits
        self.clock = clock
        self.max_callers = max_callers
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, caller: str, writes: int = 1) -> float:
        """Take ``writes`` tokens from ``caller``'s bucket: 0.0 when they were there, else the
        seconds until they will be (nothing is taken then).

        More writes than the burst are counted as the burst: such a request waits for a full
        bucket rather than being refused for ever.
        """
        rate, burst = self.limits.rate, self.limits.burst
        if rate == 0:
            return 0.0
        wanted = min(max(writes, 1), burst)
        now = self.clock()
        bucket = self._buckets.pop(caller, None)
        if bucket is None:
            bucket = _Bucket(tokens=float(burst), updated=now)
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(float(burst), bucket.tokens + elapsed * rate)
            bucket.updated = now
        waited = 0.0
        if bucket.tokens >= wanted:
            bucket.tokens -= wanted
        else:
            waited = (wanted - bucket.tokens) / rate
        self._buckets[caller] = bucket  # now the most recently seen
        while len(self._buckets) > self.max_callers:
            self._buckets.popitem(last=False)
        return waited

    def __len__(self) -> int:
        return len(self._buckets)


def caller_name(caller: Caller | None, address: str | None) -> str:
    """The bucket a request counts against: its key's, or its address's without one."""
    if caller is not None:
        return f"key:{caller.key_id}"
    return f"address:{address or 'unknown'}"


class WriteLimiter:
    """Write limits of one server process (see the module's docstring)."""

    def __init__(
        self,
        limits: WriteLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self.limits = limits
        self.buckets = TokenBuckets(limits, clock=clock)
        # Told of each refusal, with its reason: ``api_key`` or ``address`` (whose bucket).
        self.on_refused = on_refused

    def refuse(self, caller: Caller | None, address: str | None, writes: int) -> Response | None:
        """A 429 answer when the caller has made too many writes lately; None to go on."""
        waited = self.buckets.take(caller_name(caller, address), writes)
        if waited == 0.0:
            return None
        if self.on_refused is not None:
            self.on_refused(REFUSED_KEY if caller is not None else REFUSED_ADDRESS)
        return rate_limited_response(
            waited, self.limits, "this API key" if caller is not None else "this address"
        )


def rate_limited_response(seconds: float, limits: WriteLimits, who: str) -> Response:
    """429 with ``Retry-After`` and a GraphQL error naming the limit."""
    retry_after = max(1, math.ceil(seconds))
    message = (
        f"too many writes from {who}: the limit is {limits.describe()}; retry after {retry_after} s"
    )
    body = {
        "errors": [
            {
                "message": message,
                "extensions": {
                    "code": WRITE_RATE_LIMITED,
                    "retryAfter": retry_after,
                    "rate": limits.rate,
                    "burst": limits.burst,
                },
            }
        ]
    }
    return JSONResponse(
        body,
        status_code=429,
        headers={"retry-after": str(retry_after), "cache-control": "no-store"},
    )


def mutation_writes(query: str, operation_name: str | None, max_tokens: int) -> int:
    """The root fields of the operation ``query`` runs (fragments expanded, each spread
    counted where it is spread): the writes a mutation makes. 1 when it cannot be read
    (the view then refuses it)."""
    if len(query) > _REMEMBERED_DOCUMENT_CHARS:
        return _count_writes(query, operation_name, max_tokens)
    return _remembered_writes(query, operation_name, max_tokens)


def _count_writes(query: str, operation_name: str | None, max_tokens: int) -> int:
    try:
        document = parse(query, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return 1
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 1
    fragments = {
        d.name.value: d.selection_set
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    return max(1, _RootFields(fragments).count(operation.selection_set))


_remembered_writes = functools.lru_cache(maxsize=_CACHED_DOCUMENTS)(_count_writes)


class _RootFields:
    """Counts the fields of a selection set, expanding fragment spreads (not descending
    into fields); each fragment is counted once and remembered, so fragments that each
    spread the next one twice take linear time."""

    def __init__(self, fragments: dict[str, SelectionSetNode]) -> None:
        self.fragments = fragments
        self.known: dict[str, int] = {}
        self.walking: set[str] = set()

    def count(self, selection_set: SelectionSetNode) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += 0 if selection.name.value.startswith("__") else 1
            elif isinstance(selection, InlineFragmentNode):
                total += self.count(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def fragment(self, name: str) -> int:
        if name in self.known:
            return self.known[name]
        inner = self.fragments.get(name)
        if inner is None or name in self.walking:
            return 0  # unknown or cyclic: graphql-core's own rules report it
        self.walking.add(name)
        total = self.count(inner)
        self.walking.discard(name)
        self.known[name] = total
        return total
