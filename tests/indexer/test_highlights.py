"""Highlight marks found from a text's runs of non-space characters against the
analyzer run over the whole text: the same words, at the same places; and the terms of
a text's words as the analyzers make them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import Schema
from whoosh.index import Index

from indexer import highlights
from indexer.highlights import Highlighter, Span, WordChoice, WordTerms
from indexer.query import AnalyzerKind, MarkSpec, field_analyzer
from indexer.schema import build_schema
from tests.support.search_corpus import build_index, make_corpus

SCHEMA = build_schema()
KINDS: tuple[AnalyzerKind, ...] = ("text", "exact")

WORDS = [
    "kings",
    "King",
    "KINGS",
    "King's",
    "King’s",
    "kingston",
    "making",
    "referral",
    "Referrals",
    "MARAC",
    "MARACs",
    "the",
    "The",
    "and",
    "multi-agency",
    "L&D",
    "1,000",
    "43%",
    "3rd",
    "1.4",
    "x",
    "é",
]
PUNCTUATION = ["", "(", ")", ".", ",", ":", "'", '"', "-", "&", "%", "<", ">"]
SPACES = [" ", " ", " ", "\n", "\t", "\xa0", "\u2003", "\x1c", "  ", ""]

pieces = st.tuples(
    st.sampled_from(PUNCTUATION),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
).map("".join)
texts = st.lists(pieces, max_size=40).map("".join)


def analysed(kind: AnalyzerKind, text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of every term, the analyzer run over the whole text."""
    analyzer = field_analyzer(SCHEMA, "exact" if kind == "exact" else "text")
    return [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")]


def all_terms(kind: AnalyzerKind) -> list[str]:
    return sorted({term for term, _, _ in analysed(kind, " ".join(WORDS))})


def whole_text_spans(kind: AnalyzerKind, text: str, accept: Callable[[str], bool]) -> set[Span]:
    return {(start, end) for term, start, end in analysed(kind, text) if accept(term)}


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(KINDS), st.data())
def test_marked_terms_are_found_where_the_whole_text_has_them(
    text: str, kind: AnalyzerKind, data: st.DataObject
) -> None:
    wanted = frozenset(data.draw(st.lists(st.sampled_from(all_terms(kind)), min_size=1)))
    words = WordTerms(SCHEMA)
    for _ in range(2):  # the second time from the remembered runs
        found = words.spans(kind, text, WordChoice(wanted.__contains__, wanted))
        assert sorted(found) == sorted(whole_text_spans(kind, text, wanted.__contains__))


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(KINDS), st.sampled_from(["ki", "ma", "re", "1", "mu"]))
def test_prefix_marks_are_found_where_the_whole_text_has_them(
    text: str, kind: AnalyzerKind, prefix: str
) -> None:
    choice = WordChoice(lambda term: term.startswith(prefix))
    words = WordTerms(SCHEMA)
    for _ in range(2):
        found = words.spans(kind, text, choice)
        expected = whole_text_spans(kind, text, lambda term: term.startswith(prefix))
        assert sorted(found) == sorted(expected)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(KINDS), st.data())
def test_phrases_are_found_where_the_whole_text_has_them(
    text: str, kind: AnalyzerKind, data: st.DataObject
) -> None:
    phrase = tuple(data.draw(st.lists(st.sampled_from(all_terms(kind)), min_size=2, max_size=3)))
    tokens = analysed(kind, text)
    size = len(phrase)
    expected = [
        (tokens[i][1], tokens[i + size - 1][2])
        for i in range(len(tokens) - size + 1)
        if tuple(t[0] for t in tokens[i : i + size]) == phrase
    ]
    highlighter = Highlighter(MarkSpec(phrases=((kind, phrase),)), SCHEMA)
    assert sorted(highlighter.spans(text)) == expected


def test_a_word_inside_many_longer_runs_is_still_found_at_its_own_places() -> None:
    text = "kingskings " * (highlights.MAX_CHECKED + 5) + "kings (kings) kings"
    wanted = frozenset({"king"})
    found = WordTerms(SCHEMA).spans("text", text, WordChoice(wanted.__contains__, wanted))
    assert sorted(found) == sorted(whole_text_spans("text", text, wanted.__contains__))
    assert len(found) == 3


def test_marks_stay_right_when_the_remembered_words_start_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(highlights, "MAX_REMEMBERED", 3)
    monkeypatch.setattr(highlights, "MAX_REMEMBERED_RUNS", 2)
    words = WordTerms(SCHEMA)
    wanted = frozenset({"king", "referr"})
    first = "The King's referral, and Referrals to kings; MARAC."
    second = "Kings making referrals at KINGS (King’s) 1,000 times."
    for text in (first, second, first, second):
        found = words.spans("text", text, WordChoice(wanted.__contains__, wanted))
        assert sorted(found) == sorted(whole_text_spans("text", text, wanted.__contains__))


def test_marks_stay_right_when_remembered_runs_are_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each text fits in the runs remembered, the texts together do not: runs are dropped
    (least recently used first) and their terms forgotten as texts come and go."""
    monkeypatch.setattr(highlights, "MAX_REMEMBERED", 5)
    monkeypatch.setattr(highlights, "MAX_REMEMBERED_RUNS", 12)
    words = WordTerms(SCHEMA)
    wanted = frozenset({"king", "referr"})
    texts = [
        "The King's referral, and Referrals to kings; MARAC.",
        "Kings making referrals at KINGS (King's) 1,000 times.",
        "No referral here: only kingston and making.",
        "kings kings king's Referral",
    ]
    for text in texts * 3 + texts[::-1] * 2:
        for accept in (
            WordChoice(wanted.__contains__, wanted),
            WordChoice(lambda term: term.startswith("ki")),
        ):
            found = words.spans("text", text, accept)
            assert sorted(found) == sorted(whole_text_spans("text", text, accept.test))
    # What is remembered stays within its bounds: the runs, and the index of their terms.
    runs = words._runs["text"]
    held = [run for text in texts for run in text.split() if run in runs.tokens]
    assert len(set(held)) == len(runs.tokens) == 12
    assert set().union(*runs.holding.values()) == {r for r in held if words.terms("text", r)}


def test_fragments_mark_the_written_forms_and_escape_the_rest() -> None:
    marks = MarkSpec(terms=frozenset({("text", "king"), ("text", "kings")}))
    text = "The <b>King's</b> men\xa0and\tKINGS &\n(kings) of\u2003Kingston."
    assert Highlighter(marks, SCHEMA).fragments(text) == [
        "The &lt;b&gt;<mark>King's</mark>&lt;/b&gt; men and <mark>KINGS</mark> &amp; "
        "(<mark>kings</mark>) of Kingston."
    ]


# --- the analyzers' own terms, with an index's own (unpickled) schema -------------------


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    ix, _ = build_index(tmp_path_factory.mktemp("highlights") / "index", make_corpus(seed=11))
    yield ix
    ix.close()


def schema_of(ix: Index) -> Schema:
    with ix.searcher() as searcher:
        schema: Schema = searcher.schema
    return schema


TEXTS = [
    "The MARAC's chair and the PCC’s office met on 1.4 and 10,000 cases (43%).",
    "Multi-agency risk assessment: L&D, DASS and HMICS; the 3rd review of x-ray 43%% 1.5-x.",
    "Referrals rose again; referral rates and REFERRALS in capitals, o'neill and O’Neill.",
    "",
    "   \n\t",
    "a an the of to and",
]


@pytest.mark.parametrize("kind", ["text", "exact"])
def test_highlight_terms_equal_the_analyzers(index: Index, kind: str) -> None:
    words = WordTerms(schema_of(index))
    analyzer = field_analyzer(schema_of(index), kind)
    for text in [*TEXTS, *(d.document.text for d in make_corpus(seed=3)[:60])]:
        expected = [
            (t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")
        ]
        assert words.tokens(kind, text) == expected  # type: ignore[arg-type]
        assert words.terms(kind, text) == {t for t, _, _ in expected}  # type: ignore[arg-type]


def test_highlight_terms_of_an_index_in_a_folder(tmp_path: Path) -> None:
    ix, _ = build_index(tmp_path / "ix", make_corpus(seed=5)[:30], deleted=0)
    words = WordTerms(schema_of(ix))
    assert [t for t, _, _ in words.tokens("text", "Patrols patrolled")] == ["patrol", "patrol"]
    ix.close()


# --- passages: whole sentences, the title left out, one ellipsis between ------------------

MARAC = MarkSpec(terms=frozenset({("text", "marac")}))


def test_a_passage_is_the_marked_sentence_without_the_title() -> None:
    text = (
        "MARAC referrals\nMARAC referrals in the quarter were 338, an increase of 21% on the "
        "same quarter last year. The chair thanked the team."
    )
    assert Highlighter(MARAC, SCHEMA).fragments(text, "MARAC referrals") == [
        "<mark>MARAC</mark> referrals in the quarter were 338, an increase of 21% on the "
        "same quarter last year."
    ]


def test_a_title_and_its_separator_are_left_out_and_a_title_alone_gives_no_passage() -> None:
    highlighter = Highlighter(MARAC, SCHEMA)
    assert highlighter.fragments("Action 2: MARAC review\nACC CPP", "Action 2") == [
        "<mark>MARAC</mark> review"
    ]
    assert highlighter.fragments("MARAC and victims", "MARAC and victims") == []
    # A title that is only the start of the first word is no title.
    assert highlighter.fragments("MARACs met", "MARAC") == ["<mark>MARACs</mark> met"]


def test_sentences_apart_are_passages_and_neighbours_are_one() -> None:
    text = (
        "Item\nThe PCC noted the MARAC figures. Mr. Hale said the MARAC met weekly. "
        "Nothing else was said. Budgets were agreed. Staffing was discussed at length. "
        "The MARAC review is due in May."
    )
    fragments = Highlighter(MARAC, SCHEMA).fragments(text, "Item")
    assert fragments == [
        "The PCC noted the <mark>MARAC</mark> figures. Mr. Hale said the <mark>MARAC</mark> "
        "met weekly.",
        "The <mark>MARAC</mark> review is due in May.",
    ]
    assert highlights.join_fragments(fragments) == (
        "The PCC noted the <mark>MARAC</mark> figures. Mr. Hale said the <mark>MARAC</mark> "
        "met weekly. … The <mark>MARAC</mark> review is due in May."
    )


def test_a_long_sentence_is_cut_around_its_marks_with_an_ellipsis_where_cut() -> None:
    words = " ".join(f"word{n}" for n in range(80))
    text = f"Item\n{words} MARAC {words}."
    [fragment] = Highlighter(MARAC, SCHEMA).fragments(text, "Item")
    assert fragment.startswith("…") and fragment.endswith("…")
    assert "<mark>MARAC</mark>" in fragment
    assert len(fragment.replace("<mark>", "").replace("</mark>", "")) <= 200


def test_without_marks_the_passage_is_the_opening_sentences() -> None:
    text = "Item\nFirst sentence here. Second one. " + "Third is long. " * 30
    [fragment] = Highlighter(MARAC, SCHEMA).fragments(text, "Item")
    assert fragment.startswith("First sentence here. Second one. Third is long.")
    assert not fragment.endswith("…") and len(fragment) <= 200


def test_fragments_are_joined_by_one_ellipsis_however_they_were_cut() -> None:
    join = highlights.join_fragments
    assert join(["…a b…", "…c d…", "e."]) == "…a b … c d … e."
    assert join(["a.", "b."]) == "a. … b."
    assert join(["only…"]) == "only…"
    assert join([]) == ""
