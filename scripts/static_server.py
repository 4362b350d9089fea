"""Serves a built site with `python3 -m http.server` on a free loopback port.

Shared by the browser suite and the HTTP link check. The port is chosen here and then proved to be
ours: on a shared machine another process may already hold a port, and a test that talks to someone
else's server passes or fails for the wrong reason.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StaticServer:
    """`prefix` serves the folder under a sub-path (`/chuyendoiso/`), as a province's web server does, and
    answers 404 outside it; `port` is the one the site was built for (`--base-url`), else a free one."""

    def __init__(self, root: Path, linkchecker_header: bool = False, prefix: str = "/", port: int | None = None):
        self.root = Path(root).resolve()
        self.linkchecker_header = linkchecker_header
        self.prefix = prefix if prefix.endswith("/") else prefix + "/"
        self.fixed_port = port
        self.process: subprocess.Popen | None = None
        self.port = 0

    @classmethod
    def for_base_url(cls, root: Path, base_url: str | None, linkchecker_header: bool = False) -> "StaticServer":
        """Served where `base_url` says when it is on 127.0.0.1 (port and path), else at a free port's root."""
        from urllib.parse import urlsplit
        parts = urlsplit(base_url or "")
        if parts.hostname != "127.0.0.1":
            return cls(root, linkchecker_header)
        return cls(root, linkchecker_header, prefix=parts.path or "/", port=parts.port)

    @property
    def base_url(self) -> str:
        """Without the trailing slash: pages are opened as `base_url + "/tin-tuc/"`."""
        return f"http://127.0.0.1:{self.port}{self.prefix.rstrip('/')}"

    def start(self) -> "StaticServer":
        expected = (self.root / "index.html").read_bytes()
        for _ in range(1 if self.fixed_port else 10):
            self.port = self.fixed_port or _free_port()
            if self.linkchecker_header or self.prefix != "/":
                command = [sys.executable, str(Path(__file__).resolve()), "--serve", str(self.port), self.prefix,
                           "header" if self.linkchecker_header else "plain"]
            else:
                command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(self.port)]
            self.process = subprocess.Popen(command, cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if self._serves(expected):
                return self
            self.stop()
        raise RuntimeError(f"could not serve {self.root} on a free port")

    def _serves(self, expected: bytes) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=2) as response:
                    return response.read() == expected
            except OSError:
                time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> "StaticServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _serve(port: int, prefix: str, linkchecker_header: bool) -> None:
    """http.server as `python3 -m http.server` runs it, under `prefix`, with the site's 404 page outside
    it or for a missing file, and with the `LinkChecker` response header when asked.

    linkchecker sends at most 10 requests a second to one host (about 3 on average) unless the server
    answers with that header; the whole site would take minutes instead of seconds.
    """
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            if prefix != "/":
                if not path.startswith(prefix):
                    return os.path.join(os.getcwd(), ".outside-the-prefix")
                path = "/" + path[len(prefix):]
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            not_found = os.path.join(os.getcwd(), "404.html")
            if code != 404 or not os.path.isfile(not_found):
                return super().send_error(code, message, explain)
            with open(not_found, "rb") as file:
                body = file.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def end_headers(self):
            if linkchecker_header:
                self.send_header("LinkChecker", "portal")
            super().end_headers()

        def log_message(self, *args):
            pass

    with ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=os.getcwd())) as server:
        server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        _serve(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "header")
        sys.exit(0)
    # `static_server.py DIR`: serve until killed; prints the base URL on its first line.
    with StaticServer(Path(sys.argv[1] if len(sys.argv) > 1 else "Public")) as server:
        print(server.base_url, flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
