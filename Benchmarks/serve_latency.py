#!/usr/bin/env python3
"""Save → reload-event latency of `portal serve` (a benchmark, not a test).

Starts `portal serve --port 0` on a copy of a site, listens on its Server-Sent Events stream like a
browser tab, then saves one news item again and again the way editors do (write a temporary file, rename
it over the item) and times each save until the `reload` event arrives. Only ever talks to 127.0.0.1.

    swift build -c release --product portal
    python3 Benchmarks/serve_latency.py --portal .build/release/portal            # the bundled site
    python3 Benchmarks/serve_latency.py --portal … --content Benchmarks/corpus/n10000/Content  # run.sh's corpus
    python3 Benchmarks/serve_latency.py --portal … --corpus /tmp/n10000/content   # a gen_corpus.py tree

With --content, a whole Content/ folder is served, such as the one `Benchmarks/run.sh` converts from the
shared corpus (unique slugs, so it builds without errors). With --corpus, the news items of a tree made by
../shared/bench/gen_corpus.py are copied into a copy of the bundled site, their Hugo front matter
(`categories: ["…"]`) rewritten to ours (`category: …`); titles there repeat, so that site has errors and
each save is timed to the error page.
Standard library only.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def copy_site(root: Path, corpus: Path | None, limit: int | None, content: Path | None = None) -> Path:
    shutil.copytree(content or REPO / "Content", root / "Content")
    shutil.copytree(REPO / "Theme", root / "Theme")
    if corpus is not None:
        news = root / "Content" / "news"
        files = sorted((corpus / "news").glob("*.md"))
        files = [f for f in files if f.name != "_index.md"][: limit or None]
        for source in files:
            text = source.read_text(encoding="utf-8")
            text = re.sub(r'^categories: \["([^"]+)"\]$', r"category: \1", text, count=1, flags=re.M)
            (news / source.name).write_text(text, encoding="utf-8")
    return sorted((root / "Content" / "news").glob("*.md"))[0]


class Events:
    """A Server-Sent Events client over a plain socket (chunked transfer decoding included)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET /__portal/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.raw = b""
        self.text = b""
        while b"\r\n\r\n" not in self.raw:
            self.raw += self.sock.recv(65536)
        head, self.raw = self.raw.split(b"\r\n\r\n", 1)
        self.chunked = b"chunked" in head.lower()

    def _more(self, deadline: float) -> None:
        self.sock.settimeout(max(0.001, deadline - time.perf_counter()))
        data = self.sock.recv(65536)
        if not data:
            raise EOFError("event stream closed")
        self.raw += data

    def _dechunk(self) -> None:
        if not self.chunked:
            self.text += self.raw
            self.raw = b""
            return
        while b"\r\n" in self.raw:
            size_line, rest = self.raw.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            if len(rest) < size + 2:
                return
            self.text += rest[:size]
            self.raw = rest[size + 2:]

    def next_event(self, timeout: float = 30.0) -> str:
        deadline = time.perf_counter() + timeout
        while True:
            self._dechunk()
            while b"\n\n" in self.text:
                block, self.text = self.text.split(b"\n\n", 1)
                for line in block.decode().split("\n"):
                    if line.startswith("event:"):
                        return line[6:].strip()
            self._more(deadline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portal", default=str(REPO / ".build" / "release" / "portal"))
    parser.add_argument("--content", type=Path, help="a whole Content/ folder to serve instead of the bundled one")
    parser.add_argument("--corpus", type=Path, help="a gen_corpus.py content/ folder")
    parser.add_argument("--limit", type=int, help="at most this many corpus items")
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--pause", type=float, default=0.25, help="seconds between saves, so each is its own burst")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for one reload event")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-latency-") as folder:
        root = Path(folder)
        item = copy_site(root, args.corpus, args.limit, args.content)
        count = len(list((root / "Content" / "news").glob("*.md")))
        server = subprocess.Popen([args.portal, "serve", "--port", "0"], cwd=root,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = None
            startup = []
            for line in server.stdout:
                startup.append(line.strip())
                match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
                if match:
                    port = int(match.group(1))
                    break
            if port is None:
                raise SystemExit("portal serve did not start: " + " | ".join(startup))
            print(f"{count} news items; {startup[0]}")
            events = Events(port)
            assert events.next_event() == "hello"
            original = item.read_text(encoding="utf-8")
            latencies = []
            for number in range(args.saves):
                text = original + f"\nLần lưu thứ {number}.\n"
                temporary = item.with_name(f".{item.name}.tmp")
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, item)
                saved = time.perf_counter()
                event = events.next_event(args.timeout)
                latencies.append((time.perf_counter() - saved) * 1000)
                assert event == "reload", event
                time.sleep(args.pause)
            latencies.sort()
            p90 = latencies[int(0.9 * (len(latencies) - 1))]
            print(f"save → reload event over {len(latencies)} saves: median {statistics.median(latencies):.1f} ms, "
                  f"p90 {p90:.1f} ms, min {latencies[0]:.1f} ms, max {latencies[-1]:.1f} ms")
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
            rebuilds = [line.strip() for line in server.stdout if line.startswith("rebuilt")]
            times = sorted(int(m.group(1)) for line in rebuilds if (m := re.search(r"in (\d+) ms", line)))
            if times:
                print(f"rebuild alone (as the server reports it): median {statistics.median(times)} ms, "
                      f"min {times[0]} ms, max {times[-1]} ms")


if __name__ == "__main__":
    main()
