"""GraphiQL works without internet access: its files come from the app, and in a real
browser (headless Chromium, every host but the loopback unresolvable) it runs a query and
lists Query's fields in its docs pane.

The browser test drives headless Chromium through tests/support/browser.py.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from api.app import create_app
from api.graphiql import ASSETS_PATH, assets_of, strawberry_page
from api.settings import Settings
from tests.support.api import ClientFactory, serving
from tests.support.browser import browser_paths, chromium

_ATTRIBUTE = re.compile(r'\b(?:src|href)="([^"]+)"')
_INTEGRITY = re.compile(r'\b(?:src|href)="([^"]+)"\s+integrity="([^"]+)"')


@pytest.fixture
async def client(client_for: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for() as client:
        yield client


def _sri(data: bytes, integrity: str) -> str:
    algorithm = integrity.split("-", 1)[0]
    return f"{algorithm}-{base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"


async def test_the_page_loads_every_file_from_the_app(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    addresses = _ATTRIBUTE.findall(page.text)
    assert addresses, "the page loads no files"
    outside = [
        a for a in addresses if not (a.startswith(ASSETS_PATH + "/") or a.startswith("data:"))
    ]
    assert outside == []
    checked = _INTEGRITY.findall(page.text)
    assert len(checked) == len(assets_of(strawberry_page())) > 0
    for address, integrity in checked:
        served = await client.get(address)
        assert served.status_code == 200, address
        assert _sri(served.content, integrity) == integrity, address


async def test_kept_files_carry_their_licences() -> None:
    for asset in assets_of(strawberry_page()):
        folder = asset.local.parents[len(Path(asset.path).parts) - 1]
        assert (folder / "package.json").is_file(), asset.folder
        assert '"license"' in (folder / "package.json").read_text(encoding="utf-8")


async def test_a_file_outside_the_kept_ones_is_not_served(client: httpx.AsyncClient) -> None:
    assert (await client.get(f"{ASSETS_PATH}/../settings.py")).status_code == 404
    assert (await client.get(f"{ASSETS_PATH}/react@0.0.0/none.js")).status_code == 404


# --- a real browser -------------------------------------------------------------------------


def _use_graphiql(paths: tuple[str, str], url: str) -> tuple[str, str, list[str]]:
    """Open GraphiQL, run a query, open the docs at Query: the result pane's text, the docs
    pane's text, and every address the page fetched."""
    with chromium(paths) as browser:
        wait = WebDriverWait(browser, 60)
        browser.get(url)
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".graphiql-query-editor .CodeMirror"))
        browser.execute_script(
            "document.querySelector('.graphiql-query-editor .CodeMirror')"
            ".CodeMirror.setValue(arguments[0]);",
            "{ meetings(first: 1) { totalCount } }",
        )
        browser.find_element(By.CSS_SELECTOR, ".graphiql-execute-button").click()
        result = wait.until(
            lambda b: (
                text
                if "totalCount" in (text := b.find_element(By.CSS_SELECTOR, ".result-window").text)
                else None
            )
        )
        browser.find_element(By.CSS_SELECTOR, "[aria-label='Show Documentation Explorer']").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".graphiql-doc-explorer a"))
        browser.find_element(
            By.XPATH, "//*[contains(@class, 'graphiql-doc-explorer')]//a[.='Query']"
        ).click()
        docs = wait.until(
            lambda b: (
                text
                if "search"
                in (text := b.find_element(By.CSS_SELECTOR, ".graphiql-doc-explorer").text)
                else None
            )
        )
        fetched = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name);"
        )
    return result, docs, list(fetched)


async def test_graphiql_runs_a_query_in_a_browser_without_internet(settings: Settings) -> None:
    paths = browser_paths()
    async with serving(create_app(settings)) as url:
        result, docs, fetched = await asyncio.to_thread(_use_graphiql, paths, url)
    assert '"totalCount": 0' in result
    for field in ("meetings", "search", "themes"):
        assert field in docs
    origin = url.removesuffix("/graphql")
    assert fetched and all(address.startswith(origin) for address in fetched), fetched
