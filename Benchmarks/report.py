#!/usr/bin/env python3
"""Formats what Benchmarks/run.sh measured (RAW folder) as a Markdown table. Standard library only."""
import glob
import json
import os
import sys

raw = sys.argv[1]


def kv(path):
    out = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v
    return out


def hf(name):
    """(wall median, CPU mean = user + system) in seconds, from a hyperfine export."""
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    return r["median"], r["user"] + r["system"]


def s(x):
    return f"{x:.2f} s" if x < 10 else f"{x:.1f} s"


def mib(kb):
    return f"{int(kb) / 1024:,.0f} MiB"


def n(x):
    return f"{int(x):,}"


meta = kv(os.path.join(raw, "meta.txt"))
sizes = sorted(int(os.path.basename(p)[len("metrics-n"):-len(".txt")]) for p in glob.glob(os.path.join(raw, "metrics-n*.txt")))
print(f"Measured {meta.get('date', '?')} at {meta.get('commit', '?')} on {meta.get('cores', '?')} cores "
      f"(load average at start {meta.get('load', '?')}); Hugo {meta.get('hugo', '?')}, {meta.get('swift', '?')}. "
      f"Wall: median of 5 runs after a warm-up; CPU: user + system, mean; peak: max RSS of one more run (GNU time).")
print()
print("| items | portal wall | CPU | peak | files | Hugo wall | CPU | peak | files | wall ratio | CPU ratio | peak ratio | portal output |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--|")
peaks = []
for size in sizes:
    m = kv(os.path.join(raw, f"metrics-n{size}.txt"))
    p, h = hf(f"portal-n{size}.json"), hf(f"hugo-n{size}.json")
    if not p or not h:
        continue
    peaks.append((size, int(m["portal_rss_kb"]), int(m["hugo_rss_kb"])))
    print(f"| {n(size)} | {s(p[0])} | {s(p[1])} | {mib(m['portal_rss_kb'])} | {n(m['portal_files'])} "
          f"| {s(h[0])} | {s(h[1])} | {mib(m['hugo_rss_kb'])} | {n(m['hugo_files'])} "
          f"| {p[0] / h[0]:.2f}× | {p[1] / h[1]:.2f}× | {int(m['portal_rss_kb']) / int(m['hugo_rss_kb']):.2f}× "
          f"| {m.get('portal_output', '?')} |")
print()
print("Floors over the same corpus: cmark-gfm alone over all the bodies concatenated (one process, one thread), "
      "and copying portal's output tree.")
print()
print("| items | cmark-gfm alone | `cp -r` of the output |")
print("|---:|---:|---:|")
for size in sizes:
    c, cp = hf(f"cmark-n{size}.json"), hf(f"cp-n{size}.json")
    if c and cp:
        print(f"| {n(size)} | {s(c[0])} | {s(cp[0])} |")
bundled = hf("bundled.json")
if bundled:
    print()
    print(f"The bundled site (`Content/`): {bundled[0] * 1000:.0f} ms wall, {bundled[1] * 1000:.0f} ms CPU.")
if len(peaks) > 1:
    (n0, p0, h0), (n1, p1, h1) = peaks[0], peaks[-1]
    print()
    print(f"Peak memory from {n(n0)} to {n(n1)} items ({n1 / n0:.0f}× the items): portal ×{p1 / p0:.1f}, Hugo ×{h1 / h0:.1f}.")
