#!/usr/bin/env python3
"""Turns a corpus made by ../shared/bench/gen_corpus.py (Hugo's layout) into portal's Content/ layout.

    python3 convert_corpus.py CORPUS_DIR CONTENT_DIR

CORPUS_DIR holds content/ (news/*.md, categories/<id>/_index.md) and data/ (indicators.csv,
values.csv). CONTENT_DIR is replaced by:

    site.yaml                   the seven pillars with the corpus's names, 20 news a page like Hugo's site
    news/NNNNN-slug.md          the same files with `category: <id>` instead of `categories: ["<id>"]`, and
                                `slug: NNNNN-slug` (Hugo's address for it: titles repeat in a large corpus)
    indicators/indicators.yaml  groups and indicators in SPEC §4 form (unit, targets per year, source)
    indicators/values.csv       indicator,period,value,numerator,denominator,status,as_of,note

Hugo's section and term pages (`_index.md`) and `indicators.md` have no counterpart: portal makes the news
list, the pillar pages and the indicator dashboard itself. Standard library only; deterministic.
"""
import csv
import os
import re
import shutil
import sys
import unicodedata


def ascii_slug(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter_title(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("title:"):
                value = line[len("title:"):].strip()
                return value[1:-1] if value.startswith('"') else value
    return None


def write_site(corpus, out):
    categories_dir = os.path.join(corpus, "content", "categories")
    categories = []
    for slug in sorted(os.listdir(categories_dir)):
        name = front_matter_title(os.path.join(categories_dir, slug, "_index.md")) or slug
        categories.append((slug, name))
    # The generator's order of the seven pillars (SPEC §2), not alphabetical.
    order = ["ha-tang-so", "nhan-luc-so", "nen-tang-du-lieu-so", "an-toan-an-ninh-mang", "chinh-quyen-so",
             "kinh-te-so", "xa-hoi-so"]
    categories.sort(key=lambda c: order.index(c[0]) if c[0] in order else len(order))
    home_title = front_matter_title(os.path.join(corpus, "content", "_index.md")) or "Cổng thông tin chuyển đổi số tỉnh"
    lines = [
        f"title: {yq(home_title)}",
        'province: "Tỉnh (dữ liệu thử)"',
        'tagline: "Ban Chỉ đạo về Chuyển đổi số tỉnh"',
        'base_url: "https://chuyendoiso.example.gov.vn/"',
        "language: vi",
        'time_zone: "+07:00"',
        "news_per_page: 20",
        "agency:",
        '  name: "Sở Thông tin và Truyền thông"',
        '  address: "Trung tâm hành chính tỉnh"',
        '  email: "stttt@example.gov.vn"',
        "categories:",
    ]
    for slug, name in categories:
        lines += [f"  - id: {slug}", f"    name: {yq(name)}"]
    lines += [
        "menu:",
        '  - { title: "Trang chủ", url: "/" }',
        '  - { title: "Tin tức", url: "/tin-tuc/" }',
        '  - { title: "Chỉ số", url: "/chi-so/" }',
        '  - { title: "Thẻ", url: "/the/" }',
        "links:",
        '  - { title: "Cổng Dịch vụ công quốc gia", url: "https://dichvucong.gov.vn/" }',
    ]
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


CATEGORY_LINE = re.compile(r'^categories: \["([^"]+)"\]$', re.M)


def write_news(corpus, out):
    source = os.path.join(corpus, "content", "news")
    target = os.path.join(out, "news")
    os.makedirs(target)
    count = 0
    for name in sorted(os.listdir(source)):
        if not name.endswith(".md") or name.startswith("_"):
            continue
        with open(os.path.join(source, name), encoding="utf-8") as f:
            text = f.read()
        text, n = CATEGORY_LINE.subn(r"category: \1", text, count=1)
        if n != 1:
            sys.exit(f"convert_corpus: no categories line in {name}")
        # The generator repeats titles at 10,000 items; Hugo publishes by file name, so portal does too.
        text = text.replace("\ntitle: ", f"\nslug: {name[:-3]}\ntitle: ", 1)
        with open(os.path.join(target, name), "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    return count


UNITS = {"%": "percent", "điểm": "score"}


def write_indicators(corpus, out):
    data = os.path.join(corpus, "data")
    target = os.path.join(out, "indicators")
    os.makedirs(target)
    with open(os.path.join(data, "indicators.csv"), encoding="utf-8", newline="") as f:
        indicators = list(csv.DictReader(f))
    with open(os.path.join(data, "values.csv"), encoding="utf-8", newline="") as f:
        values = list(csv.DictReader(f))
    years = sorted({v["period"][:4] for v in values})

    groups = []
    for row in indicators:
        if row["group"] not in [g for g, _ in groups]:
            groups.append((row["group"], ascii_slug(row["group"])))
    group_id = dict(groups)
    lines = ["# Converted from data/indicators.csv of the benchmark corpus.", "groups:"]
    for name, gid in groups:
        lines += [f"  - id: {gid}", f"    name: {yq(name)}"]
    lines.append("indicators:")
    for row in indicators:
        unit = UNITS.get(row["unit"], "count")
        lines += [
            f"  - id: {yq(row['id'])}",
            f"    group: {group_id[row['group']]}",
            f"    name: {yq(row['name'])}",
            f"    unit: {unit}",
        ]
        if unit == "count":
            lines.append(f"    formula: {yq('Đơn vị: ' + row['unit'])}")
        if row["target"]:
            lines.append("    targets: { " + ", ".join(f'{y}: "{row["target"]}"' for y in years) + " }")
        lines.append('    source: "Báo cáo của các sở, ngành"')
    with open(os.path.join(target, "indicators.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    with open(os.path.join(target, "values.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "period", "value", "numerator", "denominator", "status", "as_of", "note"])
        for v in values:
            status = "no-data" if not v["value"] else ""
            w.writerow([v["indicator_id"], v["period"], v["value"], v["numerator"], v["denominator"], status, "", v["note"]])
    return len(indicators), len(values)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    corpus, out = sys.argv[1], sys.argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    write_site(corpus, out)
    news = write_news(corpus, out)
    indicators, values = write_indicators(corpus, out)
    print(f"converted {news} news items, {indicators} indicators, {values} values into {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
