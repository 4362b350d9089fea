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
    def __init__(self, root: Path, linkchecker_header: bool = False):
        self.root = Path(root).resolve()
        self.linkchecker_header = linkchecker_header
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "StaticServer":
        expected = (self.root / "index.html").read_bytes()
        for _ in range(10):
            self.port = _free_port()
            if self.linkchecker_header:
                command = [sys.executable, str(Path(__file__).resolve()), "--serve-with-linkchecker-header", str(self.port)]
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
                with urllib.request.urlopen(self.base_url + "/index.html", timeout=2) as response:
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


def _serve_with_linkchecker_header(port: int) -> None:
    """http.server as `python3 -m http.server` runs it, plus the `LinkChecker` response header.

    linkchecker sends at most 10 requests a second to one host (about 3 on average) unless the server
    answers with that header; the whole site would take minutes instead of seconds.
    """
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("LinkChecker", "portal")
            super().end_headers()

        def log_message(self, *args):
            pass

    with ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=os.getcwd())) as server:
        server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-with-linkchecker-header":
        _serve_with_linkchecker_header(int(sys.argv[2]))
        sys.exit(0)
    # `static_server.py DIR`: serve until killed; prints the base URL on its first line.
    with StaticServer(Path(sys.argv[1] if len(sys.argv) > 1 else "Public")) as server:
        print(server.base_url, flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
