import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// Old addresses (`aliases:`): a redirect page for a path, the server snippet for a query form.
@Suite struct AliasTests {
    static func site(base: String = "https://backan.gov.vn/chuyendoiso/") throws -> TestSite {
        try TestSite([
            "site.yaml": TestSite.defaultSiteYAML.replacingOccurrences(of: "https://cds.example.gov.vn/", with: base),
            "news/a.md": TestSite.news(title: "Hội nghị <chuyển đổi số>", extra: """
                aliases:
                  - "index.php?com=tintuc_ct&id_news=170"
                  - /tin-tuc/hoi-nghi-cu
                  - /bai-viet/hoi-nghi.html
                  - /tin.php
                """),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\naliases: [\"/index.php?com=gioithieu\"]\n---\nNội dung.\n",
        ], templates: MinimalTheme.templates)
    }

    @Test func aPathGetsARedirectPageUnderTheBasePath() throws {
        let site = try Self.site()
        let report = site.build()
        #expect(report.succeeded, "\(report.findings)")
        for path in ["tin-tuc/hoi-nghi-cu/index.html", "bai-viet/hoi-nghi.html"] {
            let page = try #require(site.page(path), "\(path) written")
            #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/chuyendoiso/tin-tuc/hoi-nghi-chuyen-doi-so/\">"))
            #expect(page.contains("<link rel=\"canonical\" href=\"https://backan.gov.vn/chuyendoiso/tin-tuc/hoi-nghi-chuyen-doi-so/\">"))
            #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(page.contains("<html lang=\"vi\">"))
            #expect(page.contains("Trang này đã chuyển đến địa chỉ mới: <a href=\"/chuyendoiso/tin-tuc/hoi-nghi-chuyen-doi-so/\">"
                                  + "Hội nghị &lt;chuyển đổi số&gt;</a>"))
        }
        #expect(!site.exists("tin.php"), "a script's name is the server's to answer, not a file's")
        #expect(!site.exists("index.php"))
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(!sitemap.contains("hoi-nghi-cu"), "an old address is not a page of the site")
    }

    @Test func queryFormsGoIntoTheServerSnippetBesideTheOutput() throws {
        let site = try Self.site()
        site.build()
        let snippet = try String(contentsOf: SiteBuilder.serverSnippetURL(beside: site.output), encoding: .utf8)
        let lines = snippet.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [
            "map $request_uri $portal_alias {",
            #"    "~^/chuyendoiso/index\.php\?com=tintuc_ct&id_news=170(&|$)" /chuyendoiso/tin-tuc/hoi-nghi-chuyen-doi-so/;"#,
            #"    "~^/chuyendoiso/tin\.php(\?|$)" /chuyendoiso/tin-tuc/hoi-nghi-chuyen-doi-so/;"#,
            #"    "~^/chuyendoiso/index\.php\?com=gioithieu(&|$)" /chuyendoiso/gioi-thieu/;"#,
            "}",
        ])
        #expect(snippet.contains("if ($portal_alias) { return 301 $portal_alias; }"), "the snippet says how to use it")
        #expect(!site.snapshot().keys.contains { $0.hasSuffix(".conf") }, "server configuration is not published")
    }

    @Test func withoutAliasesTheSnippetIsAnEmptyMap() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")], templates: MinimalTheme.templates)
        site.build()
        let snippet = try String(contentsOf: SiteBuilder.serverSnippetURL(beside: site.output), encoding: .utf8)
        #expect(snippet.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["map $request_uri $portal_alias {", "}"])
    }

    @Test func aFolderAndItsIndexFileAreOneOldAddress() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin a", extra: "aliases: [/cu/]"),
            "news/b.md": TestSite.news(title: "Tin b", extra: "aliases: [/cu/index.html]"),
        ], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.findings.map(\.description).contains {
            $0.hasPrefix("Content/news/b.md:5:") && $0.contains("Content/news/a.md:5 and Content/news/b.md:5 both claim the old address \"/cu/index.html\"")
        }, "\(report.findings)")
    }

    @Test func anAliasOnTheItemsOwnAddressIsRefused() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin a", extra: "aliases: [/tin-tuc/tin-a/]")],
                                templates: MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.contains { $0.severity == .error && $0.message.contains("is an address of this site (/tin-tuc/tin-a/)") })
    }
}
