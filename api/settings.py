"""Settings from ``ASSURANCE_*`` environment variables, with working defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from ingest.read import ReadLimits
from ingest.workers import IngestLimits
from records import clock
from records.db import sqlite_url
from records.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE


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
    max_pdf_pages: int = Field(default=500, ge=1, description="Most pages a PDF may have.")
    max_unpacked_mb: float = Field(
        default=200.0, gt=0, description="Most a .docx may hold once unpacked (all its parts)."
    )
    max_compression_ratio: int = Field(
        default=100,
        ge=1,
        description="Most a part of a .docx over 1 MB may be compressed (zip bombs: hundreds).",
    )
    ingest_memory_mb: int = Field(
        default=2048,
        ge=0,
        description="Memory (address space) a process reading and parsing a file may use "
        "(0: no limit).",
    )
    ingest_seconds: float = Field(
        default=120.0,
        ge=0,
        description="Time one file may take to be read and parsed (0: no limit).",
    )
    ingest_workers: int = Field(
        default_factory=lambda: max(1, min(os.cpu_count() or 1, 4)),
        ge=1,
        description="Processes that read and parse files in a bulk ingest and in a reparse.",
    )
    upload_workers: int = Field(
        default=1,
        ge=1,
        description="Processes, per server process, that read and parse uploaded files.",
    )

    time_zone: str = Field(
        default=clock.DEFAULT_TIME_ZONE,
        description="The bodies' time zone (an IANA name): the date that decides which "
        "actions are overdue or open today.",
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
    write_rate: float = Field(
        default=2.0,
        ge=0,
        description="Writes (mutation fields, uploads) a second each API key may make on "
        "average, per server process; callers without a key are counted by address "
        "(0: no limit).",
    )
    write_burst: int = Field(
        default=60, ge=1, description="Writes an API key may make at once, after a pause."
    )
    max_depth: int = Field(default=12, ge=1, description="Deepest nesting a query may have.")
    max_tokens: int = Field(
        default=2000, ge=1, description="Most tokens a query document may have."
    )
    max_aliases: int = Field(default=30, ge=0, description="Most aliases a query may use.")
    max_selections: int = Field(
        default=5_000,
        ge=1,
        description="Most fields a query may select once its fragments are expanded.",
    )
    max_cost: int = Field(
        default=20_000,
        ge=1,
        description="Largest estimated cost: fields, each multiplied by the page sizes above it.",
    )
    default_page_size: int = Field(
        default=DEFAULT_PAGE_SIZE,
        ge=1,
        description="Page size assumed for a connection without `first`.",
    )
    max_page_size: int = Field(
        default=MAX_PAGE_SIZE, ge=1, description="Page size assumed when `first` is a variable."
    )
    request_seconds: float = Field(
        default=30.0,
        ge=0,
        description="Time a request may take before it is stopped (uploads: plus "
        "ingest_seconds; 0: no limit).",
    )
    index_sync_seconds: float = Field(
        default=2.0,
        ge=0,
        description="Longest a change written through another process (another server, "
        "`assurance ingest`) takes to be searchable here: each server process reads the "
        "change log 8 times within it and applies what is new (0: only at start and after "
        "its own writes).",
    )
    index_ready_lag_seconds: float = Field(
        default=30.0,
        ge=0,
        description="/readyz answers 503 once the search index has been behind the "
        "database for longer than this.",
    )

    response_cache_entries: int = Field(
        default=1000,
        ge=0,
        description="Answers to GraphQL reads each server process keeps (0: none).",
    )
    response_cache_mb: float = Field(
        default=64.0,
        ge=0,
        description="Memory the kept answers may take, per server process.",
    )
    persisted_queries: int = Field(
        default=1000,
        ge=0,
        description="Queries known by their hash (automatic persisted queries), per process.",
    )
    persisted_queries_mb: float = Field(
        default=16.0,
        ge=0,
        description="Memory the queries known by their hash may take, per server process.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        clock.time_zone(value)
        return value

    @property
    def zone(self) -> ZoneInfo:
        return clock.time_zone(self.time_zone)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def ingest_limits(self) -> IngestLimits:
        return IngestLimits(
            read=ReadLimits(
                max_bytes=self.max_bytes,
                max_pdf_pages=self.max_pdf_pages,
                max_unpacked_bytes=int(self.max_unpacked_mb * 1024 * 1024),
                max_compression_ratio=self.max_compression_ratio,
            ),
            memory_bytes=self.ingest_memory_mb * 1024 * 1024 or None,
            seconds=self.ingest_seconds or None,
        )

    @property
    def response_cache_bytes(self) -> int:
        return int(self.response_cache_mb * 1024 * 1024)

    @property
    def persisted_queries_bytes(self) -> int:
        return int(self.persisted_queries_mb * 1024 * 1024)

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
