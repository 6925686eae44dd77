"""The web page benchmark end to end at a tiny size: a real data folder, the app's pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.web_bench import PAGES, main


def test_runs_end_to_end_and_prints_its_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--items", "150", "--requests", "2", "--data", str(tmp_path)]) == 0
    output = capsys.readouterr().out
    assert re.search(r"data: 7 meetings \(seed 7\), [\d,]+ records", output)
    rows = {
        line[:36].strip(): line[36:].split()
        for line in output.splitlines()
        if line[:36].strip() in {p.name for p in PAGES}
    }
    assert set(rows) == {p.name for p in PAGES}
    for name, fields in rows.items():
        assert float(fields[0]) > 0, name  # page p50
        status = fields[-1]
        assert status == ("404" if name.endswith("page 3") else "200"), (name, status)
    assert re.search(r"download /search\.csv\?q=MARAC +\d+ rows in \d+ ms", output)
    assert re.search(r"goal: the search page \(MARAC\) under 50 ms p50: (met|NOT met)", output)
    # A second run reuses the folder's data.
    assert main(["--items", "150", "--requests", "1", "--data", str(tmp_path)]) == 0
    assert "reused, built earlier" in capsys.readouterr().out
