#!/usr/bin/env python3
"""Portal's search beside Pagefind 1.5 over the same built site, in headless Chromium (Selenium).

    Benchmarks/search.sh [N ...]       (builds, indexes and serves; this script is its second half)
    python3 Benchmarks/search_bench.py --site OUT --base http://127.0.0.1:PORT --content CONTENT --out table.md

For each query, each tool and each network profile (unthrottled, and a weak 3G link through
`Network.emulateNetworkConditions`), with the browser cache disabled, on the site's search page already
loaded: the time from issuing the query to the first results shown (portal: the result list drawn with
its excerpts; Pagefind: `search()` plus `data()` of the first ten results, which is what its UI shows),
the bytes fetched for it (the server's `$bytes_sent` of every request made for the query: headers and
bodies, gzip as sent; Pagefind fetches from a worker, which the page's resource timing does not see) and the results. Recall is measured against the news items whose text has every
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
    # The generated corpus repeats its vocabulary: its rarest word is in 287 of 10,000 items.
    ("rare word", "SIPAS"),
    ("common word", "tỉnh"),
    ("phrase", "dịch vụ công trực tuyến"),
    ("without marks", "chuyen doi so"),
    ("misspelt mark", "chuyễn đổi số"),
]

# Recall is measured over every result's address where there are at most this many results (more
# would mean fetching thousands of Pagefind fragments); above, the table gives the result counts.
RECALL_LIMIT = 500

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
const LIMIT = arguments[1];
performance.clearResourceTimings();
const start = performance.now();
(async () => {
  const pagefind = await import(new URL('/_pf/pagefind.js', location.href).href);
  await pagefind.init();
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  const elapsed = performance.now() - start;
  window.__pagefindSearch = search;
  const entries = performance.getEntriesByType('resource').filter(e => e.startTime >= start - 1);
  done({elapsed, bytes: entries.reduce((s, e) => s + e.transferSize, 0), requests: entries.length,
        count: search.results.length, links: shown.map(d => new URL(d.url, location.href).pathname)});
})().catch(error => done({error: String(error)}));
"""

PAGEFIND_ALL = """
const done = arguments[arguments.length - 1];
// Every result's address, for recall, after the query was timed and its bytes counted.
const search = window.__pagefindSearch;
(async () => {
  const all = [];
  for (let i = 0; search.results.length <= arguments[1] && i < search.results.length; i += 50) {
    const part = await Promise.all(search.results.slice(i, i + 50).map(r => r.data()));
    part.forEach(d => all.push(new URL(d.url, location.href).pathname));
  }
  done(all);
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
  if (results.length > arguments[1]) { done([]); return; }
  const numbers = [...new Set(results.map(r => Math.floor(r.document / directory.chunk)))];
  const chunks = new Map(await Promise.all(numbers.map(async c => [c, await get(directory.paths.chunk + c + '.json')])));
  done(results.map(r => chunks.get(Math.floor(r.document / directory.chunk))[r.document % directory.chunk][2]));
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


def run_query(driver, base: str, tool: str, query: str, network: dict, access_log: Path) -> dict:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    # The page's cache setting does not reach a worker's fetches (Pagefind's): empty the cache itself.
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", FAST)
    driver.get(base + "/tim-kiem/")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", network)
    time.sleep(0.2)
    offset = access_log.stat().st_size
    result = driver.execute_async_script(PORTAL_QUERY if tool == "portal" else PAGEFIND_QUERY, query, RECALL_LIMIT)
    time.sleep(0.2)
    with open(access_log, "rb") as log:
        log.seek(offset)
        lines = [line.split(b" ", 1) for line in log.read().splitlines() if line.strip()]
    wire = sum(int(line[0]) for line in lines)
    requests = lines
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", FAST)
    if "error" in result:
        raise RuntimeError(f"{tool} {query!r}: {result['error']}")
    # Bytes as the server sent them (headers and gzip bodies) for every request the query made: the
    # browser's resource timing misses what a worker fetches, and Pagefind searches in a worker.
    result["bytes_resource_timing"] = result["bytes"]
    result["bytes"] = wire
    result["requests"] = len(requests)
    all_links = driver.execute_async_script(PORTAL_ALL if tool == "portal" else PAGEFIND_ALL, query, RECALL_LIMIT)
    if isinstance(all_links, dict):
        raise RuntimeError(f"{tool} {query!r}: {all_links['error']}")
    result["all"] = all_links
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--content", required=True, type=Path)
    parser.add_argument("--label", required=True)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--access-log", type=Path, required=True,
                        help="the server's log of `$bytes_sent $request_uri` lines: what each query fetched")
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
                        runs[tool].append(run_query(driver, args.base, tool, query, network, args.access_log))
                for tool, results in runs.items():
                    last = results[-1]
                    found = {link for link in last["all"] if link.startswith("/tin-tuc/")}
                    measurable = last["count"] <= RECALL_LIMIT and len(expected) <= RECALL_LIMIT
                    recall = (len(found & expected) / len(expected) if expected else 1.0) if measurable else None
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
