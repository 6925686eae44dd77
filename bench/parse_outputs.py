"""Record what cleaning and parsing make of a fixed set of texts, and compare with a record.

A change meant to make ``clean_text`` and ``parse_document`` faster must not change what
they return. ``record`` reads the texts (the samples, the layout and seed documents, a
synthetic corpus and small texts of every ``bench.parse_bench`` shape) and writes, per
text, the text itself, the cleaned text, the warnings and the draft (or the parse error).
``check`` cleans and parses the recorded texts again and lists every one whose result
differs. The texts are kept in the record, so readers changing meanwhile do not matter.

    .venv/bin/python -m bench.parse_outputs record /tmp/parse-outputs.jsonl.gz
    .venv/bin/python -m bench.parse_outputs check /tmp/parse-outputs.jsonl.gz
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.corpus import iter_meetings
from bench.parse_bench import ROOT, SEEDS, SHAPES, make_text
from ingest.clean import clean_text
from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from ingest.parse.themes import load_base_glossary
from ingest.read import read_bytes, read_document

SHAPE_SIZES = (20_000, 150_000)


def _files() -> list[Path]:
    folders = [ROOT / "samples", ROOT / "tests/data/layouts", ROOT / "tests/data", SEEDS]
    suffixes = {".txt", ".md", ".docx", ".pdf"}
    return [
        path
        for folder in folders
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix in suffixes
    ]


def texts(
    *,
    documents: bool = True,
    shapes: tuple[str, ...] = tuple(SHAPES),
    sizes: tuple[int, ...] = SHAPE_SIZES,
) -> Iterator[tuple[str, str]]:
    """(name, text) of every text recorded: the documents, then the shapes at ``sizes``."""
    if documents:
        yield from _documents()
    for shape in shapes:
        for size in sizes:
            yield f"shape/{shape}-{size}", make_text(shape, size)


def _documents() -> Iterator[tuple[str, str]]:
    for path in _files():
        yield (
            str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
            read_document(path).text,
        )
    for meeting in iter_meetings(300, seed=7):
        yield f"corpus-7/{meeting.stem}.txt", meeting.text
    for number, meeting in enumerate(iter_meetings(60, seed=11)):
        fmt = ("md", "docx")[number % 2]
        name = f"{meeting.stem}.{fmt}"
        yield f"corpus-11/{name}", read_bytes(name, meeting.render(fmt)).text


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def outcome(text: str, glossary: Any) -> dict[str, Any]:
    """What cleaning and parsing make of ``text``, as plain JSON values."""
    cleaned = clean_text(text)
    result: dict[str, Any] = {"cleaned": cleaned.text, "warnings": cleaned.warnings}
    try:
        draft = parse_document(cleaned.text, glossary=glossary, file_name="document.txt")
    except (NotMinutesError, ValueError) as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    else:
        result["draft"] = _plain(draft)
    return result


def record(path: Path, recorded: Iterator[tuple[str, str]]) -> int:
    glossary = load_base_glossary()
    count = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for name, text in recorded:
            entry = {"name": name, "text": text, **outcome(text, glossary)}
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            count += 1
    print(f"recorded {count} texts to {path}")
    return 0


def _first_difference(expected: Any, actual: Any, where: str = "") -> str:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            if expected.get(key) != actual.get(key):
                return _first_difference(expected.get(key), actual.get(key), f"{where}.{key}")
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{where}: {len(expected)} entries, now {len(actual)}"
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{where}[{index}]")
    return f"{where}: {str(expected)[:200]!r} -> {str(actual)[:200]!r}"


def check(path: Path) -> int:
    glossary = load_base_glossary()
    count = 0
    differ: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as recorded:
        for line in recorded:
            entry = json.loads(line)
            expected = {key: entry[key] for key in entry if key not in ("name", "text")}
            actual = json.loads(json.dumps(outcome(entry["text"], glossary), ensure_ascii=False))
            count += 1
            if actual != expected:
                differ.append(f"{entry['name']}: {_first_difference(expected, actual)}")
    for note in differ:
        print(note)
    print(f"checked {count} texts: {count - len(differ)} the same, {len(differ)} different")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--shapes-only", action="store_true", help="record no documents")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SHAPE_SIZES)),
        help="comma-separated sizes of the shapes, in characters",
    )
    args = parser.parse_args(argv)
    if args.action == "check":
        return check(args.path)
    recorded = texts(
        documents=not args.shapes_only,
        shapes=tuple(s for s in args.shapes.split(",") if s),
        sizes=tuple(int(size) for size in args.sizes.split(",")),
    )
    return record(args.path, recorded)


if __name__ == "__main__":
    sys.exit(main())
