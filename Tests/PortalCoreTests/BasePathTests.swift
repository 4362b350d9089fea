import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// A site published under a sub-path (SPEC §11): every address it writes starts with that path.
@Suite struct BasePathTests {
    static let base = "https://backan.gov.vn/chuyendoiso/"
    static let prefix = "/chuyendoiso/"

    static let files: [String: String] = [
        "site.yaml": TestSite.defaultSiteYAML.replacingOccurrences(of: "https://cds.example.gov.vn/", with: base)
            + "\nmenu:\n  - { title: \"Trang chủ\", url: \"/\" }\n  - { title: \"Giới thiệu\", url: \"/gioi-thieu/\" }\n"
            + "banner: { text: \"Tin mới\", url: \"/tin-tuc/\" }\n",
        "news/a.md": TestSite.news(title: "Tin có ảnh", date: "2024-03-14", extra: "tags: [Dữ liệu]\nimage: /media/anh.svg\nimage_alt: Ảnh",
                                   body: """
                                   Xem [trang giới thiệu](/gioi-thieu/), [văn bản](/van-ban/833-kh-ubnd/) \
                                   và [tin khác](../tin-thu-hai/), ảnh ![Sơ đồ](/media/anh.svg).

                                   {{< indicator id="1.1" >}}

                                   {{< chart indicators="1.1" type="bar" period="2024-Q1" >}}

                                   Ví dụ mã: `<a href="/tin-tuc/">` giữ nguyên.
                                   """),
        "news/b.md": TestSite.news(title: "Tin thứ hai", date: "2024-03-15", category: "xa-hoi-so"),
        "news/c.md": TestSite.news(title: "Tin thứ ba", date: "2024-03-16"),
        "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nTrang [chủ](/).\n",
        "documents/833.md": "---\nnumber: \"833/KH-UBND\"\ntype: Kế hoạch\nissuer: UBND tỉnh\nissued: 2023-12-20\nsummary: Kế hoạch\nfile: /media/833.pdf\n---\n",
        "media/anh.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
        "media/833.pdf": "%PDF-1.4\n",
        "indicators/indicators.yaml": """
            groups:
              - { id: chinh-quyen-so, name: "Chính quyền số" }
            indicators:
              - { id: "1.1", group: chinh-quyen-so, name: "Tỷ lệ hồ sơ", unit: percent, targets: { 2024: ">= 80" } }
            """,
        "indicators/values.csv": "indicator,period,value,numerator,denominator,status,as_of,note\n1.1,2024-Q1,90,,,,2024-03-10,\n",
        "reports/bc-1/_index.md": "---\ntitle: Báo cáo quý I\ndate: 2024-04-01\n---\n",
        "reports/bc-1/01-mo-dau.md": "# Mở đầu\n\nXem [chỉ số](/chi-so/1-1/) và chú thích[^1].\n\n[^1]: Nguồn: [Sở](/gioi-thieu/).\n",
    ]

    /// Every address-carrying attribute of every HTML file, every URL in the XML and JSON files, as
    /// `file: value` for those that do not start with the prefix (or the base URL, for absolute ones).
    static func addressesOutsidePrefix(_ site: TestSite, prefix: String = prefix, base: String = base) throws -> [String] {
        var outside: [String] = []
        var checked = 0
        let host = String(base.prefix { $0 != "/" }) + "//" + (URL(string: base)?.host ?? "")
        func judge(_ file: String, _ value: String) {
            let value = value.trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("/") && !value.hasPrefix("//") {
                checked += 1
                if !value.hasPrefix(prefix) { outside.append("\(file): \(value)") }
            } else if value.hasPrefix(host) {
                checked += 1
                if !value.hasPrefix(base) { outside.append("\(file): \(value)") }
            }
        }
        for (path, data) in site.snapshot() {
            guard let text = String(data: data, encoding: .utf8) else { continue }
            if path.hasSuffix(".html") {
                HTMLScanner.scan(text) { token in
                    guard case .start(let tag) = token else { return }
                    for (name, value) in tag.attributes {
                        guard let value else { continue }
                        switch name {
                        case "href", "src", "action", "poster", "xlink:href", "data-search-index": judge(path, value)
                        case "srcset": value.split(separator: ",").forEach { judge(path, String($0.split(separator: " ").first ?? "")) }
                        case "content": judge(path, value)
                        default: continue
                        }
                    }
                }
            }
            if path.hasSuffix(".xml") || path.hasSuffix(".txt") || path.hasSuffix(".html") {
                for match in text.matches(of: #/https?://[^\s"<>]+/#) { judge(path, String(match.0)) }
            }
            // The search index's document store: each row is [kind, title, url, date, pillar, text].
            if path.hasPrefix("tim-kiem/chi-muc/d/") {
                let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[Any]])
                for row in rows { judge(path, try #require(row[2] as? String)) }
            }
        }
        #expect(checked > 50, "the scan found the site's addresses")
        return outside
    }

    @Test(arguments: [true, false]) func everyAddressOfEveryFileStartsWithThePath(bundledTheme: Bool) throws {
        let site = try TestSite(Self.files, templates: bundledTheme ? nil : MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings)")
        let outside = try Self.addressesOutsidePrefix(site)
        #expect(outside.isEmpty, "\(outside)")
        // Pages are still written where the site path says, the host adding the prefix.
        #expect(site.exists("tin-tuc/tin-co-anh/index.html"))
        let item = try #require(site.page("tin-tuc/tin-co-anh/index.html"))
        #expect(item.contains("href=\"/chuyendoiso/gioi-thieu/\""))
        #expect(item.contains("href=\"/chuyendoiso/van-ban/833-kh-ubnd/\""))
        #expect(item.contains("href=\"../tin-thu-hai/\""), "a relative link is left as written")
        #expect(item.contains("&lt;a href=&quot;/tin-tuc/&quot;&gt;"), "text that only looks like an attribute is left alone")
        #expect(item.contains("<link rel=\"canonical\" href=\"https://backan.gov.vn/chuyendoiso/tin-tuc/tin-co-anh/\">"))
        let index = try BuiltSearchIndex(site)
        #expect(index.store.indices.contains { index.url($0) == "/chuyendoiso/tin-tuc/tin-co-anh/" })
        #expect(try #require(site.page("sitemap.xml")).contains("<loc>https://backan.gov.vn/chuyendoiso/</loc>"))
        if bundledTheme {
            #expect(item.contains("<link rel=\"stylesheet\" href=\"/chuyendoiso/assets/css/portal.css\">"))
            let notFound = try #require(site.page("404.html"))
            #expect(notFound.contains("<a href=\"/chuyendoiso/\">trang chủ</a>"), "the 404 page links work at any depth")
        }
    }

    @Test func theCommandLineAddressOverridesSiteYAML() throws {
        let site = try TestSite(Self.files, templates: MinimalTheme.templates)
        site.build(baseURL: "http://127.0.0.1:8080/thu/nghiem")
        let outside = try Self.addressesOutsidePrefix(site, prefix: "/thu/nghiem/", base: "http://127.0.0.1:8080/thu/nghiem/")
        #expect(outside.isEmpty, "\(outside)")
    }

    @Test func aSiteAtTheRootIsWrittenAsBefore() throws {
        var files = Self.files
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: Self.base, with: "https://backan.gov.vn/")
        let root = try TestSite(files, templates: nil)
        root.build()
        let item = try #require(root.page("tin-tuc/tin-co-anh/index.html"))
        #expect(item.contains("href=\"/gioi-thieu/\""))
        #expect(item.contains("href=\"/assets/css/portal.css\""))
        #expect(!item.contains("chuyendoiso"))
    }

    @Test func checkFollowsLinksUnderThePathAndStillTracesThemToTheirMarkdownLine() throws {
        var files = Self.files
        files["news/d.md"] = TestSite.news(title: "Tin hỏng", date: "2024-03-17", body: "Dòng một.\n\nXem [trang cũ](/khong-co/).")
        let site = try TestSite(files, templates: MinimalTheme.templates)
        let findings = SiteChecker().check(site.options(write: false))
        let links = findings.filter { $0.message.contains("leads") }
        #expect(links.map(\.file) == ["Content/news/d.md"], "\(links.map(\.message))")
        #expect(links.map(\.line) == [9])
        #expect(links.first?.message.contains("\"/chuyendoiso/khong-co/\" leads to no page") == true)
    }

    @Test func thePreviewServerPublishesAtTheRootOfTheHost() throws {
        let site = try TestSite(Self.files, templates: MinimalTheme.templates)
        var options = site.options(write: false)
        options.publishesAtRoot = true
        let prepared = try #require(SiteBuilder().prepare(options).site)
        let file = try #require(prepared.render(path: "tin-tuc/tin-co-anh/index.html"))
        guard case .text(let html) = file.body else { Issue.record("a page is text"); return }
        #expect(html.contains("href=\"/gioi-thieu/\""))
        #expect(html.contains("https://backan.gov.vn/tin-tuc/tin-co-anh/"))
        #expect(!html.contains("chuyendoiso"))
    }

    @Test func addressesOfTheBasePath() {
        let base = URLScheme.BasePath(baseURL: "https://backan.gov.vn/chuyendoiso")
        #expect(base.path == "/chuyendoiso/")
        #expect(base.address("/tin-tuc/") == "/chuyendoiso/tin-tuc/")
        #expect(base.address("/") == "/chuyendoiso/")
        #expect(base.address("//cdn.example/x") == "//cdn.example/x")
        #expect(base.address("#noi-dung") == "#noi-dung")
        #expect(base.sitePath(ofAddress: "/chuyendoiso/tin-tuc/") == "/tin-tuc/")
        #expect(base.sitePath(ofAddress: "/chuyendoiso") == "/")
        #expect(base.sitePath(ofAddress: "/tin-tuc/") == nil)
        #expect(URLScheme.BasePath(baseURL: "https://backan.gov.vn/").isRoot)
        #expect(URLScheme.BasePath(baseURL: "https://backan.gov.vn").isRoot)
    }

    @Test func theRewriterTouchesAddressAttributesOnly() {
        let rewriter = BasePathRewriter(basePath: URLScheme.BasePath(baseURL: Self.base))
        let html = """
            <a href="/a/" title="/not">x</a><img src='/m.png' srcset="/m-480.webp 480w, /m-960.webp 960w, https://x/y.png 2x" alt=/c>\
            <form action=/tim-kiem/><!-- <a href="/comment/"> --><script>fetch("/raw/")</script><style>a{background:url(/s)}</style>\
            <a href="//other.example/">o</a><a href="https://backan.gov.vn/">p</a><p>href="/text/"</p><svg><a xlink:href="/v/"></a></svg>
            """
        #expect(rewriter.publish(html) == """
            <a href="/chuyendoiso/a/" title="/not">x</a><img src='/chuyendoiso/m.png' srcset="/chuyendoiso/m-480.webp 480w, \
            /chuyendoiso/m-960.webp 960w, https://x/y.png 2x" alt=/c>\
            <form action=/chuyendoiso/tim-kiem/><!-- <a href="/comment/"> --><script>fetch("/raw/")</script><style>a{background:url(/s)}</style>\
            <a href="//other.example/">o</a><a href="https://backan.gov.vn/">p</a><p>href="/text/"</p><svg><a xlink:href="/chuyendoiso/v/"></a></svg>
            """)
        #expect(BasePathRewriter(basePath: .root).publish(html) == html)
    }
}
