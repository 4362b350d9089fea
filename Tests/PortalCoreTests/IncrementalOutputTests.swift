import Foundation
import PortalCore
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A rebuild writes only what changed (SPEC §11): each kind of edit, then the output compared byte for
/// byte with `--clean`, unchanged files checked to be the very same files (inode and modification time),
/// and `--changes` checked against what really differs.
@Suite struct IncrementalOutputTests {
    /// An inode and a modification time: what a mirroring tool (rsync, lftp) and `ls -i` see of a file.
    struct Identity: Equatable, CustomStringConvertible {
        var inode: UInt64
        var modified: Int
        var description: String { "inode \(inode), mtime \(modified)" }
    }

    static func identities(_ folder: URL) -> [String: Identity] {
        var result: [String: Identity] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        for case let relative as String in enumerator {
            var status = stat()
            guard lstat(folder.path + "/" + relative, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            result[relative] = Identity(inode: UInt64(status.st_ino),
                                        modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
        }
        return result
    }

    /// A paragraph long enough that pages pass the 1 KB below which nothing is precompressed.
    static let longBody = String(repeating: "Tỉnh triển khai nền tảng số dùng chung cho các sở, ngành và địa phương. ", count: 20)

    /// News over two pillars with tags, indicators and a report, so every kind of page is there.
    static func site() throws -> TestSite {
        var files: [String: String] = [:]
        for index in 1...5 {
            files["news/tin-\(index).md"] = TestSite.news(
                title: "Tin số \(index)", date: "2024-03-1\(index)", category: index % 2 == 0 ? "kinh-te-so" : "chinh-quyen-so",
                extra: "tags: [\"dữ liệu\", \"nhóm \(index % 3)\"]", body: "Đoạn \(index). " + longBody)
        }
        let site = try ReportTests.reportSite(files)
        try site.writeData("media/so-do.svg", Data(("<svg xmlns=\"http://www.w3.org/2000/svg\">" + String(repeating: "<g/>", count: 400) + "</svg>").utf8))
        return site
    }

    /// The edits an editor, a designer and a data officer make, each applied on top of the ones before.
    static let edits: [(name: String, apply: @Sendable (TestSite) throws -> Void)] = [
        ("text", { try $0.write("news/tin-1.md", TestSite.news(title: "Tin số 1", date: "2024-03-11", extra: "tags: [\"dữ liệu\"]", body: "Đã sửa. " + longBody)) }),
        ("title", { try $0.write("news/tin-2.md", TestSite.news(title: "Tin số hai", date: "2024-03-12", category: "kinh-te-so", body: longBody)) }),
        ("date", { try $0.write("news/tin-3.md", TestSite.news(title: "Tin số 3", date: "2024-02-01", body: longBody)) }),
        ("tags", { try $0.write("news/tin-4.md", TestSite.news(title: "Tin số 4", date: "2024-03-14", category: "kinh-te-so",
                                                                 extra: "tags: [\"hạ tầng\"]", body: longBody)) }),
        ("new item", { try $0.write("news/tin-6.md", TestSite.news(title: "Tin số 6", date: "2024-03-20", body: longBody)) }),
        ("deleted item", { try $0.remove("news/tin-5.md") }),
        ("indicators", { try $0.write("indicators/values.csv", """
            indicator,period,value,numerator,denominator,status,as_of,note
            1.1,2024-Q1,98,993,1013,,2024-03-10,
            B1,2024-Q1,54.4,1013,1861,,2024-03-11,
            """) }),
        ("report", { try $0.write("reports/2024-q1/02-nhiem-vu.md", "---\ntitle: \"Nhiệm vụ trọng tâm Quý II\"\n---\n## Dữ liệu\n\nKết nối dữ liệu dùng chung.\n") }),
        ("template", { try $0.writeTheme("templates/news-item.mustache",
                                         MinimalTheme.templates["news-item"]!.replacingOccurrences(of: "</h1>", with: "</h1><p>Bản tin</p>")) }),
        ("site.yaml", { try $0.write("site.yaml", TestSite.defaultSiteYAML + "\ntagline: \"Khẩu hiệu mới\"\n") }),
        ("a media file", { try $0.writeData("media/bang.csv", Data(String(repeating: "a,b,c\n", count: 300).utf8)) }),
        ("compress: false", { try $0.write("site.yaml", TestSite.defaultSiteYAML + "\ntagline: \"Khẩu hiệu mới\"\ncompress: false\n") }),
        ("compress again", { try $0.write("site.yaml", TestSite.defaultSiteYAML + "\ntagline: \"Khẩu hiệu mới\"\n") }),
    ]

    /// Edits after which no page may keep its key: every page's key holds every template's text, and
    /// every view holds the site's values (`PageView.site`), the number of items in each pillar among them.
    static let editsThatRenderEveryPage: Set<String> = ["template", "site.yaml", "new item", "deleted item"]

    @Test func everyKindOfEditGivesTheCleanBuildsBytesAndLeavesUnchangedFilesAsTheyWere() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let clean = site.root.appendingPathComponent("Clean")
        for (number, edit) in Self.edits.enumerated() {
            let before = site.snapshot(), identitiesBefore = Self.identities(site.output)
            try edit.apply(site)
            let report = site.build()
            #expect(report.succeeded, "\(edit.name): \(report.findings)")
            let after = site.snapshot(), identitiesAfter = Self.identities(site.output)
            if Self.editsThatRenderEveryPage.contains(edit.name) {
                #expect(report.pagesReused == 0, "\(edit.name): \(report.pagesReused) pages kept from the render cache")
            } else if edit.name != "compress again" {
                #expect(report.pagesReused > 0, "\(edit.name): no page was kept from the render cache")
            }
            #expect(report.pagesReused < report.pagesRendered)

            // The build to compare with starts from nothing: no output, no render cache.
            let freshCache = site.root.appendingPathComponent("clean-cache-\(number)")
            #expect(site.build(clean: true, output: clean, renderCache: freshCache).succeeded)
            #expect(site.build(clean: true, output: clean, renderCache: freshCache).pagesReused == 0)
            let cleanFiles = site.snapshot(of: clean)
            #expect(after.keys.sorted() == cleanFiles.keys.sorted(), "\(edit.name): other files than a clean build")
            for (path, bytes) in cleanFiles where after[path] != bytes {
                Issue.record("\(edit.name): \(path) differs from a clean build")
            }

            var kept = 0
            for (path, bytes) in after where path != OutputManifest.fileName && before[path] == bytes {
                #expect(identitiesAfter[path] == identitiesBefore[path], "\(edit.name): \(path) was rewritten with the same bytes")
                kept += 1
            }
            #expect(kept > 0, "\(edit.name): no file was kept")

            let listed = Set(after.keys).union(before.keys).subtracting([OutputManifest.fileName])
            let expected = OutputChanges(
                added: listed.filter { before[$0] == nil }.sorted(),
                changed: listed.filter { before[$0] != nil && after[$0] != nil && before[$0] != after[$0] }.sorted(),
                removed: listed.filter { after[$0] == nil }.sorted())
            #expect(!expected.isEmpty, "\(edit.name) changed nothing")
            #expect(report.changes == expected, "\(edit.name)")
        }
    }

    @Test func aRebuildWithNoChangeTouchesNothing() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let folderBefore = Self.identity(of: site.output), before = Self.identities(site.output)
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.changes == OutputChanges())
        #expect(Self.identity(of: site.output) == folderBefore, "the output folder itself was replaced")
        #expect(Self.identities(site.output) == before)
    }

    @Test func cleanWritesEveryFileAnewWithTheSameBytes() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let before = Self.identities(site.output), bytes = site.snapshot()
        let report = site.build(clean: true)
        #expect(report.succeeded)
        #expect(report.changes == OutputChanges())
        #expect(site.snapshot() == bytes)
        for (path, identity) in Self.identities(site.output) {
            #expect(identity.inode != before[path]?.inode, "\(path) was kept by --clean")
        }
    }

    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let before = Self.identities(site.output), bytes = site.snapshot()
        try site.write("news/tin-1.md", TestSite.news(title: "Tin số 1", category: "khong-co"))
        #expect(!site.build().succeeded)
        #expect(Self.identities(site.output) == before)
        #expect(site.snapshot() == bytes)
        let parent = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(parent.filter { $0.hasPrefix(".Public") } == [])
    }

    /// The manifest lists every other file of the output, with its size and SHA-256.
    @Test func theManifestListsEveryFileWithItsSizeAndDigest() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let text = try #require(site.page(OutputManifest.fileName))
        let manifest = try #require(OutputManifest.parse(text))
        let files = site.snapshot()
        #expect(Set(manifest.entries.keys) == Set(files.keys).subtracting([OutputManifest.fileName]))
        for (path, bytes) in files where path != OutputManifest.fileName {
            let entry = bytes.withUnsafeBytes { OutputManifest.entry(for: $0) }
            #expect(manifest.entries[path] == entry, "\(path)")
        }
        // sha256sum's own digest of one page, so the digest is SHA-256 and not merely some hash.
        let home = manifest.entries["index.html"]!.sha256
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", site.output.appendingPathComponent("index.html").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).hasPrefix(home + " "))
        #expect(text.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2)[2] }
            == text.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2)[2] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// A file edited in the output by hand to another size is written again, not trusted to the manifest.
    @Test func aFileEditedInTheOutputIsWrittenAgain() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let home = site.output.appendingPathComponent("index.html")
        let good = try Data(contentsOf: home)
        try FileManager.default.removeItem(at: home)
        try Data("sửa tay".utf8).write(to: home)
        #expect(site.build().succeeded)
        #expect(try Data(contentsOf: home) == good)
    }

    /// A rebuild after a one-item edit takes every other page from the render cache, and the pages it
    /// does render are those that show the item.
    @Test func aOneItemEditRendersOnlyThePagesThatShowIt() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let first = site.build()
        #expect(first.pagesReused > 0 && first.changes == OutputChanges())
        let pages = first.pagesReused
        try site.write("news/tin-3.md", TestSite.news(title: "Tin số 3", date: "2024-03-13", extra: "tags: [\"dữ liệu\", \"nhóm 0\"]",
                                                      body: "Đoạn 3. " + Self.longBody + " Thêm một câu."))
        let report = site.build()
        #expect(report.succeeded)
        let changedPages = Set(report.changes!.changed.filter { $0.hasSuffix(".html") })
        #expect(changedPages.contains { $0.contains("tin-so-3") }, "\(changedPages)")
        // Every page that changed was rendered; at most those that show the item were.
        #expect(report.pagesReused >= pages - changedPages.count - 4, "\(report.pagesReused) of \(pages) kept")
        #expect(report.pagesReused <= pages - changedPages.count)
    }

    /// Cache files cut short, emptied, changed or made of garbage are not used: the build renders what
    /// they held again and gives a clean build's bytes.
    @Test func damagedCacheFilesAreIgnored() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        try site.write("news/tin-2.md", TestSite.news(title: "Tin số 2", date: "2024-03-12", category: "kinh-te-so", body: "Đã sửa. " + Self.longBody))
        #expect(site.build().succeeded)
        let cache = site.root.appendingPathComponent(".portal-cache")
        let markdown = cache.appendingPathComponent("markdown")
        let entries = try FileManager.default.contentsOfDirectory(atPath: markdown.path).sorted()
        #expect(entries.count == 5, "one entry per news body, the edited one's old entry removed: \(entries)")

        // Cut short, emptied, and a word changed with the digest left as it was.
        let cut = markdown.appendingPathComponent(entries[0])
        try Data(try Data(contentsOf: cut).prefix(40)).write(to: cut)
        try Data().write(to: markdown.appendingPathComponent(entries[1]))
        for name in entries[2...] {
            let url = markdown.appendingPathComponent(name)
            let bytes = try Data(contentsOf: url)
            var changed = bytes
            while let found = changed.range(of: Data("khai".utf8)) { changed.replaceSubrange(found, with: Data("KHAI".utf8)) }
            #expect(changed != bytes && changed.count == bytes.count)
            try changed.write(to: url)
        }
        let pages = try #require(FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasPrefix("pages-") })
        try Data("portal pages 1\nnot a line\n".utf8).write(to: cache.appendingPathComponent(pages))
        let spare = site.root.appendingPathComponent(".Public.spare")
        #expect(FileManager.default.fileExists(atPath: spare.path), "the site swapped out is kept beside the output")
        try Data("tin-tuc/khong-co".utf8).write(to: spare.appendingPathComponent(".portal-spare-stale"))

        try site.write("news/tin-1.md", TestSite.news(title: "Tin số 1", date: "2024-03-11", body: "Sửa lần nữa. " + Self.longBody))
        let report = site.build()
        #expect(report.succeeded, "\(report.findings)")
        #expect(report.pagesReused == 0)
        let clean = site.root.appendingPathComponent("Clean")
        #expect(site.build(clean: true, output: clean, renderCache: site.root.appendingPathComponent("clean-cache")).succeeded)
        #expect(site.snapshot() == site.snapshot(of: clean))
        #expect(!site.snapshot().values.contains { String(decoding: $0, as: UTF8.self).contains("KHAI") })
    }

    /// The spare folder is patched, not rebuilt: after a one-item edit it holds the site swapped out, and
    /// a rebuild with no change leaves the output folder and its files alone.
    @Test func theSiteSwappedOutIsKeptAndPatchedByTheNextBuild() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let version1 = site.snapshot()
        try site.write("news/tin-1.md", TestSite.news(title: "Tin số 1", date: "2024-03-11", body: "Bản hai. " + Self.longBody))
        #expect(site.build().succeeded)
        let version2 = site.snapshot()
        let spare = site.root.appendingPathComponent(".Public.spare")
        var spareFiles = site.snapshot(of: spare)
        spareFiles[".portal-spare-stale"] = nil
        #expect(spareFiles == version1, "the spare folder is the site before the edit")
        // A file of the output and the same file of the spare are one file.
        #expect(Self.identities(spare)["index.html"]?.inode == Self.identities(site.output)["index.html"]?.inode
                || version1["index.html"] != version2["index.html"])
        try site.write("news/tin-1.md", TestSite.news(title: "Tin số 1", date: "2024-03-11", body: "Bản ba. " + Self.longBody))
        #expect(site.build().succeeded)
        let clean = site.root.appendingPathComponent("Clean")
        #expect(site.build(clean: true, output: clean, renderCache: site.root.appendingPathComponent("clean-cache")).succeeded)
        #expect(site.snapshot() == site.snapshot(of: clean))
        spareFiles = site.snapshot(of: spare)
        spareFiles[".portal-spare-stale"] = nil
        #expect(spareFiles == version2)
    }

    static func identity(of folder: URL) -> Identity? {
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { return nil }
        return Identity(inode: UInt64(status.st_ino), modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
    }
}
