#!/usr/bin/env python3
"""Every internal link of a built site resolves: href, src, srcset and #fragments, over the files.

    scripts/check_links.py [Public] [--base-url https://chuyendoiso.backan.gov.vn/] [--linkchecker]

Reads every HTML page under the folder with html.parser and checks each internal reference against
the files themselves: the file exists (a folder URL needs its index.html) and a #fragment names an id
(or <a name>) on the target page. External URLs (other hosts, mailto:, tel:, data:) are not fetched.
Absolute URLs under the site's own base URL (canonical links) are checked as internal.

Also reports pages that no link reaches from / or /404.html: linkchecker crawls from those two, so a
page it cannot reach is a page it never checks.

With --linkchecker it then serves the folder over HTTP and runs Debian's linkchecker (AnchorCheck on)
from the same two start pages, and fails unless both report no problem and linkchecker fetched exactly
the pages this script read. Exit status: 0 clean, 1 problems.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

START_PAGES = ["/", "/404.html"]

# Attributes that point at another resource, by tag ("*" for any tag).
URL_ATTRIBUTES = {
    "a": ["href"], "area": ["href"], "link": ["href"],
    "img": ["src", "srcset"], "source": ["src", "srcset"], "script": ["src"], "iframe": ["src"],
    "audio": ["src"], "video": ["src", "poster"], "track": ["src"], "embed": ["src"], "object": ["data"],
    "form": ["action"], "use": ["href", "xlink:href"], "image": ["href", "xlink:href"],
}
# SVG paint servers and markers refer to ids on the same page: fill="url(#pattern-1)".
LOCAL_URL = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)['\"]?\s*\)")
EXTERNAL_SCHEMES = {"mailto", "tel", "data", "javascript", "sms", "ftp"}


@dataclass
class Reference:
    line: int
    attribute: str
    value: str


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)
    duplicate_ids: list[tuple[int, str]] = field(default_factory=list)


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(name):
                if name == "id" and values[name] in self.page.ids:
                    self.page.duplicate_ids.append((line, values[name]))
                self.page.ids.add(values[name])
        for attribute in URL_ATTRIBUTES.get(tag, []):
            value = values.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.page.references.append(Reference(line, attribute, url))
            else:
                self.page.references.append(Reference(line, attribute, value))
        for name, value in attrs:
            for match in LOCAL_URL.finditer(value or ""):
                self.page.references.append(Reference(line, name, "#" + match.group(1)))


def page_url(relative: str) -> str:
    """`tin-tuc/a/index.html` → `/tin-tuc/a/`; `404.html` → `/404.html`."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


@dataclass
class Result:
    problems: list[str]
    pages: set[str]
    reachable: set[str]


def check(public: Path, base_url: str | None = None) -> Result:
    public = public.resolve()
    html_files = sorted(p.relative_to(public).as_posix() for p in public.rglob("*.html"))
    pages: dict[str, Page] = {}
    problems: list[str] = []
    for relative in html_files:
        parser = PageParser()
        parser.feed((public / relative).read_text(encoding="utf-8"))
        parser.close()
        pages[page_url(relative)] = parser.page
        for line, duplicate in parser.page.duplicate_ids:
            problems.append(f"{public.name}/{relative}:{line}: id \"{duplicate}\" is used twice on the page")

    base = urlsplit(base_url) if base_url else None
    # A site published under a sub-path (`--base-url …/chuyendoiso/`) writes every address under it.
    prefix = (base.path if base.path.endswith("/") else base.path + "/") if base else "/"

    def internal(url: str, value: str) -> tuple[str, str] | None:
        """(path, fragment) of a reference made on page `url` (a site path); None when it leaves the
        site; the path is None for a root-relative address outside the sub-path."""
        parts = urlsplit(urljoin("http://site" + prefix + url.lstrip("/"), value))
        if parts.scheme != "http" or parts.netloc != "site":
            if base and parts.scheme in ("http", "https") and parts.netloc == base.netloc and parts.path.startswith(prefix):
                return "/" + parts.path[len(prefix):], parts.fragment
            return None
        if not parts.path.startswith(prefix):
            return None, parts.fragment
        return "/" + parts.path[len(prefix):], parts.fragment

    def target_file(path: str) -> tuple[Path | None, str]:
        """The file a URL path is served from, as http.server serves it, and the page key."""
        decoded = unquote(path)
        candidate = (public / decoded.lstrip("/")).resolve()
        if candidate != public and public not in candidate.parents:
            return None, ""
        if decoded.endswith("/") or candidate == public:
            index = candidate / "index.html"
            return (index if index.is_file() else None), decoded if decoded.endswith("/") else decoded + "/"
        if candidate.is_file():
            return candidate, decoded[: -len("index.html")] if decoded.endswith("/index.html") else decoded
        return None, decoded

    links: dict[str, set[str]] = {url: set() for url in pages}
    for url, page in pages.items():
        source = url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/")
        for reference in page.references:
            if urlsplit(reference.value).scheme in EXTERNAL_SCHEMES:
                continue
            resolved = internal(url, reference.value)
            if resolved is None:
                continue
            path, fragment = resolved
            where = f"{public.name}/{source}:{reference.line}: {reference.attribute}=\"{reference.value}\""
            if path is None:
                problems.append(f"{where}: outside {prefix}, where the site is published")
                continue
            file, key = target_file(path)
            if file is None:
                problems.append(f"{where}: no such file in {public.name}/")
                continue
            if key in pages:
                links[url].add(key)
            if fragment:
                fragment = unquote(fragment)
                target = pages.get(key)
                if target is None:
                    problems.append(f"{where}: #{fragment} points into a file that is not an HTML page")
                elif fragment not in target.ids:
                    problems.append(f"{where}: no element with id \"{fragment}\" on {key}")

    reachable: set[str] = set()
    queue = [start for start in START_PAGES if start in pages]
    while queue:
        current = queue.pop()
        if current in reachable:
            continue
        reachable.add(current)
        queue.extend(sorted(links[current] - reachable))
    for orphan in sorted(set(pages) - reachable):
        problems.append(f"{orphan}: no link reaches this page from {' or '.join(START_PAGES)}")
    return Result(problems=problems, pages=set(pages), reachable=reachable)


def base_url_from_site_yaml(path: Path) -> str | None:
    if not path.is_file():
        return None
    match = re.search(r"^base_url:\s*['\"]?([^'\"\s#]+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    if not match:
        return None
    url = match.group(1)
    return url if url.endswith("/") else url + "/"


LINKCHECKER_CONFIG = Path(__file__).resolve().parent / "linkcheckerrc"


def run_linkchecker(public: Path, base_url: str | None = None) -> tuple[list[str], set[str]]:
    """linkchecker over HTTP: (problems, HTML pages it fetched, as site paths). A base URL on
    127.0.0.1 is served where it says (its port and sub-path)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from static_server import StaticServer

    # linkchecker drops root privileges to `nobody` before it reads anything else: give it a config
    # it can read wherever the repository is checked out.
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        config = Path(folder) / "linkcheckerrc"
        shutil.copyfile(LINKCHECKER_CONFIG, config)
        os.chmod(config, 0o644)
        with StaticServer.for_base_url(public, base_url, linkchecker_header=True) as server:
            prefix = server.prefix
            command = ["linkchecker", "--config", str(config), "--no-status", "--verbose", "--output", "csv"]
            command += [server.base_url + start for start in START_PAGES]
            run = subprocess.run(command, capture_output=True, text=True, timeout=900)
    rows = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    problems: list[str] = []
    fetched: set[str] = set()
    if not rows:
        return [f"linkchecker printed no results (exit {run.returncode}): {run.stderr.strip()[-2000:]}"], fetched
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        real = urlsplit(row["url"] or "")
        if row["valid"] != "True" or row["warningstring"]:
            problems.append(f"linkchecker: {row['urlname']} on {row['parentname']} line {row['line']}: "
                            f"{row['result']} {row['warningstring']}".strip())
        elif real.hostname == "127.0.0.1" and not real.fragment and (real.path.endswith("/") or real.path.endswith(".html")):
            if not real.path.startswith(prefix):
                problems.append(f"linkchecker: {row['urlname']} on {row['parentname']}: outside {prefix}")
                continue
            fetched.add("/" + unquote(real.path)[len(prefix):])
    if run.returncode not in (0, 1):
        problems.append(f"linkchecker failed (exit {run.returncode}): {run.stderr.strip()[-2000:]}")
    elif run.returncode == 1 and not problems:
        problems.append("linkchecker exited 1 but listed no problem")
    return problems, fetched


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("public", nargs="?", default="Public", type=Path)
    arguments.add_argument("--base-url", help="default: base_url from Content/site.yaml")
    arguments.add_argument("--linkchecker", action="store_true", help="also run linkchecker over HTTP and compare")
    options = arguments.parse_args()
    base_url = options.base_url or base_url_from_site_yaml(Path("Content/site.yaml"))

    result = check(options.public, base_url)
    for problem in result.problems:
        print(problem)
    print(f"check_links: {len(result.pages)} pages read, {len(result.problems)} problem(s)")
    failed = bool(result.problems)

    if options.linkchecker:
        problems, fetched = run_linkchecker(options.public, base_url)
        for problem in problems:
            print(problem)
        print(f"linkchecker: {len(fetched)} pages fetched, {len(problems)} problem(s)")
        failed = failed or bool(problems)
        if not problems:
            for missing in sorted(result.reachable - fetched):
                print(f"disagree: check_links reached {missing} but linkchecker did not fetch it")
                failed = True
            for extra in sorted(fetched - result.pages):
                print(f"disagree: linkchecker fetched {extra}, which check_links did not read")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
