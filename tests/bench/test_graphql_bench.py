"""The GraphQL benchmark end to end at a tiny size: a real data folder, uvicorn, HTTP."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from bench.graphql_bench import (
    CACHED_PREFIX,
    FLOOR,
    LIST_PAGE,
    MARKER,
    MEETING_BY_ID,
    MINIMAL,
    NESTED,
    SEARCH,
    build_data,
    main,
)
from tests.support.databases import PG_ENV

MEETINGS = 6
CLASSES = (MEETING_BY_ID, NESTED, LIST_PAGE, SEARCH)


def _rows(output: str, label: str) -> list[list[str]]:
    """The fields after the class name of each table row for ``label``."""
    return [line[len(label) :].split() for line in output.splitlines() if line.startswith(label)]


def _check_output(output: str) -> None:
    for label in CLASSES:
        statements, requests = _rows(output, label)[0], _rows(output, label)[1:]
        assert int(statements[0]) > 0  # SQL statements per request
        assert [row[0] for row in requests] == ["1", "2"]  # one row per concurrency
        for row in requests:
            assert row[1:3] == ["5", "0"]  # requests, errors
    minimal, *requests = _rows(output, MINIMAL)
    assert minimal[0] == "0"  # no SQL: the cost of any request before it reads data
    assert [row[1:3] for row in requests] == [["5", "0"], ["5", "0"]]
    floor_in_process, *floor_requests = _rows(output, FLOOR)
    assert floor_in_process[0] == "0"  # plain objects: no SQL
    assert [row[:3] for row in floor_requests] == [["1", "5", "0"], ["2", "5", "0"]]
    assert "for scale: a minimal request ({ __typename }) takes" in output
    assert "search through the Python API" in output
    assert re.search(
        r"nested 20-meeting page at most 1.5x Strawberry's floor for its shape: (met|NOT met) "
        r"\([0-9.]+x: [0-9.]+ ms p50, the floor [0-9.]+ ms, both over HTTP\)",
        output,
    )
    assert re.search(r"list page of 20 meetings under 10 ms p50: (met|NOT met)", output)
    assert re.search(
        r"search through GraphQL at most the minimal request \+ 1.2x the Python API: "
        r"(met|NOT met)",
        output,
    )
    for label in (*CLASSES, MINIMAL):  # each class repeated, answered from the cache
        rows = _rows(output, CACHED_PREFIX + label)
        assert [row[1:3] for row in rows] == [["5", "0"], ["5", "0"]], label
    assert "a repeated query against the minimal request" in output
    assert "reading the change-log position (api.positions, in-process)" in output


def test_runs_end_to_end_and_reuses_its_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--meetings", str(MEETINGS), "--requests", "5", "--concurrency", "1,2"]
    assert main([*argv, "--data", str(tmp_path)]) == 0
    output = capsys.readouterr().out
    _check_output(output)
    assert f"data: {MEETINGS} meetings (seed 7)" in output and "; built in" in output
    marker = json.loads((tmp_path / f"meetings-{MEETINGS}" / MARKER).read_text())
    assert marker["meetings"] == MEETINGS and marker["documents"] == MEETINGS
    assert not (tmp_path / f"meetings-{MEETINGS}" / "corpus").exists()


async def test_a_built_folder_is_reused_and_another_size_is_built(tmp_path: Path) -> None:
    first = await build_data(3, seed=7, data_dir=tmp_path)
    again = await build_data(3, seed=7, data_dir=tmp_path)
    assert not first.reused and again.reused
    assert again.build_seconds == round(first.build_seconds, 2)
    bigger = await build_data(4, seed=7, data_dir=tmp_path)  # resumes: 3 files are stored
    assert not bigger.reused
    assert json.loads((tmp_path / MARKER).read_text())["documents"] == 4


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")
def test_runs_on_a_scratch_postgresql_database(capsys: pytest.CaptureFixture[str]) -> None:
    server = os.environ[PG_ENV]
    argv = ["--meetings", str(MEETINGS), "--requests", "5", "--concurrency", "1,2"]
    assert main([*argv, "--database-url", server]) == 0
    output = capsys.readouterr().out
    _check_output(output)
    assert "postgresql; built in" in output
