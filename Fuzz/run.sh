#!/usr/bin/env bash
# Fuzzes what the generator reads from editors (front matter, YAML fields, indicator YAML, CSV rows,
# shortcodes, slugs and scalars, Markdown, shortcode expansion with charts, data charts) with libFuzzer
# and AddressSanitizer.
#
#   Fuzz/run.sh              60 seconds
#   Fuzz/run.sh 600          600 seconds
#   Fuzz/run.sh 200000runs   200,000 inputs
#
# The library targets are compiled by SwiftPM with coverage instrumentation into .build-fuzz/ (an
# executable target cannot be linked with -sanitize=fuzzer through SwiftPM; the sanitizers go in one
# -sanitize= flag, as a second one replaces the first); the entry point,
# Fuzz/FuzzPortal.swift, is then linked against their object files with swiftc. The corpus is kept in
# .build-fuzz/corpus between runs and seeded from Content/; a crashing input is saved in
# .build-fuzz/crashes/ and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

budget=${1:-60}
case "$budget" in
  *runs) limit=(-runs="${budget%runs}") ;;
  *s) limit=(-max_total_time="${budget%s}") ;;
  *) limit=(-max_total_time="$budget") ;;
esac

scratch=.build-fuzz
build=$scratch/debug
echo "== fuzz: compiling the library targets with coverage and AddressSanitizer"
swift build --scratch-path "$scratch" --target PortalCore \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
  >"$scratch.log" 2>&1 || { cat "$scratch.log"; exit 1; }

objects=()
while IFS= read -r object; do objects+=("$object"); done < <(
  find "$build"/{PortalCore,ByteText,Markdown,Charts,VietnameseText,Images,Gzip,Brotli,Yams,CYaml,Mustache,CSV}.build \
    "$build"/{Crypto,CryptoBoringWrapper,CCryptoBoringSSL,CCryptoBoringSSLShims,CXKCP,CXKCPShims}.build -name '*.o' | LC_ALL=C sort)
# The C libraries behind Images, Gzip and Brotli: their module maps, libvips' headers' include paths.
c_modules=()
for module in CCmarkGFM CVips CLibdeflate CBrotli; do c_modules+=(-Xcc "-fmodule-map-file=Sources/$module/module.modulemap"); done
for flag in $(pkg-config --cflags vips); do c_modules+=(-Xcc "$flag"); done
yaml_include=$(dirname "$(find "$scratch/checkouts" -path '*/Sources/CYaml/include/yaml.h' | head -1)")

echo "== fuzz: linking Fuzz/FuzzPortal.swift"
swiftc -sanitize=fuzzer,address -parse-as-library -g \
  -I "$build/Modules" "${c_modules[@]}" -Xcc -I"$yaml_include" \
  Fuzz/FuzzPortal.swift "${objects[@]}" $(pkg-config --libs libcmark-gfm vips libdeflate libbrotlienc) -lcmark-gfm-extensions \
  -o "$build/fuzz-portal" 2> >(grep -v "Cannot export local symbol '__asan" >&2)

# Seeds: every Content file for every target (the first byte picks the target), so each target starts
# from real text of every kind rather than from nothing.
seeds=$scratch/seeds
rm -rf "$seeds" && mkdir -p "$seeds" "$scratch/corpus" "$scratch/crashes"
targets=9
index=0
while IFS= read -r path; do
  for ((target = 0; target < targets; target++)); do
    { printf "\\x$(printf %02x "$target")"; head -c 8000 "$path"; } >"$seeds/$index-$target"
  done
  index=$((index + 1))
done < <(find Content Fuzz/seeds -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.csv' -o -name '*.txt' \) 2>/dev/null | LC_ALL=C sort)
echo "== fuzz: $((index * targets)) seeds from $index files; budget ${budget}"

log=$scratch/fuzz.log
set +e
# Leak checking is off: the Swift runtime keeps caches (regexes, metadata) for the life of the process.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
  "$build/fuzz-portal" "${limit[@]}" -seed="${FUZZ_SEED:-0}" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
  -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$scratch/crashes/" \
  "$scratch/corpus" "$seeds" >"$log" 2>&1
status=$?
set -e

runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || true)
if [[ $status -ne 0 ]]; then
  grep -E "ERROR|SUMMARY|Fatal error|precondition|deadly signal|Test unit written|Base64" "$log" | head -40
  echo "fuzz: CRASH after ${runs} inputs (libFuzzer exit $status); full log: $log"
  exit 1
fi
echo "fuzz: ${runs} inputs in ${seconds:-?} s, 0 crashes; corpus $(find "$scratch/corpus" -type f | wc -l) inputs"
