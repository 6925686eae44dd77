"""The lifecycle benchmark's one body over the years: its schedule, and a tiny run end to end."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench.lifecycle_bench import BODY_YEAR, body_schedule, main
from records.enums import MeetingKind


def test_one_body_meets_thirty_times_a_year_on_every_theme_in_turn() -> None:
    slots = body_schedule(3, seed=5)
    assert len(slots) == 3 * sum(count for _, count in BODY_YEAR) == 90
    assert len({slot.force.area for slot in slots}) == 1
    assert [slot.date for slot in slots] == sorted(slot.date for slot in slots)
    assert len({(slot.kind, slot.date) for slot in slots}) == len(slots)
    assert {slot.date.year for slot in slots} == {2015, 2016, 2017}
    assert all(slot.date.weekday() <= 3 for slot in slots)
    kinds = Counter(slot.kind for slot in slots if slot.date.year == 2016)
    assert kinds == Counter(dict(BODY_YEAR))
    themes = Counter(slot.theme for slot in slots if slot.kind is MeetingKind.THEMATIC)
    assert len(themes) > 4 and max(themes.values()) - min(themes.values()) <= 1


def test_a_tiny_run_times_chains_and_timelines_by_every_period(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--meetings", "0", "--body-years", "1", "--queries", "2", "--workers", "1"]) == 0
    output = capsys.readouterr().out
    assert re.search(r"one body \(\w+\), 1 years \(2015 to 2015\): 30 meetings", output)
    number = r"[0-9.]+ ms"
    timing = rf"p50 {number}, p95 {number} \(CPU p50 {number}\) over 2 queries"
    assert re.search(rf"Action\.chain in process: {timing} \(longest chain \d+ meetings\)", output)
    for by, periods in (("year", 1), ("quarter", 4), ("month", 12)):
        line = rf"Theme\.timeline by {by} in process: {timing} \({periods} periods\)"
        assert re.search(line, output), (by, output)
    assert "load average (1, 5, 15 min) before and after the queries: " in output


def test_the_corpus_part_times_the_ingest_and_uploads_with_and_without_linking(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--meetings", "8", "--body-years", "0", "--queries", "2", "--workers", "1"]) == 0
    output = capsys.readouterr().out
    number = r"-?[0-9.]+"
    assert re.search(rf"8 generated meetings, read and parsed in {number} s on 1 processes", output)
    for name in ("not linked", "linked"):
        line = rf"ingest, {name}: 8 stored and indexed in {number} s \({number} files/s\)"
        assert re.search(rf"{line}; this process's CPU {number} s", output), (name, output)
    added = rf"linking and series add {number} s on the clock: {number}% of the ingest's time"
    assert re.search(rf"{added} without them; CPU {number} s", output), output
    for name in ("store only", "store and link", "link and series"):
        line = rf"uploads, {name}: {number} s \({number} files/s\), CPU {number} s"
        assert re.search(line, output), (name, output)
    for what in ("linking", "linking and series"):
        share = rf"as uploads, {what} adds {number} s: {number}% of storing"
        assert re.search(rf"{share}, {number}% of parse and store on the clock; CPU", output), (
            what,
            output,
        )
