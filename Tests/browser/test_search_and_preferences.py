"""Search and reading preferences as a reader uses them, in headless Chromium over the built site.

Search: typing without marks ("chuyen doi so") finds the items written with them, results that match
the marks as typed come first, a word only at the end of a long body is found, matches are highlighted,
filters and pages are in the address, the count is announced in a live region, and axe passes with results.
Preferences: high contrast and text size persist from one page to the next.
"""
from __future__ import annotations

import os
import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

# The site's own path when the suite runs over a build for a sub-path (PORTAL_BASE_URL), else "".
SITE_PATH = urllib.parse.urlsplit(os.environ.get("PORTAL_BASE_URL") or "/").path.rstrip("/")


def results(viewer):
    return viewer.js("""
        return Array.from(document.querySelectorAll('[data-search-results] .search-result')).map(function (item) {
            var link = item.querySelector('a');
            return { title: link.textContent, href: link.getAttribute('href'),
                     meta: item.querySelector('.search-result__meta').textContent,
                     excerpt: item.querySelector('.search-result__excerpt').textContent,
                     marks: Array.from(item.querySelectorAll('mark')).map(function (m) { return m.textContent; }) };
        });""")


def wait_for_results(browser):
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text.startswith(("Tìm thấy", "Không")))
    return browser.find_element(By.CSS_SELECTOR, "[data-search-status]").text


def search(viewer, browser, query):
    viewer.open("/tim-kiem/", 1280)
    box = browser.find_element(By.CSS_SELECTOR, "[data-search-input]")
    box.clear()
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    return wait_for_results(browser), results(viewer)


def test_typing_without_marks_finds_text_with_them(viewer, browser):
    status, found = search(viewer, browser, "chuyen doi so")
    assert status.startswith("Tìm thấy"), status
    assert len(found) >= 5
    titles = [item["title"] for item in found]
    assert any("Chuyển đổi số" in title or "chuyển đổi số" in title for title in titles), titles
    first = found[0]
    assert any(mark.lower() in ("chuyển", "đổi", "số") for mark in first["marks"]), first
    assert "chuyen doi so" in browser.current_url.replace("+", " ").replace("%20", " ")


def test_d_matches_the_letter_with_a_stroke(viewer, browser):
    _, found = search(viewer, browser, "dinh danh")
    assert any("định danh" in item["title"] for item in found), [item["title"] for item in found]


def test_a_query_with_marks_ranks_the_exact_marks_first(viewer, browser):
    # The bundled content writes both đường and dưỡng (one folded word, duong).
    _, found = search(viewer, browser, "đường")
    exact = ["đường" in [mark.lower() for mark in item["marks"]] for item in found]
    assert True in exact and False in exact, found
    assert exact == sorted(exact, reverse=True), [(item["title"], item["marks"]) for item in found]
    _, found = search(viewer, browser, "dưỡng")
    assert "dưỡng" in [mark.lower() for mark in found[0]["marks"]], found[0]
    # Without marks, both forms are found.
    _, unmarked = search(viewer, browser, "duong")
    assert len(unmarked) == len(found)


def test_a_word_only_at_the_end_of_a_long_body_is_found_and_shown(viewer, browser):
    # "trải nghiệm" is written in one news item only, near the end of its body (past its first 2,000
    # characters); an indicator's notes say it too.
    for query in ["trải nghiệm", "trai nghiem"]:
        status, found = search(viewer, browser, query)
        assert status.startswith("Tìm thấy"), (query, status)
        news = [item for item in found if item["href"].startswith(SITE_PATH + "/tin-tuc/")]
        assert [item["href"] for item in news] == [
            SITE_PATH + "/tin-tuc/he-thong-giai-quyet-thu-tuc-hanh-chinh-cua-tinh-tiep-nhan-xu-ly-27-568-ho-so/"], found
        assert news[0]["marks"][:2] == ["trải", "nghiệm"], news[0]
        assert news[0]["excerpt"].startswith("… "), news[0]["excerpt"]


def test_results_show_kind_date_and_pillar_and_marks_are_elements(viewer, browser):
    _, found = search(viewer, browser, "VssID")
    news = [item for item in found if item["meta"].startswith("Tin tức")]
    assert news, found
    assert re.search(r"Tin tức · \d\d/\d\d/\d{4} · \S", news[0]["meta"]), news[0]["meta"]
    # Marks are <mark> elements made from text nodes: markup in a title would stay text.
    assert viewer.js("return document.querySelectorAll('[data-search-results] mark script, [data-search-results] b').length") == 0


def test_filters_are_in_the_address_and_a_shared_address_gives_the_same_results(viewer, browser):
    _, everything = search(viewer, browser, "chuyen doi so")
    Select(browser.find_element(By.ID, "loc-loai")).select_by_value("bao-cao")
    WebDriverWait(browser, 10).until(lambda driver: "loai=bao-cao" in driver.current_url)
    wait_for_results(browser)
    WebDriverWait(browser, 10).until(lambda driver: all(item["meta"].startswith("Báo cáo") for item in results(viewer)))
    reports = results(viewer)
    assert reports and len(reports) < len(everything)
    Select(browser.find_element(By.ID, "loc-nam")).select_by_value("2024")
    WebDriverWait(browser, 10).until(lambda driver: "nam=2024" in driver.current_url)
    shared = browser.current_url
    wait_for_results(browser)
    filtered = results(viewer)
    # Opening the shared address shows the same filters and the same results.
    viewer.open(shared.replace(viewer.base_url, ""), 1280)
    wait_for_results(browser)
    assert Select(browser.find_element(By.ID, "loc-loai")).first_selected_option.get_attribute("value") == "bao-cao"
    assert Select(browser.find_element(By.ID, "loc-nam")).first_selected_option.get_attribute("value") == "2024"
    assert browser.find_element(By.ID, "tu-khoa").get_attribute("value") == "chuyen doi so"
    WebDriverWait(browser, 10).until(lambda driver: results(viewer) == filtered)
    # A pillar filter keeps news of that pillar only.
    viewer.open("/tim-kiem/?q=so&chuyen-muc=chinh-quyen-so", 1280)
    wait_for_results(browser)
    pillar = results(viewer)
    assert pillar and all(item["meta"].endswith("Chính quyền số") for item in pillar), pillar


def test_paging_by_keyboard_moves_focus_to_the_next_results(viewer, browser):
    viewer.open("/tim-kiem/?q=so", 1280)
    status = wait_for_results(browser)
    assert "trang 1/" in status, status
    first_page = results(viewer)
    assert len(first_page) == 10
    next_button = browser.find_element(By.XPATH, "//*[@data-search-pager]//button[text()='Trang sau']")
    next_button.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: "trang 2/" in driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text)
    assert "trang=2" in browser.current_url
    second_page = results(viewer)
    assert second_page and second_page[0]["href"] not in [item["href"] for item in first_page]
    focused = viewer.js("return document.activeElement.getAttribute('href')")
    assert focused == second_page[0]["href"]
    # The count is announced in a polite live region.
    region = browser.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"


def test_a_query_fetches_only_its_shards_and_the_results_it_shows(viewer, browser):
    viewer.open("/tim-kiem/?q=VssID", 1280)
    wait_for_results(browser)
    fetched = viewer.js("""return performance.getEntriesByType('resource').map(function (e) { return e.name; })
                           .filter(function (name) { return name.indexOf('/tim-kiem/chi-muc/') >= 0; });""")
    shards = [name for name in fetched if "/chi-muc/t/" in name]
    chunks = [name for name in fetched if "/chi-muc/d/" in name]
    assert any(name.endswith("/muc-luc.json") for name in fetched), fetched
    assert len(shards) == 1, fetched
    assert 1 <= len(chunks) <= len(results(viewer)), fetched


def test_the_search_page_with_results_passes_axe(viewer, browser):
    from test_accessibility import AXE_SOURCE, RUN, TAGS
    for width in [360, 1280]:
        viewer.open("/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91", width)
        wait_for_results(browser)
        viewer.js(AXE_SOURCE)
        violations = viewer.driver.execute_async_script(RUN, TAGS)
        assert violations == [], violations


def test_the_search_box_in_every_header_leads_to_results(viewer, browser):
    viewer.open("/", 1280)
    box = browser.find_element(By.CSS_SELECTOR, "#o-tim-kiem")
    box.send_keys("bao cao quy i")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: "/tim-kiem/" in driver.current_url)
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text.startswith("Tìm thấy"))
    assert any(item["href"].startswith(viewer.prefix + "bao-cao/2024-q1/") for item in results(viewer))


def test_contrast_and_text_size_persist_between_pages(viewer, browser):
    viewer.open("/", 1280)
    browser.execute_script("window.localStorage.clear()")
    viewer.open("/", 1280)
    browser.find_element(By.CSS_SELECTOR, "[data-contrast]").click()
    browser.find_element(By.CSS_SELECTOR, "[data-font-size='1']").click()
    assert browser.find_element(By.CSS_SELECTOR, "[data-contrast]").get_attribute("aria-pressed") == "true"
    viewer.open("/chi-so/", 1280)
    classes = viewer.js("return document.documentElement.className")
    assert "high-contrast" in classes and "font-size-1" in classes, classes
    # The charts follow the contrast setting: their text colour is the high-contrast one.
    fill = viewer.js("var t = document.querySelector('svg.chart text'); return t ? getComputedStyle(t).fill : ''")
    browser.find_element(By.CSS_SELECTOR, "[data-contrast]").click()
    normal = viewer.js("var t = document.querySelector('svg.chart text'); return t ? getComputedStyle(t).fill : ''")
    assert fill and normal and fill != normal, (fill, normal)
    browser.execute_script("window.localStorage.clear()")
