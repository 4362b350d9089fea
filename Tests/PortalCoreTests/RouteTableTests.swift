import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// The route table is the one list of the site's pages: every page built is in it at the address of
/// SPEC §9, and nothing else asks for addresses in another way.
@Suite struct RouteTableTests {
    static let files: [String: String] = [
        "news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]"),
        "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", extra: "tags: [\"chữ ký số\"]"),
        "news/c.md": TestSite.news(title: "Tin ba", date: "2024-03-09", category: "ha-tang-so"),
        "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nTrang giới thiệu.",
        "documents/833-kh-ubnd.md": """
            ---
            number: "833/KH-UBND"
            type: Kế hoạch
            issuer: UBND tỉnh
            issued: 2024-02-01
            summary: Kế hoạch chuyển đổi số
            ---
            """,
        "indicators/indicators.yaml": """
            groups:
              - { id: chinh-quyen-so, name: "Chính quyền số" }
            indicators:
              - { id: "1.3b", group: chinh-quyen-so, name: "Tỷ lệ hồ sơ", unit: percent }
            """,
        "indicators/values.csv": "indicator,period,value,numerator,denominator,status,as_of,note\n1.3b,2024-Q1,50,,,,2024-03-10,\n",
        "reports/2024-q1/_index.md": "---\ntitle: Báo cáo quý I\ndate: 2024-03-14\n---\n",
        "reports/2024-q1/01-a.md": "---\ntitle: Kết quả\n---\nNội dung.",
    ]

    func resolved() throws -> SiteModel {
        let site = try TestSite(Self.files)
        var findings = Findings()
        let options = site.options()
        let loaded = try #require(SiteLoader(content: options.content, theme: options.theme).load(findings: &findings))
        let model = SiteResolver(includeDrafts: false).resolve(loaded, findings: &findings)
        #expect(!findings.hasErrors, "\(findings)")
        return model
    }

    @Test func everyPageKindIsAtItsSpecAddressWithItsTemplate() throws {
        let routes = try resolved().routes.pages
        let byURL = Dictionary(routes.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let expected: [(url: String, template: String)] = [
            ("/", "home"), ("/404.html", "404"), ("/tim-kiem/", "search"), ("/the/", "tag-index"),
            ("/tin-tuc/", "news-list"), ("/tin-tuc/trang/2/", "news-list"), ("/tin-tuc/tin-mot/", "news-item"),
            ("/chuyen-muc/ha-tang-so/", "news-list"), ("/the/chu-ky-so/", "news-list"), ("/gioi-thieu/", "page"),
            ("/chi-so/", "dashboard"), ("/chi-so/1-3b/", "indicator"), ("/bao-cao/", "reports"),
            ("/bao-cao/2024-q1/", "report"), ("/van-ban/", "documents"), ("/van-ban/loai/ke-hoach/", "documents"),
            ("/van-ban/nam/2024/", "documents"), ("/van-ban/833-kh-ubnd/", "document"),
        ]
        for (url, template) in expected {
            #expect(byURL[url]?.template == template, "\(url)")
        }
        #expect(Set(routes.map(\.outputPath)).count == routes.count, "two pages at one output path")
        #expect(byURL["/tin-tuc/trang/2/"]?.outputPath == "tin-tuc/trang/2/index.html")
        #expect(byURL["/404.html"]?.outputPath == "404.html")
    }

    @Test func listPagesKnowWhatTheyListAndTheirLastmod() throws {
        let model = try resolved()
        let byURL = Dictionary(model.routes.pages.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        // news_per_page is 2 in the test site: three items make two pages, newest first.
        let first = try #require(byURL["/tin-tuc/"])
        let second = try #require(byURL["/tin-tuc/trang/2/"])
        #expect(first.listedNews.map { model.news[$0].title } == ["Tin một", "Tin hai"])
        #expect(second.listedNews.map { model.news[$0].title } == ["Tin ba"])
        #expect(first.lastmod == "2024-03-14")
        #expect(byURL["/chuyen-muc/ha-tang-so/"]?.lastmod == "2024-03-09")
        #expect(byURL["/chi-so/1-3b/"]?.lastmod == "2024-03-10")
        #expect(byURL["/gioi-thieu/"]?.lastmod == nil)
        // A pillar without news still has its (empty) page.
        #expect(byURL["/chuyen-muc/xa-hoi-so/"]?.listedNews.isEmpty == true)
    }

    @Test func theSitemapAndTheBuiltPagesAreTheRouteTable() throws {
        let site = try TestSite(Self.files)
        let report = site.build()
        #expect(report.succeeded, "\(report.findings)")
        let routes = try resolved().routes.pages
        for route in routes {
            #expect(site.exists(route.outputPath), "\(route.outputPath) was not written")
        }
        let sitemap = try #require(site.page("sitemap.xml"))
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locations == routes.filter(\.isInSitemap).map { "https://cds.example.gov.vn" + $0.url })
    }

    @Test func pagesCannotTakeAnAddressTheSchemeUses() {
        for reserved in ["tin-tuc", "chuyen-muc", "the", "chi-so", "bao-cao", "van-ban", "tim-kiem", "assets", "media",
                         "rss.xml", "sitemap.xml", "robots.txt", "404.html"] {
            #expect(URLScheme.reservedFirstSegments.contains(reserved), "\(reserved)")
        }
        #expect(!URLScheme.reservedFirstSegments.contains("gioi-thieu"))
        #expect(URLScheme.address(ofOutputPath: URLScheme.outputPath(for: "/tin-tuc/trang/2/")) == "/tin-tuc/trang/2/")
        #expect(URLScheme.address(ofOutputPath: "index.html") == "/")
    }
}
