"""``GET /export/{records}.{csv,jsonl}``: the command's export over HTTP, behind the same
read policy and keys as GraphQL, with a clear refusal of what it cannot take."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool
from starlette.requests import ClientDisconnect
from starlette.types import Message
from typer.testing import CliRunner

from api.app import create_app
from api.auth import Role
from api.cli import app as cli
from api.database import open_database
from api.export.filters import ExportFilter
from api.export.formats import Format
from api.export.http import ExportResponse
from api.export.stream import export_run
from api.export.tables import ITEMS, TABLES
from api.settings import Settings
from ingest.pipeline import ingest_paths
from records.db import create_engine
from schema.context import Context
from tests.support.api import ClientFactory, ingest_seed, make_key, running
from tests.support.exports import read_back
from tests.support.graphql import nodes, run
from tests.support.records import IndexedCorpus

AS_OF = "2022-06-30"
UNDATED = """Police and Crime Panel

Present: Councillor Ann Wakefield (Chair), Councillor Tom Biggins, Mr Neil Ashdown

1. Report of the Police and Crime Commissioner on knife crime
The Commissioner reported on knife crime and the MARAC referrals received.
Action: the Commissioner to circulate the figures on knife crime.
"""


@pytest.fixture(scope="module")
async def corpus(indexed_corpus: IndexedCorpus) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the indexed samples and seed (which it only reads)."""
    settings = Settings(
        data_dir=indexed_corpus.store.root.parent,
        database_url=indexed_corpus.database_url,
        index_sync_seconds=0,
    )
    async with running(create_app(settings)) as client:
        yield client


def command_export(corpus: IndexedCorpus, folder: Path, *args: str) -> bytes:
    """What ``assurance export ARGS`` writes for the same database."""
    result = CliRunner().invoke(
        cli,
        ["export", *args, "--as-of", AS_OF],
        env={
            "ASSURANCE_DATA_DIR": str(folder),
            "ASSURANCE_DATABASE_URL": corpus.database_url,
        },
    )
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("format", ["csv", "jsonl"])
async def test_an_export_over_http_is_the_commands(
    corpus: httpx.AsyncClient, indexed_corpus: IndexedCorpus, tmp_path: Path, format: str
) -> None:
    answer = await corpus.get(
        f"/export/actions.{format}", params={"theme": "DA", "from": "2019-01-01", "as-of": AS_OF}
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(
        "text/csv" if format == "csv" else "application/x-ndjson"
    )
    assert answer.headers["content-disposition"] == f'attachment; filename="actions.{format}"'
    assert answer.headers["cache-control"] == "no-store"
    assert "content-length" not in answer.headers  # streamed
    rows = read_back(format, answer.content)
    assert rows and int(answer.headers["x-export-rows"]) == len(rows)
    expected = await asyncio.to_thread(
        command_export,
        indexed_corpus,
        tmp_path,
        "actions",
        "-f",
        format,
        "--theme",
        "DA",
        "--from",
        "2019-01-01",
    )
    assert answer.content == expected


async def test_every_table_is_exported_over_http(corpus: httpx.AsyncClient) -> None:
    for table in TABLES:
        answer = await corpus.get(f"/export/{table}.jsonl", params={"as-of": AS_OF})
        assert answer.status_code == 200
        rows = read_back("jsonl", answer.content)
        assert rows and len(rows) == int(answer.headers["x-export-rows"])
        assert all(row.get("id") or row["metric_id"] for row in rows)


@pytest.mark.parametrize("format", ["csv", "jsonl"])
async def test_head_gives_a_downloads_headers_and_row_count_without_reading_its_rows(
    corpus: httpx.AsyncClient, format: str
) -> None:
    address = f"/export/items.{format}?theme=DA&as-of={AS_OF}"
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        head = await corpus.head(address)
        read_for_head = list(statements)
        statements.clear()
        get = await corpus.get(address)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert "content-length" not in head.headers
    for name in ("content-type", "content-disposition", "x-export-rows", "cache-control", "vary"):
        assert head.headers[name] == get.headers[name]
    assert int(head.headers["x-export-rows"]) == len(read_back(format, get.content)) > 0
    assert read_for_head == statements[: len(read_for_head)]  # the checks and the count
    assert len(statements) > len(read_for_head)  # the rows, which HEAD never reads


async def test_head_refuses_a_bad_parameter_as_get_does(corpus: httpx.AsyncClient) -> None:
    answer = await corpus.head("/export/actions.csv?theme=ZZQ")
    assert answer.status_code == 400


async def test_a_read_keyed_deployment_refuses_an_export_without_a_key(
    settings: Settings, client_for: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    await ingest_seed(settings)
    key = await make_key(settings, Role.READER)
    caplog.set_level(logging.DEBUG)
    async with client_for(reads_need_key=True) as client:
        refused = await client.get("/export/actions.csv")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        wrong = await client.get("/export/actions.csv", headers={"Authorization": "Bearer ak_no"})
        assert wrong.status_code == 401
        in_the_address = await client.get(f"/export/actions.csv?key={key}")
        assert in_the_address.status_code == 401  # a key is read from the header alone
        keyed = await client.get("/export/actions.csv", headers={"Authorization": f"Bearer {key}"})
        assert keyed.status_code == 200
        assert len(read_back("csv", keyed.content)) == int(keyed.headers["x-export-rows"]) > 0
        assert key not in keyed.text
        as_a_parameter = await client.get(
            f"/export/actions.csv?api_key={key}", headers={"Authorization": f"Bearer {key}"}
        )
        assert as_a_parameter.status_code == 400
        assert key not in as_a_parameter.text
    logged = [r for r in caplog.records if r.name.startswith("assurance")]  # the server's
    assert logged
    assert not [r for r in logged if key in r.getMessage() or key in str(r.__dict__)]


async def test_an_open_deployment_exports_without_a_key_as_graphql_reads(
    settings: Settings, client_for: ClientFactory
) -> None:
    await ingest_seed(settings)
    async with client_for() as client:
        assert (await client.get("/export/meetings.csv")).status_code == 200
        bad = await client.get("/export/meetings.csv", headers={"Authorization": "Bearer ak_no"})
        assert bad.status_code == 401  # a key given must be valid, as for GraphQL


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("/export/actions.csv?from=2019-13-01", "from: '2019-13-01' is not a date (YYYY-MM-DD)"),
        ("/export/actions.csv?to=1800-01-01", "to: 1800-01-01 is not from 1900 to 2199"),
        ("/export/actions.csv?from=2021-01-01&to=2020-12-31", "to: 2020-12-31 is before from"),
        ("/export/actions.jsonl?theme=ZZQ", "theme: 'ZZQ' is no theme's code (the codes: "),
        ("/export/actions.csv?thme=DA", "thme: an export takes no such parameter"),
        ("/export/metrics.csv?theme=DA&theme=VAWG", "theme: given more than once"),
        ("/export/items.csv?as-of=tomorrow", "as-of: 'tomorrow' is not a date"),
    ],
)
async def test_a_bad_parameter_is_a_400_naming_it(
    corpus: httpx.AsyncClient, address: str, named: str
) -> None:
    answer = await corpus.get(address)
    assert answer.status_code == 400
    [error] = answer.json()["errors"]
    assert error["extensions"]["code"] == "BAD_PARAMETER"
    assert error["message"].startswith(named)


@pytest.mark.parametrize("address", ["/export/people.csv", "/export/actions.parquet", "/export/x"])
async def test_an_export_that_does_not_exist_is_a_404(
    corpus: httpx.AsyncClient, address: str
) -> None:
    answer = await corpus.get(address)
    assert answer.status_code == 404
    assert "meetings, items, actions, metrics" in answer.json()["errors"][0]["message"]


async def test_undated_meetings_come_first_as_graphql_lists_them_oldest_first(
    settings: Settings, client_for: ClientFactory, tmp_path: Path
) -> None:
    await ingest_seed(settings)
    panel = tmp_path / "panel.txt"
    panel.write_text(UNDATED, encoding="utf-8")
    engine = await open_database(settings)
    try:
        assert not (await ingest_paths(engine, [panel])).failed
        data = await run(
            Context(engine=engine, role="reader"),
            "{ meetings(order: DATE_ASC) { edges { node { id date } } } }",
        )
    finally:
        await engine.dispose()
    async with client_for() as client:
        answer = await client.get("/export/meetings.jsonl")
    rows = read_back("jsonl", answer.content)
    assert [row["id"] for row in rows] == [m["id"] for m in nodes(data["meetings"])]
    assert rows[0]["date"] is None and rows[-1]["date"] is not None


async def test_a_client_that_goes_away_part_way_frees_the_connection(
    indexed_corpus: IndexedCorpus,
) -> None:
    """The client is gone when the first piece of the body is sent: the export's
    connection is dropped (its cursor cut off part way), never given to the next reader,
    and the next export is whole."""
    engine = create_engine(indexed_corpus.database_url)  # a pool of its own to count
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}}

    async def receive() -> Message:
        await asyncio.sleep(3600)
        raise AssertionError("not reached")

    async def gone(message: Message) -> None:
        if message["type"] == "http.response.body":
            raise OSError("the client went away")

    try:
        opened = export_run(engine, ITEMS, ExportFilter(), dt.date(2022, 6, 30), batch_rows=5)
        run = await opened.__aenter__()
        response = ExportResponse(Format.CSV, run, opened, media_type="text/csv", headers={})
        with pytest.raises((OSError, ClientDisconnect)):
            await response(scope, receive, gone)
        assert isinstance(engine.pool, QueuePool)
        assert engine.pool.checkedout() == 0
        async with export_run(engine, ITEMS, ExportFilter(), dt.date(2022, 6, 30)) as again:
            rows = [row async for batch in again.batches() for row in batch]
        assert len(rows) == again.total == run.total > 5
    finally:
        await engine.dispose()


async def test_a_script_of_another_allowed_origin_may_read_the_row_count(
    settings: Settings, client_for: ClientFactory
) -> None:
    await ingest_seed(settings)
    origin = "https://dashboard.example"
    async with client_for(cors_origins=[origin]) as client:
        answer = await client.get("/export/meetings.csv", headers={"Origin": origin})
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == origin
    exposed = answer.headers["access-control-expose-headers"].lower().split(", ")
    assert "x-export-rows" in exposed
    assert int(answer.headers["x-export-rows"]) == len(read_back("csv", answer.content)) > 0
