"""``assurance search`` and ``assurance reindex`` over the ingested samples and seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.support.paths import SAMPLES, SEED


@pytest.fixture
def runner(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", database_url)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLES), str(SEED), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return runner


def test_search_marac_as_json_finds_the_seed_item_and_years(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "MARAC", "--json", "--first", "50", "--by-year"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] >= 5
    labels = {(h["meeting_date"], h["label"]) for h in data["hits"]}
    assert ("2021-02-26", "1.4 Repeat Victims and offenders") in labels
    assert all(h["highlights"] for h in data["hits"] if h["label"].startswith("1.4 Repeat"))
    years = {c["value"] for c in data["trend"] if c["count"]}
    assert len(years) >= 3
    assert {c["value"] for c in data["facets"]["types"]} >= {"item"}


def test_search_table_with_filters_and_bar_chart(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["search", "MARAC", "--year", "2021", "--type", "item", "--by-year"]
    )
    assert result.exit_code == 0, result.output
    assert "Repeat Victims and offenders" in result.output
    assert "hits per year" in result.output and "2021" in result.output
    assert "2019-" not in result.output


def test_search_syntax_error_is_one_clear_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", '"unbalanced'])
    assert result.exit_code == 2
    assert "search query:" in result.output


def test_reindex_and_check(runner: CliRunner) -> None:
    rebuilt = runner.invoke(app, ["reindex"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "index rebuilt" in rebuilt.output and "(0 behind)" in rebuilt.output
    checked = runner.invoke(app, ["reindex", "--check"])
    assert checked.exit_code == 0, checked.output
    assert "0 behind" in checked.output and "applied 0" in checked.output


def test_passages_leave_out_the_title_and_join_with_one_ellipsis(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "MARAC", "--json", "--first", "50"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    items = [h for h in hits if h["type"] == "item" and h["passage"]]
    assert items
    for hit in items:
        title = hit["label"].removeprefix(hit["label"].split(" ")[0] + " ")
        assert not hit["passage"].replace("<mark>", "").replace("</mark>", "").startswith(title)
    for hit in hits:
        assert "… …" not in hit["passage"] and "……" not in hit["passage"]
        assert hit["passage"].count("…") <= 2 * len(hit["highlights"])
    metrics = [h for h in hits if h["type"] == "metric"]
    assert metrics and all(h["item"] for h in metrics)
    referrals = next(h for h in metrics if h["label"].endswith("MARAC referrals"))
    assert referrals["passage"].startswith("<mark>MARAC</mark> referrals in the quarter")


def test_the_table_shows_a_figure_with_its_item(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "MARAC referrals", "--type", "metric"])
    assert result.exit_code == 0, result.output
    assert "in item" in result.output
    assert "MARAC referrals MARAC referrals" not in " ".join(result.output.split())
