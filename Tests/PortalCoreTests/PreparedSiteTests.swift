import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// The preview server renders pages one at a time from a `PreparedSite`, with a cache carried from one
/// rebuild to the next; it must serve exactly what a build writes.
@Suite struct PreparedSiteTests {
    func expectSameAsRender(_ options: BuildOptions, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (files, findings) = SiteBuilder().render(options)
        let (prepared, preparedFindings) = SiteBuilder().prepare(options)
        #expect(findings == preparedFindings, sourceLocation: sourceLocation)
        guard let prepared else {
            Issue.record("prepare failed: \(preparedFindings)", sourceLocation: sourceLocation)
            return
        }
        let all = prepared.renderAll()
        #expect(all.map(\.path) == files.map(\.path), sourceLocation: sourceLocation)
        // A page is found by the address the renderer gives it without building its view; that address
        // must be the one its view is then built for.
        #expect(prepared.pagePaths == Array(all.prefix(prepared.pagePaths.count).map(\.path)), sourceLocation: sourceLocation)
        #expect(Set(prepared.pagePaths).count == prepared.pagePaths.count, "two pages at one address", sourceLocation: sourceLocation)
        for (one, other) in zip(files, all) {
            switch (one.body, other.body) {
            case (.text(let a), .text(let b)): #expect(a == b, "\(one.path)", sourceLocation: sourceLocation)
            case (.copy(let a), .copy(let b)): #expect(a == b, "\(one.path)", sourceLocation: sourceLocation)
            default: Issue.record("\(one.path) differs in kind", sourceLocation: sourceLocation)
            }
            if case .text(let text) = one.body, let single = prepared.render(path: one.path), case .text(let alone) = single.body {
                #expect(alone == text, "\(one.path) rendered alone", sourceLocation: sourceLocation)
            }
        }
        #expect(prepared.render(path: "khong-co/index.html") == nil, sourceLocation: sourceLocation)
    }

    @Test func pagesRenderedOneByOneAreTheBuildsPages() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]", body: "## Mục\n\nNội dung."),
            "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10"),
            "news/c.md": TestSite.news(title: "Tin ba", date: "2024-03-09", category: "ha-tang-so"),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.\n",
            "media/anh.svg": "<svg/>",
        ])
        expectSameAsRender(site.options(write: false))
    }

    @Test func theBundledSiteToo() {
        let root = TestSite.repositoryRoot
        expectSameAsRender(BuildOptions(content: FileTree(root: root.appendingPathComponent("Content"), displayRoot: "Content"),
                                        theme: FileTree(root: root.appendingPathComponent("Theme"), displayRoot: "Theme"),
                                        output: nil))
    }

    /// The build streams pages to disk with each news body rendered alongside its page; the preview
    /// server renders bodies up front. Both go through one `PreparedSite`, so the bytes must agree.
    @Test func theBuildWritesWhatThePreviewServes() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]", body: "Đoạn đầu làm tóm tắt.\n\n## Mục\n\nNội dung."),
            "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", extra: "summary: \"Tóm tắt viết sẵn.\""),
            "news/c.md": TestSite.news(title: "Tin ba", date: "2024-03-09", category: "ha-tang-so", body: "| a | b |\n|---|---|\n| 1 | 2 |"),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.\n",
            "media/anh.svg": "<svg/>",
        ])
        let report = site.build()
        #expect(report.succeeded, "\(report.findings)")
        let (prepared, findings) = SiteBuilder().prepare(site.options(write: false))
        #expect(findings == report.findings)
        let prepare = try #require(prepared)
        let written = site.snapshot()
        var served: Set<String> = [OutputWriter.markerName, OutputManifest.fileName]
        for path in prepare.pagePaths {
            served.insert(path)
            guard let file = prepare.render(path: path), case .text(let html) = file.body else {
                Issue.record("\(path) not rendered")
                continue
            }
            #expect(written[path] == Data(html.utf8), "\(path)")
        }
        for file in prepare.otherFiles {
            served.insert(file.path)
            if case .text(let text) = file.body { #expect(written[file.path] == Data(text.utf8), "\(file.path)") }
        }
        // The write stage's own additions: each precompressed sibling is of a file served.
        let compressed = Set(written.keys.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
        #expect(compressed.allSatisfy { served.contains(String($0.dropLast(3))) })
        #expect(Set(written.keys).subtracting(compressed) == served)
    }

    /// A news body's findings are reported by its page in a build and by `prepare` for the preview
    /// server: the same findings either way, and the build writes nothing.
    @Test func aBrokenNewsBodyIsReportedByBuildAndPrepareAlike() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin một", body: "Kết quả {{< indicator id=\"9.9\" >}}."),
            "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10"),
        ])
        let report = site.build()
        let (prepared, findings) = SiteBuilder().prepare(site.options(write: false))
        #expect(!report.succeeded && !report.wroteOutput)
        #expect(!site.exists("index.html"))
        #expect(prepared != nil && findings.hasErrors)
        #expect(findings == report.findings)
        #expect(SiteBuilder().render(site.options(write: false)).findings == findings)
    }

    /// Parsed templates are kept between rebuilds, and with them the shared partials' recorded outputs
    /// unless each rebuild starts them afresh: a header recorded for the old `site.yaml` must not come back.
    @Test func aSiteSettingEditedUnderTheCacheReachesTheHeader() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin một")])
        let cache = SiteCache()
        for round in 1...3 {
            try site.write("site.yaml", TestSite.defaultSiteYAML.replacingOccurrences(of: "Thử Nghiệm\"", with: "Vòng \(round)\""))
            let cached = try #require(SiteBuilder().prepare(site.options(write: false), cache: cache).site)
            let fresh = try #require(SiteBuilder().prepare(site.options(write: false)).site)
            for path in cached.pagePaths {
                guard case .text(let one)? = cached.render(path: path)?.body, case .text(let other)? = fresh.render(path: path)?.body else {
                    Issue.record("\(path) not rendered")
                    continue
                }
                #expect(one == other, "\(path), round \(round)")
            }
            guard case .text(let home)? = cached.render(path: "index.html")?.body else {
                Issue.record("no home page")
                continue
            }
            #expect(home.contains("Vòng \(round)"))
        }
    }

    @Test func aCacheCarriedAcrossEditsGivesWhatAFreshRenderGives() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Tin một", body: "Nội dung | một\n---|---\na | b"),
            "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", body: "Thân bài hai."),
        ])
        let cache = SiteCache()
        func texts(_ prepared: PreparedSite?) -> [String] {
            (prepared?.renderAll() ?? []).map { file in if case .text(let text) = file.body { text } else { file.path } }
        }
        _ = SiteBuilder().prepare(site.options(write: false), cache: cache)
        try site.write("news/b.md", TestSite.news(title: "Tin hai", date: "2024-03-10", body: "Thân bài đã sửa."))
        try site.write("news/c.md", TestSite.news(title: "Tin ba", date: "2024-03-09", body: "Thân bài hai."))
        let cached = SiteBuilder().prepare(site.options(write: false), cache: cache)
        let fresh = SiteBuilder().prepare(site.options(write: false))
        #expect(cached.findings == fresh.findings)
        #expect(texts(cached.site) == texts(fresh.site))
        #expect(texts(cached.site).contains { $0.contains("Thân bài đã sửa.") })

        // A broken template is reported from the cache as well as the first time.
        let template = site.theme.appendingPathComponent("templates/page.mustache")
        try "{{#x}}".write(to: template, atomically: true, encoding: .utf8)
        let broken = SiteBuilder().prepare(site.options(write: false), cache: cache)
        let again = SiteBuilder().prepare(site.options(write: false), cache: cache)
        #expect(broken.site == nil && again.site == nil)
        #expect(!broken.findings.isEmpty && broken.findings == again.findings)
    }
}
