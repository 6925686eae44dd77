"""Fixtures for the HTTP API: settings on a fresh database, the app running, a client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.support.api import ClientFactory, running


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "var", database_url=database_url, index_sync_seconds=0)


@pytest.fixture
def client_for(settings: Settings) -> ClientFactory:
    """``async with client_for(**setting_overrides, **create_app_kwargs) as client``."""

    @asynccontextmanager
    async def factory(**kwargs: Any) -> AsyncIterator[httpx.AsyncClient]:
        app_kwargs = {
            k: kwargs.pop(k) for k in ("schema_factory", "context_factory") if k in kwargs
        }
        app = create_app(settings.model_copy(update=kwargs), **app_kwargs)
        async with running(app) as client:
            yield client

    return factory
