"""requirements/: the lock files agree with the pins in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = PIN.match(line.strip())
        assert match, f"not pinned to one version: {line!r}"
        found[normalise(match[1])] = match[2]
    return found


def locked(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line[0].isspace()]
    return pins([line for line in rows if not line.startswith("#")])


def test_the_locks_hold_pyproject_pins_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = pins(project["dependencies"])
    test = pins(project["optional-dependencies"]["test"])
    runtime_lock, test_lock = locked("runtime.txt"), locked("test.txt")
    stale = "pyproject.toml changed: run requirements/compile"
    assert {name: runtime_lock.get(name) for name in runtime} == runtime, stale
    assert {name: test_lock.get(name) for name in runtime | test} == runtime | test, stale
    # The image runs what the tests ran.
    assert {name: test_lock.get(name) for name in runtime_lock} == runtime_lock, stale
    for name in ("runtime.txt", "test.txt", "build.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        rows = re.findall(r"^[^#\s].*$", text, re.MULTILINE)
        hashed = re.findall(r"^[^#\s].* \\\n\s+--hash=sha256:", text, re.MULTILINE)
        assert rows and len(hashed) == len(rows), f"{name}: a release without its hashes"
