import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// The bundled theme (`Theme/`): the markup, labels and landmarks it gives the generator's pages. What the
/// generator does is tested with the minimal inline theme (`MinimalTheme`) in the engine's suites; this
/// suite builds the same sites with the bundled theme and checks what the theme adds, so renaming a class
/// or a label in `Theme/` breaks this suite and no other.
@Suite struct BundledThemeTests {
    func threeItemSite() throws -> TestSite {
        try TestSite(SiteBuildTests.threeItemFiles)
    }

    // MARK: News, pages, home

    @Test func buildsEveryPageTypeOfASmallSiteWithoutFindings() throws {
        let site = try threeItemSite()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.wroteOutput)
        for path in ["index.html", "tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/index.html", "lien-he/index.html",
                     "assets/css/portal.css", "assets/css/charts.css", "assets/js/print.js"] {
            #expect(site.exists(path), "\(path) was not written")
        }
    }

    @Test func newsItemPageLabelsEveryField() throws {
        let site = try threeItemSite()
        site.build()
        let page = try #require(site.page("tin-tuc/ty-le-ho-so-truc-tuyen-dat-79-7/index.html"))
        #expect(page.contains("<h1 class=\"article__title\">Tỷ lệ hồ sơ trực tuyến đạt 79,7%</h1>"))
        #expect(page.contains("<time datetime=\"2024-03-14T09:30:00+07:00\">Thứ Năm, 14/03/2024 09:30</time>"))
        #expect(page.contains("Ban Biên tập"))
        #expect(page.contains("<p class=\"article__source\">Nguồn: Báo cáo Quý I/2024</p>"))
        #expect(page.contains("<p class=\"article__category\"><a href=\"/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a></p>"))
        #expect(page.contains("<a class=\"tag\" href=\"/the/dich-vu-cong/\">Dịch vụ công</a>"))
        // Related news under its heading, once; the older neighbour labelled, no newer one.
        #expect(page.components(separatedBy: "Tin cùng chuyên mục").count == 2)
        #expect(page.contains("<li><a href=\"/tin-tuc/ke-hoach-chuyen-doi-so-nam-2024/\">Kế hoạch chuyển đổi số năm 2024</a>"))
        #expect(page.contains("<span>Tin cũ hơn</span> <a href=\"/tin-tuc/doi-ung-cuu-su-co-duoc-kien-toan/\">"))
        #expect(!page.contains("Tin mới hơn"))
        // Breadcrumbs as a labelled list.
        #expect(page.contains("<nav class=\"breadcrumbs\" aria-label=\"Đường dẫn\">"))
        #expect(page.contains("<li><a href=\"/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a></li>"))
        #expect(page.components(separatedBy: "href=\"/the/dich-vu-cong/\"").count == 2)
    }

    @Test func listsShowCardsAndLabelledPagination() throws {
        let site = try threeItemSite()
        site.build()
        let first = try #require(site.page("tin-tuc/index.html"))
        let second = try #require(site.page("tin-tuc/trang/2/index.html"))
        #expect(first.components(separatedBy: "<article class=\"news-card").count - 1 == 2)
        #expect(first.contains("href=\"/tin-tuc/trang/2/\" rel=\"next\""))
        #expect(second.contains("href=\"/tin-tuc/\" rel=\"prev\""))
        #expect(second.contains("Trang 2/2"))
        #expect(second.contains("<p class=\"news-card__summary\">Tóm tắt viết tay.</p>"))
    }

    @Test func homeShowsFeaturedThenLatestPillarsAndLinksOnce() throws {
        let site = try threeItemSite()
        site.build()
        let home = try #require(site.page("index.html"))
        let featured = try #require(home.range(of: "Tin nổi bật"))
        let latest = try #require(home.range(of: "Tin mới"))
        #expect(featured.lowerBound < latest.lowerBound)
        #expect(home.contains("news-card--featured"))
        #expect(home.contains("Tin theo trụ cột chuyển đổi số"))
        #expect(home.contains("<a href=\"/chuyen-muc/an-toan-an-ninh-mang/\">An toàn, an ninh mạng</a>"))
        #expect(home.contains("<a href=\"https://dichvucong.gov.vn/\" rel=\"external\">Cổng Dịch vụ công quốc gia</a>"))
        #expect(home.contains("Sở Thông tin và Truyền thông tỉnh Thử Nghiệm"))
        // Sections wrapped around a list appear once, not once per item.
        #expect(home.components(separatedBy: "Tin nổi bật").count == 2)
        #expect(home.components(separatedBy: "Tin theo trụ cột chuyển đổi số").count == 2)
        #expect(home.components(separatedBy: "aria-current=\"page\"").count == 2)
    }

    /// The home page's first card photo is the reader's first image: no `loading="lazy"` on it, on every
    /// other card's.
    @Test func homeLoadsItsFirstCardPhotoAtOnce() throws {
        let site = try PhotoBuildTests.cardSite()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let home = try #require(site.page("index.html"))
        let images = home.components(separatedBy: "<img class=\"news-card__image\"").dropFirst()
            .map { String($0.prefix { $0 != ">" }) }
        try #require(images.count == 2, "\(home)")
        #expect(images[0].contains("alt=\"Ảnh nổi bật\"") && !images[0].contains("loading="), "\(images[0])")
        #expect(images[1].contains("alt=\"Ảnh mới\" loading=\"lazy\" decoding=\"async\""), "\(images[1])")
    }

    @Test func contactLayoutShowsTheAgencyBlock() throws {
        let site = try threeItemSite()
        site.build()
        let page = try #require(site.page("lien-he/index.html"))
        #expect(page.contains("Thông tin liên hệ"))
        #expect(page.contains("<dd>Số 1, đường Trường Chinh</dd>"))
        #expect(page.contains("mailto:stttt@example.gov.vn"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try threeItemSite()
        site.build()
        let first = site.snapshot()
        try FileManager.default.removeItem(at: site.output)
        site.build()
        #expect(first.count > 10)
        #expect(first == site.snapshot())
    }

    // MARK: Indicators

    @Test func dashboardCardsShowValueTargetAndStatus() throws {
        let site = try IndicatorSiteTests.site(templates: nil)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("chi-so/index.html"))
        #expect(page.contains("<a href=\"/chi-so/1-1/\">Tỷ lệ DVCTT toàn trình</a>"))
        #expect(page.contains("<a href=\"/chi-so/1-3b/\">"))
        #expect(page.contains("<p class=\"indicator-card__id\">Chỉ tiêu 1.1</p>"))
        #expect(page.contains("<dd class=\"indicator-card__value\">100%</dd>"))
        #expect(page.contains("<dd class=\"indicator-card__value\">60,7%</dd>"))
        #expect(page.contains("<dd class=\"indicator-card__value\">68.285</dd>"))
        #expect(page.contains("<dd>≥ 80%</dd>"))
        #expect(page.contains("status--dat\">Đạt<"))
        #expect(page.contains("status--chua-dat\">Chưa đạt<"))
        #expect(page.contains("status--chua-co-so-lieu\">Chưa có số liệu<"))
        #expect(page.contains("<span class=\"status status--none\">Chưa đánh giá</span>"), "B1 has no target")
        #expect(page.contains("<strong>1/2</strong> chỉ tiêu có số liệu đã đạt mục tiêu năm (3 chỉ tiêu trong nhóm)"))
        #expect(page.contains("role=\"img\""))
    }

    @Test func indicatorPageHasSeriesTableFormulaAndNotes() throws {
        let site = try IndicatorSiteTests.site(templates: nil)
        site.build()
        let page = try #require(site.page("chi-so/3-3/index.html"))
        #expect(page.contains("Chỉ tiêu 3.3."))
        #expect(page.contains("<th scope=\"row\">Quý I/2024</th><td class=\"num\">58,3%</td><td class=\"num\">160.415</td><td class=\"num\">275.200</td><td>≥ 60%</td>"))
        #expect(page.contains("<th scope=\"row\">Quý IV/2023</th><td class=\"num\">52,0%</td>"))
        #expect(page.contains("<ul class=\"indicator-notes\"><li>Tính cả thường trú, tạm trú</li></ul>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("href=\"/chi-so/3-3/du-lieu.csv\" download"))
        let rule = try #require(site.page("chi-so/1-1/index.html"))
        #expect(rule.contains("<dt>Công thức tính</dt><dd>Số DVCTT toàn trình/Tổng số DVCTT</dd>"))
        #expect(rule.contains("<dt>Nguồn số liệu</dt><dd>Hệ thống thông tin giải quyết TTHC</dd>"))
    }

    @Test func homeShowsIndicatorHighlights() throws {
        let site = try IndicatorSiteTests.site(templates: nil)
        site.build()
        let home = try #require(site.page("index.html"))
        #expect(home.contains("Chỉ số chuyển đổi số"))
        #expect(home.contains("<p class=\"highlight__value\">58,3%</p>"))
    }

    // MARK: Reports and documents

    @Test func reportReadsAsTheOfficialDocument() throws {
        let site = try ReportTests.reportSite(templates: nil)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("bao-cao/2024-q1/index.html"))
        #expect(page.contains("<p>UBND TỈNH THỬ NGHIỆM</p>"))
        #expect(page.contains("Số: 12/BC-BCĐ"))
        #expect(page.contains("(Dự thảo)"))
        #expect(page.contains("Thử Nghiệm, ngày … tháng 3 năm 2024"))
        #expect(page.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(page.contains("<h1 class=\"official-document__title\">Kết quả hoạt động Quý I năm 2024</h1>"))
        #expect(page.contains("<a href=\"#ket-qua-trien-khai\">I. Kết quả triển khai</a>"), "table of contents")
        // Sign-off, then the appendix.
        #expect(page.contains("<li>Bộ Thông tin và Truyền thông (b/c);</li>"))
        #expect(page.contains("<strong>TM. BAN CHỈ ĐẠO</strong>"))
        let signoff = try #require(page.range(of: "Nơi nhận:"))
        let appendix = try #require(page.range(of: "class=\"official-document__appendix\""))
        #expect(signoff.lowerBound < appendix.lowerBound)
        #expect(page.contains("<th scope=\"rowgroup\" colspan=\"6\">Chính quyền số</th>"))
        let list = try #require(site.page("bao-cao/index.html"))
        #expect(list.contains("<a href=\"/bao-cao/2024-q1/\">Kết quả hoạt động Quý I năm 2024</a>"))
    }

    @Test func documentListAndPageLabelTheirFields() throws {
        let site = try DocumentTests.site(templates: nil)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let list = try #require(site.page("van-ban/index.html"))
        #expect(list.contains("<td><time datetime=\"2024-03-14\">14/03/2024</time></td>"))
        #expect(list.contains("<a href=\"/van-ban/loai/ke-hoach/\">Kế hoạch (1)</a>"))
        #expect(list.contains("<a href=\"/van-ban/nam/2023/\">Năm 2023 (1)</a>"))
        let plans = try #require(site.page("van-ban/loai/ke-hoach/index.html"))
        #expect(plans.contains("aria-current=\"page\">Kế hoạch (1)</a>"))
        let page = try #require(site.page("van-ban/833-kh-ubnd/index.html"))
        #expect(page.contains("<h1 class=\"article__title\">Kế hoạch số 833/KH-UBND</h1>"))
        #expect(page.contains("<dt>Cơ quan ban hành</dt><dd>UBND tỉnh Thử Nghiệm</dd>"))
        #expect(page.contains("<dt>Lĩnh vực</dt><dd>Chuyển đổi số</dd>"))
        #expect(page.contains("<a href=\"/media/ke-hoach.pdf\" download>ke-hoach.pdf</a>"))
    }

    // MARK: Every page's head

    @Test func everyPageHeadHasFeedCanonicalAndOpenGraph() throws {
        let site = try SiteFilesTests.site(templates: nil)
        site.build()
        for path in ["index.html", "tin-tuc/index.html", "tin-tuc/tin-so-3-ve-chuyen-doi-so/index.html", "van-ban/index.html",
                     "english/index.html", "tim-kiem/index.html", "404.html"] {
            let page = try #require(site.page(path), "\(path)")
            #expect(page.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Cổng thông tin Chuyển đổi số tỉnh Thử Nghiệm\" href=\"/rss.xml\">"), "\(path)")
            #expect(page.contains("<link rel=\"canonical\" href=\"https://cds.example.gov.vn/"), "\(path)")
            #expect(page.contains("<meta property=\"og:title\""), "\(path)")
            #expect(page.contains("Hưởng ứng Ngày Chuyển đổi số quốc gia"), "\(path)")
        }
        let item = try #require(site.page("tin-tuc/tin-so-3-ve-chuyen-doi-so/index.html"))
        #expect(item.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(item.contains("<meta name=\"description\" content=\"Tóm tắt &lt;b&gt;3&lt;/b&gt; &amp; ]]&gt;\">"))
        let pillar = try #require(site.page("chuyen-muc/xa-hoi-so/index.html"))
        #expect(pillar.contains("href=\"/chuyen-muc/xa-hoi-so/rss.xml\""))
        #expect(try #require(site.page("english/index.html")).contains("<html lang=\"en\">"))
        #expect(try #require(site.page("index.html")).contains("<html lang=\"vi\">"))
    }

    // MARK: Hostile text, where a reader of the shipped theme meets it

    @Test func readersSeeHostileTextWhereTheBundledThemeShowsIt() throws {
        let site = try EscapingTests.site(.bundled)
        try #require(site.build().succeeded)
        let h = EscapingTests.hostile

        let item = try #require(site.page("tin-tuc/tin-nguy-hiem/index.html"))
        #expect(EscapingTests.shown(item, #/<h1 class="article__title">(.*?)</h1>/#) == h)
        #expect(EscapingTests.shown(item, #/<title>(.*?)</title>/#) == "\(h) | Cổng thông tin thử")
        #expect(EscapingTests.shown(item, #/<meta name="description" content="(.*?)">/#) == h, "attribute")
        #expect(EscapingTests.shown(item, #/<img src="/media/anh.svg" alt="(.*?)">/#) == h, "attribute")
        #expect(EscapingTests.shown(item, #/<p class="article__source">Nguồn: (.*?)</p>/#) == h)
        #expect(EscapingTests.shown(item, #/<a class="tag" href="/the/[a-z-]+/">(.*?)</a>/#) == h)
        #expect(EscapingTests.shown(item, #/<span class="site-brand__tagline">(.*?)</span>/#) == h)
        // Markdown text: raw HTML left out, the rest escaped.
        #expect(EscapingTests.shown(item, #/<p>Văn bản có (.*?) trong đoạn.</p>/#) == #"alert("x") & 'y' ]]> "#)
        // Inline SVG drawn from the CSV beside the item: title, category labels and series name.
        let svg = try #require(item.firstMatch(of: #/<svg[^>]*class="chart chart--bar"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(EscapingTests.shown(svg, #/<title[^>]*>(.*?)</title>/#) == h)
        // A long label is wrapped into lines (<tspan>s) at spaces; read together they are the text.
        let svgText = try #require(EscapingTests.xmlTexts(svg, attributes: false), "inline SVG is well-formed XML").joined(separator: " ")
        #expect(svgText.ranges(of: h).count == 3, "title, description and category label: \(svgText)")

        let indicator = try #require(site.page("chi-so/1-1/index.html"))
        #expect(EscapingTests.shown(indicator, #/<ul class="indicator-notes"><li>(.*?)</li>/#) == h)
        #expect(EscapingTests.shown(indicator, #/<dt>Công thức tính</dt><dd>(.*?)</dd>/#) == h)
        let line = try #require(indicator.firstMatch(of: #/<svg[^>]*class="chart chart--line"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(EscapingTests.xmlTexts(line) != nil, "inline SVG is well-formed XML")

        let dashboard = try #require(site.page("chi-so/index.html"))
        #expect(EscapingTests.shown(dashboard, #/<h3 class="indicator-card__name"><a href="/chi-so/1-1/">(.*?)</a></h3>/#) == h)
        let home = try #require(site.page("index.html"))
        #expect(EscapingTests.shown(home, #/<p class="highlight__name"><a href="/chi-so/1-1/">(.*?)</a></p>/#) == h)
        #expect(EscapingTests.shown(home, #/<a href="/" aria-current="page">(.*?)</a>/#) == h, "menu")
        #expect(EscapingTests.shown(home, #/<a href="https://dichvucong.gov.vn/\?a=1&amp;b=2" rel="external">(.*?)</a>/#) == h, "link block, & in the URL")

        let report = try #require(site.page("bao-cao/2024-q1/index.html"))
        #expect(EscapingTests.shown(report, #/<h1 class="official-document__title">(.*?)</h1>/#) == h)
        #expect(EscapingTests.shown(report, #/<div class="official-document__recipients">[\s\S]*?<li>(.*?)</li>/#) == h)
        let comparison = try #require(report.firstMatch(of: #/<svg[^>]*class="chart chart--horizontal-bar"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(EscapingTests.shown(comparison, #/<desc[^>]*>(.*?)</desc>/#) == "1.1. \(h): 90%.", "indicator name in a comparison chart")
        #expect(EscapingTests.xmlTexts(comparison) != nil, "inline SVG is well-formed XML")

        let document = try #require(site.page("van-ban/van-ban-h/index.html"))
        #expect(EscapingTests.shown(document, #/<dt>Trích yếu</dt><dd>(.*?)</dd>/#) == h)
        #expect(EscapingTests.shown(document, #/<dt>Người ký</dt><dd>(.*?)</dd>/#) == h)
        let page = try #require(site.page("trang-h/index.html"))
        #expect(EscapingTests.shown(page, #/<h1 class="article__title">(.*?)</h1>/#) == h)

        let download = try #require(site.page("chi-so/1-1/du-lieu.csv"))
        #expect(download.contains(",\(EscapingTests.csv)\n") || download.hasSuffix(",\(EscapingTests.csv)"), "note cell, quoted")
    }

    // MARK: Rankings

    @Test func theBundledSiteShowsTheNationalPlacesWithTheirSourcesAndSaysUnitScoresAreNotPublic() throws {
        let site = try TestSite(includeSiteYAML: false)
        let report = SiteBuilder().build(BuildOptions(
            content: FileTree(root: TestSite.repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content"),
            theme: FileTree(root: site.theme, displayRoot: "Theme"), output: (site.output, "Public")))
        #expect(!report.findings.hasErrors, "\(report.findings)")
        let page = try #require(site.page("xep-hang/index.html"))
        #expect(page.contains("<p class=\"notice\">Chưa có số liệu: điểm và thứ hạng chi tiết của từng sở, ban, ngành, huyện, xã chưa được công khai trên trang này."))
        let source2021 = "<a href=\"https://backan.gov.vn/pages/bac-kan-tang-8-bac-tren-bang-xep-hang-chuyen-doi-s-aaee.aspx\">"
        #expect(page.contains("<tr class=\"ranking-table__overall\"><th scope=\"row\">Năm 2021</th><td>Chỉ số DTI cấp tỉnh</td><td class=\"num\" data-sort=\"51/63\">51/63</td>"))
        #expect(page.contains("<th scope=\"row\">Năm 2021</th><td>Hoạt động chính quyền số</td><td class=\"num\" data-sort=\"62/63\">62/63</td><td class=\"num\"><abbr title=\"Chưa có số liệu\">–</abbr></td><td>\(source2021)"))
        #expect(page.contains("<th scope=\"row\">Năm 2020</th><td>Chỉ số DTI cấp tỉnh</td><td class=\"num\" data-sort=\"59/63\">59/63</td>"))
        #expect(page.contains("<th scope=\"row\">Năm 2022</th><td>Chỉ số DTI cấp tỉnh</td><td class=\"num\" data-sort=\"63/63\">63/63</td><td class=\"num\"><abbr title=\"Chưa có số liệu\">–</abbr></td><td><a href=\"https://dti.gov.vn/xep-hang-2022\">"))
        #expect(page.contains("Năm 2020: hạng 59/63, Năm 2021: hạng 51/63, Năm 2022: hạng 63/63"))
        // The menu leads to it.
        #expect(page.contains("<a href=\"/xep-hang/\" aria-current=\"page\">Xếp hạng</a>"))
    }

    @Test func rankingPagesLayTheMapBesideTheSortableTable() throws {
        let site = try RankingSiteTests.site(templates: nil)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("xep-hang/huyen/index.html"))
        #expect(page.contains("<div class=\"ranking-layout\">\n  <figure class=\"ranking-map\" id=\"ban-do-huyen-2023\">"))
        #expect(page.contains("<script src=\"/assets/js/sort-table.js\" defer></script>"))
        #expect(page.contains("<a href=\"/xep-hang/huyen/du-lieu.csv\" download>Tải số liệu xếp hạng (CSV)</a>"))
        #expect(page.contains("<nav class=\"ranking-periods\" aria-label=\"Các kỳ xếp hạng\">"))
        let unit = try #require(site.page("xep-hang/don-vi/ba-be/index.html"))
        #expect(unit.contains("<div><dt>Tổng điểm Năm 2023</dt><dd class=\"indicator-summary__value\">85</dd></div>"))
        #expect(unit.contains("<div><dt>Thứ hạng</dt><dd>1/3</dd></div>"))
        #expect(unit.contains("<dd><span aria-hidden=\"true\">▲ 1</span><span class=\"visually-hidden\">tăng 1 bậc</span></dd>"))
        let overview = try #require(site.page("xep-hang/index.html"))
        #expect(!overview.contains("class=\"notice\""))
        #expect(overview.contains("<h3><a href=\"/xep-hang/huyen/\">Huyện, thành phố</a></h3>"))
    }

}
