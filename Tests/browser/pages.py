"""Every page type of the bundled site, by the address a reader would open.

The list is fixed rather than crawled so that a page type that disappears from the build fails the
suite (its page is missing) instead of silently dropping out of it.
"""

# name → path. Names are used in test ids and screenshot file names.
PAGES = {
    "home": "/",
    "news-list": "/tin-tuc/",
    "news-list-page-2": "/tin-tuc/trang/2/",
    # A bundle: its own image beside it, and a Markdown table.
    "news-item": "/tin-tuc/he-thong-giai-quyet-thu-tuc-hanh-chinh-cua-tinh-tiep-nhan-xu-ly-27-568-ho-so/",
    "pillar": "/chuyen-muc/chinh-quyen-so/",
    "tag-index": "/the/",
    "tag": "/the/dich-vu-cong-truc-tuyen/",
    "page": "/gioi-thieu/",
    "contact": "/lien-he/",
    "not-found": "/404.html",
    "dashboard": "/chi-so/",
    "indicator": "/chi-so/1-1/",
    "reports": "/bao-cao/",
    "report": "/bao-cao/2024-q1/",
    "documents": "/van-ban/",
    "documents-by-type": "/van-ban/loai/ke-hoach/",
    "documents-by-year": "/van-ban/nam/2024/",
    "document": "/van-ban/833-kh-ubnd/",
    # The bundled site has the province's national places only; the other ranking pages are checked on
    # the test site of test_rankings.py.
    "rankings": "/xep-hang/",
    # With a query and a filter in the address, as a shared search opens (chuyển đổi số, news only).
    "search": "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&loai=tin-tuc",
}

# Pages whose screenshots the README promises, at both widths.
SCREENSHOT_PAGES = ["home", "news-item", "dashboard", "indicator", "report"]

# Pages that must carry at least one chart (inline `svg[role=img]`).
CHART_PAGES = ["dashboard", "indicator", "report", "rankings"]

WIDTHS = [360, 1280]
