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
