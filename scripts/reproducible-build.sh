#!/usr/bin/env bash
# Builds the bundled site twice and compares the outputs byte for byte. The second build runs in
# another time zone (UTC+14) and the C locale, from copies of Content/ and Theme/ whose files were
# created in reverse order (so directory listing order differs), in another working folder.
#
#   scripts/reproducible-build.sh [path/to/portal]     (default: swift build's portal)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

portal=${1:-}
if [[ -z "$portal" ]]; then
  swift build --product portal >/dev/null 2>&1 || swift build --product portal
  portal="$(swift build --show-bin-path)/portal"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies a tree file by file, deepest and last-sorted first: the reverse of the order a plain copy
# or git checkout creates them in.
copy_reversed() {
  local from=$1 to=$2
  mkdir -p "$to"
  (cd "$from" && find . -type d | LC_ALL=C sort -r) | while IFS= read -r dir; do mkdir -p "$to/$dir"; done
  (cd "$from" && find . \( -type f -o -type l \) | LC_ALL=C sort -r) | while IFS= read -r file; do
    cp -P -p "$from/$file" "$to/$file"
  done
}

echo "== build 1: as checked out, TZ=${TZ:-unset} LANG=${LANG:-unset}"
"$portal" build --content "$root/Content" --theme "$root/Theme" --output "$work/one" >/dev/null 2>"$work/one.log" \
  || { cat "$work/one.log"; exit 1; }

echo "== build 2: files created in reverse order, TZ=Pacific/Kiritimati LANG=C"
copy_reversed "$root/Content" "$work/src/Content"
copy_reversed "$root/Theme" "$work/src/Theme"
(cd "$work/src" && env TZ=Pacific/Kiritimati LANG=C LC_ALL=C "$portal" build --output "$work/two" >/dev/null 2>"$work/two.log") \
  || { cat "$work/two.log"; exit 1; }

if diff -r "$work/one" "$work/two" >"$work/diff.txt"; then
  count=$(find "$work/one" -type f | wc -l)
  echo "reproducible: $count files byte-identical"
else
  echo "NOT reproducible: the two builds differ"
  head -50 "$work/diff.txt"
  exit 1
fi
