import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalCore
import PortalTestSupport
import Testing

/// Feeds, sitemap, robots.txt and the head of every page (the search index: `SearchIndexTests`).
@Suite struct SiteFilesTests {
    /// Built with the minimal inline theme unless `templates` is nil (the bundled theme, for `BundledThemeTests`).
    static func site(templates: [String: String]? = MinimalTheme.templates) throws -> TestSite {
        var files: [String: String] = [
            "site.yaml": TestSite.defaultSiteYAML + "\nbanner: { text: \"Hưởng ứng Ngày Chuyển đổi số quốc gia\", url: \"/tin-tuc/\" }\n",
            "pages/english.md": "---\ntitle: About us\nlanguage: en\nslug: english\n---\nThe portal of the province.\n",
            "documents/833.md": "---\nnumber: \"833/KH-UBND\"\ntype: Kế hoạch\nissuer: UBND tỉnh\nissued: 2023-12-20\nsummary: Kế hoạch chuyển đổi số năm 2024\n---\n",
        ]
        for day in 1...25 {
            let category = day % 2 == 0 ? "chinh-quyen-so" : "xa-hoi-so"
            files["news/\(day).md"] = TestSite.news(title: "Tin số \(day) về chuyển đổi số", date: String(format: "2024-03-%02dT08:15", day),
                                                     category: category, extra: "summary: \"Tóm tắt <b>\(day)</b> & ]]>\"")
        }
        return try TestSite(files, templates: templates)
    }

    func site() throws -> TestSite {
        try Self.site()
    }

    @Test func siteFeedHasTheLatestTwentyWithRFC822DatesInTheSiteZone() throws {
        let site = try site()
        #expect(site.build().findings.isEmpty)
        let feed = try #require(site.page("rss.xml"))
        let items = try FeedItems.parse(feed)
        #expect(items.count == 20)
        #expect(items.first?["title"] == "Tin số 25 về chuyển đổi số")
        #expect(items.first?["pubDate"] == "Mon, 25 Mar 2024 08:15:00 +0700")
        #expect(items.first?["link"] == "https://cds.example.gov.vn/tin-tuc/tin-so-25-ve-chuyen-doi-so/")
        #expect(items.first?["guid"] == "https://cds.example.gov.vn/tin-tuc/tin-so-25-ve-chuyen-doi-so/")
        #expect(items.first?["description"] == "Tóm tắt <b>25</b> & ]]>")
        #expect(items.first?["category"] == "Xã hội số")
        #expect(items.last?["title"] == "Tin số 6 về chuyển đổi số")
    }

    @Test func eachPillarHasItsOwnFeed() throws {
        let site = try site()
        site.build()
        let items = try FeedItems.parse(try #require(site.page("chuyen-muc/chinh-quyen-so/rss.xml")))
        #expect(items.count == 12)
        #expect(items.allSatisfy { $0["category"] == "Chính quyền số" })
        #expect(try FeedItems.parse(try #require(site.page("chuyen-muc/kinh-te-so/rss.xml"))).isEmpty)
    }

    @Test func everyPageHasItsCanonicalAddressTheBannerAndItsFeed() throws {
        let site = try site()
        site.build()
        let canonical = [
            "index.html": "", "tin-tuc/index.html": "tin-tuc/", "tin-tuc/tin-so-3-ve-chuyen-doi-so/index.html": "tin-tuc/tin-so-3-ve-chuyen-doi-so/",
            "van-ban/index.html": "van-ban/", "english/index.html": "english/", "tim-kiem/index.html": "tim-kiem/", "404.html": "404.html",
        ]
        for (path, address) in canonical {
            let page = try #require(site.page(path), "\(path)")
            #expect(page.contains("<link rel=\"canonical\" href=\"https://cds.example.gov.vn/\(address)\">"), "\(path)")
            #expect(page.contains("<p>Hưởng ứng Ngày Chuyển đổi số quốc gia</p>"), "\(path)")
        }
        let item = try #require(site.page("tin-tuc/tin-so-3-ve-chuyen-doi-so/index.html"))
        #expect(item.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(try #require(site.page("index.html")).contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(item.contains("<meta name=\"description\" content=\"Tóm tắt &lt;b&gt;3&lt;/b&gt; &amp; ]]&gt;\">"))
        // A pillar names its own feed (the site's feed is the theme's to link on every page).
        let pillar = try #require(site.page("chuyen-muc/xa-hoi-so/index.html"))
        #expect(pillar.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Tin tức chuyên mục Xã hội số\" href=\"/chuyen-muc/xa-hoi-so/rss.xml\">"))
        #expect(!item.contains("application/rss+xml"), "an item has no feed of its own")
        #expect(try #require(site.page("english/index.html")).contains("<html lang=\"en\">"))
        #expect(try #require(site.page("index.html")).contains("<html lang=\"vi\">"))
    }

    @Test func sitemapListsEveryPageWithContentDatesAndValidates() throws {
        let site = try site()
        site.build()
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://cds.example.gov.vn/tin-tuc/tin-so-7-ve-chuyen-doi-so/</loc><lastmod>2024-03-07</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://cds.example.gov.vn/</loc><lastmod>2024-03-25</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://cds.example.gov.vn/van-ban/833-kh-ubnd/</loc><lastmod>2023-12-20</lastmod>"))
        #expect(!sitemap.contains("404.html"))
        let pages = site.snapshot().keys.filter { $0.hasSuffix("index.html") }
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == pages.count)
        #expect(try #require(site.page("robots.txt")).contains("Sitemap: https://cds.example.gov.vn/sitemap.xml"))

        let schema = TestSite.repositoryRoot.appendingPathComponent("Tests/Schemas/sitemap.xsd")
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "--schema", schema.path, site.output.appendingPathComponent("sitemap.xml").path]
        let errors = Pipe()
        xmllint.standardError = errors
        try xmllint.run()
        xmllint.waitUntilExit()
        #expect(xmllint.terminationStatus == 0, "\(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
    }
}

/// The `<item>` elements of an RSS feed, each as element name → text, read with Foundation's XMLParser
/// (so a feed that is not well-formed XML fails the test).
final class FeedItems: NSObject, XMLParserDelegate {
    private var items: [[String: String]] = []
    private var current: [String: String]?
    private var text = ""

    static func parse(_ xml: String) throws -> [[String: String]] {
        let delegate = FeedItems()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return delegate.items
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "item" { current = [:] }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "item", let item = current {
            items.append(item)
            current = nil
        } else if current != nil {
            current?[name] = text
        }
    }
}
