"""An open browser tab follows `portal serve` by itself: a save reloads it, a broken save shows the
findings, the fix brings the page back.

Runs headless Chromium through Selenium against the `portal` executable built by `swift build`
(or the one named by PORTAL_BIN), on a copy of the bundled site, on 127.0.0.1 only.
"""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
PORTAL = Path(os.environ.get("PORTAL_BIN", REPO / ".build" / "debug" / "portal"))

ITEM = "news/zz-live-reload.md"
SLUG = "tin-thu-tai-lai-tu-dong"


def news(body: str, category: str = "chinh-quyen-so") -> str:
    return f'---\ntitle: "Tin thử tải lại tự động"\ndate: 2024-03-30T10:00\ncategory: {category}\n---\n{body}\n'


def save_like_an_editor(path: Path, text: str) -> None:
    """Write a temporary file beside the target, then rename it over the target, as most editors do."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.fixture()
def site():
    if not PORTAL.exists():
        pytest.fail(f"{PORTAL} not found: run `swift build` first or set PORTAL_BIN")
    with tempfile.TemporaryDirectory(prefix="portal-browser-") as folder:
        root = Path(folder)
        shutil.copytree(REPO / "Content", root / "Content")
        shutil.copytree(REPO / "Theme", root / "Theme")
        (root / "Content" / ITEM).write_text(news("Nội dung ban đầu."), encoding="utf-8")
        yield root


@pytest.fixture()
def server(site):
    process = subprocess.Popen([str(PORTAL), "serve", "--port", "0"], cwd=site,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
        if match:
            url = match.group(1)
            break
    if url is None:
        process.kill()
        pytest.fail(f"portal serve did not start: {process.stderr.read()}")
    yield url
    process.send_signal(signal.SIGINT)
    try:
        assert process.wait(timeout=10) == 0, "portal serve did not stop cleanly on Ctrl-C"
    finally:
        if process.poll() is None:
            process.kill()


@pytest.fixture()
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


def wait_until_listening(browser):
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return window.__portalLiveReload") == "open")


def wait_for_reload(browser, timeout=10):
    """The marker set on the old document is gone and the new document came from a reload."""
    WebDriverWait(browser, timeout).until(lambda b: b.execute_script(
        "return window.__marker === undefined && document.readyState === 'complete' &&"
        " performance.getEntriesByType('navigation')[0].type === 'reload'"))


def test_open_tab_reloads_by_itself_after_a_save(site, server, browser):
    browser.get(f"{server}tin-tuc/{SLUG}/")
    assert "Nội dung ban đầu." in browser.page_source
    wait_until_listening(browser)
    browser.execute_script("window.__marker = 1")

    save_like_an_editor(site / "Content" / ITEM, news("Nội dung đã sửa trong trình soạn thảo."))
    wait_for_reload(browser)
    assert "Nội dung đã sửa trong trình soạn thảo." in browser.find_element(By.CSS_SELECTOR, ".prose").text


def test_broken_save_shows_the_findings_and_the_fix_brings_the_page_back(site, server, browser):
    browser.get(f"{server}tin-tuc/{SLUG}/")
    wait_until_listening(browser)
    browser.execute_script("window.__marker = 1")

    save_like_an_editor(site / "Content" / ITEM, news("Nội dung.", category="kinh-te-so-sai"))
    wait_for_reload(browser)
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == "Không dựng được trang"
    findings = browser.find_element(By.TAG_NAME, "ol").text
    assert f"Content/{ITEM}:4:11" in findings
    assert 'unknown category "kinh-te-so-sai"' in findings
    assert "category: kinh-te-so-sai" in findings

    wait_until_listening(browser)
    browser.execute_script("window.__marker = 1")
    save_like_an_editor(site / "Content" / ITEM, news("Đã sửa xong."))
    wait_for_reload(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tin thử tải lại tự động"
    assert "Đã sửa xong." in browser.find_element(By.CSS_SELECTOR, ".prose").text


def test_built_files_never_carry_the_reload_script(site, server, browser):
    browser.get(server)
    wait_until_listening(browser)
    result = subprocess.run([str(PORTAL), "build"], cwd=site, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for page in (site / "Public").rglob("*.html"):
        assert "__portal" not in page.read_text(encoding="utf-8"), page
