"""Every page type in a real browser: no console errors, no failed requests, charts that take space,
no sideways scrolling on a 360 px phone, and screenshots for people to look at."""
from __future__ import annotations

import pytest

from pages import CHART_PAGES, PAGES, SCREENSHOT_PAGES, WIDTHS

FAILED_RESOURCES = """
return performance.getEntriesByType('resource')
  .concat(performance.getEntriesByType('navigation'))
  .filter(e => e.responseStatus >= 400)
  .map(e => e.name + ' → ' + e.responseStatus);
"""

BROKEN_IMAGES = """
return Array.from(document.images)
  .filter(img => !img.complete || img.naturalWidth === 0)
  .map(img => img.currentSrc || img.src);
"""

# The elements that stick out past the right edge, to say what to fix rather than only that.
OVERFLOW = """
const limit = window.innerWidth;
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const box = el.getBoundingClientRect();
  if (box.width > 0 && box.right > limit + 0.5) {
    let scroller = el.parentElement, clipped = false;
    while (scroller && scroller !== document.body) {
      const style = getComputedStyle(scroller);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) { clipped = true; break; }
      scroller = scroller.parentElement;
    }
    if (!clipped) out.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).split(' ').join('.') : '') + ' right=' + Math.round(box.right));
  }
}
return out.slice(0, 10);
"""

CHARTS = """
return Array.from(document.querySelectorAll('svg[role=img]')).map(svg => {
  const box = svg.getBoundingClientRect();
  return {label: svg.getAttribute('aria-labelledby') || svg.getAttribute('aria-label') || svg.id,
          width: box.width, height: box.height};
});
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_cleanly(viewer, name, width):
    log = viewer.open(PAGES[name], width, settle=0.3)
    assert viewer.js("return window.innerWidth") == width
    title = viewer.js("return document.title")
    assert title and "404" not in title or name == "not-found", f"{PAGES[name]} did not load its own page: {title!r}"
    severe = [f"{entry['level']}: {entry['message']}" for entry in log if entry["level"] == "SEVERE"]
    assert severe == [], f"console errors or failed requests on {PAGES[name]}"
    assert viewer.js(FAILED_RESOURCES) == []
    assert viewer.js(BROKEN_IMAGES) == []


@pytest.mark.parametrize("name", list(PAGES))
def test_no_horizontal_scrolling_on_a_phone(viewer, name):
    viewer.open(PAGES[name], 360)
    scroll_width = viewer.js("return document.scrollingElement.scrollWidth")
    inner_width = viewer.js("return window.innerWidth")
    assert scroll_width <= inner_width, f"{PAGES[name]} scrolls sideways at 360 px: {viewer.js(OVERFLOW)}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", CHART_PAGES + ["home"])
def test_charts_take_space(viewer, name, width):
    viewer.open(PAGES[name], width)
    charts = viewer.js(CHARTS)
    if name in CHART_PAGES:
        assert charts, f"no chart (svg[role=img]) on {PAGES[name]}"
    empty = [chart for chart in charts if chart["width"] < 1 or chart["height"] < 1]
    assert empty == [], f"charts of zero size on {PAGES[name]} at {width} px"


def test_every_page_names_an_icon_that_loads(viewer):
    # Without one, browsers ask for /favicon.ico on every first visit and log the 404 as an error.
    for name, path in PAGES.items():
        viewer.open(path, 1280)
        status = viewer.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const link = document.querySelector('link[rel~=icon]');
            if (!link) { done('no <link rel=icon>'); return; }
            fetch(link.href).then(r => done(r.status)).catch(e => done(String(e)));
        """)
        assert status == 200, f"{path}: icon {status}"


def test_news_item_shows_its_image_and_table(viewer):
    viewer.open(PAGES["news-item"], 1280)
    assert viewer.js("return document.querySelectorAll('.prose table, .article__figure img, .prose img').length") >= 2
    assert viewer.js("return document.querySelector('.prose table') !== null")
    assert viewer.js("return Array.from(document.images).every(img => img.naturalWidth > 0)")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SCREENSHOT_PAGES)
def test_screenshot(viewer, screenshots, name, width):
    viewer.open(PAGES[name], width)
    path = screenshots / f"{name}-{width}.png"
    viewer.screenshot(path, width)
    assert path.stat().st_size > 10_000
