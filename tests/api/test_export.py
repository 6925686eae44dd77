"""``assurance export``: the file, read back in each format, holds what GraphQL gives for
the same filters, in the same order, with nothing else on standard output."""

from __future__ import annotations

import asyncio
import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from api.cli import app
from api.export.tables import TABLES
from tests.support.exports import GRAPHQL_ROWS, RECORD_ID, csv_cells, read_back
from tests.support.records import IndexedCorpus

AS_OF = "2022-06-30"
# Filters that leave some records of every kind out and keep some.
FILTERS: dict[str, dict[str, str]] = {
    "everything": {},
    "a theme": {"theme": "DA"},
    "a body and dates": {"body": "  northshire ", "from": "2019-01-01", "to": "2022-04-30"},
}


@pytest.fixture
def runner(
    indexed_corpus: IndexedCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> CliRunner:
    """The command line on the samples' database (read only)."""
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", indexed_corpus.database_url)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def options(filters: dict[str, str]) -> list[str]:
    return [part for name, value in filters.items() for part in (f"--{name}", value)]


def exported(runner: CliRunner, *args: str) -> bytes:
    """Standard output of ``assurance export ARGS --as-of AS_OF``, which must succeed."""
    result = runner.invoke(app, ["export", *args, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # not a terminal: no bar, no summary
    return result.stdout_bytes


def expected_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GraphQL's rows as the export lays them out (what only the test keeps, a lifecycle's
    chain and a series' number, checked apart)."""
    return [{k: v for k, v in row.items() if k not in ("chain", "series")} for row in rows]


def check_lifecycles(rows: list[dict[str, Any]], graphql: list[dict[str, Any]]) -> None:
    """``lifecycle_id`` names an action of the same lifecycle as GraphQL's ``chain`` has
    it: the action it names has the same chain, and is in it."""
    chains = {row["id"]: row["chain"] for row in graphql}
    for row in rows:
        if row["lifecycle_id"] in chains:
            assert chains[row["lifecycle_id"]] == chains[row["id"]]
            assert row["lifecycle_id"] in chains[row["id"]]


def check_series(rows: list[dict[str, Any]], graphql: list[dict[str, Any]]) -> None:
    """``series_id`` is one id a series, another for each other series."""
    ids = {
        (row["series_id"], expected["series"]) for row, expected in zip(rows, graphql, strict=True)
    }
    assert len({series_id for series_id, _ in ids}) == len(ids) == len({n for _, n in ids})


@pytest.mark.parametrize("format", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("filters", FILTERS.values(), ids=FILTERS.keys())
@pytest.mark.parametrize("table", TABLES)
async def test_an_export_read_back_is_what_graphql_gives(
    runner: CliRunner,
    indexed_corpus: IndexedCorpus,
    table: str,
    filters: dict[str, str],
    format: str,
) -> None:
    # In a thread: the command runs an event loop of its own.
    data = await asyncio.to_thread(exported, runner, table, "--format", format, *options(filters))
    rows = read_back(format, data)
    graphql = await GRAPHQL_ROWS[table](indexed_corpus.engine, filters, AS_OF)
    assert graphql, "the filters leave nothing to compare"
    key = RECORD_ID.get(table, "id")
    assert [row[key] for row in rows] == [row[key] for row in graphql]
    if table == "actions":
        check_lifecycles(rows, graphql)
        rows = [{k: v for k, v in row.items() if k != "lifecycle_id"} for row in rows]
    if table == "series":
        check_series(rows, graphql)
        rows = [{k: v for k, v in row.items() if k != "series_id"} for row in rows]
    expected = expected_rows(table, graphql)
    if format == "csv":
        expected = [csv_cells(row) for row in expected]
    assert rows == expected


def test_filters_narrow_the_export(runner: CliRunner) -> None:
    every = read_back("jsonl", exported(runner, "actions", "--format", "jsonl"))
    themed = read_back("jsonl", exported(runner, "actions", "--format", "jsonl", "--theme", "da"))
    assert themed and len(themed) < len(every)
    assert all("DA" in row["themes"] for row in themed)
    assert {row["id"] for row in every if "DA" in row["themes"]} == {row["id"] for row in themed}
    later = read_back(
        "jsonl", exported(runner, "actions", "--format", "jsonl", "--from", "2022-01-01")
    )
    assert later and all(row["meeting_date"] >= "2022-01-01" for row in later)
    assert {row["id"] for row in every if (row["meeting_date"] or "") >= "2022-01-01"} == {
        row["id"] for row in later
    }


def test_the_output_file_is_the_same_export_and_parquet_keeps_types(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "metrics.parquet"
    result = runner.invoke(
        app, ["export", "metrics", "--theme", "DA", "--as-of", AS_OF, "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir() if p.name != "var"] == ["metrics.parquet"]
    written = pq.read_table(target)
    assert str(written.schema.field("value").type) == "double"
    assert str(written.schema.field("meeting_date").type) == "date32[day]"
    metadata = written.schema.metadata
    assert metadata[b"assurance.table"] == b"metrics"
    assert metadata[b"assurance.as_of"] == AS_OF.encode()
    assert b'"theme": "DA"' in metadata[b"assurance.filter"]
    piped = read_back("parquet", exported(runner, "metrics", "-f", "parquet", "--theme", "DA"))
    assert read_back("parquet", target.read_bytes()) == piped


def test_csv_is_the_default_and_the_extension_chooses_otherwise(
    runner: CliRunner, tmp_path: Path
) -> None:
    plain = exported(runner, "meetings")
    assert plain.startswith(b"id,date,title,kind,body,")
    target = tmp_path / "meetings.jsonl"
    assert runner.invoke(app, ["export", "meetings", "-o", str(target)]).exit_code == 0
    assert [row["id"] for row in read_back("jsonl", target.read_bytes())] == [
        row["id"] for row in read_back("csv", plain)
    ]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--from", "2019-13-01"], "--from: '2019-13-01' is not a date (YYYY-MM-DD)"),
        (["--to", "20190101"], "--to: '20190101' is not a date"),
        (["--from", "1066-10-14"], "--from: 1066-10-14 is not from 1900 to 2199"),
        (["--from", "2021-01-01", "--to", "2020-01-01"], "--to: 2020-01-01 is before from"),
        (["--theme", "ZZQ"], "--theme: 'ZZQ' is no theme's code (the codes: "),
        (["--body", "x" * 201], "--body: longer than 200 characters"),
        (["--as-of", "soon"], "--as-of: 'soon' is not a date"),
    ],
)
def test_a_bad_filter_is_an_error_naming_the_option(
    runner: CliRunner, args: list[str], named: str
) -> None:
    result = runner.invoke(app, ["export", "actions", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert named in " ".join(result.stderr.split())


def test_a_failed_export_leaves_no_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "actions.csv"
    result = runner.invoke(app, ["export", "actions", "--theme", "ZZQ", "-o", str(target)])
    assert result.exit_code == 2
    assert [p.name for p in tmp_path.iterdir() if p.name != "var"] == []


def test_the_progress_bar_goes_to_a_terminal_and_never_into_the_data(
    indexed_corpus: IndexedCorpus, runner: CliRunner, tmp_path: Path
) -> None:
    expected = exported(runner, "actions")
    env = {
        **os.environ,
        "ASSURANCE_DATA_DIR": str(tmp_path / "var"),
        "ASSURANCE_DATABASE_URL": indexed_corpus.database_url,
        "COLUMNS": "120",
    }
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        env.pop(name, None)
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "export", "actions", "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    assert process.stdout is not None
    out = process.stdout.fileno()
    received = {out: bytearray(), controller: bytearray()}
    open_ends = set(received)
    while open_ends:  # both at once: either may fill while the other is read
        ready, _, _ = select.select(list(open_ends), [], [], 60)
        assert ready, "the command stopped writing"
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other end closed
                chunk = b""
            received[fd] += chunk
            if not chunk:
                open_ends.discard(fd)
    assert process.wait(timeout=60) == 0
    os.close(controller)
    assert bytes(received[out]) == expected
    screen = received[controller].decode("utf-8", "replace")
    total = len(read_back("csv", expected))
    assert f"exported {total:,} actions (csv) to standard output" in screen
    assert "rows" in screen  # the bar: "actions ━━━ 87/87 rows"


def test_the_readme_lists_every_column_in_order() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Exports") :]
    for table in TABLES.values():
        listed = section[section.index(f"**{table.name}**") :]
        listed = listed[: listed.index("\n\n", listed.index("| ---"))]
        names = [line.split("`")[1] for line in listed.splitlines() if line.startswith("| `")]
        assert names == table.names, table.name
