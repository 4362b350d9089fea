#!/usr/bin/env bash
# Builds the bundled site (Content/, Theme/) into a temporary folder and prints the SHA-256 of every
# file, sorted, so the output before and after a refactor can be compared with diff:
#
#   scripts/output-hashes.sh [path/to/portal] > /tmp/before.txt     (default: swift build's portal)
#   ... change the code ...
#   scripts/output-hashes.sh [path/to/portal] | diff /tmp/before.txt -
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

portal=${1:-}
if [[ -z "$portal" ]]; then
  swift build --product portal >/dev/null 2>&1 || swift build --product portal >&2
  portal="$(swift build --show-bin-path)/portal"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$portal" build --content "$root/Content" --theme "$root/Theme" --output "$work/site" >/dev/null 2>"$work/build.log" \
  || { cat "$work/build.log" >&2; exit 1; }

(cd "$work/site" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sed 's|  \./|  |'
