"""The search page in a real browser (headless Chromium, no host but the loopback): search
MARAC, read the per-year chart and the counts (GraphQL's), narrow to a year, open a
meeting, download the CSV and compare it with the page; and the same core path with
JavaScript switched off.
"""

from __future__ import annotations

import asyncio
import csv
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from api.app import create_app
from api.settings import Settings
from tests.support.api import graphql, serving
from tests.support.browser import browser_paths, chromium
from tests.support.records import IndexedCorpus

COUNTS = """
query($q: String!, $filter: SearchFilter) {
  search(query: $q, filter: $filter) { totalCount facets { years { value count } } }
}
"""


@dataclass
class Visit:
    """What the browser saw."""

    javascript: bool
    total: int
    bars: dict[str, int]
    year: str
    year_total: int
    year_hits: list[str]
    ordered_url: str | None
    meeting_title: str
    meeting_url: str
    downloaded: list[dict[str, str]]
    fetched: list[str]


def _settings(corpus: IndexedCorpus) -> Settings:
    return Settings(
        data_dir=corpus.store.root.parent,
        database_url=corpus.database_url,
        index_sync_seconds=0,
    )


def _wait_for_file(folder: Path, seconds: float = 30) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == ".csv"]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no download in {folder}: {list(folder.iterdir())}")


def _use_the_page(origin: str, downloads: Path, javascript: bool) -> Visit:
    with chromium(browser_paths(), downloads=downloads, javascript=javascript) as browser:
        wait = WebDriverWait(browser, 30)
        browser.get(origin + "/")
        has_js = "js" in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
        assert has_js is javascript
        box = browser.find_element(By.ID, "q")
        box.send_keys("MARAC", Keys.ENTER)
        wait.until(lambda b: "q=MARAC" in b.current_url)
        total = int(browser.find_element(By.ID, "total").text.replace(",", ""))
        bars = {
            str(a.get_attribute("aria-label")).split(":")[0]: int(
                str(a.get_attribute("aria-label")).split(": ")[1].split()[0]
            )
            for a in browser.find_elements(By.CSS_SELECTOR, "figure.chart svg a.bar")
        }
        drawn = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")[0].size
        assert drawn["width"] > 200 and drawn["height"] > 50

        ordered_url = None
        if javascript:  # changing the order runs the search again, without a button
            Select(browser.find_element(By.ID, "order")).select_by_value("date-desc")
            wait.until(lambda b: "order=date-desc" in b.current_url)
            ordered_url = browser.current_url
            browser.back()
            wait.until(lambda b: "order=" not in b.current_url)

        facet = browser.find_elements(By.CSS_SELECTOR, "a[data-facet='year']")[0]
        year = facet.text.split()[0]
        facet.click()
        wait.until(lambda b: f"year={year}" in b.current_url)
        year_total = int(browser.find_element(By.ID, "total").text)
        hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
        year_hits = [str(li.get_attribute("data-id")) for li in hits]
        year_page = browser.current_url

        browser.find_element(By.LINK_TEXT, "CSV").click()
        with _wait_for_file(downloads).open(encoding="utf-8", newline="") as handle:
            downloaded = list(csv.DictReader(handle))

        link = browser.find_element(By.CSS_SELECTOR, "li.group h3 a")
        link.click()
        wait.until(lambda b: "/meetings/" in b.current_url)
        meeting_title = browser.find_element(By.TAG_NAME, "h1").text
        meeting_url = browser.current_url
        browser.get(year_page)
        fetched = _fetched(browser) if javascript else []
    return Visit(
        javascript,
        total,
        bars,
        year,
        year_total,
        year_hits,
        ordered_url,
        meeting_title,
        meeting_url,
        downloaded,
        fetched,
    )


def _fetched(browser: WebDriver) -> list[str]:
    return list(
        browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    )


async def _counts(origin: str, search_filter: dict[str, Any] | None = None) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=origin) as client:
        answer = await client.post(
            "/graphql", json=graphql(COUNTS, q="MARAC", filter=search_filter)
        )
    return dict(answer.json()["data"]["search"])


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
async def test_search_chart_facet_meeting_and_csv_in_a_browser(
    indexed_corpus: IndexedCorpus, tmp_path: Path, javascript: bool
) -> None:
    browser_paths()  # skip (or fail in CI) before starting anything
    async with serving(create_app(_settings(indexed_corpus))) as url:
        origin = url.removesuffix("/graphql")
        visit = await asyncio.to_thread(_use_the_page, origin, tmp_path, javascript)
        everything = await _counts(origin)
        narrowed = await _counts(origin, {"years": [int(visit.year)]})
        async with httpx.AsyncClient(base_url=origin) as client:
            title = (
                await client.post(
                    "/graphql",
                    json=graphql(
                        "query($id: ID!) { meeting(id: $id) { title } }",
                        id=httpx.URL(visit.meeting_url).path.rsplit("/", 1)[1],
                    ),
                )
            ).json()["data"]["meeting"]["title"]
    assert visit.total == everything["totalCount"] > 20
    assert {y: n for y, n in visit.bars.items() if n} == {
        c["value"]: c["count"] for c in everything["facets"]["years"]
    }
    assert visit.year_total == narrowed["totalCount"] == len(visit.year_hits)
    assert visit.meeting_title == title
    # The CSV holds the hits the narrowed page lists.
    assert sorted(r["id"] for r in visit.downloaded) == sorted(visit.year_hits)
    assert all(r["date"].startswith(visit.year) for r in visit.downloaded)
    if javascript:
        assert visit.ordered_url is not None and "from=" not in visit.ordered_url
        assert visit.fetched and all(a.startswith(origin) for a in visit.fetched), visit.fetched
