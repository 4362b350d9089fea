import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// The preview server prepares the site again after each save, told which paths changed, reusing what
/// the previous call read and made. Whatever the edit, the result must be what a fresh prepare gives.
@Suite struct IncrementalPrepareTests {
    /// One site through a series of edits; after each, the cached prepare (told only the changed paths)
    /// and a fresh one must give the same findings and the same files, byte for byte.
    final class Session {
        let site: TestSite
        let cache = SiteCache()

        init(_ site: TestSite) {
            self.site = site
            _ = SiteBuilder().prepare(site.options(write: false), cache: cache)
        }

        /// Applies the edits (nil text removes the file), prepares with the changed paths, compares.
        @discardableResult
        func edit(_ edits: [String: String?], theme: [String: String] = [:],
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (site: PreparedSite?, findings: [Finding]) {
            for (path, text) in edits {
                if let text { try site.write(path, text) } else { try site.remove(path) }
            }
            for (path, text) in theme {
                try text.write(to: site.theme.appendingPathComponent(path), atomically: true, encoding: .utf8)
            }
            let changes = ContentChanges.paths(content: Set(edits.keys), theme: Set(theme.keys))
            let incremental = SiteBuilder().prepare(site.options(write: false), cache: cache, changes: changes)
            let fresh = SiteBuilder().prepare(site.options(write: false))
            #expect(incremental.findings == fresh.findings, sourceLocation: sourceLocation)
            #expect((incremental.site == nil) == (fresh.site == nil), sourceLocation: sourceLocation)
            let (mine, theirs) = (Self.files(incremental.site), Self.files(fresh.site))
            #expect(mine.keys.sorted() == theirs.keys.sorted(), sourceLocation: sourceLocation)
            for (path, text) in theirs where mine[path] != text {
                Issue.record("\(path) differs from a fresh prepare", sourceLocation: sourceLocation)
            }
            return incremental
        }

        static func files(_ site: PreparedSite?) -> [String: String] {
            var result: [String: String] = [:]
            for file in site?.renderAll() ?? [] {
                switch file.body {
                case .text(let text): result[file.path] = text
                case .copy(let copied): result[file.path] = "copy of \(copied.sourcePath)"
                }
            }
            return result
        }
    }

    func reportSite() throws -> TestSite {
        var files = ReportTests.indicators
        files["reports/2024-q1/_index.md"] = ReportTests.index
        files["reports/2024-q1/01-ket-qua.md"] = "---\ntitle: \"Kết quả\"\n---\nĐạt {{< indicator id=\"B1\" >}} (1.013/1.861).\n"
        files["news/a.md"] = TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]", body: "Đạt 54,4% (1.013/1.861).")
        files["news/b.md"] = TestSite.news(title: "Tin hai", date: "2024-03-10", body: "Tỷ lệ {{< indicator id=\"B1\" >}} (1.013/1.861).")
        files["pages/gioi-thieu.md"] = "---\ntitle: Giới thiệu\n---\nNội dung.\n"
        files["documents/833-kh-ubnd.md"] = BadInputMatrix.document
        return try TestSite(files)
    }

    @Test func editsToNewsAreTakenOneFileAtATime() throws {
        let session = Session(try reportSite())
        let saved = try session.edit(["news/a.md": TestSite.news(title: "Tin một đã sửa", body: "Đạt 54,5% (1.013/1.861).")])
        #expect(saved.findings.contains { $0.file == "Content/news/a.md" && $0.message.contains("54,5%") })
        try session.edit(["news/c.md": TestSite.news(title: "Tin ba", date: "2024-03-09", category: "ha-tang-so")])
        try session.edit(["news/b.md": nil])
        try session.edit(["news/goi/index.md": TestSite.news(title: "Tin có ảnh", extra: "image: anh.svg\nimage_alt: Ảnh", body: "Ảnh."),
                          "news/goi/anh.svg": "<svg/>"])
        try session.edit(["news/goi/anh.svg": nil])
    }

    @Test func aBrokenSaveAndItsFixAreSeenAsAFreshBuildSeesThem() throws {
        let session = Session(try reportSite())
        let broken = try session.edit(["news/a.md": "---\ntitle: [chưa đóng\n---\nThân bài.\n"])
        #expect(broken.findings.hasErrors)
        let fixed = try session.edit(["news/a.md": TestSite.news(title: "Tin một")])
        #expect(!fixed.findings.hasErrors)
    }

    @Test func indicatorsReportsPagesDocumentsThemeAndSettings() throws {
        let session = Session(try reportSite())
        // The news body and the report print B1; a new value changes both, and their prose checks.
        var values = ReportTests.indicators["indicators/values.csv"]!
        values = values.replacingOccurrences(of: "B1,2024-Q1,54.4", with: "B1,2024-Q1,54.9")
        let changed = try session.edit(["indicators/values.csv": values])
        #expect(changed.findings.contains { $0.file == "Content/news/b.md" && $0.message.contains("54,9%") })
        try session.edit(["reports/2024-q1/02-nhiem-vu.md": "---\ntitle: \"Nhiệm vụ\"\n---\nMột.\n"])
        try session.edit(["pages/lien-he.md": "---\ntitle: Liên hệ\n---\nĐịa chỉ.\n"])
        try session.edit(["documents/833-kh-ubnd.md": nil])
        try session.edit([:], theme: ["templates/page.mustache": "{{<base}}{{$main}}<p>Trang riêng</p>{{/main}}{{/base}}"])
        try session.edit(["site.yaml": TestSite.defaultSiteYAML.replacingOccurrences(of: "news_per_page: 2", with: "news_per_page: 1")])
        // Every date is read in the site's time zone: items unchanged on disk still change.
        try session.edit(["site.yaml": TestSite.defaultSiteYAML + "\ntime_zone: \"+00:00\"\n"])
        try session.edit(["news/du-lieu.csv": "năm,giá trị\n2023,1\n2024,2\n"])
    }

    /// The usual save changes a body, not where the item is listed: the previous site is taken with the
    /// item replaced. Its card (title, first paragraph) changes on every list it is on.
    @Test func aSavedBodyReplacesTheItemInThePreviousSite() throws {
        let session = Session(try reportSite())
        let checked = try session.edit(["news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]",
                                                                  body: "Đoạn đầu đã sửa.\n\nĐạt 54,6% (1.013/1.861).")])
        #expect(session.cache.lastReplacedNews)
        #expect(checked.findings.contains { $0.file == "Content/news/a.md" && $0.message.contains("54,6%") })
        #expect(checked.findings.filter { $0.file == "Content/news/a.md" }.count == 1)
        #expect(Session.files(checked.site)["tin-tuc/index.html"]?.contains("Đoạn đầu đã sửa.") == true)

        // A shortcode that fails is an error the replaced item brings with it.
        let broken = try session.edit(["news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", body: "{{< khong-co >}}")])
        #expect(session.cache.lastReplacedNews && broken.findings.hasErrors)
        // After a site with errors the next save takes the long way.
        try session.edit(["news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", body: "Đã sửa.")])
        #expect(!session.cache.lastReplacedNews)
        try session.edit(["news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]", body: "Lần nữa."),
                          "news/b.md": TestSite.news(title: "Tin hai", date: "2024-03-10", body: "Cả hai cùng lúc.")])
        #expect(session.cache.lastReplacedNews)
    }

    @Test func aNewTitleWithAFixedSlugIsAReplacementANewDateIsNot() throws {
        let session = Session(try reportSite())
        try session.edit(["news/a.md": TestSite.news(title: "Tin một", extra: "tags: [\"chữ ký số\"]\nslug: tin-mot", body: "Một.")])
        #expect(session.cache.lastReplacedNews)   // the slug was made from the title before: written now, it is the same
        try session.edit(["news/a.md": TestSite.news(title: "Tiêu đề mới hẳn", extra: "tags: [\"chữ ký số\"]\nslug: tin-mot", body: "Một.")])
        #expect(session.cache.lastReplacedNews)
        try session.edit(["news/a.md": TestSite.news(title: "Tiêu đề mới hẳn", date: "2024-03-01", extra: "tags: [\"chữ ký số\"]\nslug: tin-mot",
                                                     body: "Một.")])
        #expect(!session.cache.lastReplacedNews)
        try session.edit(["news/a.md": TestSite.news(title: "Tiêu đề mới hẳn", date: "2024-03-01", extra: "tags: [\"khác\"]\nslug: tin-mot",
                                                     body: "Một.")])
        #expect(!session.cache.lastReplacedNews)
    }

    @Test func hiddenFilesAndNewFoldersAreListedAsAFreshWalkListsThem() throws {
        let session = Session(try reportSite())
        try session.edit(["news/.a.md.swp": "rác", "news/a.md~": "bản sao"])
        try session.edit(["media/anh/moi.svg": "<svg/>"])
        try session.edit(["media/anh/moi.svg": nil])
    }
}
