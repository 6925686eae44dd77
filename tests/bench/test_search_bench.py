"""The search benchmark's corpus, engines and brute-force checks, on a small corpus."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import iter_meetings
from bench.search_bench import (
    CLASSES,
    BenchQuery,
    FtsEngine,
    WhooshEngine,
    analyse,
    build_fts,
    build_queries,
    build_whoosh,
    check_filters,
    choose_phrases,
    choose_words,
    fts_conditions,
    index_terms,
    main,
    percentile,
)
from bench.search_corpus import SearchCorpus, build_corpus, item_texts
from indexer.analysis import analyze, text_analyzer
from indexer.search import Searcher, SearchFilter
from indexer.storage import IndexStore
from ingest.draft import GlossaryEntry
from ingest.parse.themes import load_base_glossary

ITEMS = 300
GLOSSARY: list[GlossaryEntry] = load_base_glossary()


@pytest.fixture(scope="module")
def corpus() -> SearchCorpus:
    return build_corpus(ITEMS, seed=7, glossary=GLOSSARY)


@pytest.fixture(scope="module")
def engines(
    corpus: SearchCorpus, tmp_path_factory: pytest.TempPathFactory
) -> tuple[WhooshEngine, FtsEngine, Path]:
    folder = tmp_path_factory.mktemp("search-bench")
    build_whoosh(corpus, folder / "index")
    build_fts(corpus, folder / "fts5.sqlite")
    return (
        WhooshEngine(Searcher(IndexStore(folder / "index").open(), GLOSSARY)),
        FtsEngine(folder / "fts5.sqlite"),
        folder,
    )


# --- corpus ---------------------------------------------------------------------------------


def test_corpus_holds_exactly_the_items_asked_for_with_their_records(
    corpus: SearchCorpus,
) -> None:
    counts = Counter(d.type for d in corpus.documents)
    assert counts["item"] == ITEMS
    assert counts["meeting"] == corpus.meetings
    assert counts["action"] > ITEMS // 4
    assert counts["metric"] > ITEMS // 4
    keys = [d.key for d in corpus.documents]
    assert len(set(keys)) == len(keys)
    years = {d.meeting.date.year for d in corpus.documents}
    assert min(years) <= 2015 and max(years) >= 2024  # the generator's whole date range


def test_same_seed_gives_the_same_documents(corpus: SearchCorpus) -> None:
    again = build_corpus(ITEMS, seed=7, glossary=GLOSSARY)
    assert again.documents == corpus.documents
    other = build_corpus(ITEMS, seed=8, glossary=GLOSSARY)
    assert other.documents != corpus.documents


def test_documents_carry_what_the_index_documents_need(corpus: SearchCorpus) -> None:
    items = [d for d in corpus.documents if d.type == "item"]
    assert all(d.text.startswith(d.title) for d in corpus.documents)
    assert all(d.item_number for d in items)
    assert sum(1 for d in items if d.themes) > len(items) // 2
    # Acronyms by code and by long form, as indexer.glossary finds them.
    acronyms = Counter(code for d in corpus.documents for code in d.acronyms)
    assert acronyms["DA"] > 0 and acronyms["MARAC"] > 0
    by_long_form = Counter(
        code for d in corpus.documents for code in d.acronyms if code not in d.text
    )
    assert by_long_form["DA"] > 0, "documents writing only 'domestic abuse' are tagged DA"
    metrics = [d for d in corpus.documents if d.type == "metric"]
    assert all(any(ch.isdigit() for ch in d.text) for d in metrics)
    item_numbers = {(d.meeting.id, d.item_number) for d in items}
    for d in corpus.documents:
        if d.type in ("action", "metric") and d.item_number:
            assert (d.meeting.id, d.item_number) in item_numbers


def test_item_texts_cut_each_heading_with_its_own_text() -> None:
    for meeting in iter_meetings(20, seed=3):
        texts = item_texts(meeting)
        assert [t.number for t in texts] == list(meeting.item_numbers)
        assert [t.title for t in texts] == [i.title for i in meeting.items]
        for text in texts:
            assert "\n" + text.title + "\n" not in text.text
        assert all(a.text in "\n".join(t.text for t in texts) for a in meeting.actions)


# --- brute-force side -----------------------------------------------------------------------


def test_index_terms_are_the_text_analyzers_terms(corpus: SearchCorpus) -> None:
    analyzer = text_analyzer()
    for document in corpus.documents[::7]:
        text = f"{document.title}\n{document.text}"
        assert [term for term, _ in index_terms(text)] == analyze(analyzer, text)


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([3.0], 0.99) == 3.0


def test_fts_conditions_cover_dates_years_kinds_and_types() -> None:
    where, params = fts_conditions(
        SearchFilter(
            date_from=dt.date(2020, 1, 1), years=(2020, 2021), kinds=("THEMATIC",), types=("item",)
        )
    )
    assert where == (" AND m.day >= ? AND m.year IN (?, ?) AND m.kind IN (?) AND m.type IN (?)")
    assert params == [20200101, 2020, 2021, "THEMATIC", "item"]
    with pytest.raises(ValueError):
        fts_conditions(SearchFilter(themes=("DA",)))


# --- engines and checks ---------------------------------------------------------------------


def test_both_engines_hold_every_document(
    corpus: SearchCorpus, engines: tuple[WhooshEngine, FtsEngine, Path]
) -> None:
    whoosh, _, folder = engines
    assert whoosh.searcher.doc_count == len(corpus.documents)
    with sqlite3.connect(folder / "fts5.sqlite") as db:
        assert db.execute("SELECT count(*) FROM fts").fetchone()[0] == len(corpus.documents)
        assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == len(corpus.documents)


def test_filtered_whoosh_searches_match_brute_force(
    corpus: SearchCorpus, engines: tuple[WhooshEngine, FtsEngine, Path]
) -> None:
    whoosh, _, _ = engines
    facts, vocabulary = analyse(corpus.documents)
    rng = random.Random(7)
    bands = choose_words(vocabulary, len(facts), GLOSSARY, rng)
    assert bands.rare and bands.medium and bands.common
    years = sorted({f.year for f in facts})
    words = [*bands.rare, *bands.medium, *bands.common]
    check = check_filters(whoosh, facts, vocabulary, words, years, rng)
    assert check.searches == len(words) * 19
    assert check.mismatches == []


def test_check_reports_a_wrong_count(
    corpus: SearchCorpus, engines: tuple[WhooshEngine, FtsEngine, Path]
) -> None:
    whoosh, _, _ = engines
    facts, vocabulary = analyse(corpus.documents)
    word = next(w for w in ("victims", "officers", "crime") if vocabulary.word_terms(w))
    dropped = vocabulary.word_terms(word)
    for doc in facts[: len(facts) // 2]:
        doc.terms = type(doc.terms)("I", [t for t in doc.terms if t not in dropped])
    check = check_filters(whoosh, facts, vocabulary, [word], [2018, 2020], random.Random(1))
    assert any("brute force" in m for m in check.mismatches)


def test_query_classes_run_on_both_engines(
    corpus: SearchCorpus, engines: tuple[WhooshEngine, FtsEngine, Path]
) -> None:
    whoosh, fts, _ = engines
    facts, vocabulary = analyse(corpus.documents)
    rng = random.Random(7)
    bands = choose_words(vocabulary, len(facts), GLOSSARY, rng)
    phrases = choose_phrases(corpus.documents, rng)
    queries = build_queries(bands, phrases, sorted({f.year for f in facts}), rng)
    assert set(queries) == set(CLASSES)
    for name in ("rare term", "common term", "term + year", "facets by year"):
        assert queries[name], name
        for query in queries[name]:
            w, f = whoosh.search(query), fts.search(query)
            assert w.total > 0, query.label
            assert f.total > 0, query.label
            assert len(w.keys) == min(20, w.total)
    day_of = {f.key: f.day for f in facts}
    for query in queries["term + date range"]:
        start, end = query.filter.date_from, query.filter.date_to
        assert start is not None and end is not None
        for keys in (whoosh.search(query).keys, fts.search(query).keys):
            days = [day_of[key] for key in keys]
            assert all(
                int(start.strftime("%Y%m%d")) <= d <= int(end.strftime("%Y%m%d")) for d in days
            )


def test_fts_year_facets_sum_to_the_total(engines: tuple[WhooshEngine, FtsEngine, Path]) -> None:
    _, fts, _ = engines
    plain = fts.search(BenchQuery("crime", '"crime"'))
    with_facets = fts.search(BenchQuery("crime", '"crime"', facets=True))
    assert plain.total > 0
    assert with_facets.total == plain.total
    assert with_facets.keys == plain.keys


def test_command_line_prints_builds_table_targets_and_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--items", "120", "--repeat", "1", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "corpus: 120 items" in printed
    for name in CLASSES:
        assert name in printed
    assert "indexing at least 1,500 items/s" in printed
    assert "index build memory under 4,096 MB" in printed
    assert "peak +MB" in printed
    assert "0 mismatches" in printed
    report = (tmp_path / "items-120" / "report.txt").read_text("utf-8")
    assert "whoosh" in report and "fts5" in report


def test_batched_build_holds_the_same_documents_in_more_segments(
    corpus: SearchCorpus, tmp_path: Path
) -> None:
    result, generation = build_whoosh(corpus, tmp_path / "index", mode="batches")
    assert result.documents == len(corpus.documents)
    assert result.note.startswith(f"{-(-len(corpus.documents) // 500)} commits")
    whoosh = WhooshEngine(Searcher(generation.open_index(), GLOSSARY))
    facts, vocabulary = analyse(corpus.documents)
    years = sorted({f.year for f in facts})
    check = check_filters(whoosh, facts, vocabulary, ["victims", "asked"], years, random.Random(2))
    assert check.mismatches == []
