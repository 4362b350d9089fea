"""Fixtures for the browser suite: the built site served over HTTP, and one headless Chromium.

Run from the repository root after `swift run portal build`:
    .venv/bin/python -m pytest Tests/browser
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from static_server import StaticServer  # noqa: E402

PUBLIC = Path(os.environ.get("PORTAL_PUBLIC", ROOT / "Public"))
# Set when PUBLIC was built with `--base-url http://127.0.0.1:PORT/chuyendoiso/`: it is then served there.
BASE_URL = os.environ.get("PORTAL_BASE_URL")
SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS", ROOT / "screenshots"))


@pytest.fixture(scope="session")
def public() -> Path:
    if not (PUBLIC / "index.html").is_file():
        pytest.fail(f"{PUBLIC}/index.html not found: run `swift run portal build` first")
    return PUBLIC


@pytest.fixture(scope="session")
def site(public):
    with StaticServer.for_base_url(public, BASE_URL) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     # Overlay scrollbars would not take width, classic ones take 15 px: neither
                     # belongs in a layout check or a screenshot.
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=vi-VN",
                     "--window-size=1280,900"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


class Viewer:
    """Opens pages at a given viewport width and collects what the browser complained about."""

    def __init__(self, driver, base_url: str):
        self.driver = driver
        self.base_url = base_url

    @property
    def prefix(self) -> str:
        """Where the site is published on its host: `/`, or `/chuyendoiso/` for a sub-path build."""
        from urllib.parse import urlsplit
        return urlsplit(self.base_url).path.rstrip("/") + "/"

    def set_width(self, width: int, height: int = 900) -> None:
        # Device metrics rather than window size: the window has no chrome to subtract in headless
        # mode, but this states the CSS viewport exactly.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def open(self, path: str, width: int, settle: float = 0.0) -> list[dict]:
        """Loads `path` at `width` px; returns the browser log entries the load produced.

        `settle` waits after the load event for requests the browser makes on its own afterwards (the
        icon), whose failures would otherwise be logged against the next page or not at all.
        """
        self.driver.get_log("browser")  # drop entries left by the previous page
        self.set_width(width)
        self.driver.get(self.base_url + path)
        self.driver.execute_script("return document.fonts ? document.fonts.ready : null")
        if settle:
            time.sleep(settle)
        return self.driver.get_log("browser")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def screenshot(self, path: Path, width: int) -> None:
        height = int(self.js("return Math.ceil(document.documentElement.scrollHeight)"))
        self.set_width(width, max(height, 1))
        self.driver.save_screenshot(str(path))
        self.set_width(width)


@pytest.fixture(scope="session")
def viewer(browser, site):
    return Viewer(browser, site.base_url)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
