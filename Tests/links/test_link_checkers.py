"""The two link checks find what they are there to find: a site with planted breakages.

A link gate that passes because it looked at nothing is worse than none, so both checkers are run on
a small site with one of each kind of broken reference, and on the same site repaired.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import check_links  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/assets/a.css"></head><body><main id="noi-dung">{body}</main></body></html>"""

GOOD = {
    "index.html": PAGE.format(title="Trang chủ", body='<a href="/tin/">Tin</a> <a href="tin/#muc-1">Mục 1</a> '
                              '<a href="#noi-dung">Nội dung</a> <img src="/media/a.svg" alt="a"> '
                              '<a href="https://example.org/">ngoài</a> <a href="mailto:a@example.org">thư</a> '
                              '<svg><rect fill="url(#hoa-van)"/><pattern id="hoa-van"/></svg>'),
    "404.html": PAGE.format(title="Không tìm thấy", body='<a href="/">Trang chủ</a>'),
    "tin/index.html": PAGE.format(title="Tin", body='<h2 id="muc-1">Mục 1</h2> <a href="../">Về</a>'),
    "assets/a.css": "body{}",
    "media/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
}


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    for relative, text in pages.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


def broken() -> dict[str, str]:
    pages = dict(GOOD)
    pages["index.html"] = pages["index.html"].replace(
        "</main>", '<a href="/khong-co/">1</a> <img src="/media/khong-co.png" alt="2"> '
                   '<a href="/tin/#khong-co">3</a> <a href="#cung-trang">4</a>'
                   '<svg><rect fill="url(#khong-co-hoa-van)"/></svg></main>')
    pages["mo-coi/index.html"] = PAGE.format(title="Không ai trỏ tới", body="")
    return pages


def test_file_checker_passes_a_good_site(tmp_path):
    result = check_links.check(make_site(tmp_path, GOOD))
    assert result.problems == []
    assert result.pages == {"/", "/404.html", "/tin/"}


def test_file_checker_finds_each_kind_of_break(tmp_path):
    problems = "\n".join(check_links.check(make_site(tmp_path, broken())).problems)
    for expected in ['href="/khong-co/": no such file', 'src="/media/khong-co.png": no such file',
                     'no element with id "khong-co" on /tin/', 'no element with id "cung-trang" on /',
                     'no element with id "khong-co-hoa-van" on /', "/mo-coi/: no link reaches this page"]:
        assert expected in problems


def test_canonical_links_under_the_base_url_are_checked(tmp_path):
    pages = dict(GOOD)
    pages["tin/index.html"] = pages["tin/index.html"].replace(
        "<title>", '<link rel="canonical" href="https://cds.example.vn/tin-cu/"><title>')
    problems = check_links.check(make_site(tmp_path, pages), base_url="https://cds.example.vn/").problems
    assert any('href="https://cds.example.vn/tin-cu/": no such file' in p for p in problems)


@pytest.mark.skipif(shutil.which("linkchecker") is None, reason="linkchecker is installed by .ci/run")
def test_linkchecker_agrees_on_a_good_site_and_finds_breaks_across_pages(tmp_path):
    good = make_site(tmp_path / "good", GOOD)
    problems, fetched = check_links.run_linkchecker(good)
    assert problems == []
    assert fetched == check_links.check(good).reachable

    problems, _ = check_links.run_linkchecker(make_site(tmp_path / "broken", broken()))
    text = "\n".join(problems)
    assert "/khong-co/" in text
    assert "/media/khong-co.png" in text
    assert "Anchor `khong-co' " in text
    # linkchecker does not check same-page #fragments (wummel/linkchecker#557): only the file checker does.
    assert "cung-trang" not in text


def published_under(pages: dict[str, str], prefix: str) -> dict[str, str]:
    """The good site as a build with a sub-path writes it: every root-relative address under `prefix`."""
    return {path: text.replace('href="/', f'href="{prefix}').replace('src="/', f'src="{prefix}')
            for path, text in pages.items()}


def test_file_checker_follows_a_site_published_under_a_sub_path(tmp_path):
    site = make_site(tmp_path, published_under(GOOD, "/chuyendoiso/"))
    assert check_links.check(site, base_url="http://127.0.0.1:8080/chuyendoiso/").problems == []
    # The same files read as a site at the host's root: every address is then a missing file.
    assert check_links.check(site).problems != []


def test_file_checker_finds_an_address_outside_the_sub_path(tmp_path):
    pages = published_under(GOOD, "/chuyendoiso/")
    pages["tin/index.html"] = pages["tin/index.html"].replace("</main>", '<a href="/tin/">ngoài</a></main>')
    problems = check_links.check(make_site(tmp_path, pages), base_url="http://127.0.0.1:8080/chuyendoiso/").problems
    assert any('href="/tin/": outside /chuyendoiso/' in p for p in problems)


@pytest.mark.skipif(shutil.which("linkchecker") is None, reason="linkchecker is installed by .ci/run")
def test_linkchecker_crawls_under_the_sub_path(tmp_path):
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/chuyendoiso/"
    good = make_site(tmp_path / "good", published_under(GOOD, "/chuyendoiso/"))
    problems, fetched = check_links.run_linkchecker(good, base)
    assert problems == []
    assert fetched == check_links.check(good, base_url=base).reachable
    broken = published_under(GOOD, "/chuyendoiso/")
    broken["index.html"] = broken["index.html"].replace("</main>", '<a href="/tin/">ngoài</a></main>')
    problems, _ = check_links.run_linkchecker(make_site(tmp_path / "broken", broken), base)
    assert problems != []
