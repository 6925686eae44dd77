"""The ``assurance`` command line as a user runs it, on a data folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import migrations
from api.cli import app
from tests.support.paths import SAMPLES, SEED


@pytest.fixture
def runner(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner on an empty database (SQLite file or PostgreSQL) that commands migrate."""
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", database_url)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def test_ingest_prints_a_summary_and_is_idempotent(runner: CliRunner) -> None:
    first = runner.invoke(app, ["ingest", str(SEED), "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "Ingest summary" in first.output
    assert SEED.name in first.output and "stored" in first.output
    assert "1 ingested, 0 failed" in first.output
    again = runner.invoke(app, ["ingest", str(SEED), "--workers", "1"])
    assert again.exit_code == 0 and "unchanged" in again.output


def test_bad_file_is_named_and_exit_code_is_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty-minutes.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(empty), str(SEED), "--workers", "1"])
    assert result.exit_code == 1
    assert "empty-minutes.txt" in result.output and "empty" in result.output
    assert "1 ingested, 1 failed" in result.output


def test_summary_is_one_line_per_file_in_80_columns(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    long_name = tmp_path / ("northshire-" + "very-long-" * 8 + "minutes.txt")
    long_name.write_bytes(SEED.read_bytes())
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list\n\nMilk, bread and eggs.\n")

    result = runner.invoke(app, ["ingest", str(long_name), str(notes), "--workers", "1"])

    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    [stored] = [line for line in lines if line.startswith("northshire-very-long-")]
    assert stored.split()[0].endswith("…") and stored.split()[1:4] == ["stored", "2021-02-26", "6"]
    [refused] = [line for line in lines if line.startswith("notes.txt")]
    assert refused.split() == ["notes.txt", "NOT_MINUTES"]


def test_samples_ingest_cleanly_with_two_workers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output


def test_db_upgrade(runner: CliRunner) -> None:
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"database at revision {migrations.head_revision()}" in result.output


def test_reparse_reads_stored_documents_again_and_reports_each_outcome(runner: CliRunner) -> None:
    assert runner.invoke(app, ["ingest", str(SEED), "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, ["reparse", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 document: 1 unchanged, 0 reparsed, 0 moved, 0 refused, 0 skipped; " in (result.output)
    assert "0 changes indexed" in result.output
    asked = runner.invoke(app, ["reparse", "--meeting", "999"])
    assert asked.exit_code == 0 and "0 documents: 0 unchanged" in asked.output
