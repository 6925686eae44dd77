"""Files the tests read: the seed minutes, the samples, the layout fixtures."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parents[1] / "data"
SEED = DATA / "monthly-assurance-2021-02.txt"
SAMPLES = Path(__file__).parents[2] / "samples"
