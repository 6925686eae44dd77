"""``assurance series`` over Eastmoor's performance meetings of September to December 2022."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.support.paths import SAMPLES

EASTMOOR = sorted(SAMPLES.glob("eastmoor-performance-2022-*.txt"))


@pytest.fixture
def runner(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", database_url)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", *map(str, EASTMOOR), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return runner


def test_a_themes_series_as_a_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["series", "--theme", "DA"])
    assert result.exit_code == 0, result.output
    assert "1 series" in result.output
    assert "DA cases with supervisory input" in result.output
    assert "57% → 60% → 64% → 68%" in result.output
    assert "2022-09-22 to 2022-12-15, 4 meetings" in result.output
    assert "at least 75%: not met" in result.output


def test_a_bodys_series_as_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["series", "--body", "eastmoor", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totalCount"] == len(data["series"]) >= 2
    assert {s["body"] for s in data["series"]} == {"Eastmoor"}
    calls = next(s for s in data["series"] if s["label"] == "999 calls")
    assert [p["value"] for p in calls["points"]] == [78, 81, 83, 84]
    assert calls["target"]["value"] == 90 and calls["meetsTarget"] is False
    latest = [s["points"][-1]["date"] for s in data["series"]]
    assert latest == sorted(latest, reverse=True)


def test_words_and_dates_narrow_the_series(runner: CliRunner) -> None:
    found = runner.invoke(app, ["series", "--label", "supervisory input DA", "--json"])
    assert [s["label"] for s in json.loads(found.output)["series"]] == [
        "DA cases with supervisory input"
    ]
    none = runner.invoke(app, ["series", "--to", "2022-09-01"])
    assert none.exit_code == 0 and "0 series" in none.output
    bad = runner.invoke(app, ["series", "--label", "x" * 1001])
    assert bad.exit_code == 2
    assert "at most 1000 characters" in bad.output
