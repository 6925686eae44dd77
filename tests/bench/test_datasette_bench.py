"""The Datasette comparison: the FTS5 table holds the records the index holds, and the
benchmark runs end to end at a tiny size."""

from __future__ import annotations

import importlib.util
import random
import re
import sqlite3
from pathlib import Path

import pytest

from api.database import open_database
from bench.datasette_bench import (
    BOOLEAN,
    COMMON,
    PHRASE,
    RARE,
    TABLE,
    YEAR,
    build_classes,
    main,
    record_documents,
    write_fts,
)
from bench.graphql_bench import build_data
from indexer.storage import IndexStore

CLASSES = (RARE, COMMON, PHRASE, BOOLEAN, YEAR)


async def test_the_fts_table_holds_what_the_index_holds(tmp_path: Path) -> None:
    built = await build_data(4, seed=7, data_dir=tmp_path / "data")
    engine = await open_database(built.settings)
    try:
        documents = list(await record_documents(engine))
    finally:
        await engine.dispose()
    written = write_fts(tmp_path / "fts.db", iter(documents))
    with IndexStore(built.settings.index_dir).open().reader() as reader:
        assert written == len(documents) == reader.doc_count() > 4
    db = sqlite3.connect(tmp_path / "fts.db")
    try:
        keys = {key for (key,) in db.execute(f"SELECT key FROM {TABLE}")}
        assert keys == {d.key for d in documents}
        # Every record is found by the first word of its title.
        for document in documents[:20]:
            word = re.findall(r"[A-Za-z]{4,}", document.title)[:1]
            if not word:
                continue
            found = db.execute(
                f"SELECT r.key FROM {TABLE}_fts f JOIN {TABLE} r ON r.id = f.rowid "
                f"WHERE {TABLE}_fts MATCH ?",
                [f'"{word[0]}"'],
            ).fetchall()
            assert (document.key,) in found
    finally:
        db.close()


def test_each_class_asks_both_sides_the_same_search() -> None:
    classes = build_classes(
        ["ironstow", "priory"], ["force", "training"], ["domestic abuse"], [2019], random.Random(1)
    )
    assert [c.name for c in classes] == list(CLASSES)
    by_name = {c.name: c for c in classes}
    year = by_name[YEAR].cases[0]
    assert year.graphql["filter"] == {"years": [2019]} and year.datasette["year"] == "2019"
    assert year.graphql["q"] == year.datasette["_search"]
    phrase = by_name[PHRASE].cases[0]
    assert phrase.graphql["q"] == phrase.datasette["_search"] == '"domestic abuse"'
    assert phrase.datasette["_search_mode"] == "raw"
    assert all(" AND " in c.graphql["q"] for c in by_name[BOOLEAN].cases)


@pytest.mark.skipif(
    importlib.util.find_spec("datasette") is None,
    reason="Datasette is a benchmark extra: pip install -e '.[bench]'",
)
def test_runs_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meetings", "4", "--requests", "3"]) == 0
    output = capsys.readouterr().out
    for name in CLASSES:
        rows = [line.split() for line in output.splitlines() if line.startswith(name + " ")]
        assert rows, name
        row = rows[0][len(name.split()) :]
        assert float(row[0]) > 0 and float(row[2]) > 0  # ours and Datasette's p50
        assert row[5] == "0"  # errors
    assert "hits counted (ours / Datasette's), per search:" in output
