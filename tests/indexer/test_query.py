"""Query strings -> Whoosh queries: syntax, errors, acronym expansion, exact mode."""

from __future__ import annotations

import pytest
from whoosh.query.qcore import NullQuery, Query

from indexer.query import (
    AcronymTable as Table,
)
from indexer.query import (
    FilterNode,
    ParsedQuery,
    SearchSyntaxError,
    tokenize,
)
from indexer.query import (
    parse_query as parse,
)
from indexer.schema import build_schema
from ingest.draft import GlossaryEntry
from ingest.parse.themes import load_base_glossary

SCHEMA = build_schema()
GLOSSARY = Table(load_base_glossary())


def read(text: str, *, exact: bool = False) -> ParsedQuery:
    return parse(text, SCHEMA, GLOSSARY, exact=exact)


def terms(q: Query) -> set[tuple[str, object]]:
    return {(field, text) for field, text in q.iter_all_terms(phrases=True)}


# --- tokens and syntax ------------------------------------------------------------------


def test_tokens_of_a_query() -> None:
    kinds = [
        (t.kind, t.text, t.field) for t in tokenize('MARAC AND "body worn" -x title:y (a OR b)')
    ]
    assert kinds == [
        ("word", "MARAC", None),
        ("and", "AND", None),
        ("phrase", "body worn", None),
        ("not", "-", None),
        ("word", "x", None),
        ("word", "y", "title"),
        ("lparen", "(", None),
        ("word", "a", None),
        ("or", "OR", None),
        ("word", "b", None),
        ("rparen", ")", None),
    ]


def test_lower_case_operators_are_words() -> None:
    assert [t.kind for t in tokenize("stop and search or not")] == ["word"] * 5


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"body worn', "unbalanced quote"),
        ('MARAC "a" "b', "unbalanced quote"),
        ("MARAC AND", "AND with nothing after it"),
        ("MARAC AND OR x", "AND with nothing after it"),
        ("AND MARAC", "AND with nothing before it"),
        ("MARAC OR", "OR with nothing after it"),
        ("(MARAC OR)", "OR with nothing after it"),
        ("NOT", "NOT with nothing after it"),
        ("MARAC NOT", "NOT with nothing after it"),
        ("colour:red", "field 'colour' does not exist (fields: title, text, theme, year"),
        ('colour:"red"', "field 'colour' does not exist"),
        ("theme:", "field 'theme' needs a value"),
        ("*", "at least 2 letters before '*'"),
        ("s*", "at least 2 letters before '*'"),
        ("*vision", "'*' may only end a word"),
        ("super*vision", "'*' may only end a word"),
        ("(MARAC", "the '(' at position 1 is never closed"),
        ("MARAC)", "the ')' at position 6 has no matching '('"),
        ("()", "empty parentheses"),
        ("year:twenty", "year must be a year such as 2021"),
        ("year:2022..2019", "must run forwards"),
        ("kind:weekly", "kind 'weekly' does not exist (kinds: MONTHLY_ASSURANCE"),
        ("type:minute", "type 'minute' does not exist (types: item, meeting, action, metric)"),
        ("theme:D*", "wildcards and fuzzy search work on words"),
        ("MARAC~7", "fuzzy distance must be 1 or 2"),
        ("a~", "fuzzy search needs at least 2 letters"),
        ("theme:(DA OR SOC)", "groups are not supported"),
        ("(" * 25 + "x" + ")" * 25, "too deeply nested"),
        ("x " * 600, "query is too long"),
    ],
)
def test_syntax_errors_name_the_problem(query: str, message: str) -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        read(query)
    assert message in str(caught.value)


def test_a_word_ending_in_a_colon_is_a_word_not_a_field() -> None:
    parsed = read("Note: supervision")
    assert ("text", "note") in terms(parsed.query)


def test_numbers_with_colons_are_words() -> None:
    assert ("exact", "10:30") not in terms(read("10:30").query)
    assert read("10:30").query is not NullQuery


def test_a_query_of_stop_words_matches_nothing_and_an_empty_query_everything() -> None:
    assert read("the of").query is NullQuery
    assert type(read("").query).__name__ == "Every"
    assert type(read("   ").query).__name__ == "Every"


# --- words, stemming, acronyms ----------------------------------------------------------


def test_words_search_title_and_text_stemmed() -> None:
    found = terms(read("referrals").query)
    assert {("title", "referr"), ("text", "referr")} <= found


def test_an_acronym_also_searches_the_acronyms_field_unstemmed() -> None:
    found = terms(read("MARAC").query)
    assert ("acronyms", "MARAC") in found
    assert ("text", "marac") in found
    assert terms(read("marac").query) >= {("acronyms", "MARAC"), ("text", "marac")}


def test_a_code_that_is_a_plain_word_of_its_name_expands_only_in_capitals() -> None:
    assert ("acronyms", "HATE") in terms(read("HATE").query)
    assert ("acronyms", "HATE") not in terms(read("hate").query)


def test_a_long_form_expands_to_its_acronym_quoted_or_not() -> None:
    for query in (
        "multi-agency risk assessment conference",
        "Multi Agency Risk Assessment Conference",
        '"multi-agency risk assessment conference"',
    ):
        assert ("acronyms", "MARAC") in terms(read(query).query), query
    assert ("acronyms", "DA") in terms(read("domestic abuse").query)


def test_a_long_form_inside_a_longer_query_expands_only_its_own_words() -> None:
    parsed = read("referrals to the multi-agency risk assessment conference in 2021")
    found = terms(parsed.query)
    assert ("acronyms", "MARAC") in found
    assert ("text", "referr") in found


def test_acronyms_come_from_the_glossary_given() -> None:
    table = Table([GlossaryEntry("ZQX", "Zonal Quarterly Exercise")])
    parsed = parse("zonal quarterly exercise", SCHEMA, table)
    assert ("acronyms", "ZQX") in terms(parsed.query)
    assert ("acronyms", "MARAC") not in terms(parse("MARAC", SCHEMA, table).query)


def test_theme_aliases_are_topics_not_long_forms() -> None:
    # "bladed articles" is an alias of the KNIFE theme (Knife Crime): a topic, not a synonym.
    assert ("acronyms", "KNIFE") not in terms(read("bladed articles").query)
    assert ("acronyms", "KNIFE") in terms(read("knife crime").query)


# --- exact mode -------------------------------------------------------------------------


def test_exact_mode_searches_words_as_written_without_expansion() -> None:
    found = terms(read("Referrals MARAC", exact=True).query)
    assert found == {("exact", "referrals"), ("exact", "marac")}


def test_a_quoted_word_is_exact_and_a_quoted_phrase_a_phrase_as_written() -> None:
    assert terms(read('"Referrals"').query) == {("exact", "referrals")}
    two = read('"Reality Testing"').query
    assert type(two).__name__ == "Term"  # two words: one lookup of the pair
    assert (two.fieldname, two.text) == ("pairs", "reality+testing")  # type: ignore[attr-defined]
    three = read('"Reality Testing Reports"').query
    assert type(three).__name__ == "And"
    assert terms(three) == {
        ("pairs", "reality+testing"),
        ("pairs", "testing+reports"),
        ("exact", "reality"),
        ("exact", "testing"),
        ("exact", "reports"),
    }
    phrase = [q for q in three.leaves() if type(q).__name__ == "Phrase"]
    assert [(q.fieldname, q.words) for q in phrase] == [  # type: ignore[attr-defined]
        ("exact", ["reality", "testing", "reports"])
    ]


def test_prefix_and_fuzzy_use_the_unstemmed_words() -> None:
    prefix = read("supervis*").query
    assert (type(prefix).__name__, prefix.fieldname, prefix.text) == (  # type: ignore[attr-defined]
        "Prefix",
        "exact",
        "supervis",
    )
    fuzzy = read("referal~").query
    assert (type(fuzzy).__name__, fuzzy.text, fuzzy.maxdist) == ("FuzzyTerm", "referal", 1)  # type: ignore[attr-defined]
    assert read("referal~2").query.maxdist == 2  # type: ignore[attr-defined]


# --- filters in the query ---------------------------------------------------------------


def test_top_level_field_conditions_become_filters() -> None:
    parsed = read("MARAC theme:domestic-abuse year:2019..2021 kind:monthly-assurance type:item")
    assert parsed.require == (
        FilterNode("themes", ("DA",)),
        FilterNode("year", (2019, 2020, 2021)),
        FilterNode("kind", ("MONTHLY_ASSURANCE",)),
        FilterNode("type", ("item",)),
    )
    assert "year" not in {field for field, _ in terms(parsed.query)}


def test_negated_field_conditions_become_exclusions() -> None:
    parsed = read('MARAC -body:"West  Mercia" NOT theme:SOC')
    assert parsed.exclude == (FilterNode("body", ("west mercia",)), FilterNode("themes", ("SOC",)))


def test_field_conditions_inside_or_stay_in_the_query() -> None:
    parsed = read("MARAC OR year:2020")
    assert parsed.require == ()
    assert ("year", 2020) in terms(parsed.query)


def test_item_numbers_match_with_or_without_a_final_dot() -> None:
    assert read("item:1.").require == (FilterNode("item_number", ("1.", "1")),)


def test_suggestion_words_are_the_plain_words_with_their_places() -> None:
    parsed = read('MARAK referals title:x "quoted"')
    assert [(w.text, w.start, w.end) for w in parsed.words] == [
        ("MARAK", 0, 5),
        ("referals", 6, 14),
    ]
