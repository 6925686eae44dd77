"""The analysts' pages over HTTP, on the samples and the seed (SQLite and PostgreSQL): what
they show is what GraphQL answers, their links narrow and page the search, the downloads
hold what the pages list, and every page is well-formed HTML that escapes what it shows."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from api.web.exports import csv_download
from api.web.format import anchor
from records import clock
from tests.support.api import graphql, running
from tests.support.html import Element, MalformedHTML, parse_page
from tests.support.records import IndexedCorpus

SEARCH = """
query($q: String!, $filter: SearchFilter, $first: Int, $after: String, $order: SearchOrder!) {
  search(query: $q, filter: $filter, first: $first, after: $after, order: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { years { value count } themes { value count } kinds { value count }
             types { value count } bodies { value count } }
    edges { node { ... on Node { id } ... on AgendaItem { meeting { id } }
                   ... on Action { meeting { id } } ... on Metric { meeting { id } } } }
  }
}
"""


@pytest.fixture(scope="module")
async def web(indexed_corpus: IndexedCorpus) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the indexed samples and seed (which it only reads)."""
    settings = Settings(
        data_dir=indexed_corpus.store.root.parent,
        database_url=indexed_corpus.database_url,
        index_sync_seconds=0,
    )
    async with running(create_app(settings)) as client:
        yield client


async def gql_search(
    client: httpx.AsyncClient,
    q: str,
    search_filter: dict[str, Any] | None = None,
    *,
    first: int = 100,
    after: str | None = None,
    order: str = "RELEVANCE",
) -> dict[str, Any]:
    body = graphql(SEARCH, q=q, filter=search_filter, first=first, after=after, order=order)
    answer = (await client.post("/graphql", json=body)).json()
    assert "errors" not in answer, answer
    return dict(answer["data"]["search"])


async def page(client: httpx.AsyncClient, url: str, status: int = 200) -> Element:
    response = await client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return parse_page(response.text)


def grouped(edges: list[dict[str, Any]]) -> list[str]:
    """Hits' ids as a page lists them: by meeting, meetings in the order of their first hit."""
    groups: dict[str, list[str]] = {}
    for edge in edges:
        node = edge["node"]
        groups.setdefault(node.get("meeting", node)["id"], []).append(node["id"])
    return [record for records in groups.values() for record in records]


def hit_ids(doc: Element) -> list[str]:
    return [li.attrs["data-id"] for li in doc.find_all("li", "hit")]


def total_on(doc: Element) -> int:
    return int(doc.by_id("total").all_text().replace(",", ""))


def facet_links(doc: Element, parameter: str) -> dict[str, tuple[int, str]]:
    """A facet's entries: label -> (count, link)."""
    found = {}
    for link in doc.find_all("a"):
        if link.attrs.get("data-facet") == parameter:
            [count] = link.find_all("span", "count")
            label = link.all_text().rsplit(" ", 1)[0]
            found[label] = (int(count.all_text()), link.attrs["href"])
    return found


async def test_a_search_shows_graphql_counts_chart_and_facets(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/?q=MARAC")
    expected = await gql_search(web, "MARAC")
    assert total_on(doc) == expected["totalCount"] > 20
    # The page's hits are GraphQL's first 20, grouped by meeting.
    assert hit_ids(doc) == grouped(expected["edges"][:20])
    # Per-year bars and the year facet both give GraphQL's counts.
    years = {c["value"]: c["count"] for c in expected["facets"]["years"]}
    bars = {
        a.attrs["aria-label"].split(":")[0]: int(a.attrs["aria-label"].split(": ")[1].split()[0])
        for a in doc.find_all("a", "bar")
    }
    assert {y: n for y, n in bars.items() if n} == years
    assert {label: count for label, (count, _) in facet_links(doc, "year").items()} == years
    kinds = facet_links(doc, "kind")
    assert sorted(n for n, _ in kinds.values()) == sorted(
        c["count"] for c in expected["facets"]["kinds"]
    )
    assert sum(n for n, _ in facet_links(doc, "type").values()) == expected["totalCount"]


async def test_the_body_facet_counts_what_each_body_filter_finds(web: httpx.AsyncClient) -> None:
    expected = await gql_search(web, "MARAC")
    bodies = {c["value"]: c["count"] for c in expected["facets"]["bodies"]}
    assert len(bodies) >= 2  # Northshire and Eastmoor
    for key, count in bodies.items():
        assert (await gql_search(web, "MARAC", {"bodies": [key]}))["totalCount"] == count
    doc = await page(web, "/?q=MARAC")
    links = facet_links(doc, "body")
    assert {label.lower(): n for label, (n, _) in links.items()} == bodies
    label, (count, link) = next(iter(links.items()))
    assert parse_qs(urlsplit(link).query)["body"] == [label.lower()]
    assert total_on(await page(web, link)) == count
    # A body typed as written narrows the same way.
    typed = await web.get("/", params={"q": "MARAC", "body": f"  {label.upper()} "})
    assert typed.status_code == 303 and typed.headers["location"] == link


async def test_a_year_facet_narrows_to_graphqls_count(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/?q=MARAC")
    year, (count, link) = next(iter(facet_links(doc, "year").items()))
    assert parse_qs(urlsplit(link).query) == {"q": ["MARAC"], "year": [year]}
    narrowed = await page(web, link)
    assert total_on(narrowed) == count
    expected = await gql_search(web, "MARAC", {"years": [int(year)]})
    assert total_on(narrowed) == expected["totalCount"]
    assert hit_ids(narrowed) == grouped(expected["edges"][:20])
    # The chart still shows every year of the search, the chosen one marked.
    every_year = {
        c["value"]: c["count"] for c in (await gql_search(web, "MARAC"))["facets"]["years"]
    }
    bars = {a.attrs["aria-label"].split(":")[0]: a for a in narrowed.find_all("a", "bar")}
    assert {y for y, a in bars.items() if a.attrs["aria-label"] != f"{y}: 0 hits"} == set(
        every_year
    )
    assert [y for y, a in bars.items() if "selected" in a.classes()] == [year]
    # The facet is now chosen; its link takes it off again.
    chosen = facet_links(narrowed, "year")[year][1]
    assert parse_qs(urlsplit(chosen).query) == {"q": ["MARAC"]}


async def test_filters_combine_as_graphqls(web: httpx.AsyncClient) -> None:
    url = "/?q=MARAC&theme=DA&kind=thematic&type=item&type=action&from=2019-01-01&to=2022-12-31"
    doc = await page(web, url)
    expected = await gql_search(
        web,
        "MARAC",
        {
            "themes": ["DA"],
            "kinds": ["THEMATIC"],
            "types": ["ITEM", "ACTION"],
            "dateFrom": "2019-01-01",
            "dateTo": "2022-12-31",
        },
    )
    assert 0 < total_on(doc) == expected["totalCount"]
    assert hit_ids(doc) == grouped(expected["edges"])
    active = [a.all_text() for a in doc.find_all("ul", "active")[0].find_all("a")]
    assert "Theme: Domestic Abuse ×" in active and "From 2019-01-01 ×" in active


async def test_pages_follow_graphqls_order_with_stable_links(web: httpx.AsyncClient) -> None:
    expected = await gql_search(web, "", order="DATE_DESC")
    assert expected["totalCount"] > 40
    first = await page(web, "/?order=date-desc")
    [next_link] = [a.attrs["href"] for a in first.find_all("a") if a.attrs.get("rel") == "next"]
    assert parse_qs(urlsplit(next_link).query) == {"order": ["date-desc"], "page": ["2"]}
    second = await page(web, next_link)
    third = await page(web, "/?order=date-desc&page=3")
    edges = expected["edges"]
    assert hit_ids(first) + hit_ids(second) + hit_ids(third) == (
        grouped(edges[:20]) + grouped(edges[20:40]) + grouped(edges[40:60])
    )
    assert len(set(hit_ids(first) + hit_ids(second) + hit_ids(third))) == 60
    [previous] = [a.attrs["href"] for a in third.find_all("a") if a.attrs.get("rel") == "prev"]
    assert previous == "/?order=date-desc&page=2"
    missing = await page(web, "/?order=date-desc&page=400", status=404)
    assert "no page 400" in missing.all_text()


async def test_a_search_link_is_written_one_way(web: httpx.AsyncClient) -> None:
    response = await web.get("/?q=MARAC&order=relevance&from=&body=&year=2020&year=2019")
    assert response.status_code == 303
    assert response.headers["location"] == "/?q=MARAC&year=2019&year=2020"


async def test_downloads_hold_every_hit_the_pages_list(web: httpx.AsyncClient) -> None:
    url = "/?q=MARAC&order=date-asc"
    first = await page(web, url)
    second = await page(web, url + "&page=2")
    shown = hit_ids(first) + hit_ids(second)
    expected = await gql_search(web, "MARAC", order="DATE_ASC")
    assert len(shown) == expected["totalCount"]

    [csv_link] = [a.attrs["href"] for a in first.find_all("a") if a.all_text() == "CSV"]
    response = await web.get(csv_link)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    # Every hit in the search's order; each page lists its 20 grouped by meeting.
    as_edges = [
        {"node": {"id": r["id"], "meeting": {"id": r["meeting_id"]}}}
        if r["type"] != "MEETING"
        else {"node": {"id": r["id"]}}
        for r in rows
    ]
    assert grouped(as_edges[:20]) + grouped(as_edges[20:]) == shown
    by_id = {r["id"]: r for r in rows}
    for hit in first.find_all("li", "hit") + second.find_all("li", "hit"):
        row = by_id[hit.attrs["data-id"]]
        [record] = hit.find_all("p", "record")
        assert row["record"] in record.all_text()
        passage = hit.find_all("p", "passage")
        assert row["passage"] == (passage[0].all_text() if passage else "")
    assert all(r["meeting_id"] and r["url"].startswith("http://testserver/meetings/") for r in rows)

    [json_link] = [a.attrs["href"] for a in first.find_all("a") if a.all_text() == "JSON"]
    data = json.loads((await web.get(json_link)).text)
    assert data["totalCount"] == expected["totalCount"]
    assert [h["id"] for h in data["rows"]] == [r["id"] for r in rows]
    assert [h["passage"] for h in data["rows"]] == [r["passage"] for r in rows]


async def test_a_download_of_more_than_a_hundred_hits_is_whole(web: httpx.AsyncClient) -> None:
    expected = await gql_search(web, "", order="DATE_DESC")
    total = expected["totalCount"]
    assert total > 100
    rows = list(csv.DictReader(io.StringIO((await web.get("/search.csv?order=date-desc")).text)))
    assert len(rows) == total == len({r["id"] for r in rows})
    assert [r["id"] for r in rows[:100]] == [e["node"]["id"] for e in expected["edges"]]


async def test_a_query_is_shown_never_run(web: httpx.AsyncClient) -> None:
    query = '<script>alert("x")</script> & "quotes"'
    response = await web.get("/", params={"q": query}, follow_redirects=True)
    assert response.status_code == 200
    doc = parse_page(response.text)
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert" in response.text
    [box] = [i for i in doc.find_all("input") if i.attrs.get("id") == "q"]
    assert box.attrs["value"] == query
    scripts = doc.find_all("script")
    assert [s.attrs.get("src") for s in scripts] == ["/static/site.js"]
    assert all(not s.all_text() for s in scripts)


async def test_every_address_a_page_loads_is_this_sites(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/?q=MARAC")
    for element in doc.iter():
        for name in ("src", "href", "action"):
            address = element.attrs.get(name)
            if address is not None and element.tag in ("script", "link", "img", "form"):
                assert address.startswith("/") and not address.startswith("//"), address
    for asset in ("/static/site.css", "/static/site.js"):
        assert (await web.get(asset)).status_code == 200
    headers = (await web.get("/?q=MARAC")).headers
    assert "default-src 'self'" in headers["content-security-policy"]


async def test_a_meeting_page_shows_graphqls_meeting(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/?q=MARAC")
    link = doc.find_all("li", "group")[0].find_all("a")[0].attrs["href"]
    meeting_id = link.rsplit("/", 1)[1].replace("%3D", "=")
    answer = (
        await web.post(
            "/graphql",
            json=graphql(
                """query($id: ID!) { meeting(id: $id) { title items { id children { id } }
                   actions { id } metrics { id } attendees { person { name } }
                   documents { id fileName } } }""",
                id=meeting_id,
            ),
        )
    ).json()["data"]["meeting"]
    meeting = await page(web, link)
    assert meeting.find_all("h1")[0].all_text() == answer["title"]
    ids = {e.attrs.get("id") for e in meeting.iter()}
    for record in [*answer["items"], *answer["actions"], *answer["metrics"]]:
        assert anchor(record["id"]) in ids
    attendance = meeting.by_id("attendance").all_text()
    assert all(a["person"]["name"] in attendance for a in answer["attendees"])
    # The source document: its text, where each record's passage came from.
    document_link = next(
        a.attrs["href"] for a in meeting.by_id("sources").find_all("a") if "download" in a.attrs
    )
    text = await web.get(document_link)
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    for quote in meeting.find_all("details", "source"):
        [passage] = quote.find_all("blockquote")
        if passage.all_text():
            assert passage.all_text().split()[0] in text.text
    as_json = (await web.get(link + ".json")).json()
    assert as_json["title"] == answer["title"]


async def test_a_theme_page_counts_as_graphql(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/themes/DA")
    answer = (
        await web.post(
            "/graphql",
            json=graphql(
                """query ($today: Date!) {
                     theme(code: "DA") { name meetings { totalCount } }
                     open: actions(filter: {theme: "DA", openAt: $today}) { totalCount }
                     overdue: actions(filter: {theme: "DA", overdueAt: $today}) {
                       totalCount } }""",
                today=clock.today().isoformat(),
            ),
        )
    ).json()["data"]
    assert doc.find_all("h1")[0].all_text() == answer["theme"]["name"]
    headings = [h.all_text() for h in doc.find_all("h2")]
    assert f"Open actions ({answer['open']['totalCount']})" in headings
    assert f"Overdue actions ({answer['overdue']['totalCount']})" in headings
    bars = [a for a in doc.find_all("a", "bar")]
    assert bars and all(parse_qs(urlsplit(a.attrs["href"]).query)["theme"] == ["DA"] for a in bars)
    assert f"{answer['theme']['meetings']['totalCount']} meetings" in doc.all_text()
    await page(web, "/themes/NO-SUCH-THEME", status=404)


async def test_a_theme_page_lists_actions_as_their_lifecycles_stand(
    web: httpx.AsyncClient,
) -> None:
    """The samples' 19 November 2019 action on the DASH dip sample is recorded there as open,
    due 31 December 2019; the 12 March 2020 minutes say it "had been completed". The page
    lists it neither as open nor as overdue."""
    recorded = (
        await web.post(
            "/graphql",
            json=graphql(
                """{ actions(filter: {theme: "DA", overdue: true}, first: 100) {
                       edges { node { text } } } }"""
            ),
        )
    ).json()["data"]["actions"]["edges"]
    assert any("DASH dip sample" in e["node"]["text"] for e in recorded)
    doc = await page(web, "/themes/DA")
    for heading_id in ("open-h", "overdue-h"):
        section = next(
            s for s in doc.find_all("section") if s.attrs.get("aria-labelledby") == heading_id
        )
        assert "DASH dip sample" not in section.all_text()


async def test_a_theme_pages_action_lists_download_whole(web: httpx.AsyncClient) -> None:
    doc = await page(web, "/themes/DA")
    for heading_id, name, total_key in (
        ("open-h", "open-actions", "open"),
        ("overdue-h", "overdue-actions", "overdue"),
    ):
        section = next(
            s for s in doc.find_all("section") if s.attrs.get("aria-labelledby") == heading_id
        )
        shown = [
            a.attrs["href"].rsplit("#", 1)[1]
            for a in section.find_all("a")
            if "#" in a.attrs.get("href", "")
        ]
        [csv_link] = [a.attrs["href"] for a in section.find_all("a") if a.all_text() == "CSV"]
        assert csv_link == f"/themes/DA/{name}.csv"
        rows = list(csv.DictReader(io.StringIO((await web.get(csv_link)).text)))
        assert [anchor(r["id"]) for r in rows] == shown
        data = (await web.get(f"/themes/DA/{name}.json")).json()
        assert data["totalCount"] == len(rows) == len(data["rows"])
        heading = section.find_all("h2")[0].all_text()
        assert heading.endswith(f"({len(rows)})"), (total_key, heading)
    await page(web, "/themes/DA/closed-actions.csv", status=404)
    await page(web, "/themes/NO-SUCH-THEME/open-actions.csv", status=404)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("/?q=MARAC&year=abc", "year"),
        ("/?q=MARAC&year=1200", "year"),
        ("/?q=MARAC&kind=weekly", "kind"),
        ("/?q=MARAC&type=minutes", "type"),
        ("/?q=MARAC&from=2021-13-01", "from"),
        ("/?q=MARAC&order=random", "order"),
        ("/?q=MARAC&page=0", "page"),
        ("/?q=%22unbalanced", "could not be read"),
    ],
)
async def test_a_bad_parameter_is_a_clear_400(web: httpx.AsyncClient, url: str, named: str) -> None:
    response = await web.get(url, follow_redirects=True)
    assert response.status_code == 400
    doc = parse_page(response.text)
    [problem] = doc.find_all("p", "problem")
    assert named in problem.all_text() or named in doc.all_text()


async def test_unknown_records_are_404_pages(web: httpx.AsyncClient) -> None:
    await page(web, "/meetings/TWVldGluZzo5OTk5OTk%3D", status=404)
    await page(web, "/meetings/not-an-id", status=400)
    await page(web, "/documents/TWVldGluZzox.txt", status=404)


def test_the_strict_reader_refuses_malformed_html() -> None:
    for bad in (
        "<!DOCTYPE html><html><body><p>open</body></html>",
        "<!DOCTYPE html><html><body><b><i>x</b></i></body></html>",
        '<!DOCTYPE html><html><body><p id="a"></p><p id="a"></p></body></html>',
        "<html><body></body></html>",
    ):
        with pytest.raises(MalformedHTML):
            parse_page(bad)
    assert re.sub(r"\s", "", parse_page("<!DOCTYPE html><html><p>ok</p></html>").all_text())


async def test_a_csv_cell_a_spreadsheet_would_run_is_kept_as_text() -> None:
    async def rows() -> AsyncIterator[dict[str, Any]]:
        yield {"a": '=HYPERLINK("http://x")', "b": "- a bullet", "c": 1.5}
        yield {"a": "@SUM(1)", "b": "+44 20", "c": "plain"}

    response = csv_download(rows(), ("a", "b", "c"), "cells")
    body = "".join([str(chunk) async for chunk in response.body_iterator])
    assert list(csv.reader(io.StringIO(body))) == [
        ["a", "b", "c"],
        ['\'=HYPERLINK("http://x")', "- a bullet", "1.5"],
        ["'@SUM(1)", "'+44 20", "plain"],
    ]
