"""Search and reading preferences as a reader uses them, in headless Chromium over the built site.

Search: typing without marks ("chuyen doi so") finds the items written with them, results that match
the marks as typed come first, matches are highlighted, and the count is announced in a live region.
Preferences: high contrast and text size persist from one page to the next.
"""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def results(viewer):
    return viewer.js("""
        return Array.from(document.querySelectorAll('[data-search-results] .search-result')).map(function (item) {
            var link = item.querySelector('a');
            return { title: link.textContent, href: link.getAttribute('href'),
                     marks: Array.from(item.querySelectorAll('mark')).map(function (m) { return m.textContent; }) };
        });""")


def search(viewer, browser, query):
    viewer.open("/tim-kiem/", 1280)
    box = browser.find_element(By.CSS_SELECTOR, "[data-search-input]")
    box.clear()
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text.startswith(("Tìm thấy", "Không")))
    return browser.find_element(By.CSS_SELECTOR, "[data-search-status]").text, results(viewer)


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


def test_exact_marks_rank_above_folded_matches(viewer, browser):
    _, found = search(viewer, browser, "số")
    assert found, "no result for số"
    assert "số" in found[0]["title"].lower() or any(mark == "số" for mark in found[0]["marks"]), found[0]


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
