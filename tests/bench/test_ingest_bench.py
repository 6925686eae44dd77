"""The ingest benchmark on a corpus of a few files: the command runs, stores every file,
leaves the index current, and the figures are read from what happened."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bench.ingest_bench import TARGET_FILES_PER_SECOND, Run, format_targets, main

FILES = 12


def test_the_benchmark_ingests_a_small_corpus_twice_and_leaves_the_index_current(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--files", str(FILES), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    rows = {
        match["run"]: match
        for match in re.finditer(
            rf"^\s+{FILES}\s+1 (?P<run>first|again)\s+(?P<seconds>[\d.]+)\s+(?P<rate>[\d.]+)"
            r"\s+[\d.]+\s+[\d.]+\s+(?P<peak>\d+)\s+(?P<all>\d+)\s+(?P<items>\d+)"
            r"\s+(?P<indexed>\d+)\s+(?P<index>current|lag \d+)\s+(?P<failed>\d+)$",
            out,
            re.MULTILINE,
        )
    }
    assert set(rows) == {"first", "again"}, out
    first, again = rows["first"], rows["again"]
    assert first["index"] == again["index"] == "current"
    assert first["failed"] == again["failed"] == "0"
    assert int(first["items"]) > FILES  # several items a file
    assert int(first["indexed"]) > int(first["items"])  # items, actions, figures, meetings
    assert again["indexed"] == "0" and again["items"] == first["items"]  # nothing new
    assert 0 < int(first["peak"]) <= int(first["all"])
    assert f"{FILES} files, 1 workers: at least" in out
    assert re.search(rf"quality: \d+/{FILES} files", out), out


def _run(files: int, seconds: float, peak: int) -> Run:
    return Run(
        label="first",
        files=files,
        workers=2,
        seconds=seconds,
        cpu_seconds=seconds,
        peak_process=peak,
        peak_total=2 * peak,
        ingested=files,
        failed=0,
        indexed=25 * files,
        counts={"meetings": files, "items": 10 * files, "actions": 5 * files, "metrics": 9 * files},
        documents=25 * files,
        lag=0,
    )


def test_targets_name_the_rate_against_the_goal_and_the_growth_of_memory() -> None:
    fast = _run(1000, 1000 / (TARGET_FILES_PER_SECOND + 1), 200 * 1024 * 1024)
    slow = _run(10_000, 10_000 / (TARGET_FILES_PER_SECOND - 1), 300 * 1024 * 1024)
    lines = format_targets([fast, slow])
    assert lines[0].startswith("1000 files, 2 workers: at least 30 files/s met (31.0;")
    assert lines[1].startswith("10000 files, 2 workers: at least 30 files/s NOT met (29.0;")
    assert lines[2] == (
        "peak memory of the largest process, 2 workers: 200 MB at 1000 files, "
        "300 MB at 10000 files (1.50x for 10x the files)"
    )
    assert fast.index_current
    assert not dataclasses.replace(fast, lag=3).index_current
    assert not dataclasses.replace(fast, documents=fast.documents - 1).index_current
