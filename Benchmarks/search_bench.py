#!/usr/bin/env python3
"""Portal's search beside Pagefind 1.5 over the same built site, in headless Chromium (Selenium).

    Benchmarks/search.sh [N ...]       (builds, indexes and serves; this script is its second half)
    python3 Benchmarks/search_bench.py --site OUT --base http://127.0.0.1:PORT --content CONTENT --out table.md

For each query, each tool and each network profile (unthrottled, and a weak 3G link through
`Network.emulateNetworkConditions`), with the browser cache disabled, on the site's search page already
loaded: the time from issuing the query to the first results shown (portal: the result list drawn with
its excerpts; Pagefind: `search()` plus `data()` of the first ten results, which is what its UI shows),
the bytes fetched for it (`transferSize` of the resources requested after the query started, gzip as
the server sent them) and the results. Recall is measured against the news items whose text has every
word of the query (marks folded), read from the corpus's Markdown. Tools alternate query by query
(A B A B), twice; the table gives the median.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

THREE_G = {"offline": False, "latency": 300, "downloadThroughput": 50_000, "uploadThroughput": 20_000}
FAST = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}

QUERIES = [
    ("rare word", "VssID"),
    ("common word", "tỉnh"),
    ("phrase", "dịch vụ công trực tuyến"),
    ("without marks", "chuyen doi so"),
    ("misspelt mark", "chuyễn đổi số"),
]

WORD = re.compile(r"[^\W_]+|\d+", re.UNICODE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("đ", "d")


def words(text: str) -> set[str]:
    return {fold(w) for w in WORD.findall(text)}


def expected_news(content: Path, query: str) -> set[str]:
    """Addresses of the news items whose title or body has every word of the query, marks folded."""
    wanted = words(query)
    found = set()
    for path in sorted((content / "news").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        slug = re.search(r"^slug:\s*(\S+)", text, re.M)
        if wanted <= words(text):
            found.add(f"/tin-tuc/{slug.group(1) if slug else path.stem}/")
    return found


PORTAL_QUERY = """
const done = arguments[arguments.length - 1];
const query = arguments[0];
performance.clearResourceTimings();
const status = document.querySelector('[data-search-status]');
const start = performance.now();
document.querySelector('[data-search-input]').value = query;
document.querySelector('[data-search-form]').requestSubmit();
const timer = setInterval(() => {
  if (!/^(Tìm thấy|Không)/.test(status.textContent)) return;
  clearInterval(timer);
  const elapsed = performance.now() - start;
  const entries = performance.getEntriesByType('resource').filter(e => e.startTime >= start - 1);
  const links = Array.from(document.querySelectorAll('[data-search-results] .search-result a')).map(a => a.getAttribute('href'));
  const count = parseInt((status.textContent.match(/Tìm thấy ([0-9]+)/) || [0, 0])[1], 10);
  done({elapsed, bytes: entries.reduce((s, e) => s + e.transferSize, 0), requests: entries.length, count, links});
}, 5);
"""

PAGEFIND_QUERY = """
const done = arguments[arguments.length - 1];
const query = arguments[0];
performance.clearResourceTimings();
const start = performance.now();
(async () => {
  const pagefind = await import(new URL('/_pf/pagefind.js', location.href).href);
  await pagefind.init();
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  const elapsed = performance.now() - start;
  // Every result's address, for recall: fetched after the clock stopped, and not counted.
  const entries = performance.getEntriesByType('resource').filter(e => e.startTime >= start - 1 && e.responseEnd <= start + elapsed + 1);
  const all = [];
  for (let i = 0; i < search.results.length; i += 50) {
    const part = await Promise.all(search.results.slice(i, i + 50).map(r => r.data()));
    part.forEach(d => all.push(new URL(d.url, location.href).pathname));
  }
  done({elapsed, bytes: entries.reduce((s, e) => s + e.transferSize, 0), requests: entries.length,
        count: search.results.length, links: shown.map(d => new URL(d.url, location.href).pathname), all});
})().catch(error => done({error: String(error)}));
"""

PORTAL_ALL = """
const done = arguments[arguments.length - 1];
// Every result's address, for recall: the ranked list the page holds, read through the page's own
// functions (the store files of every result).
const query = arguments[0];
(async () => {
  const base = new URL(document.querySelector('[data-search-index]').getAttribute('data-search-index'), document.baseURI);
  const get = async path => (await fetch(new URL(path, base))).json();
  const directory = await get(base.href);
  const words = PortalSearch.tokens(query);
  const entry = async key => {
    const shard = PortalSearch.shardFor(directory.shards, key);
    const entries = await get(directory.paths.shard + shard + '.json');
    return entries.find(e => e[0] === key) || null;
  };
  const decodedWords = (await Promise.all(words.map(w => entry(w.folded)))).map(e => e ? PortalSearch.decodeWord(e) : null);
  const pairs = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(words[i].folded + ' ' + words[i + 1].folded);
  const decodedPairs = (await Promise.all(pairs.map(entry))).map(e => e ? PortalSearch.decodePair(e) : null);
  const results = PortalSearch.rank(words, decodedWords, decodedPairs, directory.docs, null);
  const chunks = new Map();
  const urls = [];
  for (const r of results) {
    const c = Math.floor(r.document / directory.chunk);
    if (!chunks.has(c)) chunks.set(c, await get(directory.paths.chunk + c + '.json'));
    urls.push(chunks.get(c)[r.document % directory.chunk][2]);
  }
  done(urls);
})().catch(error => done({error: String(error)}));
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(180)
    driver.set_page_load_timeout(120)
    return driver


def run_query(driver, base: str, tool: str, query: str, network: dict) -> dict:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", FAST)
    driver.get(base + "/tim-kiem/")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", network)
    result = driver.execute_async_script(PORTAL_QUERY if tool == "portal" else PAGEFIND_QUERY, query)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", FAST)
    if "error" in result:
        raise RuntimeError(f"{tool} {query!r}: {result['error']}")
    if tool == "portal":
        all_links = driver.execute_async_script(PORTAL_ALL, query)
        if isinstance(all_links, dict):
            raise RuntimeError(f"portal {query!r}: {all_links['error']}")
        result["all"] = all_links
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--content", required=True, type=Path)
    parser.add_argument("--label", required=True)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args()
    driver = browser()
    rows = []
    try:
        for name, query in QUERIES:
            expected = expected_news(args.content, query)
            for network_name, network in [("unthrottled", FAST), ("3G", THREE_G)]:
                runs = {"portal": [], "pagefind": []}
                for _ in range(args.repeats):
                    for tool in ["portal", "pagefind"]:
                        runs[tool].append(run_query(driver, args.base, tool, query, network))
                for tool, results in runs.items():
                    last = results[-1]
                    found = {link for link in last["all"] if link.startswith("/tin-tuc/")}
                    recall = len(found & expected) / len(expected) if expected else 1.0
                    row = {"corpus": args.label, "query": name, "text": query, "network": network_name, "tool": tool,
                           "ms": statistics.median(r["elapsed"] for r in results),
                           "kb": statistics.median(r["bytes"] for r in results) / 1024,
                           "requests": last["requests"], "results": last["count"], "expected": len(expected),
                           "recall": recall, "top": last["links"][:3]}
                    rows.append(row)
                    print(json.dumps(row, ensure_ascii=False), flush=True)
    finally:
        driver.quit()
    args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
