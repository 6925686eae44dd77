"""An analyzer taken apart makes, word by word, the terms the whole analyzer makes; the
project's filters work (and pickle) as Whoosh's own."""

from __future__ import annotations

import pickle

import pytest
from whoosh.analysis import KeywordAnalyzer, RegexTokenizer, StandardAnalyzer

from indexer.analysis import exact_analyzer, pairs_analyzer, text_analyzer
from indexer.engine import split_analyzer
from tests.support.search_corpus import make_corpus

TEXTS = [
    "The MARAC's chair and the PCC’s office met on 1.4 and 10,000 cases (43%).",
    "Multi-agency risk assessment: L&D, DASS and HMICS; the 3rd review of x-ray 43%% 1.5-x.",
    "Referrals rose again; referral rates and REFERRALS in capitals, o'neill and O’Neill.",
    "",
    "a an the of to and",
    *(d.document.text for d in make_corpus(seed=3)[:40]),
]


@pytest.mark.parametrize("make", [text_analyzer, exact_analyzer, StandardAnalyzer])
def test_word_by_word_terms_equal_the_analyzers(make: object) -> None:
    analyzer = make()  # type: ignore[operator]
    split = split_analyzer(analyzer)
    assert split is not None
    for text in TEXTS:
        expected = [t.text for t in analyzer(text, mode="index")]
        found = [term for m in split.expression.finditer(text) for term in split.terms(m.group(0))]
        assert found == expected


def test_analyzers_that_are_not_a_plain_tokenizer_and_filters_are_not_split() -> None:
    assert split_analyzer(KeywordAnalyzer()) is None
    assert split_analyzer(RegexTokenizer(r"\s+", gaps=True) | text_analyzer().items[1]) is None


@pytest.mark.parametrize("make", [text_analyzer, exact_analyzer, pairs_analyzer])
def test_our_filters_pickle_as_whoosh_pickles_them_into_an_index(make: object) -> None:
    analyzer = make()  # type: ignore[operator]
    copy = pickle.loads(pickle.dumps(analyzer))
    for text in TEXTS[:5]:
        assert [t.text for t in copy(text)] == [t.text for t in analyzer(text)]
