"""Settings from ``ASSURANCE_*`` environment variables, with working defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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

    # --- the GraphQL server ------------------------------------------------------------
    graphiql: bool = Field(default=True, description="Serve the GraphiQL page on GET /graphql.")
    introspection: bool = Field(default=True, description="Answer introspection queries.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins browsers may call the API from (comma-separated; '*' for any).",
    )
    max_body_kb: int = Field(
        default=1024,
        ge=1,
        description="Largest request body (multipart uploads: plus max_file_mb).",
    )
    reads_need_key: bool = Field(
        default=False, description="Queries need an API key too (mutations always do)."
    )
    max_depth: int = Field(default=12, ge=1, description="Deepest nesting a query may have.")
    max_tokens: int = Field(
        default=2000, ge=1, description="Most tokens a query document may have."
    )
    max_aliases: int = Field(default=30, ge=0, description="Most aliases a query may use.")
    max_cost: int = Field(
        default=20_000,
        ge=1,
        description="Largest estimated cost: fields, each multiplied by the page sizes above it.",
    )
    default_page_size: int = Field(
        default=20, ge=1, description="Page size assumed for a connection without `first`."
    )
    max_page_size: int = Field(
        default=100, ge=1, description="Page size assumed when `first` is a variable."
    )
    index_sync_seconds: float = Field(
        default=2.0,
        ge=0,
        description="How often the server applies change-log entries to its index (0: never).",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_body_bytes(self) -> int:
        return self.max_body_kb * 1024

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url(self.data_dir.resolve() / "assurance.db")

    def ensure_data_dir(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
