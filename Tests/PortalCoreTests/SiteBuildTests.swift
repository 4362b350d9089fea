import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// The generator's pages, built with the minimal inline theme (`MinimalTheme`): what each page says, where
/// it links and in which order, not how the bundled theme marks it up (that is `BundledThemeTests`).
@Suite struct SiteBuildTests {
    static let threeItemFiles = [
            "news/2024-03-14-a.md": TestSite.news(
                title: "Tỷ lệ hồ sơ trực tuyến đạt 79,7%", date: "2024-03-14T09:30",
                extra: """
                    tags: ["Dịch vụ công", "Chuyển đổi số"]
                    author: "Ban Biên tập"
                    source: "Báo cáo Quý I/2024"
                    featured: true
                    """,
                body: "Tỷ lệ hồ sơ phát sinh trực tuyến đạt **79,7%** (19.625/24.628).\n\n## Kết quả\n\nĐoạn hai."),
            "news/2024-03-10-b.md": TestSite.news(title: "Đội ứng cứu sự cố được kiện toàn", date: "2024-02-28",
                                                   category: "an-toan-an-ninh-mang", extra: "tags: [\"Chuyển đổi số\"]"),
            "news/2024-01-09-c.md": TestSite.news(title: "Kế hoạch chuyển đổi số năm 2024", date: "2024-01-09",
                                                   extra: "summary: \"Tóm tắt viết tay.\""),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nBan Chỉ đạo về Chuyển đổi số tỉnh.\n",
            "pages/lien-he.md": "---\ntitle: Liên hệ\nlayout: contact\n---\nGửi ý kiến về cổng thông tin.\n",
            "media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ]

    func threeItemSite() throws -> TestSite {
        try TestSite(Self.threeItemFiles, templates: MinimalTheme.templates)
    }

    @Test func buildsEveryPageTypeOfASmallSite() throws {
        let site = try threeItemSite()
        try site.writeTheme("assets/css/site.css", "body { margin: 0; }")
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.wroteOutput)
        for path in ["index.html", "404.html", "tin-tuc/index.html", "tin-tuc/trang/2/index.html",
                     "tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/index.html",
                     "tin-tuc/doi-ung-cuu-su-co-duoc-kien-toan/index.html",
                     "chuyen-muc/chinh-quyen-so/index.html", "chuyen-muc/kinh-te-so/index.html",
                     "the/index.html", "the/chuyen-doi-so/index.html", "the/dich-vu-cong/index.html",
                     "gioi-thieu/index.html", "lien-he/index.html", "media/logo.svg", "assets/css/site.css"] {
            #expect(site.exists(path), "\(path) was not written")
        }
        #expect(!site.exists("tin-tuc/trang/3/index.html"))
    }

    @Test func newsItemPageShowsEveryField() throws {
        let site = try threeItemSite()
        site.build()
        let page = try #require(site.page("tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/index.html"))
        #expect(page.contains("<h1>Tỷ lệ hồ sơ trực tuyến đạt 79,7%</h1>"))
        #expect(page.contains("<time datetime=\"2024-03-14T09:30:00+07:00\">"))
        #expect(page.contains("<p>Thứ Năm, 14/03/2024 09:30</p>"))
        #expect(page.contains("<p>Ban Biên tập</p>"))
        #expect(page.contains("<p>Nguồn: Báo cáo Quý I/2024</p>"))
        #expect(page.contains("<a href=\"/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a>"))
        #expect(page.contains("<ul class=\"tags\"><li><a href=\"/the/dich-vu-cong/\">Dịch vụ công</a></li><li><a href=\"/the/chuyen-doi-so/\">Chuyển đổi số</a></li></ul>"))
        #expect(page.contains("<strong>79,7%</strong>"))
        #expect(page.contains("<h2 id=\"ket-qua\">Kết quả</h2>"))
        // Related: the other item of the same pillar; neighbours in time across the site.
        let related = try #require(page.firstMatch(of: #/<ul class="related">([\s\S]*?)</ul>/#)?.1)
        #expect(related.contains("/tin-tuc/ke-hoach-chuyen-doi-so-nam-2024/"))
        #expect(!related.contains("/tin-tuc/doi-ung-cuu-su-co-duoc-kien-toan/"), "another pillar's item")
        #expect(page.contains("<a rel=\"prev\" href=\"/tin-tuc/doi-ung-cuu-su-co-duoc-kien-toan/\">Đội ứng cứu sự cố được kiện toàn</a>"), "older")
        #expect(!page.contains("rel=\"next\""), "nothing is newer")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://cds.example.gov.vn/tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/\">"))
        #expect(page.contains("<title>Tỷ lệ hồ sơ trực tuyến đạt 79,7% | Cổng thông tin Chuyển đổi số tỉnh Thử Nghiệm</title>"))
    }

    @Test func listsAreNewestFirstAndPaginated() throws {
        let site = try threeItemSite()
        site.build()
        let first = try #require(site.page("tin-tuc/index.html"))
        let second = try #require(site.page("tin-tuc/trang/2/index.html"))
        let newest = try #require(first.range(of: "Tỷ lệ hồ sơ trực tuyến"))
        let middle = try #require(first.range(of: "Đội ứng cứu sự cố"))
        #expect(newest.lowerBound < middle.lowerBound)
        #expect(second.contains("Kế hoạch chuyển đổi số năm 2024"))
        #expect(first.contains("<a rel=\"next\" href=\"/tin-tuc/trang/2/\">"))
        #expect(second.contains("<a rel=\"prev\" href=\"/tin-tuc/\">"))
        #expect(second.contains("<nav aria-label=\"pages\">2/2 "), "page 2 of 2")
    }

    @Test func homeLeadsWithFeaturedAndShowsPillarsAndLinks() throws {
        let site = try threeItemSite()
        site.build()
        let home = try #require(site.page("index.html"))
        // The featured item leads, marked as featured; the latest list holds the others, newest first.
        let featured = try #require(home.firstMatch(of: #/<ul class="featured">([\s\S]*?)</ul>/#)?.1)
        #expect(featured.contains("<a href=\"/tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/\">Tỷ lệ hồ sơ trực tuyến đạt 79,7%</a>"))
        #expect(featured.contains(" featured<"))
        let latest = try #require(home.firstMatch(of: #/<ul class="latest">([\s\S]*?)</ul>/#)?.1)
        #expect(!latest.contains("/tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/"))
        let middle = try #require(latest.range(of: "/tin-tuc/doi-ung-cuu-su-co-duoc-kien-toan/"))
        let oldest = try #require(latest.range(of: "/tin-tuc/ke-hoach-chuyen-doi-so-nam-2024/"))
        #expect(middle.lowerBound < oldest.lowerBound)
        #expect(home.contains("<h2><a href=\"/chuyen-muc/an-toan-an-ninh-mang/\">An toàn, an ninh mạng</a></h2>"), "a pillar")
        #expect(home.contains("<a href=\"https://dichvucong.gov.vn/\" rel=\"external\">Cổng Dịch vụ công quốc gia</a>"))
        #expect(home.contains("Sở Thông tin và Truyền thông tỉnh Thử Nghiệm"))
        // One menu entry is the current page: the home page's.
        #expect(home.components(separatedBy: "aria-current=\"page\"").count == 2)
        #expect(home.contains("<a href=\"/\" aria-current=\"page\">Trang chủ</a>"))
    }

    @Test func eachListShowsOnePageOfCardsOnce() throws {
        let site = try threeItemSite()
        site.build()
        let first = try #require(site.page("tin-tuc/index.html"))
        #expect(first.components(separatedBy: "<li><a href=\"/tin-tuc/").count - 1 == 2, "one card per item of the page")
        let item = try #require(site.page("tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/index.html"))
        #expect(item.components(separatedBy: "href=\"/the/dich-vu-cong/\"").count == 2)
        #expect(item.components(separatedBy: "<ul class=\"related\">").count == 2)
        // Breadcrumbs: home, the news list, the item's pillar.
        #expect(item.contains("<nav aria-label=\"breadcrumbs\"><a href=\"/\">Trang chủ</a><a href=\"/tin-tuc/\">Tin tức</a><a href=\"/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a></nav>"))
    }

    @Test func summaryDefaultsToTheFirstParagraphCutAtAWord() throws {
        let long = String(repeating: "chuyển đổi số ", count: 40)
        let site = try TestSite(["news/a.md": TestSite.news(title: "Dài", body: "## Mở đầu\n\n\(long)\n\nĐoạn sau.")],
                                templates: MinimalTheme.templates)
        site.build()
        let list = try #require(site.page("tin-tuc/index.html"))
        let summary = try #require(list.firstMatch(of: #/<p>([^<]*)</p></li>/#)?.1)
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= 201)
        #expect(summary.dropLast().hasSuffix("số") || summary.dropLast().hasSuffix("đổi") || summary.dropLast().hasSuffix("chuyển"))
        #expect(!list.contains("Đoạn sau"))
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Bản nháp", extra: "draft: true")], templates: MinimalTheme.templates)
        site.build()
        #expect(!site.exists("tin-tuc/ban-nhap/index.html"))
        try FileManager.default.removeItem(at: site.output)
        site.build(drafts: true)
        #expect(site.exists("tin-tuc/ban-nhap/index.html"))
    }

    @Test func bundleTravelsWithItsImages() throws {
        let site = try TestSite([
            "news/2024-03-11-bundle/index.md": TestSite.news(
                title: "Tin có ảnh", extra: "image: anh.svg\nimage_alt: \"Ảnh minh họa\"", body: "![Sơ đồ](so-do.svg)"),
            "news/2024-03-11-bundle/anh.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "news/2024-03-11-bundle/so-do.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(!report.findings.hasErrors, "\(report.findings)")
        #expect(site.exists("tin-tuc/tin-co-anh/anh.svg"))
        #expect(site.exists("tin-tuc/tin-co-anh/so-do.svg"))
        let page = try #require(site.page("tin-tuc/tin-co-anh/index.html"))
        #expect(page.contains("<img src=\"/tin-tuc/tin-co-anh/anh.svg\" alt=\"Ảnh minh họa\">"))
        #expect(page.contains("<img src=\"so-do.svg\" alt=\"Sơ đồ\" />"))
    }

    @Test func imageIsFoundBesideTheFileOrInMedia() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Ảnh trong media", extra: "image: ban-do.svg\nimage_alt: Bản đồ"),
            "media/ban-do.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(!report.findings.hasErrors, "\(report.findings)")
        #expect(try #require(site.page("tin-tuc/anh-trong-media/index.html")).contains("src=\"/media/ban-do.svg\""))
    }

    @Test func baseURLOptionReplacesTheOneInSiteYAML() throws {
        let site = try threeItemSite()
        site.build(baseURL: "http://127.0.0.1:8080")
        #expect(try #require(site.page("gioi-thieu/index.html")).contains("href=\"http://127.0.0.1:8080/gioi-thieu/\""))
    }

    @Test func aLayoutDrawsThePageWithItsOwnTemplate() throws {
        let site = try threeItemSite()
        site.build()
        // `layout: contact` draws the page with `contact.mustache`, which can read the agency's details.
        let page = try #require(site.page("lien-he/index.html"))
        #expect(page.contains("<h1>Liên hệ</h1>\n<address>Số 1, đường Trường Chinh stttt@example.gov.vn</address>\n<p>Gửi ý kiến về cổng thông tin.</p>"))
        #expect(try #require(site.page("gioi-thieu/index.html")).contains("<address>") == false, "a page without a layout")
    }

    @Test func escapesWhatEditorsWriteInTitlesAndTags() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "A <script>alert(1)</script> & \\\"B\\\"",
                                                             extra: "tags: [\"<b>x</b>\"]")], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(!report.findings.hasErrors, "\(report.findings)")
        let list = try #require(site.page("tin-tuc/index.html"))
        #expect(!list.contains("<script>alert"))
        #expect(list.contains("A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;B&quot;"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try threeItemSite()
        site.build()
        let first = site.snapshot()
        try FileManager.default.removeItem(at: site.output)
        site.build()
        let second = site.snapshot()
        #expect(first.count > 10)
        #expect(first == second)
    }
}

extension String {
    func firstMatch<Output>(of regex: Regex<Output>) -> Regex<Output>.Match? {
        try? regex.firstMatch(in: self)
    }
}
