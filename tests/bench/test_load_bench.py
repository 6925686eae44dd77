"""The mixed load benchmark end to end, briefly: a real server, each class of request, checks."""

from __future__ import annotations

import os

import pytest

from bench.load_bench import LABELS, main
from tests.support.databases import PG_ENV


def _rows(output: str) -> dict[str, list[str]]:
    """The figures after the label of each table row: requests, errors, p50 ... req/s."""
    rows = {}
    for line in output.splitlines():
        for label in LABELS.values():
            if line.startswith(label) and line[len(label) :].startswith(" "):
                rows[label] = line[len(label) :].split()
    return rows


def _check(output: str) -> None:
    rows = _rows(output)
    assert set(rows) == set(LABELS.values())
    for label, figures in rows.items():
        assert int(figures[0]) > 0, f"no {label} request was sent"
        assert figures[1] == "0", f"{label} had errors: {output}"
    assert "checks: no lost writes, no duplicates" in output
    assert "lag 0" in output


def test_a_short_load_on_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    # Mostly writes, so that a second or two sends some of each.
    argv = ["--seconds", "2", "--concurrency", "4", "--mix", "read=1,search=1,upload=2,update=2"]
    assert main(argv) == 0
    output = capsys.readouterr().out
    _check(output)
    assert output.startswith("database: sqlite;")


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")
def test_a_short_load_on_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--seconds", "2", "--concurrency", "4", "--mix", "read=1,search=1,upload=2,update=2"]
    assert main([*argv, "--database-url", os.environ[PG_ENV]]) == 0
    output = capsys.readouterr().out
    _check(output)
    assert output.startswith("database: postgresql;")
    assert "advisory lock requests waiting" in output


def test_bad_options_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--mix", "read=1,write=2"])
    assert "comma-separated class=weight" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--database-url", "sqlite:///x.db"])
