"""Prometheus metrics of one app, in a registry of its own (no module globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

CONTENT_TYPE = CONTENT_TYPE_LATEST


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
        self.index_lag = Gauge(
            "assurance_index_lag",
            "Change-log entries the search index has not applied yet.",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
