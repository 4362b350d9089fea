#!/usr/bin/env bash
# Portal's search beside Pagefind 1.5 over the same built site.
#
# usage: Benchmarks/search.sh [N ...]        (default: 10000 30000)
#
# For each N: the shared generator's corpus in portal's layout (as Benchmarks/run.sh makes it), a
# release `portal build` of it timed twice (clean output each time) and once under `perf record`, whose
# samples give the search index's share of the build's CPU time (samples with a frame of the indexer:
# SearchIndexWriter, SearchAnalysis, SearchTokenizer, the interners, searchDocuments, searchIndexFiles); then Pagefind
# over the same output (timed), nginx on 127.0.0.1 serving it with gzip (as a host would), and
# Benchmarks/search_bench.py in headless Chromium: five queries, unthrottled and on a 3G profile.
# Writes Benchmarks/results/search-latest.md (the table the README shows) and raw JSON beside it.
#
# BENCH_REUSE=1 reruns only the browser part over the output and Pagefind index of the last run;
# BENCH_REPEATS (default 2) is how many times each tool runs each query.
# Needs: chromium chromium-driver nginx linux-perf (Debian), and a venv with pagefind-bin and selenium,
# made here in Benchmarks/corpus/venv if missing (PyPI). BENCH_GEN: the corpus generator.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NS=${*:-10000 30000}
GEN=${BENCH_GEN:-../shared/bench/gen_corpus.py}
WORK=$ROOT/Benchmarks/corpus
RAW=$ROOT/Benchmarks/results/raw
mkdir -p "$WORK" "$RAW"
[ -n "${BENCH_REUSE:-}" ] || rm -f "$RAW"/search-meta.txt "$RAW"/search-n*.json

VENV=${BENCH_VENV:-$WORK/venv}
if [ ! -d "$VENV/lib" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import selenium, pagefind_bin" 2>/dev/null \
  || "$VENV/bin/pip" install -q --disable-pip-version-check "pagefind-bin>=1.5,<1.6" selenium
PAGEFIND=$(ls "$VENV"/lib/python3*/site-packages/pagefind_bin/pagefind | head -1)

echo "== swift build -c release"
swift build -c release --product portal 2>&1 | tail -1
PORTAL=$(swift build -c release --show-bin-path)/portal

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ) commit=$(git rev-parse --short HEAD) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "pagefind=$("$PAGEFIND" --version 2>&1 | head -1) chromium=$(chromium --version 2>/dev/null | head -1)"
} >>"$RAW/search-meta.txt"

for n in $NS; do
  C=$WORK/n$n
  if [ ! -d "$C/Content" ]; then
    python3 "$GEN" --n "$n" --out "$C/hugo" --bodies "$C/bodies.md"
    python3 "$ROOT/Benchmarks/convert_corpus.py" "$C/hugo" "$C/Content"
  fi
  OUT=$C/search-out
  if [ -n "${BENCH_REUSE:-}" ] && [ -d "$OUT/_pf" ]; then
    echo "n=$n reusing $OUT (BENCH_REUSE): no build, no Pagefind run" | tee -a "$RAW/search-meta.txt"
  else
  # Two timed clean builds, each into a fresh folder (the old one moved aside first, removed later).
  for run in 1 2; do
    [ -e "$OUT" ] && mv "$OUT" "$C/trash-$run-$(date +%s%N)"
    start=$(seconds)
    "$PORTAL" build --content "$C/Content" --theme "$ROOT/Theme" --output "$OUT" >/dev/null
    end=$(seconds)
    echo "n=$n portal_build_run$run wall_s=$(python3 -c "print(round($end-$start,2))")" | tee -a "$RAW/search-meta.txt"
  done
  if command -v perf >/dev/null; then
    mv "$OUT" "$C/trash-perf-$(date +%s%N)"
    perf record -q -g -F 499 -o "$RAW/perf-n$n.data" -- "$PORTAL" build --content "$C/Content" --theme "$ROOT/Theme" --output "$OUT" >/dev/null 2>&1
    perf script -i "$RAW/perf-n$n.data" -F ip,sym 2>/dev/null | python3 -c '
import re, sys
pattern = re.compile(r"SearchIndexWriter|SearchAnalysis|SearchTokenizer|ByteInterner|IntegerInterner|searchDocuments|searchIndexFiles")
total = hits = 0
stack = []
for line in list(sys.stdin) + [""]:
    if line.strip():
        stack.append(line)
        continue
    if stack:
        total += 1
        hits += any(pattern.search(frame) for frame in stack)
    stack = []
print(f"n='"$n"' index_share_of_build_cpu={100 * hits / max(total, 1):.1f}% samples={total}")
' | tee -a "$RAW/search-meta.txt"
    rm -f "$RAW/perf-n$n.data"
  fi
  rm -rf "$C"/trash-*
  # The directory is fetched as the search page opens, before any query: its size apart.
  DIR_JSON=$OUT/tim-kiem/chi-muc/muc-luc.json
  echo "n=$n search_files=$(find "$OUT/tim-kiem/chi-muc" -type f | wc -l) search_bytes=$(du -sb "$OUT/tim-kiem/chi-muc" | cut -f1)" \
    "directory_bytes=$(wc -c <"$DIR_JSON") directory_gzip=$(gzip -6 -c "$DIR_JSON" | wc -c)" | tee -a "$RAW/search-meta.txt"

  rm -rf "$OUT/_pf"
  start=$(seconds)
  "$PAGEFIND" --site "$OUT" --output-subdir _pf >/dev/null
  end=$(seconds)
  echo "n=$n pagefind_index wall_s=$(python3 -c "print(round($end-$start,2))") files=$(find "$OUT/_pf" -type f | wc -l) bytes=$(du -sb "$OUT/_pf" | cut -f1)" | tee -a "$RAW/search-meta.txt"

  fi
  chmod -R a+rX "$OUT"
  PREFIX=$(mktemp -d /tmp/search-nginx.XXXXXX)
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat >"$PREFIX/nginx.conf" <<EOF
worker_processes 1;
pid $PREFIX/nginx.pid;
error_log $PREFIX/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  log_format sent '\$bytes_sent \$request_uri';
  access_log $PREFIX/access.log sent;
  client_body_temp_path $PREFIX/body; proxy_temp_path $PREFIX/proxy; fastcgi_temp_path $PREFIX/fastcgi;
  uwsgi_temp_path $PREFIX/uwsgi; scgi_temp_path $PREFIX/scgi;
  gzip on; gzip_min_length 256; gzip_comp_level 6;
  gzip_types application/json application/javascript text/javascript text/css application/wasm;
  server { listen 127.0.0.1:$PORT; root $OUT; }
}
EOF
  nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -g 'daemon off;' &
  NGINX=$!
  sleep 1
  "$VENV/bin/python" "$ROOT/Benchmarks/search_bench.py" --base "http://127.0.0.1:$PORT" --content "$C/Content" \
    --label "$n" --json "$RAW/search-n$n.json" --access-log "$PREFIX/access.log" ${BENCH_REPEATS:+--repeats "$BENCH_REPEATS"} || status=$?
  kill "$NGINX"; wait "$NGINX" 2>/dev/null || true
  rm -rf "$PREFIX"
  [ "${status:-0}" = 0 ] || exit "$status"
done

python3 - "$RAW" "$ROOT/Benchmarks/results/search-latest.md" <<'PY'
import glob, json, sys
raw, out = sys.argv[1], sys.argv[2]
rows = []
for path in sorted(glob.glob(f"{raw}/search-n*.json")):
    rows += json.load(open(path))
lines = ["| items | query | network | tool | first results | fetched (gzip) | requests | results | recall |",
         "|---:|---|---|---|---:|---:|---:|---:|---:|"]
for r in rows:
    lines.append(f"| {int(r['corpus']):,} | {r['query']}: `{r['text']}` | {r['network']} | {r['tool']} | {r['ms']:.0f} ms "
                 f"| {r['kb']:.1f} KB | {r['requests']} | {r['results']:,} | {'%.0f%%' % (100 * r['recall']) if r['recall'] is not None else 'n/a'} of {r['expected']:,} |")
meta = open(f"{raw}/search-meta.txt").read().strip().splitlines()
open(out, "w").write("\n".join(lines) + "\n\n```\n" + "\n".join(meta) + "\n```\n")
print("\n".join(lines))
print("\n".join(meta))
PY
