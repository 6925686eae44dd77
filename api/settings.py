"""Settings from ``ASSURANCE_*`` environment variables, with working defaults."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from records.db import sqlite_url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSURANCE_", extra="ignore")

    data_dir: Path = Field(
        default=Path("var"), description="Folder for the SQLite file and the search index."
    )
    database_url: str | None = Field(
        default=None,
        description="Database URL (e.g. postgresql://user@host/db); default: SQLite in data_dir.",
    )
    max_file_mb: float = Field(default=50.0, gt=0, description="Largest file ingest accepts.")
    ingest_workers: int = Field(
        default_factory=lambda: max(1, min(os.cpu_count() or 1, 4)),
        ge=1,
        description="Processes that read and parse files in a bulk ingest.",
    )

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url(self.data_dir.resolve() / "assurance.db")

    def ensure_data_dir(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
