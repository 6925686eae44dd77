"""Headless Chromium for the real-browser tests: the system's chromium and chromedriver,
every host but the loopback unresolvable, downloads into a folder, JavaScript on or off.

Where chromium or chromedriver is missing the tests are skipped, unless
``ASSURANCE_TEST_REQUIRE_BROWSER`` is set (as CI sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

REQUIRE_BROWSER = "ASSURANCE_TEST_REQUIRE_BROWSER"


def browser_paths() -> tuple[str, str]:
    """(chromium, chromedriver); skips the test, or fails it where a browser is required."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    if os.environ.get(REQUIRE_BROWSER):
        pytest.fail(f"{REQUIRE_BROWSER} is set but chromium or chromedriver is not installed")
    pytest.skip("chromium and chromedriver are not installed (apt-get install chromium-driver)")


@contextmanager
def chromium(
    paths: tuple[str, str],
    *,
    downloads: Path | None = None,
    javascript: bool = True,
    width: int = 1280,
    height: int = 1000,
) -> Iterator[WebDriver]:
    """Headless Chromium that can reach the loopback and no other host."""
    binary, driver = paths
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(argument)
    prefs: dict[str, object] = {}
    if downloads is not None:
        prefs.update(
            {
                "download.default_directory": str(downloads),
                "download.prompt_for_download": False,
                "safebrowsing.enabled": False,
            }
        )
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if prefs:
        options.add_experimental_option("prefs", prefs)
    browser = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        if downloads is not None:
            browser.execute_cdp_cmd(
                "Browser.setDownloadBehavior",
                {"behavior": "allow", "downloadPath": str(downloads)},
            )
        yield browser
    finally:
        browser.quit()
