#!/usr/bin/env bash
# The build benchmark, portal beside Hugo over the same deterministic corpus.
#
# usage: Benchmarks/run.sh [N ...]        (default: 1000 10000)
#
# For each N: generates the corpus with the shared generator (../shared/bench/gen_corpus.py, or
# $BENCH_GEN), converts it to portal's Content/ layout (convert_corpus.py), then times
#   - portal: a release `portal build` of it (clean output folder each run),
#   - Hugo: the shared minimal Hugo site over the same corpus (clean output folder each run),
#   - the floors: cmark-gfm alone over all the bodies concatenated, and `cp -r` of portal's output,
# with hyperfine (5 runs after 1 warm-up: wall median, CPU = user + system mean) and GNU time (peak
# RSS, one more run). Checks that portal's output tree hashes to the recorded reference
# (reference-output.txt; BENCH_RECORD=1 re-records it), times the bundled site (Content/), prints the
# table and writes it to Benchmarks/results/latest.md. Everything generated stays in Benchmarks/corpus/
# and Benchmarks/results/raw/ (both git-ignored). Installs nothing.
#
# Outputs are moved aside between runs, never deleted while anything is timed, and removed at the end:
# on this machine's ext4 (no journal) creating files soon after deleting tens of thousands makes every
# file creation several times slower, for both tools (cp -r of portal's 10,000-item output: 21 s right
# after deleting the previous copy, 1.3 s otherwise), which would measure the file system, not the tools.
#
# Environment: BENCH_GEN (generator), BENCH_HUGO_SITE, BENCH_RUNS (default 5), BENCH_PORTAL (time this
# binary instead of building), BENCH_RECORD=1 (record portal's output hashes as the new reference).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NS=${*:-1000 10000}
GEN=${BENCH_GEN:-../shared/bench/gen_corpus.py}
HUGO_SITE=${BENCH_HUGO_SITE:-$(dirname "$GEN")/hugo-site}
RUNS=${BENCH_RUNS:-5}
WORK=$ROOT/Benchmarks/corpus
RAW=$ROOT/Benchmarks/results/raw
REFERENCE=$ROOT/Benchmarks/reference-output.txt

missing=()
for tool in hugo hyperfine cmark-gfm; do command -v "$tool" >/dev/null || missing+=("$tool"); done
/usr/bin/time --version >/dev/null 2>&1 || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Benchmarks/run.sh needs these Debian packages: apt-get install -y ${missing[*]}" >&2
  exit 2
fi
[ -f "$GEN" ] || { echo "no corpus generator at $GEN (set BENCH_GEN)" >&2; exit 2; }
[ -d "$HUGO_SITE" ] || { echo "no Hugo site at $HUGO_SITE (set BENCH_HUGO_SITE)" >&2; exit 2; }
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")
HUGO_SITE=$(cd "$HUGO_SITE" && pwd)

if [ -n "${BENCH_PORTAL:-}" ]; then
  PORTAL=$(cd "$(dirname "$BENCH_PORTAL")" && pwd)/$(basename "$BENCH_PORTAL")   # a given binary, e.g. an older build
else
  echo "== swift build -c release"
  swift build -c release --product portal 2>&1 | tail -1
  PORTAL=$(swift build -c release --show-bin-path)/portal
fi
mkdir -p "$WORK" "$RAW"
rm -f "$RAW"/*.json "$RAW"/*.txt
TRASH=$WORK/trash
[ -d "$TRASH" ] && mv "$TRASH" "$WORK/trash-$(date +%s%N)"
mkdir -p "$TRASH"
# `aside PATH`: move PATH into the trash (a rename, cheap and freeing nothing); as a hyperfine prepare
# command too.
aside() { if [ -e "$1" ]; then mv "$1" "$TRASH/$(date +%s%N)"; fi; }
ASIDE="sh -c 'if [ -e \"\$0\" ]; then mv \"\$0\" $TRASH/\$(date +%s%N); fi'"
HF=(hyperfine --runs "$RUNS" --warmup 1 --style basic)
GFM=(-e table -e strikethrough -e autolink -e tasklist -e tagfilter -e footnotes)

# sha256 over every file's path and bytes, in a fixed order.
tree_hash() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Theme Package.swift || echo '+changes')"
  echo "cores=$(nproc)"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hugo=$(hugo version | grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -1)"
  echo "swift=$(swift --version 2>&1 | grep -oE 'Swift version [0-9.]+' | head -1)"
} >"$RAW/meta.txt"

echo "== bundled site (Content/)"
"${HF[@]}" --prepare "$ASIDE $WORK/bundled-out" --export-json "$RAW/bundled.json" \
  "$PORTAL build --content Content --theme Theme --output $WORK/bundled-out"

for n in $NS; do
  C=$WORK/n$n
  stamp="$(cat "$GEN" "$ROOT/Benchmarks/convert_corpus.py" | sha256sum | cut -c1-16) n=$n"
  if [ "$(cat "$C/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== corpus n=$n"
    aside "$C"; mkdir -p "$C"
    python3 "$GEN" --n "$n" --out "$C/hugo" --bodies "$C/bodies.md"
    python3 "$ROOT/Benchmarks/convert_corpus.py" "$C/hugo" "$C/Content"
    echo "$stamp" >"$C/.stamp"
  fi
  M=$RAW/metrics-n$n.txt
  echo "n=$n" >"$M"

  echo "== portal n=$n"
  PB="$PORTAL build --content $C/Content --theme $ROOT/Theme --output $C/out-portal"
  "${HF[@]}" --prepare "$ASIDE $C/out-portal" --export-json "$RAW/portal-n$n.json" "$PB"
  aside "$C/out-portal"
  /usr/bin/time -f "%M" -o "$RAW/rss-portal-n$n.txt" $PB >/dev/null
  echo "portal_rss_kb=$(tail -1 "$RAW/rss-portal-n$n.txt")" >>"$M"
  echo "portal_files=$(find "$C/out-portal" -type f | wc -l)" >>"$M"
  hash=$(tree_hash "$C/out-portal")
  echo "portal_hash=$hash" >>"$M"
  if [ "${BENCH_RECORD:-0}" = 1 ]; then
    grep -v "^n$n " "$REFERENCE" 2>/dev/null >"$REFERENCE.new" || true
    echo "n$n $hash $(git rev-parse --short HEAD)" >>"$REFERENCE.new"
    sort -V "$REFERENCE.new" >"$REFERENCE"; rm -f "$REFERENCE.new"
    echo "portal_output=recorded" >>"$M"
  else
    expected=$(awk -v k="n$n" '$1 == k { print $2 }' "$REFERENCE" 2>/dev/null || true)
    if [ -z "$expected" ]; then echo "portal_output=no-reference" >>"$M"
    elif [ "$expected" = "$hash" ]; then echo "portal_output=identical" >>"$M"
    else echo "portal_output=DIFFERS" >>"$M"; echo "!! portal output for n=$n differs from the reference ($hash vs $expected)" >&2
    fi
  fi

  echo "== hugo n=$n"
  export HUGO_CONTENTDIR=$C/hugo/content HUGO_ASSETDIR=$C/hugo/data
  HB="hugo --quiet -s $HUGO_SITE --destination $C/out-hugo --cleanDestinationDir"
  "${HF[@]}" --prepare "$ASIDE $C/out-hugo" --export-json "$RAW/hugo-n$n.json" "$HB"
  aside "$C/out-hugo"
  /usr/bin/time -f "%M" -o "$RAW/rss-hugo-n$n.txt" $HB >/dev/null
  echo "hugo_rss_kb=$(tail -1 "$RAW/rss-hugo-n$n.txt")" >>"$M"
  echo "hugo_files=$(find "$C/out-hugo" -type f | wc -l)" >>"$M"
  aside "$C/out-hugo"
  unset HUGO_CONTENTDIR HUGO_ASSETDIR

  echo "== floors n=$n"
  "${HF[@]}" --prepare "rm -f $C/cmark.html" --export-json "$RAW/cmark-n$n.json" \
    "cmark-gfm ${GFM[*]} $C/bodies.md > $C/cmark.html"
  rm -f "$C/cmark.html"
  "${HF[@]}" --prepare "$ASIDE $C/cp-out" --export-json "$RAW/cp-n$n.json" "cp -r $C/out-portal $C/cp-out"
  aside "$C/cp-out"
done

mkdir -p "$ROOT/Benchmarks/results"
python3 "$ROOT/Benchmarks/report.py" "$RAW" | tee "$ROOT/Benchmarks/results/latest.md"
echo "== removing the outputs set aside"
rm -rf "$TRASH" "$WORK"/trash-*
