import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// The preview server renders pages one at a time from a `PreparedSite`; it must serve exactly what a
/// build writes.
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
}
