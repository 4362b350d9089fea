"""The ranking pages on a test site with three levels, two periods and a map (Tests/browser/rankings-site,
built by .ci/run into Public-rankings/): axe-core WCAG 2.1 AA and a clean console on every ranking page
type at both widths, the table sorted by rank without JavaScript and by any column with it, its first
columns in view on a 360 px phone, and the map's regions as named links."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT, Viewer
from static_server import StaticServer
from test_accessibility import AXE_SOURCE, RUN, TAGS
from test_pages import FAILED_RESOURCES, OVERFLOW

PUBLIC = Path(os.environ.get("PORTAL_RANKINGS_PUBLIC", ROOT / "Public-rankings"))

PAGES = {
    "rankings": "/xep-hang/",
    "ranking-level": "/xep-hang/huyen/",
    "ranking-period": "/xep-hang/huyen/2022/",
    "ranking-unit": "/xep-hang/don-vi/huyen-a/",
    "ranking-commune": "/xep-hang/don-vi/xa-a/",
    "ranking-shortcode": "/ket-qua/",
}
WIDTHS = [360, 1280]


@pytest.fixture(scope="module")
def rankings(browser):
    if not (PUBLIC / "xep-hang" / "index.html").is_file():
        pytest.fail(f"{PUBLIC}/xep-hang/index.html not found: run "
                    "`swift run portal build --content Tests/browser/rankings-site/Content --output Public-rankings` first")
    with StaticServer(PUBLIC) as server:
        yield Viewer(browser, server.base_url)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_ranking_page_is_accessible_and_loads_cleanly(rankings, name, width):
    log = rankings.open(PAGES[name], width, settle=0.3)
    severe = [f"{entry['level']}: {entry['message']}" for entry in log if entry["level"] == "SEVERE"]
    assert severe == [], f"console errors or failed requests on {PAGES[name]}"
    assert rankings.js(FAILED_RESOURCES) == []
    assert rankings.js(OVERFLOW) == [], f"{PAGES[name]} is wider than {width} px"
    rankings.js(AXE_SOURCE)
    violations = rankings.driver.execute_async_script(RUN, TAGS)
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)
    assert violations == [], f"axe found on {PAGES[name]} at {width} px:\n{report}"


ROW_NAMES = "return Array.from(document.querySelectorAll('.ranking-layout table tbody th')).map(th => th.textContent.trim());"


def test_the_table_sorts_by_any_column(rankings):
    rankings.open("/xep-hang/huyen/", 1280)
    assert rankings.js(ROW_NAMES) == ["Huyện Thử nghiệm A", "Huyện Thử nghiệm B", "Huyện Thử nghiệm C"]
    # "Hạ tầng số" is the fourth column: 45, 30, 35 → ascending B, C, A, then descending.
    heading = "document.querySelectorAll('.ranking-layout table thead th')[3]"
    rankings.js(f"{heading}.querySelector('button').click()")
    assert rankings.js(ROW_NAMES) == ["Huyện Thử nghiệm B", "Huyện Thử nghiệm C", "Huyện Thử nghiệm A"]
    assert rankings.js(f"return {heading}.getAttribute('aria-sort')") == "ascending"
    rankings.js(f"{heading}.querySelector('button').click()")
    assert rankings.js(ROW_NAMES) == ["Huyện Thử nghiệm A", "Huyện Thử nghiệm C", "Huyện Thử nghiệm B"]
    assert rankings.js(f"return {heading}.getAttribute('aria-sort')") == "descending"
    assert rankings.js("return document.querySelectorAll('.ranking-layout thead [aria-sort]').length") == 1


def test_without_javascript_the_table_is_in_rank_order(rankings):
    rankings.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        rankings.open("/xep-hang/huyen/", 1280)
        assert rankings.js(ROW_NAMES) == ["Huyện Thử nghiệm A", "Huyện Thử nghiệm B", "Huyện Thử nghiệm C"]
        assert rankings.js("return document.querySelectorAll('.sort-button').length") == 0
    finally:
        rankings.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_rank_and_unit_stay_in_view_when_the_table_scrolls_on_a_phone(rankings):
    rankings.open("/xep-hang/huyen/", 360)
    box = "document.querySelector('.ranking-layout .table-scroll')"
    assert rankings.js(f"return {box}.scrollWidth > {box}.clientWidth"), "the table fits: nothing to check"
    before = rankings.js("return document.querySelector('.ranking-layout tbody th').getBoundingClientRect().left")
    rankings.js(f"{box}.scrollLeft = {box}.scrollWidth")
    after = rankings.js("return document.querySelector('.ranking-layout tbody th').getBoundingClientRect().left")
    assert abs(after - before) < 1, f"the unit column moved from {before} to {after}"
    # Scrolled to its end, the last column is readable beside the ones that stayed.
    last = rankings.js("return document.querySelector('.ranking-layout tbody td:last-child').getBoundingClientRect().right")
    assert last <= 361


def test_map_regions_are_links_named_by_unit_and_total(rankings):
    rankings.open("/xep-hang/huyen/", 1280)
    names = rankings.js("return Array.from(document.querySelectorAll('.ranking-map a')).map(a => a.getAttribute('aria-label'));")
    assert names == ["Huyện Thử nghiệm A: 85 điểm, hạng 1, Tốt", "Huyện Thử nghiệm B: 60 điểm, hạng 2, Khá",
                     "Huyện Thử nghiệm C: 60 điểm, hạng 2, Khá"]
    size = rankings.js("const r = document.querySelector('.ranking-map svg').getBoundingClientRect(); return [r.width, r.height];")
    assert size[0] > 100 and size[1] > 30


def test_an_old_address_sends_the_reader_on_to_the_page(rankings):
    """`aliases:` on the shortcode page: its old address is a small redirect page (SPEC §11) that a
    browser follows at once, that asks search engines not to index it and names the page it moved to."""
    old = "/trang-cu/ket-qua-xep-hang/"
    redirect = (PUBLIC / old.strip("/") / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in redirect
    assert 'rel="canonical"' in redirect and "/ket-qua/" in redirect
    assert ">Kết quả nổi bật</a>" in redirect, "the redirect page names the page it moved to"
    rankings.open(old, 360, settle=0.5)
    assert rankings.driver.current_url == rankings.base_url + "/ket-qua/"
    assert rankings.js("return document.querySelector('h1').textContent.trim()") == "Kết quả nổi bật"
