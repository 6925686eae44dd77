"""Fuzzing the API: whatever a request holds, the answer is never a 5xx nor a masked error.

Requests come from ``bench.fuzz_graphql``: operations generated from the committed
``schema.graphql`` with hostile argument values (some sent as variables), malformed
bodies, and an explicit seed for every shape found by hand. The examples are the
same on every run (derandomized). ``python -m bench.fuzz_graphql`` runs the same
property on 20,000 requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from api.settings import Settings
from bench.fuzz_graphql import (
    SDL_FILE,
    SEEDS,
    FuzzClient,
    FuzzRequest,
    fuzz_client,
    fuzz_requests,
    is_failure,
)
from tests.support.api import ingest_seed

GENERATED = 300
REQUESTS = fuzz_requests(SDL_FILE.read_text(encoding="utf-8"))


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[FuzzClient]:
    await ingest_seed(settings)
    async with fuzz_client(settings) as api:
        yield api


def with_seeds(test: Callable[..., Any]) -> Callable[..., Any]:
    for seed in reversed(SEEDS):
        test = example(request=seed)(test)
    return test


@settings(
    max_examples=GENERATED,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@with_seeds
@given(request=REQUESTS)
async def test_no_request_gets_a_server_error_or_a_masked_error(
    api: FuzzClient, request: FuzzRequest
) -> None:
    masked, server_errors = api.masked_errors(), api.server_errors()
    outcome = await api.send(request)
    assert not is_failure(outcome), f"{outcome}\n{request.describe()}"
    # The app's own counts: an error masked anywhere in the answer, or a 5xx.
    assert api.masked_errors() == masked, request.describe()
    assert api.server_errors() == server_errors, request.describe()
