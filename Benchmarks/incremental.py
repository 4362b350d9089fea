"""Times clean builds and rebuilds of one corpus, alternating them; see incremental.sh."""
import os
import shutil
import statistics
import subprocess
import sys
import time

portal, corpus, theme, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
content = os.path.join(corpus, "Content")
plain_content = os.path.join(corpus, "Content-plain")  # the same content with compress: false
trash = os.path.join(corpus, "trash-%d" % time.time_ns())
os.makedirs(trash)


def aside(path):
    if os.path.exists(path):
        os.rename(path, os.path.join(trash, str(time.time_ns())))


def build(content_dir, output):
    started = time.perf_counter()
    subprocess.run([portal, "build", "--content", content_dir, "--theme", theme, "--output", output],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def identities(folder):
    """path -> (inode, mtime_ns) of every file."""
    result = {}
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            status = os.lstat(path)
            result[os.path.relpath(path, folder)] = (status.st_ino, status.st_mtime_ns)
    return result


def touched(before, after):
    return sum(1 for path, identity in after.items() if before.get(path) != identity) + \
        sum(1 for path in before if path not in after)


aside(plain_content)
shutil.copytree(content, plain_content)
with open(os.path.join(plain_content, "site.yaml"), "a", encoding="utf-8") as f:
    f.write("\ncompress: false\n")
news = sorted(os.listdir(os.path.join(content, "news")))
edited = os.path.join(content, "news", news[len(news) // 2])
with open(edited, encoding="utf-8") as f:
    original = f.read()

live = os.path.join(corpus, "out-incremental")
aside(live)
build(content, live)
times = {"clean": [], "plain": [], "edit": [], "nochange": []}
written = {"edit": [], "nochange": []}
files = len(identities(live))
try:
    for run in range(runs):
        fresh = os.path.join(corpus, "out-fresh")
        aside(fresh)
        times["clean"].append(build(content, fresh))
        aside(fresh)
        times["plain"].append(build(plain_content, fresh))
        aside(fresh)

        before = identities(live)
        with open(edited, "a", encoding="utf-8") as f:
            f.write("\nCập nhật lần %d: bổ sung số liệu mới nhất.\n" % run)
        times["edit"].append(build(content, live))
        after = identities(live)
        written["edit"].append(touched(before, after))

        times["nochange"].append(build(content, live))
        written["nochange"].append(touched(after, identities(live)))
        print("run %d: " % (run + 1) + ", ".join("%s %.2f s" % (k, v[-1]) for k, v in times.items())
              + "; files touched: edit %d, no change %d" % (written["edit"][-1], written["nochange"][-1]), flush=True)
finally:
    with open(edited, "w", encoding="utf-8") as f:
        f.write(original)

median = {k: statistics.median(v) for k, v in times.items()}
print()
print("| %s items, %d files, %d runs alternated, median | wall | × clean | files written |" % (
    f"{len(news):,}", files, runs))
print("|---|---:|---:|---:|")
print("| clean build into a fresh folder | %.2f s | 1.00× | %d |" % (median["clean"], files))
print("| clean build, `compress: false` | %.2f s | %.2f× | |" % (median["plain"], median["plain"] / median["clean"]))
print("| rebuild after a one-item text edit | %.2f s | %.2f× | %d |" % (
    median["edit"], median["edit"] / median["clean"], max(written["edit"])))
print("| rebuild with no change | %.2f s | %.2f× | %d |" % (
    median["nochange"], median["nochange"] / median["clean"], max(written["nochange"])))
print()
print("precompression adds %.0f %% to a clean build" % (100 * (median["clean"] / median["plain"] - 1)))
