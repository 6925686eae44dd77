"""The search API over real Whoosh indexes: counts, order and facets against brute force.

Most tests search a synthetic corpus (``tests.support.search_corpus``): documents made
the way the writing side makes them, committed in several segments with some documents
deleted afterwards. Expected answers are computed in Python from the same documents.
The last tests search the seed and the samples, ingested and indexed by the real
pipeline.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from whoosh import index as whoosh_index
from whoosh.index import Index

from indexer.documents import MeetingContext
from indexer.query import AcronymTable, parse_query
from indexer.schema import ACTION, ITEM, MEETING, METRIC, build_schema
from indexer.search import (
    FacetCount,
    Hit,
    Searcher,
    SearchFilter,
    SearchPage,
    SearchSyntaxError,
    SortOrder,
    _Cursor,
)
from records.db import session_factory
from records.glossary import load_glossary
from records.models import AgendaItem
from records.paging import MAX_PAGE_SIZE, CursorError, PageSizeError, encode_cursor
from tests.support.records import IndexedCorpus
from tests.support.search_corpus import (
    GLOSSARY,
    SPECIAL_TEXTS,
    Doc,
    build_index,
    make_corpus,
    make_doc,
)


@dataclass(frozen=True)
class Corpus:
    index: Index
    docs: list[Doc]
    searcher: Searcher

    def by_key(self) -> dict[str, Doc]:
        return {d.key: d for d in self.docs}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    ix, live = build_index(tmp_path_factory.mktemp("search") / "index", make_corpus())
    assert len(ix.reader().leaf_readers()) > 1  # several segments
    searcher = Searcher(ix, GLOSSARY)
    yield Corpus(ix, live, searcher)
    searcher.close()


# --- brute force ------------------------------------------------------------------------

Predicate = Callable[[Doc], bool]


def has(*words: str) -> Predicate:
    return lambda d: all(w in d.words for w in words)


def keys_where(corpus: Corpus, predicate: Predicate) -> set[str]:
    return {d.key for d in corpus.docs if predicate(d)}


def in_filter(f: SearchFilter) -> Predicate:
    def test(d: Doc) -> bool:
        doc, meeting = d.document, d.document.meeting
        return (
            (f.date_from is None or meeting.date >= f.date_from)
            and (f.date_to is None or meeting.date <= f.date_to)
            and (not f.years or meeting.date.year in f.years)
            and (not f.themes or bool(set(f.themes) & set(doc.themes)))
            and (not f.kinds or meeting.kind in f.kinds)
            and (not f.types or doc.type in f.types)
            and (not f.bodies or meeting.body in f.bodies)
        )

    return test


def brute_ranking(corpus: Corpus, query: str, predicate: Predicate) -> list[str]:
    """Every document the query matches, scored by Whoosh without any limit or filter,
    kept by ``predicate`` in Python, ordered by score then key."""
    parsed = parse_query(query, build_schema(), AcronymTable(GLOSSARY))
    by_key = corpus.by_key()
    with corpus.index.searcher() as s:
        results = s.search(parsed.query, limit=None)
        scored = [(s.stored_fields(n)["key"], score) for n, score in results.items()]
    kept = [(k, score) for k, score in scored if k in by_key and predicate(by_key[k])]
    return [k for k, _ in sorted(kept, key=lambda ks: (-(ks[1] or 0.0), ks[0]))]


def all_pages(
    searcher: Searcher, query: str, size: int, **kwargs: object
) -> tuple[list[Hit], list[SearchPage]]:
    pages: list[SearchPage] = []
    after: str | None = None
    while True:
        page = searcher.search(query, first=size, after=after, **kwargs)  # type: ignore[arg-type]
        pages.append(page)
        if not page.has_next_page:
            break
        assert page.end_cursor is not None
        after = page.end_cursor
        assert len(pages) < 200
    return [h for p in pages for h in p.hits], pages


# --- totals, top hits and filters against brute force -----------------------------------

FILTERS = [
    SearchFilter(),
    SearchFilter(years=(2019,)),
    SearchFilter(years=(2018, 2021)),
    SearchFilter(themes=("SOC",)),
    SearchFilter(themes=("DA", "VAWG")),
    SearchFilter(kinds=("THEMATIC",)),
    SearchFilter(types=(ACTION, METRIC)),
    SearchFilter(bodies=("eastmoor",)),
    SearchFilter(date_from=dt.date(2019, 6, 1), date_to=dt.date(2021, 12, 31)),
    SearchFilter(date_from=dt.date(2021, 1, 1)),
    SearchFilter(date_to=dt.date(2019, 12, 31), themes=("DA",), types=(ITEM,)),
]


@pytest.mark.parametrize("search_filter", FILTERS)
@pytest.mark.parametrize(
    ("query", "predicate"),
    [
        ("patrol", has("patrol")),
        ("patr* -drone", lambda d: "patrol" in d.words and "drone" not in d.words),
        ('"custody vetting"', lambda d: "custody vetting" in d.document.text.lower()),
        ("custody vetting", has("custody", "vetting")),
        ("custody AND vetting", has("custody", "vetting")),
        ("cadet OR firearms", lambda d: "cadet" in d.words or "firearms" in d.words),
        ("wellbeing -outcome", lambda d: "wellbeing" in d.words and "outcome" not in d.words),
        ("NOT drone", lambda d: "drone" not in d.words),
        ("", lambda d: True),
    ],
)
def test_totals_and_top_ten_equal_brute_force(
    corpus: Corpus, query: str, predicate: Predicate, search_filter: SearchFilter
) -> None:
    keep = in_filter(search_filter)
    expected = keys_where(corpus, lambda d: predicate(d) and keep(d))
    page = corpus.searcher.search(query, filter=search_filter, first=10)
    assert page.total == len(expected)
    assert {h.key for h in page.hits} <= expected
    ranking = brute_ranking(corpus, query, keep)
    assert set(ranking) == expected
    if query in ("", "NOT drone"):  # nothing to rank by: newest first
        by_key = corpus.by_key()
        ranking = sorted(expected, key=lambda k: (-by_key[k].day, k))
    assert [h.key for h in page.hits] == ranking[:10]
    assert page.has_next_page == (len(expected) > 10)


def test_field_conditions_in_the_query_filter_like_the_filter_argument(corpus: Corpus) -> None:
    written = corpus.searcher.search("vetting year:2019..2020 theme:SOC -type:meeting")
    passed = corpus.searcher.search(
        "vetting",
        filter=SearchFilter(years=(2019, 2020), themes=("SOC",), types=(ITEM, ACTION, METRIC)),
    )
    expected = keys_where(
        corpus,
        lambda d: (
            "vetting" in d.words
            and d.document.meeting.date.year in (2019, 2020)
            and "SOC" in d.document.themes
            and d.document.type != MEETING
        ),
    )
    assert written.total == passed.total == len(expected)
    assert [h.key for h in written.hits] == [h.key for h in passed.hits]


def test_a_filter_no_document_meets_gives_an_empty_page(corpus: Corpus) -> None:
    page = corpus.searcher.search("patrol", filter=SearchFilter(years=(1990,)))
    assert (page.total, page.hits, page.has_next_page, page.end_cursor) == (0, [], False, None)


def test_a_word_the_index_does_not_hold_matches_nothing_even_with_conditions(
    corpus: Corpus,
) -> None:
    assert corpus.searcher.search("zzzzqqq theme:SOC").total == 0
    assert corpus.searcher.search("patrol zzzzqqq").total == 0
    assert corpus.searcher.search("patrol -zzzzqqq").total == len(keys_where(corpus, has("patrol")))
    assert corpus.searcher.search("patrol OR zzzzqqq").total == len(
        keys_where(corpus, has("patrol"))
    )
    # Stop words vanish instead: the conditions select on their own.
    soc = keys_where(corpus, lambda d: "SOC" in d.document.themes)
    assert corpus.searcher.search("the theme:SOC").total == len(soc)


def test_deleted_documents_are_never_found_or_counted(corpus: Corpus) -> None:
    hits, pages = all_pages(corpus.searcher, "", MAX_PAGE_SIZE)
    assert pages[0].total == len(corpus.docs)
    assert {h.key for h in hits} == {d.key for d in corpus.docs}


# --- facets and trend ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["patrol", "cadet OR complaint", "", "theme:SOC"])
def test_facets_count_the_whole_result_set(corpus: Corpus, query: str) -> None:
    page = corpus.searcher.search(query, first=3)
    matched = [corpus.by_key()[k] for k in brute_ranking(corpus, query, lambda d: True)]
    if query == "theme:SOC":
        matched = [d for d in corpus.docs if "SOC" in d.document.themes]
    assert page.total == len(matched)
    expected = {
        "years": Counter(str(d.document.meeting.date.year) for d in matched),
        "themes": Counter(t for d in matched for t in d.document.themes),
        "kinds": Counter(d.document.meeting.kind for d in matched),
        "types": Counter(d.document.type for d in matched),
    }
    for name, counts in expected.items():
        got = getattr(page.facets, name)
        assert {f.value: f.count for f in got} == dict(counts), name
        assert [(-f.count, f.value) for f in got] == sorted((-f.count, f.value) for f in got)


def test_facets_can_be_left_out(corpus: Corpus) -> None:
    page = corpus.searcher.search("patrol", facets=False)
    assert page.total == len(keys_where(corpus, has("patrol")))
    assert page.facets.years == page.facets.themes == page.facets.kinds == []


@pytest.mark.parametrize("query", ["patrol", "cadet OR complaint", ""])
def test_only_the_facets_named_are_counted_and_highlights_can_be_left_out(
    corpus: Corpus, query: str
) -> None:
    whole = corpus.searcher.search(query, first=5)
    chosen = corpus.searcher.search(query, first=5, facets={"years", "types"}, highlights=False)
    assert chosen.facets.years == whole.facets.years != []
    assert chosen.facets.types == whole.facets.types
    assert chosen.facets.themes == chosen.facets.kinds == chosen.facets.bodies == []
    assert chosen.total == whole.total
    assert [(h.key, h.score, h.cursor) for h in chosen.hits] == [
        (h.key, h.score, h.cursor) for h in whole.hits
    ]
    assert all(h.highlights == [] for h in chosen.hits)
    if query:
        assert any(h.highlights for h in whole.hits)


def test_trend_counts_hits_per_year_and_month(corpus: Corpus) -> None:
    matched = [d for d in corpus.docs if "drone" in d.words and "DA" in d.document.themes]
    years = Counter(d.document.meeting.date.year for d in matched)
    trend = corpus.searcher.trend("drone", filter=SearchFilter(themes=("DA",)))
    assert [(f.value, f.count) for f in trend] == [
        (str(y), years.get(y, 0)) for y in range(min(years), max(years) + 1)
    ]
    months = Counter(d.document.meeting.date.strftime("%Y-%m") for d in matched)
    by_month = corpus.searcher.trend("drone", filter=SearchFilter(themes=("DA",)), by="month")
    assert {f.value: f.count for f in by_month if f.count} == dict(months)
    assert sum(f.count for f in by_month) == len(matched)
    assert [f.value for f in by_month] == sorted(f.value for f in by_month)


# --- pagination -----------------------------------------------------------------------------


# Frequent words and prefixes: top-k fetches that grow; a phrase: one pass scoring all.
@pytest.mark.parametrize(
    "query", ["patrol drone OR patrol", "patrol drone OR patr*", '"patrol drone"']
)
@pytest.mark.parametrize("size", [1, 7, 10])
def test_relevance_pages_have_no_gaps_or_repeats_even_with_equal_scores(
    corpus: Corpus, size: int, query: str
) -> None:
    hits, pages = all_pages(corpus.searcher, query, size, facets=False)
    expected = brute_ranking(corpus, query, lambda d: True)
    assert len(pages) >= 3
    assert [h.key for h in hits] == expected
    assert all(p.total == len(expected) for p in pages)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) < len(scores)  # the corpus has ties


@pytest.mark.parametrize("order", [SortOrder.DATE_DESC, SortOrder.DATE_ASC])
def test_date_pages_have_no_gaps_or_repeats(corpus: Corpus, order: SortOrder) -> None:
    hits, pages = all_pages(corpus.searcher, "patrol", 9, sort=order)
    matched = [d for d in corpus.docs if "patrol" in d.words]
    sign = -1 if order is SortOrder.DATE_DESC else 1
    expected = [d.key for d in sorted(matched, key=lambda d: (sign * d.day, d.key))]
    assert len(pages) >= 3
    assert [h.key for h in hits] == expected
    assert all(h.score > 0 for h in hits)


def test_pages_with_a_filter_and_date_order_match_brute_force(corpus: Corpus) -> None:
    search_filter = SearchFilter(themes=("SOC",), date_from=dt.date(2019, 1, 1))
    hits, _ = all_pages(corpus.searcher, "", 4, sort=SortOrder.DATE_DESC, filter=search_filter)
    keep = in_filter(search_filter)
    expected = [
        d.key for d in sorted((d for d in corpus.docs if keep(d)), key=lambda d: (-d.day, d.key))
    ]
    assert [h.key for h in hits] == expected


@pytest.mark.parametrize("order", list(SortOrder))
def test_every_hit_cursor_continues_right_after_that_hit(corpus: Corpus, order: SortOrder) -> None:
    page = corpus.searcher.search("patrol", first=10, sort=order)
    assert page.end_cursor == page.hits[-1].cursor
    after_fifth = corpus.searcher.search("patrol", first=3, sort=order, after=page.hits[4].cursor)
    assert [h.key for h in after_fifth.hits] == [h.key for h in page.hits[5:8]]


def test_a_cursor_from_another_order_or_garbage_is_refused(corpus: Corpus) -> None:
    page = corpus.searcher.search("patrol", first=2)
    assert page.end_cursor is not None
    with pytest.raises(CursorError, match="another sort order"):
        corpus.searcher.search("patrol", sort=SortOrder.DATE_ASC, after=page.end_cursor)
    for garbage in ("!!!", "e30", "WyJ4Il0"):
        with pytest.raises(CursorError):
            corpus.searcher.search("patrol", after=garbage)


@given(
    st.sampled_from(list(SortOrder)),
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(min_value=0, max_value=99_991_231),
    ),
    st.text(max_size=30),
    st.integers(min_value=0, max_value=10**9),
)
def test_cursors_are_base64_of_compact_json_and_decode_to_what_was_encoded(
    order: SortOrder, value: float, key: str, position: int
) -> None:
    raw = json.dumps([order.value, value, key, position], separators=(",", ":"))
    expected = base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")
    assert encode_cursor(order.value, value, key, position) == expected
    assert _Cursor.read(expected, order) == _Cursor(order, float(value), key, position)


def test_page_size_zero_counts_without_hits(corpus: Corpus) -> None:
    page = corpus.searcher.search("patrol", first=0)
    assert page.hits == [] and page.total == len(keys_where(corpus, has("patrol")))
    assert page.has_next_page
    with pytest.raises(PageSizeError, match="first"):
        corpus.searcher.search("patrol", first=-1)


# --- hits, acronyms, exact mode ---------------------------------------------------------


def keys_of(page: SearchPage) -> set[str]:
    return {h.key for h in page.hits}


def special(corpus: Corpus, name: str) -> str:
    return next(d.key for d in corpus.docs if d.document.text.endswith(SPECIAL_TEXTS[name]))


def test_hits_carry_the_stored_record_fields(corpus: Corpus) -> None:
    hit = corpus.searcher.search("MARAC", first=1).hits[0]
    doc = corpus.by_key()[hit.key].document
    assert (hit.type, hit.record_id, hit.meeting_id) == (doc.type, doc.record_id, doc.meeting.id)
    assert (hit.date, hit.year, hit.kind) == (
        doc.meeting.date,
        doc.meeting.date.year,
        doc.meeting.kind,
    )
    assert hit.themes == doc.themes


def test_an_acronym_finds_its_long_form_and_the_long_form_the_acronym(corpus: Corpus) -> None:
    marac, long_form = special(corpus, "marac"), special(corpus, "long-form")
    for query in (
        "MARAC",
        "marac",
        "multi-agency risk assessment conference",
        '"Multi Agency Risk Assessment Conference"',
    ):
        assert keys_of(corpus.searcher.search(query)) == {marac, long_form}, query
    # Where the acronym is written, it ranks first for the acronym.
    assert corpus.searcher.search("MARAC").hits[0].key == marac


def test_da_finds_domestic_abuse_and_is_not_stemmed(corpus: Corpus) -> None:
    da, abuse, das = (special(corpus, n) for n in ("da", "domestic-abuse", "das"))
    found = keys_of(corpus.searcher.search("DA", first=50))
    assert {da, abuse} <= found
    assert das not in found
    assert keys_of(corpus.searcher.search("domestic abuse", first=50)) >= {da, abuse}
    assert keys_of(corpus.searcher.search("DASS")) == {das}
    # Stemmed, "HMICS" would become "hmic"; written in capitals it stays a word of its own.
    assert keys_of(corpus.searcher.search("HMICS")) == {das}
    assert keys_of(corpus.searcher.search("HMIC")) == set()


def test_exact_mode_matches_words_as_written(corpus: Corpus) -> None:
    plural, marac = special(corpus, "plural"), special(corpus, "marac")
    assert keys_of(corpus.searcher.search("referral")) == {plural, marac}
    assert keys_of(corpus.searcher.search("referral", exact=True)) == set()
    assert keys_of(corpus.searcher.search("Referrals rose", exact=True)) == {plural}
    assert keys_of(corpus.searcher.search('"referral"')) == set()
    long_form = special(corpus, "long-form")
    assert keys_of(corpus.searcher.search("MARAC", exact=True)) == {marac}
    assert keys_of(corpus.searcher.search('"MARAC"')) == {marac}
    assert keys_of(
        corpus.searcher.search("multi-agency risk assessment conference", exact=True)
    ) == {long_form}


def test_prefix_and_fuzzy_words(corpus: Corpus) -> None:
    supervision = special(corpus, "supervision")
    assert keys_of(corpus.searcher.search("supervis*")) == {supervision}
    assert keys_of(corpus.searcher.search("supervison~")) == {supervision}
    hits, _ = all_pages(corpus.searcher, "patr*", MAX_PAGE_SIZE)
    assert {h.key for h in hits} == keys_where(corpus, has("patrol"))


# --- highlights -----------------------------------------------------------------------------


def test_highlights_mark_matched_words_and_escape_the_rest(corpus: Corpus) -> None:
    hit = corpus.searcher.search("supervisory input").hits[0]
    assert hit.highlights, hit
    text = " ".join(hit.highlights)
    assert "<mark>supervisory</mark> <mark>input</mark>" in text
    assert "&amp;" in text and "&lt;b&gt;not&lt;/b&gt;" in text
    assert "<b>" not in text


def test_stemmed_matches_are_marked_in_their_written_form(corpus: Corpus) -> None:
    hit = corpus.searcher.search("referral").hits[0]
    assert re.search(r"<mark>Referrals</mark>", " ".join(hit.highlights))


def test_a_hit_found_through_the_acronyms_field_marks_the_long_form(corpus: Corpus) -> None:
    page = corpus.searcher.search("MARAC")
    by_key = {h.key: h for h in page.hits}
    long_form = by_key[special(corpus, "long-form")]
    assert "<mark>Multi-Agency Risk Assessment Conference</mark>" in long_form.highlights[0]
    abuse = corpus.searcher.search("DA", first=50).hits
    abuse_hit = next(h for h in abuse if h.key == special(corpus, "domestic-abuse"))
    assert "<mark>Domestic abuse</mark>" in abuse_hit.highlights[0]


def test_a_quoted_phrase_marks_only_where_its_words_stand_together(corpus: Corpus) -> None:
    hit = corpus.searcher.search('"supervisory input"').hits[0]
    assert "<mark>supervisory input</mark>" in hit.highlights[0]
    assert "<mark>supervision</mark>" not in hit.highlights[0]


def test_fragments_are_short_and_few(tmp_path: Path) -> None:
    meeting = MeetingContext(1, dt.date(2021, 2, 26), "MONTHLY_ASSURANCE", "northshire")
    filler = "The panel heard a long account of the work in the area. " * 12
    text = (
        filler + "MARAC referrals rose. " + filler + "MARAC chairs met. " + filler * 2 + "A MARAC."
    )
    ix, _ = build_index(tmp_path / "ix", [make_doc(1, meeting, ITEM, "Long", text, ())], deleted=0)
    with Searcher(ix, GLOSSARY) as searcher:
        highlights = searcher.search("MARAC").hits[0].highlights
    assert 1 <= len(highlights) <= 3
    for fragment in highlights:
        assert "<mark>MARAC</mark>" in fragment
        assert len(re.sub(r"</?mark>", "", fragment)) <= 200


# --- suggestions ----------------------------------------------------------------------------


def test_a_misspelt_acronym_gets_a_suggestion(corpus: Corpus) -> None:
    page = corpus.searcher.search("MARAK")
    assert page.total == 0
    assert page.suggestion == "MARAC"
    assert corpus.searcher.search("patrl drone").suggestion == "patrol drone"


def test_a_search_not_asking_for_a_suggestion_looks_for_none(corpus: Corpus) -> None:
    assert corpus.searcher.search("MARAK", suggestion=False).suggestion is None
    assert corpus.searcher.search("patrl drone", suggestion=False).suggestion is None
    assert corpus.searcher.search("patrl drone").suggestion == "patrol drone"


def test_known_words_get_no_suggestion(corpus: Corpus) -> None:
    for query in ("MARAC", "patrol", "cadet OR drone", "", "zzzzqqq"):
        assert corpus.searcher.search(query).suggestion is None, query


# --- refresh ----------------------------------------------------------------------------------


def test_refresh_sees_new_commits_and_drops_cached_sets(tmp_path: Path) -> None:
    docs = make_corpus(seed=11)[:40]
    ix, _ = build_index(tmp_path / "ix", docs, deleted=0)
    searcher = Searcher(ix, GLOSSARY)
    before = searcher.search("patrol", filter=SearchFilter(themes=("VAWG",)))
    meeting = MeetingContext(99, dt.date(2023, 5, 1), "THEMATIC", "eastmoor")
    writer = ix.writer()
    writer.add_document(
        **make_doc(1000, meeting, ITEM, "New", "patrol", ("VAWG",)).document.fields()
    )
    writer.commit()
    assert searcher.search("patrol", filter=SearchFilter(themes=("VAWG",))).total == before.total
    searcher.refresh()
    after = searcher.search("patrol", filter=SearchFilter(themes=("VAWG",)))
    assert after.total == before.total + 1
    assert ("2023", 1) in [(f.value, f.count) for f in after.facets.years]
    searcher.close()


def test_a_query_read_before_refresh_is_read_again_against_the_new_reader(
    tmp_path: Path,
) -> None:
    docs = make_corpus(seed=11)[:40]
    ix, _ = build_index(tmp_path / "ix", docs, deleted=0)
    searcher = Searcher(ix, GLOSSARY)
    assert searcher.search("zeppelin").total == 0  # not in the index: read as matching nothing
    assert searcher.search("zeppelins").total == 0
    assert searcher.search("zepelin").suggestion is None
    meeting = MeetingContext(99, dt.date(2023, 5, 1), "THEMATIC", "eastmoor")
    writer = ix.writer()
    writer.add_document(
        **make_doc(1000, meeting, ITEM, "New", "Zeppelin patrol", ()).document.fields()
    )
    writer.commit()
    assert searcher.search("zeppelin").total == 0  # the same generation until refresh()
    searcher.refresh()
    page = searcher.search("zeppelin")
    assert [h.key for h in page.hits] == ["item:1000"]
    assert any("<mark>Zeppelin</mark>" in f for f in page.hits[0].highlights)
    assert searcher.trend("zeppelins") == [FacetCount("2023", 1)]
    assert searcher.search("zepelin").suggestion == "zeppelin"
    searcher.close()


def test_a_searcher_of_an_empty_index_finds_nothing_then_what_is_added(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    searcher = Searcher(ix, GLOSSARY)
    for query in ("", "MARAC", "theme:DA", "NOT patrol"):
        page = searcher.search(query)
        assert (page.total, page.hits, page.facets.years) == (0, [], [])
    assert searcher.trend("MARAC") == []
    meeting = MeetingContext(1, dt.date(2022, 3, 1), "THEMATIC", "eastmoor")
    writer = ix.writer()
    writer.add_document(**make_doc(1, meeting, ITEM, "New", "MARAC chairs", ()).document.fields())
    writer.commit()
    searcher.refresh()
    assert [h.key for h in searcher.search("MARAC").hits] == ["item:1"]
    searcher.close()


# --- no input crashes -----------------------------------------------------------------------

PIECES = [
    '"',
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "-",
    "+",
    "*",
    "~",
    ":",
    "title:",
    "text:",
    "theme:",
    "year:",
    "kind:",
    "type:",
    "body:",
    "item:",
    "colour:",
    "year:2021",
    "theme:DA",
    "MARAC",
    "marac",
    "multi-agency",
    "risk",
    "assessment",
    "conference",
    "domestic",
    "abuse",
    "DA",
    "patrol",
    "pa*",
    "p*",
    "drone~",
    "x~3",
    "\\",
    "'",
    "é",
    "\x00",
    "\ud800",
    "&",
    "<b>",
    "1.4",
    "43%",
    "..",
    "2019..2021",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=80),
        st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
        st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    ),
    st.booleans(),
    st.sampled_from(list(SortOrder)),
)
def test_any_query_string_gives_a_page_or_a_syntax_error(
    corpus: Corpus, query: str, exact: bool, order: SortOrder
) -> None:
    try:
        page = corpus.searcher.search(query, exact=exact, sort=order, first=5)
    except SearchSyntaxError as exc:
        assert str(exc)
        return
    assert isinstance(page, SearchPage)
    assert page.total >= len(page.hits)
    assert corpus.searcher.trend(query, exact=exact) is not None


# --- the seed and the samples, through the real pipeline ---------------------------------

SEED_DAY = dt.date(2021, 2, 26)


async def _seed_searcher(corpus: IndexedCorpus) -> Searcher:
    async with session_factory(corpus.engine)() as session:
        glossary = await load_glossary(session)
    return Searcher(corpus.store.open(), glossary)


async def _item_numbers(corpus: IndexedCorpus, hits: list[Hit]) -> list[str | None]:
    ids = [h.record_id for h in hits if h.type == ITEM]
    async with session_factory(corpus.engine)() as session:
        rows = dict(
            (
                await session.execute(
                    select(AgendaItem.id, AgendaItem.number).where(AgendaItem.id.in_(ids))
                )
            ).all()
        )
    return [rows.get(i) for i in ids]


SEED_ONLY = SearchFilter(date_from=SEED_DAY, date_to=SEED_DAY, types=(ITEM,))


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("MARAC", "1.4"),
        ("multi-agency risk assessment conference", "1.4"),
        ('"multi-agency risk assessment conference"', "1.4"),
        ("body worn video", "1.3"),
        ('"body worn video"', "1.3"),
        ("supervisory input", "1.2"),
    ],
)
async def test_seed_queries_find_their_item(
    indexed_corpus: IndexedCorpus, query: str, number: str
) -> None:
    searcher = await _seed_searcher(indexed_corpus)
    try:
        page = searcher.search(query, filter=SEED_ONLY)
        assert page.hits, query
        assert (await _item_numbers(indexed_corpus, page.hits[:1])) == [number]
        assert any("<mark>" in f for f in page.hits[0].highlights)
        everywhere = searcher.search(query, first=50)
        assert page.hits[0].key in {h.key for h in everywhere.hits}
    finally:
        searcher.close()


async def test_seed_and_samples_facets_and_suggestion(indexed_corpus: IndexedCorpus) -> None:
    searcher = await _seed_searcher(indexed_corpus)
    try:
        page = searcher.search("MARAK")
        assert page.suggestion == "MARAC"
        hits, pages = all_pages(searcher, "MARAC", MAX_PAGE_SIZE)
        marac = pages[0]
        assert marac.total == len(hits) > 0
        assert sum(f.count for f in marac.facets.types) == marac.total
        assert sum(f.count for f in marac.facets.years) == marac.total
        assert "2021" in {f.value for f in marac.facets.years}
        trend = searcher.trend("MARAC")
        assert sum(f.count for f in trend) == marac.total
    finally:
        searcher.close()
