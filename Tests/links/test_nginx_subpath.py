"""The bundled site behind a real nginx under a sub-path, as a province publishes it (SPEC §11).

Builds the bundled content (plus old addresses on one item) with `--base-url
http://127.0.0.1:PORT/chuyendoiso/`, serves the output with Debian's nginx on 127.0.0.1 under
`location /chuyendoiso/ { alias …; }` with the server snippet the build wrote beside it, and crawls from
the home page: every link, image, stylesheet, script and form address of every page is fetched, and any
address outside the prefix or any answer but 200 fails. Then the old addresses: the query form gets a
301 from nginx, the path a redirect page.

Uses the `portal` executable built by `swift build` (or PORTAL_BIN) and `nginx` (or NGINX_BIN).
"""
from __future__ import annotations

import http.client
import os
import json
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PORTAL = Path(os.environ.get("PORTAL_BIN", REPO / ".build" / "debug" / "portal"))
NGINX = os.environ.get("NGINX_BIN", "/usr/sbin/nginx")
PREFIX = "/chuyendoiso/"
OLD_QUERY = "index.php?com=tintuc_ct&id_news=170"
OLD_PATH = "/tin-tuc/ke-hoach-2024-cu/"

# The README's sample configuration, with the paths of this test (keep the two alike).
NGINX_CONF = """
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;

    # The old site's addresses (aliases: in front matter), written by portal build beside the output.
    include {snippet};

    # HTML is checked again at every visit; files whose name carries a hash of their bytes never change.
    map $sent_http_content_type $portal_html_cache {{
        ~^text/html "no-cache";
    }}
    map $uri $portal_hashed_cache {{
        "~-[0-9a-f]{{8}}(-[0-9]+)?\\.[a-z0-9]+$" "public, max-age=31536000, immutable";
    }}

    server {{
        listen 127.0.0.1:{port};
        server_name localhost;

        if ($portal_alias) {{ return 301 $portal_alias; }}

        location {prefix} {{
            alias {public}/;
            error_page 404 {prefix}404.html;
            add_header Cache-Control $portal_html_cache;
            add_header Cache-Control $portal_hashed_cache;
            # (precompressed files: gzip_static / brotli_static here)
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class References(HTMLParser):
    """Every address a page makes the browser (or a reader) fetch."""

    ATTRIBUTES = {"href", "src", "action", "poster", "data", "xlink:href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in self.ATTRIBUTES:
                self.found.append(value.strip())
            elif name == "srcset":
                self.found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            elif name == "content" and re.match(r"\d+;\s*url=", value):
                self.found.append(value.split("=", 1)[1])
            elif name == "content" and value.startswith("http"):
                self.found.append(value)

    handle_startendtag = handle_starttag


class Server:
    def __init__(self, port: int):
        self.port = port

    def get(self, target: str) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", target)
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response


@pytest.fixture(scope="module")
def hosted():
    if not PORTAL.is_file():
        pytest.fail(f"{PORTAL} not found: run `swift build` first or set PORTAL_BIN")
    if not Path(NGINX).is_file():
        pytest.fail(f"{NGINX} not found: apt-get install nginx-light")
    # Not under pytest's own temporary folder: that one is private to root, and nginx's workers read as
    # `nobody`.
    root = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    root.chmod(0o755)
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    item = sorted((content / "news").glob("*.md"))[0]
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("---\n", f'---\naliases: ["{OLD_QUERY}", "{OLD_PATH}"]\n', 1), encoding="utf-8")
    for path in ["body", "proxy", "fastcgi", "uwsgi", "scgi"]:
        (root / path).mkdir()
    for attempt in range(5):
        port = free_port()
        public = root / "Public"
        build = subprocess.run([str(PORTAL), "build", "--content", str(content), "--theme", str(REPO / "Theme"),
                                "--output", str(public), "--base-url", f"http://127.0.0.1:{port}{PREFIX}"],
                               capture_output=True, text=True, timeout=600)
        assert build.returncode == 0, build.stderr
        snippet = root / "Public.nginx-aliases.conf"
        assert snippet.is_file(), "the build writes the server snippet beside the output"
        # nginx's workers read as `nobody`.
        for path in [root, *root.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o755 if path.is_dir() else path.stat().st_mode | 0o644)
        conf = root / "nginx.conf"
        conf.write_text(NGINX_CONF.format(root=root, port=port, prefix=PREFIX, public=public, snippet=snippet))
        process = subprocess.Popen([NGINX, "-p", str(root), "-c", str(conf), "-g", "daemon off;"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        server = Server(port)
        deadline = time.monotonic() + 10
        serving = False
        while time.monotonic() < deadline and process.poll() is None:
            try:
                home = server.get(PREFIX)
                serving = home.status == 200 and home.body == (public / "index.html").read_bytes()
                break
            except OSError:
                time.sleep(0.1)
        if serving:
            try:
                yield server, public
            finally:
                process.terminate()
                process.wait(timeout=10)
                shutil.rmtree(root, ignore_errors=True)
            return
        process.terminate()
        error = process.communicate(timeout=10)[1]
        error += (root / "error.log").read_text() if (root / "error.log").exists() else ""
        if "Address already in use" not in error:
            pytest.fail(f"nginx did not serve the site: {error}")
    pytest.fail("no free port for nginx")


def test_every_address_reached_from_the_home_page_is_under_the_prefix_and_answers(hosted):
    server, public = hosted
    origin = f"http://127.0.0.1:{server.port}"
    queue = [PREFIX]
    seen = {PREFIX}
    outside, failed, pages = [], [], 0
    while queue:
        path = queue.pop()
        response = server.get(path)
        if response.status != 200:
            failed.append(f"{path}: {response.status}")
            continue
        if not response.getheader("Content-Type", "").startswith("text/html"):
            continue
        pages += 1
        assert response.getheader("Cache-Control") == "no-cache", f"{path}: HTML is checked again at every visit"
        parser = References()
        parser.feed(response.body.decode("utf-8"))
        for value in parser.found:
            absolute = urllib.parse.urljoin(origin + path, value)
            parts = urllib.parse.urlsplit(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != f"127.0.0.1:{server.port}":
                continue
            if not parts.path.startswith(PREFIX):
                outside.append(f"{path}: {value}")
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert outside == []
    assert failed == []
    built = sum(1 for _ in public.rglob("*.html"))
    assert pages > 100 and pages >= built - 5, f"the crawl read {pages} pages of {built}"


def test_feeds_sitemap_and_search_index_name_addresses_under_the_prefix(hosted):
    server, _ = hosted
    base = f"http://127.0.0.1:{server.port}{PREFIX}"
    sitemap = server.get(PREFIX + "sitemap.xml").body.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 100 and all(location.startswith(base) for location in locations)
    for location in locations[::25]:
        assert server.get(urllib.parse.urlsplit(location).path).status == 200, location
    feed = server.get(PREFIX + "rss.xml").body.decode()
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert links and all(link.startswith(base) for link in links)
    # The search index: its directory, then every file of its document store (rows: kind, title, url, …).
    directory = server.get(PREFIX + "tim-kiem/chi-muc/muc-luc.json")
    assert directory.status == 200
    listing = json.loads(directory.body)
    urls = []
    for number in range((listing["docs"] + listing["chunk"] - 1) // listing["chunk"]):
        chunk = server.get(PREFIX + "tim-kiem/chi-muc/" + listing["paths"]["chunk"] + f"{number}.json")
        assert chunk.status == 200, number
        urls += [row[2] for row in json.loads(chunk.body)]
    assert len(urls) == listing["docs"] and all(url.startswith(PREFIX) for url in urls)


def test_the_404_page_answers_at_any_depth_with_links_that_work(hosted):
    server, _ = hosted
    response = server.get(PREFIX + "khong/co/trang/nay/")
    assert response.status == 404
    parser = References()
    parser.feed(response.body.decode("utf-8"))
    internal = [value for value in parser.found if value.startswith("/")]
    assert PREFIX in internal and PREFIX + "assets/css/portal.css" in internal
    for value in internal:
        assert value.startswith(PREFIX)
        assert server.get(value).status == 200, value


def test_the_old_query_address_is_sent_on_with_a_301(hosted):
    server, public = hosted
    page = (public / OLD_PATH.strip("/") / "index.html").read_text(encoding="utf-8")
    new = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page).group(1)
    assert new.startswith(PREFIX + "tin-tuc/") and new != PREFIX + OLD_PATH.lstrip("/")
    for old in [PREFIX + OLD_QUERY, PREFIX + OLD_QUERY + "&fbclid=IwAR0abc"]:
        response = server.get(old)
        assert response.status == 301, old
        assert response.getheader("Location") == f"http://127.0.0.1:{server.port}{new}"
    assert server.get(new).status == 200
    assert server.get(PREFIX + "index.php?com=tintuc_ct&id_news=1700").status == 404, "another id is not this item"


def test_the_old_path_gets_a_redirect_page(hosted):
    server, _ = hosted
    response = server.get(PREFIX + OLD_PATH.lstrip("/"))
    assert response.status == 200
    body = response.body.decode("utf-8")
    assert '<meta name="robots" content="noindex">' in body
    assert "Trang này đã chuyển đến địa chỉ mới" in body


def test_hashed_files_are_cached_for_a_year(hosted):
    server, public = hosted
    hashed = [path for path in public.rglob("*") if re.search(r"-[0-9a-f]{8}(-[0-9]+)?\.[a-z0-9]+$", path.name)]
    if not hashed:
        # Until photos are published under hashed names, a hashed name is made here to prove the rule.
        (public / "media" / "anh-3f2a9c1e-960.webp").write_bytes(b"RIFF")
        (public / "media" / "anh-3f2a9c1e-960.webp").chmod(0o644)
        hashed = [public / "media" / "anh-3f2a9c1e-960.webp"]
    response = server.get(PREFIX + str(hashed[0].relative_to(public)))
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert server.get(PREFIX + "assets/css/portal.css").getheader("Cache-Control") is None
