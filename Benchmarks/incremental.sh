#!/usr/bin/env bash
# The rebuild benchmark (issue 15): at N items (default 10000) of the shared corpus, alternating in one
# sitting (A B C D, A B C D, …):
#   clean      `portal build` into a fresh folder (precompression on, the default)
#   plain      the same with `compress: false`: what precompression adds to a clean build
#   edit       `portal build` into the previous output after appending a sentence to one news item
#   nochange   `portal build` into the previous output with nothing changed
# and, for the two rebuilds, how many files the output folder got with a new inode or modification time
# (found by stat before and after, not from portal's own report).
#
# usage: Benchmarks/incremental.sh [N]      env: BENCH_RUNS (default 5), BENCH_PORTAL (this binary)
# Everything stays in Benchmarks/corpus/ (git-ignored); outputs are moved aside, not deleted, while
# anything is timed (see run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-10000}
GEN=${BENCH_GEN:-../shared/bench/gen_corpus.py}
WORK=$ROOT/Benchmarks/corpus
C=$WORK/n$N
if [ -n "${BENCH_PORTAL:-}" ]; then
  PORTAL=$BENCH_PORTAL
else
  echo "== swift build -c release"
  swift build -c release --product portal 2>&1 | tail -1
  PORTAL=$(swift build -c release --show-bin-path)/portal
fi
stamp="$(cat "$GEN" "$ROOT/Benchmarks/convert_corpus.py" | sha256sum | cut -c1-16) n=$N"
if [ "$(cat "$C/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "== corpus n=$N"
  [ -e "$C" ] && mv "$C" "$WORK/trash-$(date +%s%N)"
  mkdir -p "$C"
  python3 "$GEN" --n "$N" --out "$C/hugo" --bodies "$C/bodies.md"
  python3 "$ROOT/Benchmarks/convert_corpus.py" "$C/hugo" "$C/Content"
  echo "$stamp" >"$C/.stamp"
fi
exec python3 "$ROOT/Benchmarks/incremental.py" "$PORTAL" "$C" "$ROOT/Theme" "${BENCH_RUNS:-5}"
