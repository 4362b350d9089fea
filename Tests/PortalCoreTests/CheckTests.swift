import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// `portal check`: each check on the built pages, placed where an editor or designer can fix it.
@Suite struct CheckTests {
    /// A news item whose body starts on line 7 of `Content/news/a.md`, beside a page with a heading.
    func check(body: String, extraFiles: [String: String] = [:], changeTheme: (TestSite) throws -> Void = { _ in }) throws -> [Finding] {
        var files = [
            "news/a.md": TestSite.news(title: "Tin có liên kết", body: body),
            "news/b.md": TestSite.news(title: "Tin khác", date: "2024-03-10"),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n## Mục một\n\nNội dung.\n",
        ]
        for (path, text) in extraFiles { files[path] = text }
        let site = try TestSite(files)
        try changeTheme(site)
        let findings = SiteChecker().check(site.options(write: false))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "check wrote the site")
        return findings
    }

    func expectFinding(_ findings: [Finding], _ severity: Finding.Severity = .error, file: String, line: Int, _ text: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let match = findings.first { $0.file == file && $0.line == line && $0.severity == severity && $0.message.contains(text) }
        #expect(match != nil, "no \(severity) at \(file):\(line) containing \"\(text)\" in \(findings.map(\.description))",
                sourceLocation: sourceLocation)
    }

    func expectNoCheckFindings(_ findings: [Finding], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(findings.isEmpty, "\(findings.map(\.description))", sourceLocation: sourceLocation)
    }

    @Test func goodLinksImagesHeadingsAndTablesGiveNoFindings() throws {
        let findings = try check(body: """
            Xem [trang chủ](/), [tin khác](/tin-tuc/tin-khac/), [tương đối](../tin-khac/), [giới thiệu](/gioi-thieu),
            [mục một](/gioi-thieu/#muc-mot), [đầu trang](#noi-dung), [bên ngoài](https://dichvucong.gov.vn/),
            [thư](mailto:a@example.vn), [địa chỉ đầy đủ](https://cds.example.gov.vn/tin-tuc/), [CSS](/assets/css/portal.css).

            ![Sơ đồ hạ tầng](/media/so-do.svg)

            ## Mục

            ### Mục con

            | Chỉ tiêu | Giá trị |
            |---|---|
            | 1.1 | 100% |
            """, extraFiles: ["media/so-do.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        expectNoCheckFindings(findings)
    }

    @Test func brokenLinkInMarkdownNamesTheFileAndLine() throws {
        let findings = try check(body: "Đoạn một.\n\nXem [văn bản](/van-ban/khong-co/) và [tin](../khong-co/).\n")
        expectFinding(findings, file: "Content/news/a.md", line: 9, "link \"/van-ban/khong-co/\" leads to no page or file of the site")
        expectFinding(findings, file: "Content/news/a.md", line: 9, "link \"../khong-co/\" leads to no page")
    }

    @Test func linkOnTheSecondLineOfAParagraphGetsThatLine() throws {
        let findings = try check(body: "Dòng một của đoạn,\ndòng hai có [liên kết hỏng](/khong-co/).\n")
        expectFinding(findings, file: "Content/news/a.md", line: 8, "link \"/khong-co/\" leads to no page")
    }

    @Test func linkToAMarkdownFileSuggestsThePageAddress() throws {
        let findings = try check(body: "Xem [tin khác](b.md).\n")
        expectFinding(findings, file: "Content/news/a.md", line: 7, "link to the page's address, /tin-tuc/tin-khac/, not to its Markdown file")
    }

    @Test func linkClimbingOutOfTheSiteIsAnError() throws {
        let findings = try check(body: "Xem [tệp](../../../../etc/passwd).\n")
        expectFinding(findings, file: "Content/news/a.md", line: 7, "leads outside the site")
    }

    @Test func missingFragmentOnAnotherPageOrThisPageIsAnError() throws {
        let findings = try check(body: "Xem [mục](/gioi-thieu/#muc-hai).\n\nVà [ở đây](#khong-co).\n")
        expectFinding(findings, file: "Content/news/a.md", line: 7, "/gioi-thieu/ has no element with id \"muc-hai\"")
        expectFinding(findings, file: "Content/news/a.md", line: 9, "this page has no element with id \"khong-co\"")
    }

    @Test func missingImageFileIsAnErrorAtItsLine() throws {
        let findings = try check(body: "Ảnh:\n\n![Sơ đồ](/media/khong-co.png)\n")
        expectFinding(findings, file: "Content/news/a.md", line: 9, "image \"/media/khong-co.png\" leads to no page or file")
    }

    @Test func markdownImageWithoutAltTextIsAnError() throws {
        let findings = try check(body: "Đoạn.\n\n![](/media/so-do.svg)\n", extraFiles: ["media/so-do.svg": "<svg/>"])
        expectFinding(findings, file: "Content/news/a.md", line: 9, "image \"/media/so-do.svg\" has no alt text")
    }

    @Test func emptyImageAltInFrontMatterIsAnError() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin ảnh", extra: "image: /media/anh.svg\nimage_alt: \"\""),
            "media/anh.svg": "<svg/>",
        ])
        let findings = SiteChecker().check(site.options(write: false))
        expectFinding(findings, file: "Content/news/a.md", line: 6, "image_alt is empty")
    }

    @Test func headingThatSkipsALevelInMarkdownIsAWarningAtItsLine() throws {
        let findings = try check(body: "## Phần một\n\n#### Chi tiết\n")
        expectFinding(findings, .warning, file: "Content/news/a.md", line: 9, "heading level 4 follows level 2: use level 3 (### Chi tiết)")
        #expect(!findings.hasErrors)
    }

    @Test func headingRightUnderThePageTitleMayNotSkipEither() throws {
        let findings = try check(body: "### Ngay dưới tiêu đề\n")
        expectFinding(findings, .warning, file: "Content/news/a.md", line: 7, "heading level 3 follows level 1")
    }

    @Test func tableWithAnEmptyHeaderRowIsAWarningAtItsLine() throws {
        let findings = try check(body: "Bảng:\n\n|   |   |\n|---|---|\n| a | b |\n")
        expectFinding(findings, .warning, file: "Content/news/a.md", line: 9, "table has no header row")
    }

    @Test func themeImageWithoutAltAttributeIsReportedOnceWithACount() throws {
        let findings = try check(body: "Nội dung.\n") { site in
            try Data("<svg/>".utf8).write(to: site.theme.appendingPathComponent("assets/logo.svg"))
            let footer = site.theme.appendingPathComponent("templates/partials/footer.mustache")
            let text = try String(contentsOf: footer, encoding: .utf8)
            try (text + "\n<img src=\"/assets/logo.svg\">\n<img src=\"/assets/logo.svg\" alt=\"\">\n").write(to: footer, atomically: true, encoding: .utf8)
        }
        let missing = findings.filter { $0.message.contains("has no alt attribute") }
        #expect(missing.count == 1, "\(findings.map(\.description))")
        #expect(missing.first?.file.hasPrefix("Public/") == true)
        #expect(missing.first?.message.contains("other pages)") == true)
        #expect(missing.first.map { $0.line > 0 } == true)
    }

    @Test func themeTableWithoutHeaderAndThemeBrokenLinkArePlacedOnTheBuiltPage() throws {
        let findings = try check(body: "Nội dung.\n") { site in
            let template = site.theme.appendingPathComponent("templates/404.mustache")
            let text = try String(contentsOf: template, encoding: .utf8)
            let broken = text.replacingOccurrences(of: "{{/main}}", with:
                "<table><tr><td>a</td></tr></table>\n<a href=\"/khong-co-trang/\">x</a>\n{{/main}}")
            try broken.write(to: template, atomically: true, encoding: .utf8)
        }
        #expect(findings.contains { $0.file == "Public/404.html" && $0.severity == .warning && $0.message.contains("table has no header row") },
                "\(findings.map(\.description))")
        #expect(findings.contains { $0.file == "Public/404.html" && $0.severity == .error
            && $0.message.contains("link \"/khong-co-trang/\" leads to no page") }, "\(findings.map(\.description))")
    }

    @Test func brokenMenuLinkPointsAtTheLineOfSiteYAML() throws {
        let yaml = TestSite.defaultSiteYAML + "\nmenu:\n  - { title: \"Trang chủ\", url: \"/\" }\n  - { title: \"Văn bản\", url: \"/van-ban/\" }\n"
        let findings = try check(body: "Nội dung.\n", extraFiles: ["site.yaml": yaml])
        let menuLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("/van-ban/") }.map { $0 + 1 }
        let broken = findings.filter { $0.message.contains("\"/van-ban/\"") }
        #expect(broken.count == 1, "\(findings.map(\.description))")
        #expect(broken.first?.file == "Content/site.yaml")
        #expect(broken.first?.line == menuLine)
    }

    @Test func rawHTMLImageWithoutAltIsPlacedAtItsMarkdownLine() throws {
        let yaml = TestSite.defaultSiteYAML + "\nraw_html: true\n"
        let findings = try check(body: "Đoạn.\n\n<img src=\"/media/so-do.svg\">\n",
                                 extraFiles: ["site.yaml": yaml, "media/so-do.svg": "<svg/>"])
        expectFinding(findings, file: "Content/news/a.md", line: 9, "has no alt attribute")
    }

    @Test func theBundledSiteHasNoCheckErrors() {
        let root = TestSite.repositoryRoot
        let findings = SiteChecker().check(BuildOptions(
            content: FileTree(root: root.appendingPathComponent("Content"), displayRoot: "Content"),
            theme: FileTree(root: root.appendingPathComponent("Theme"), displayRoot: "Theme"), output: nil))
        #expect(!findings.hasErrors, "\(findings.filter { $0.severity == .error }.map(\.description))")
    }
}

@Suite struct LinkTargetTests {
    @Test func resolvesLikeABrowser() {
        #expect(LinkTarget.resolve("../b/", pageURL: "/tin-tuc/a/", baseURL: "") == .site(path: "tin-tuc/b/", fragment: nil))
        #expect(LinkTarget.resolve("anh.png", pageURL: "/tin-tuc/a/", baseURL: "") == .site(path: "tin-tuc/a/anh.png", fragment: nil))
        #expect(LinkTarget.resolve("#x", pageURL: "/404.html", baseURL: "") == .site(path: "404.html", fragment: "x"))
        #expect(LinkTarget.resolve("/the/vi%E1%BB%87t/?p=1#m%E1%BB%A5c", pageURL: "/", baseURL: "")
                == .site(path: "the/việt/", fragment: "mục"))
        #expect(LinkTarget.resolve("https://cds.example.vn/tin-tuc/", pageURL: "/", baseURL: "https://cds.example.vn/")
                == .site(path: "tin-tuc/", fragment: nil))
        #expect(LinkTarget.resolve("/../x", pageURL: "/", baseURL: "") == .outside)
        for external in ["https://a.vn/", "//cdn.example/x.js", "mailto:a@b.vn", "tel:0209", "data:image/png;base64,AA", "javascript:void(0)"] {
            #expect(LinkTarget.resolve(external, pageURL: "/", baseURL: "") == .external, "\(external)")
        }
    }

    @Test func folderWithoutSlashFindsItsIndex() {
        let files: Set<String> = ["index.html", "gioi-thieu/index.html", "assets/a.css"]
        #expect(LinkTarget.file(for: "gioi-thieu", in: files) == "gioi-thieu/index.html")
        #expect(LinkTarget.file(for: "gioi-thieu/", in: files) == "gioi-thieu/index.html")
        #expect(LinkTarget.file(for: "", in: files) == "index.html")
        #expect(LinkTarget.file(for: "assets/a.css", in: files) == "assets/a.css")
        #expect(LinkTarget.file(for: "assets/", in: files) == nil)
    }
}

@Suite struct HTMLScannerTests {
    @Test func readsAttributesInEveryQuotingStyleAndSkipsCommentsAndScripts() {
        let html = """
            <!DOCTYPE html>
            <!-- <a href="/comment/"> -->
            <a HREF='/mot/?a=1&amp;b=2' id=x>Một</a>
            <script>if (a < b) { document.write('<a href="/script/">') }</script>
            <img src=/anh.png alt>
            <p title="a &lt; b &#x1EA1;">text</p>
            """
        var tags: [HTMLScanner.Tag] = []
        HTMLScanner.scan(html) { if case .start(let tag) = $0 { tags.append(tag) } }
        #expect(tags.map(\.name) == ["a", "script", "img", "p"])
        #expect(tags[0].value("href") == "/mot/?a=1&b=2")
        #expect(tags[0].value("id") == "x")
        #expect(tags[0].line == 3)
        #expect(tags[2].value("src") == "/anh.png")
        #expect(tags[2].attribute("alt") != nil)
        #expect(tags[2].line == 5)
        #expect(tags[3].value("title") == "a < b ạ")
    }

    @Test func pageScanFindsHeaderlessTablesAndImagesWithoutAlt() {
        let scan = PageScan(html: """
            <h1>A</h1><h3 id="c">C</h3>
            <div class="table-scroll"><table><thead><tr><th></th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>
            <table><tr><th>Cột</th></tr></table>
            <img src="/a.png"><img src="/b.png" alt="">
            """)
        #expect(scan.headings.map(\.level) == [1, 3])
        #expect(scan.tables.map(\.hasHeader) == [false, true])
        #expect(scan.tables.map(\.contentOrdinal) == [0, nil])
        #expect(scan.imagesWithoutAlt.map(\.src) == ["/a.png"])
        #expect(scan.ids == ["c"])
    }
}
