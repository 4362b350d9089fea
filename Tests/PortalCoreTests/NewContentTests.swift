import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// `portal new`: the file it writes, named and dated in the site's time zone, builds as it is.
@Suite struct NewContentTests {
    /// 2024-03-14 20:30 UTC: already 15 March in Việt Nam (+07:00).
    static let evening = Date(timeIntervalSince1970: 1_710_448_200)

    func config(_ site: TestSite) throws -> SiteConfig {
        var findings = Findings()
        return try #require(SiteConfigLoader().load(from: site.options().content, findings: &findings))
    }

    @Test func newsIsNamedAndDatedInTheSitesTimeZone() throws {
        let site = try TestSite()
        let path = try NewContent(kind: .news, title: "Tiêu đề có dấu", now: Self.evening).create(in: site.options().content,
                                                                                                  config: try config(site))
        #expect(path == "Content/news/2024-03-15-tieu-de-co-dau.md")
        let text = try String(contentsOf: site.content.appendingPathComponent("news/2024-03-15-tieu-de-co-dau.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Tiêu đề có dấu\"\ndate: 2024-03-15T03:30\n"))
        let ids = SiteConfig.defaultCategories.map(\.id)
        #expect(text.contains("category: \(ids[0])  # chọn một: \(ids.joined(separator: ", "))\n"))
        #expect(text.contains("\ntags: []"))
        #expect(text.contains("\ndraft: true"))

        // A draft: not published until the editor says so, and it builds as it is.
        let published = site.build()
        #expect(published.findings.isEmpty, "\(published.findings)")
        #expect(!site.exists("tin-tuc/tieu-de-co-dau/index.html"))
        let drafts = site.build(drafts: true)
        #expect(drafts.findings.isEmpty, "\(drafts.findings)")
        #expect(site.page("tin-tuc/tieu-de-co-dau/index.html")?.contains("Tiêu đề có dấu") == true)
    }

    @Test func anotherTimeZoneGivesAnotherDate() throws {
        let site = try TestSite(["site.yaml": TestSite.defaultSiteYAML + "\ntime_zone: \"-05:00\"\n"])
        let path = try NewContent(kind: .news, title: "Tin", now: Self.evening).create(in: site.options().content, config: try config(site))
        #expect(path == "Content/news/2024-03-14-tin.md")
        let text = try String(contentsOf: site.content.appendingPathComponent("news/2024-03-14-tin.md"), encoding: .utf8)
        #expect(text.contains("date: 2024-03-14T15:30\n"))
    }

    @Test func neverOverwritesAndKeepsAddressesApart() throws {
        let site = try TestSite()
        let content = site.options().content
        let maker = NewContent(kind: .news, title: "Cùng một tiêu đề", now: Self.evening)
        try site.write("news/2024-03-15-cung-mot-tieu-de.md", TestSite.news(title: "Bài đã có", body: "Không được ghi đè."))
        let second = try maker.create(in: content, config: try config(site))
        let third = try maker.create(in: content, config: try config(site))
        #expect(second == "Content/news/2024-03-15-cung-mot-tieu-de-2.md")
        #expect(third == "Content/news/2024-03-15-cung-mot-tieu-de-3.md")
        let original = try String(contentsOf: site.content.appendingPathComponent("news/2024-03-15-cung-mot-tieu-de.md"), encoding: .utf8)
        #expect(original.contains("Không được ghi đè."))
        let report = site.build(drafts: true)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(site.exists("tin-tuc/cung-mot-tieu-de-2/index.html"))
        #expect(site.exists("tin-tuc/cung-mot-tieu-de-3/index.html"))
    }

    @Test func quotesAndBackslashesInTheTitleSurvive() throws {
        let site = try TestSite()
        let title = #"Kế hoạch "Chuyển đổi số" 2024 \ giai đoạn 2"#
        _ = try NewContent(kind: .news, title: title, now: Self.evening).create(in: site.options().content, config: try config(site))
        let report = site.build(drafts: true)
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = site.page("tin-tuc/ke-hoach-chuyen-doi-so-2024-giai-doan-2/index.html") ?? ""
        #expect(page.contains("Kế hoạch &quot;Chuyển đổi số&quot; 2024 \\ giai đoạn 2") || page.contains("Kế hoạch &#34;Chuyển đổi số&#34;"))
    }

    @Test func documentHasTheFieldsOfADirectiveDocument() throws {
        let site = try TestSite()
        let path = try NewContent(kind: .document, title: "Kế hoạch chuyển đổi số năm 2024", now: Self.evening)
            .create(in: site.options().content, config: try config(site))
        #expect(path == "Content/documents/2024-03-15-ke-hoach-chuyen-doi-so-nam-2024.md")
        let text = try String(contentsOf: site.content.appendingPathComponent("documents/2024-03-15-ke-hoach-chuyen-doi-so-nam-2024.md"),
                              encoding: .utf8)
        for field in ["number: \"\"", "type: \"Kế hoạch\"", "issuer: \"\"", "issued: 2024-03-15", "# effective:", "signer:", "field:",
                      "summary: \"Kế hoạch chuyển đổi số năm 2024\"", "# file:"] {
            #expect(text.contains("\n" + field), "\(field)")
        }
        // What the title cannot tell is left for the editor, and the build names exactly those lines.
        let findings = site.build().findings
        #expect(findings.map(\.description).sorted() == [
            "Content/documents/2024-03-15-ke-hoach-chuyen-doi-so-nam-2024.md:2:9: error: field \"number\" is empty",
            "Content/documents/2024-03-15-ke-hoach-chuyen-doi-so-nam-2024.md:4:9: error: field \"issuer\" is empty",
        ], "\(findings)")
        let filled = text.replacingOccurrences(of: "number: \"\"", with: "number: \"12/KH-UBND\"")
            .replacingOccurrences(of: "issuer: \"\"", with: "issuer: \"UBND tỉnh\"")
        try site.write("documents/2024-03-15-ke-hoach-chuyen-doi-so-nam-2024.md", filled)
        #expect(site.build().findings.isEmpty)
        #expect(site.exists("van-ban/index.html"))
    }

    @Test func pageIsNamedByItsAddressAndMayNotTakeThePortalsOwn() throws {
        let site = try TestSite()
        let content = site.options().content
        let path = try NewContent(kind: .page, title: "Giới thiệu", now: Self.evening).create(in: content, config: try config(site))
        #expect(path == "Content/pages/gioi-thieu.md")
        #expect(site.build(drafts: true).findings.isEmpty)
        #expect(site.exists("gioi-thieu/index.html"))
        #expect(throws: NewContentError.self) {
            try NewContent(kind: .page, title: "Tin tức", now: Self.evening).create(in: content, config: try config(site))
        }
    }

    @Test func titlesWithoutLettersAreRefused() throws {
        let site = try TestSite()
        let content = site.options().content
        for title in ["", "   ", "!!! ???", "hai\ndòng"] {
            #expect(throws: NewContentError.self, "\(title)") {
                try NewContent(kind: .news, title: title, now: Self.evening).create(in: content, config: try config(site))
            }
        }
        let news = site.content.appendingPathComponent("news").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: news)) ?? []).isEmpty, "a refused title left a file")
    }
}
