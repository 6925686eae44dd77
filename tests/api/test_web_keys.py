"""When reads need an API key, the pages ask for it once and keep it in an HttpOnly,
SameSite=Strict cookie; no key ever appears in an address or a log line."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from api.auth import Role
from api.settings import Settings
from tests.support.api import ClientFactory, ingest_seed, make_key
from tests.support.html import parse_page


@pytest.fixture
async def keyed(
    settings: Settings, client_for: ClientFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    await ingest_seed(settings)
    key = await make_key(settings, Role.READER)
    async with client_for(reads_need_key=True) as client:
        yield client, key


async def test_the_pages_ask_for_a_key_and_keep_it_in_a_strict_cookie(
    keyed: tuple[httpx.AsyncClient, str], caplog: pytest.LogCaptureFixture
) -> None:
    client, key = keyed
    caplog.set_level(logging.DEBUG)
    asked = await client.get("/?q=MARAC")
    assert asked.status_code == 401
    form = parse_page(asked.text)
    [field] = [i for i in form.find_all("input") if i.attrs.get("name") == "key"]
    assert field.attrs["type"] == "password"
    [back] = [i for i in form.find_all("input") if i.attrs.get("name") == "next"]
    assert back.attrs["value"] == "/?q=MARAC"
    assert (await client.get("/search.csv?q=MARAC")).status_code == 401

    wrong = await client.post("/key", data={"key": "ak_wrong", "next": "/?q=MARAC"})
    assert wrong.status_code == 401 and "not valid" in wrong.text
    assert "set-cookie" not in wrong.headers

    given = await client.post("/key", data={"key": key, "next": "/?q=MARAC"})
    assert given.status_code == 303
    assert given.headers["location"] == "/?q=MARAC"
    cookie = given.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
    assert key not in given.headers["location"]

    shown = await client.get("/?q=MARAC")  # the client keeps the cookie
    assert shown.status_code == 200
    assert key not in shown.text
    doc = parse_page(shown.text)
    assert int(doc.by_id("total").all_text()) >= 1
    for link in doc.find_all("a"):
        assert key not in link.attrs.get("href", "")
    assert (await client.get("/search.csv?q=MARAC")).status_code == 200

    forgotten = await client.post("/key/forget")
    assert forgotten.status_code == 303
    assert (await client.get("/?q=MARAC")).status_code == 401
    assert not [r for r in caplog.records if key in r.getMessage()]


async def test_a_script_may_send_the_key_as_a_header(
    keyed: tuple[httpx.AsyncClient, str],
) -> None:
    client, key = keyed
    answer = await client.get("/search.json?q=MARAC", headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200 and answer.json()["totalCount"] >= 1
    refused = await client.get("/search.json?q=MARAC", headers={"Authorization": "Bearer ak_no"})
    assert refused.status_code == 401


async def test_a_key_from_another_site_or_a_way_out_is_refused(
    keyed: tuple[httpx.AsyncClient, str],
) -> None:
    client, key = keyed
    posted = await client.post(
        "/key", data={"key": key}, headers={"Origin": "https://elsewhere.example"}
    )
    assert posted.status_code == 403 and "set-cookie" not in posted.headers
    for target in ("https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere"):
        sent = await client.post("/key", data={"key": key, "next": target})
        assert sent.status_code == 303 and sent.headers["location"] == "/"


async def test_a_stale_cookie_asks_again_and_is_dropped(
    keyed: tuple[httpx.AsyncClient, str],
) -> None:
    client, _ = keyed
    client.cookies.set("assurance_key", "ak_revoked")
    asked = await client.get("/")
    assert asked.status_code == 401 and "invalid API key" in asked.text
    assert 'assurance_key=""' in asked.headers["set-cookie"]
