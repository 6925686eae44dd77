"""The ``search`` field over the index of the samples and the seed."""

from __future__ import annotations

from records.enums import MeetingKind
from schema.context import Context
from tests.support.graphql import errors, run

SEARCH = """
query($q: String!, $filter: SearchFilter, $first: Int, $after: String, $order: SearchOrder) {
  search(query: $q, filter: $filter, first: $first, after: $after, order: $order) {
    totalCount suggestion
    pageInfo { hasNextPage endCursor }
    facets { years { value count } themes { value count } kinds { value count }
             types { value count } }
    edges {
      cursor score highlights
      node {
        __typename
        ... on Meeting { id date }
        ... on AgendaItem { id title meeting { date } }
        ... on Action { id text }
        ... on Metric { id label }
      }
    }
  }
}
"""


async def test_search_hits_with_scores_highlights_and_facets(corpus_context: Context) -> None:
    data = await run(corpus_context, SEARCH, {"q": "MARAC", "first": 5})
    results = data["search"]
    assert results["totalCount"] > 0
    edges = results["edges"]
    assert 0 < len(edges) <= 5
    scores = [edge["score"] for edge in edges]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert any("<mark>" in h for edge in edges for h in edge["highlights"])
    assert {edge["node"]["__typename"] for edge in edges} <= {
        "Meeting",
        "AgendaItem",
        "Action",
        "Metric",
    }
    facets = results["facets"]
    assert sum(year["count"] for year in facets["years"]) == results["totalCount"]
    assert sum(t["count"] for t in facets["types"]) == results["totalCount"]
    assert results["pageInfo"]["hasNextPage"] is (results["totalCount"] > len(edges))


async def test_search_works_out_only_the_facets_and_highlights_asked_for(
    corpus_context: Context,
) -> None:
    whole = (await run(corpus_context, SEARCH, {"q": "MARAC"}))["search"]
    lean = """
    query($q: String!) {
      search(query: $q) {
        totalCount
        facets { ...Years }
        edges { cursor node { ... on Meeting { id } ... on AgendaItem { id } } }
      }
    }
    fragment Years on SearchFacets { byYear: years { value count } }
    """
    asked = (await run(corpus_context, lean, {"q": "MARAC"}))["search"]
    assert asked["totalCount"] == whole["totalCount"]
    assert asked["facets"]["byYear"] == whole["facets"]["years"] != []
    assert [e["cursor"] for e in asked["edges"]] == [e["cursor"] for e in whole["edges"]]
    themes = "query($q: String!) { search(query: $q) { facets { themes { value count } } } }"
    only_themes = (await run(corpus_context, themes, {"q": "MARAC"}))["search"]["facets"]
    assert only_themes["themes"] == whole["facets"]["themes"] != []
    with_marks = """
    query($q: String!) { search(query: $q) { edges { ... on SearchEdge { highlights } } } }
    """
    edges = (await run(corpus_context, with_marks, {"q": "MARAC"}))["search"]["edges"]
    assert [e["highlights"] for e in edges] == [e["highlights"] for e in whole["edges"]]


async def test_search_pages_follow_cursors(corpus_context: Context) -> None:
    first = (await run(corpus_context, SEARCH, {"q": "domestic abuse", "first": 3}))["search"]
    assert first["pageInfo"]["hasNextPage"]
    second = (
        await run(
            corpus_context,
            SEARCH,
            {"q": "domestic abuse", "first": 3, "after": first["pageInfo"]["endCursor"]},
        )
    )["search"]
    ids = [e["node"]["id"] for e in first["edges"]] + [e["node"]["id"] for e in second["edges"]]
    assert len(set(ids)) == len(ids) == 6
    assert second["totalCount"] == first["totalCount"]


async def test_search_filter_and_date_order(corpus_context: Context) -> None:
    data = await run(
        corpus_context,
        SEARCH,
        {
            "q": "domestic abuse",
            "filter": {"years": [2021], "types": ["ITEM"]},
            "order": "DATE_ASC",
            "first": 20,
        },
    )
    results = data["search"]
    assert results["totalCount"] > 0
    assert {e["node"]["__typename"] for e in results["edges"]} == {"AgendaItem"}
    days = [e["node"]["meeting"]["date"] for e in results["edges"]]
    assert days == sorted(days) and all(day.startswith("2021") for day in days)
    assert [f["value"] for f in results["facets"]["years"]] == ["2021"]
    assert results["facets"]["types"] == [{"value": "ITEM", "count": results["totalCount"]}]


async def test_kinds_and_types_are_enums_in_the_filter_and_the_facets(
    corpus_context: Context,
) -> None:
    everything = (await run(corpus_context, SEARCH, {"q": "domestic abuse"}))["search"]
    facets = everything["facets"]
    kinds = {f["value"]: f["count"] for f in facets["kinds"]}
    types = {f["value"]: f["count"] for f in facets["types"]}
    assert set(types) <= {"MEETING", "ITEM", "ACTION", "METRIC"} and len(types) > 1
    assert set(kinds) <= {kind.name for kind in MeetingKind} and len(kinds) > 1
    assert sum(kinds.values()) == sum(types.values()) == everything["totalCount"]

    kind, count = max(kinds.items(), key=lambda pair: pair[1])
    narrowed = await run(
        corpus_context,
        SEARCH,
        {"q": "domestic abuse", "filter": {"kinds": [kind, kind], "types": ["ACTION", "ITEM"]}},
    )
    found = narrowed["search"]
    assert [f["value"] for f in found["facets"]["kinds"]] == [kind]
    assert {f["value"] for f in found["facets"]["types"]} <= {"ACTION", "ITEM"}
    assert 0 < found["totalCount"] <= count


async def test_a_misspelt_kind_or_type_fails_validation(corpus_context: Context) -> None:
    for bad in ({"types": ["item"]}, {"types": ["ITEMS"]}, {"kinds": ["THEMATICAL"]}):
        found = await errors(corpus_context, SEARCH, {"q": "MARAC", "filter": bad})
        message = found[0]["message"]
        assert message.startswith("Variable '$filter' has invalid value"), message
        assert "does not exist in 'RecordType' enum" in message or "'MeetingKind' enum" in message


async def test_search_suggests_a_spelling(corpus_context: Context) -> None:
    data = await run(corpus_context, SEARCH, {"q": "domestc abuse"})
    assert data["search"]["suggestion"] == "domestic abuse"
    through_fragment = """
    query($q: String!) { search(query: $q) { ...Spelling } }
    fragment Spelling on SearchResults { didYouMean: suggestion }
    """
    data = await run(corpus_context, through_fragment, {"q": "domestc abuse"})
    assert data["search"]["didYouMean"] == "domestic abuse"


async def test_search_syntax_error_is_a_clear_graphql_error(corpus_context: Context) -> None:
    found = await errors(corpus_context, SEARCH, {"q": '"unclosed phrase'})
    assert found[0]["message"].startswith("search: the query could not be read")
    assert found[0]["extensions"]["code"] == "SEARCH_SYNTAX"
    assert found[0]["path"] == ["search"]


async def test_search_bad_cursor_and_page_size(corpus_context: Context) -> None:
    found = await errors(corpus_context, SEARCH, {"q": "MARAC", "after": "nonsense"})
    assert "`after`" in found[0]["message"]
    found = await errors(corpus_context, SEARCH, {"q": "MARAC", "first": 101})
    assert "`first`" in found[0]["message"] and found[0]["extensions"]["code"] == "PAGE_SIZE"


async def test_search_without_an_index_says_so(corpus_context: Context) -> None:
    corpus_context.searcher = None
    found = await errors(corpus_context, SEARCH, {"q": "MARAC"})
    assert found[0]["extensions"]["code"] == "SEARCH_UNAVAILABLE"
