"""Prometheus metrics of one app, in a registry of its own (no module globals).

With several worker processes (``assurance serve --workers N``) each process counts
its own requests. ``serve`` then points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder
before the workers start: prometheus_client keeps every process's values in files
there, and ``render`` adds them up, so /metrics shows the whole server whichever
worker answers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

CONTENT_TYPE = CONTENT_TYPE_LATEST
MULTIPROCESS_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess_dir() -> Path | None:
    """The folder shared by worker processes' metrics, when serving with several."""
    value = os.environ.get(MULTIPROCESS_DIR_VARIABLE)
    return Path(value) if value else None


@dataclass
class AppMetrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        self.requests = Counter(
            "assurance_http_requests",
            "HTTP requests by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "assurance_http_request_duration_seconds",
            "Time from request to the end of the response, by route.",
            ["route"],
            registry=self.registry,
        )
        self.errors = Counter(
            "assurance_http_errors",
            "Responses with a server error (5xx) or an unhandled exception, by route.",
            ["route"],
            registry=self.registry,
        )
        self.graphql_errors = Counter(
            "assurance_graphql_internal_errors",
            "Unexpected exceptions in GraphQL resolvers (masked for clients).",
            registry=self.registry,
        )
        self.writes_refused = Counter(
            "assurance_writes_refused",
            "Writes (mutations, uploads) refused by the write rate limit (429), by reason: "
            "an API key's limit (api_key) or a client address's (address).",
            ["reason"],
            registry=self.registry,
        )
        self.graphql_cache = Counter(
            "assurance_graphql_cache",
            "GraphQL queries by how they were answered: from the cache of answers (hit), "
            "by running them (miss), or by 304 Not Modified (not_modified).",
            ["result"],
            registry=self.registry,
        )
        self.index_lag = Gauge(
            "assurance_index_lag",
            "Change-log entries the search index has not applied yet.",
            registry=self.registry,
            multiprocess_mode="mostrecent",  # the latest reading of any worker
        )
        self.index_lag_seconds = Gauge(
            "assurance_index_lag_seconds",
            "How long the search index has been behind the change log (0 when current).",
            registry=self.registry,
            multiprocess_mode="mostrecent",
        )

    def render(self) -> bytes:
        """The exposition text: of every worker process when they share a folder."""
        shared = multiprocess_dir()
        if shared is None:
            return generate_latest(self.registry)
        combined = CollectorRegistry()
        MultiProcessCollector(combined, path=str(shared))  # type: ignore[no-untyped-call]
        return generate_latest(combined)
