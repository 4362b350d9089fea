import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// Bad input: each a finding that names the file and the line, the build fails, and the last good
/// `Public/` stays exactly as it was.
@Suite struct FindingTests {
    /// Builds a good site first, breaks it with `change`, builds again and returns the findings after
    /// checking that the output was left byte for byte.
    func findingsAfterBreaking(_ change: (TestSite) throws -> Void,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Finding] {
        let site = try TestSite([
            "news/good.md": TestSite.news(title: "Tin tốt"),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.\n",
        ])
        let good = site.build()
        #expect(good.findings.isEmpty, "\(good.findings)", sourceLocation: sourceLocation)
        let before = site.snapshot()
        try change(site)
        let report = site.build()
        #expect(!report.succeeded, "the broken site built", sourceLocation: sourceLocation)
        #expect(!report.wroteOutput, sourceLocation: sourceLocation)
        #expect(site.snapshot() == before, "Public/ changed after a failed build", sourceLocation: sourceLocation)
        // `.portal-cache/` is the good build's render cache, kept between builds on purpose.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") && $0 != ".portal-cache" }
        #expect(leftovers.isEmpty, "temporary folders left behind: \(leftovers)", sourceLocation: sourceLocation)
        return report.findings
    }

    func expectError(_ findings: [Finding], file: String, line: Int, column: Int? = nil, _ text: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let match = findings.first { $0.file == file && $0.line == line && $0.message.contains(text) && $0.severity == .error
            && (column == nil || $0.column == column) }
        #expect(match != nil, "no error at \(file):\(line) containing \"\(text)\" in \(findings.map(\.description))",
                sourceLocation: sourceLocation)
    }

    @Test func malformedYAMLNamesTheLine() throws {
        let findings = try findingsAfterBreaking { try $0.write("news/bad.md", "---\ntitle: \"Không đóng\ndate: 2024-03-14\ncategory: x\n---\nText\n") }
        #expect(findings.contains { $0.file == "Content/news/bad.md" && $0.line >= 2 && $0.message.contains("malformed YAML") })
    }

    @Test func missingRequiredFieldsAreEachNamed() throws {
        let findings = try findingsAfterBreaking { try $0.write("news/bad.md", "---\nsummary: Chỉ có tóm tắt\n---\nText\n") }
        for field in ["title", "date", "category"] {
            expectError(findings, file: "Content/news/bad.md", line: 2, "missing required field \"\(field)\"")
        }
    }

    @Test func unknownCategoryPointsAtTheValue() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", "---\ntitle: Tin\ndate: 2024-03-14\ncategory: kinh-te\n---\nText\n")
        }
        expectError(findings, file: "Content/news/bad.md", line: 4, column: 11, "unknown category \"kinh-te\"")
        #expect(findings.first { $0.message.contains("kinh-te") }?.description.hasPrefix("Content/news/bad.md:4:11: error: unknown category \"kinh-te\"") == true)
    }

    @Test func unknownFrontMatterKeyIsAWarningNamingTheKey() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin", extra: "categroy: x")])
        let report = site.build()
        #expect(report.succeeded)
        let warning = try #require(report.findings.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 5)
        #expect(warning.message.contains("unknown field \"categroy\""))
    }

    @Test func unparseableDateNamesTheLine() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", "---\ntitle: Tin\ncategory: xa-hoi-so\ndate: 14/03/2024\n---\nText\n")
        }
        expectError(findings, file: "Content/news/bad.md", line: 4, "cannot read date \"14/03/2024\"")
    }

    @Test func twoItemsWithOneURLNameBothFiles() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/copy.md", TestSite.news(title: "Tin tốt!"))
        }
        let finding = try #require(findings.first { $0.message.contains("/tin-tuc/tin-tot/") })
        #expect(finding.message.contains("Content/news/good.md"))
        #expect(finding.message.contains("Content/news/copy.md"))
        #expect(finding.file == "Content/news/copy.md" || finding.file == "Content/news/good.md")
    }

    @Test func aPageCannotTakeAnAddressThePortalUses() throws {
        let findings = try findingsAfterBreaking { try $0.write("pages/tin.md", "---\ntitle: Tin tức\n---\nx\n") }
        expectError(findings, file: "Content/pages/tin.md", line: 2, "used by the portal itself")
    }

    @Test func imageWithoutAltTextIsAnError() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("media/a.svg", "<svg/>")
            try $0.write("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: a.svg"))
        }
        expectError(findings, file: "Content/news/bad.md", line: 5, "image_alt is required")
    }

    @Test func missingImageFileSaysWhereItLooked() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: khong-co.png\nimage_alt: Ảnh"))
        }
        expectError(findings, file: "Content/news/bad.md", line: 5, "Content/media/khong-co.png")
    }

    @Test func imagePathCannotLeaveTheContentFolder() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: ../../../etc/passwd\nimage_alt: x"))
        }
        expectError(findings, file: "Content/news/bad.md", line: 5, "outside the Content folder")
    }

    @Test func fileThatIsNotUTF8NamesItsLine() throws {
        let findings = try findingsAfterBreaking {
            var bytes = Data("---\ntitle: Tin\n".utf8)
            bytes.append(contentsOf: [0x64, 0x61, 0x74, 0x65, 0x3A, 0x20, 0xC0, 0xE9, 0x0A])  // "date: " then Latin-1 bytes
            bytes.append(Data("category: xa-hoi-so\n---\n".utf8))
            try $0.writeData("news/latin1.md", bytes)
        }
        expectError(findings, file: "Content/news/latin1.md", line: 3, "not UTF-8")
    }

    @Test func emptyFileIsAnError() throws {
        let findings = try findingsAfterBreaking { try $0.write("news/empty.md", "  \n") }
        #expect(findings.contains { $0.file == "Content/news/empty.md" && $0.message.contains("file is empty") })
    }

    @Test(arguments: ["a/b", "../../etc", "..", "x\\\\y"])
    func slugWithSlashOrDotsIsRefused(_ slug: String) throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", TestSite.news(title: "Tin", extra: "slug: \"\(slug)\""))
        }
        expectError(findings, file: "Content/news/bad.md", line: 5, "must not contain")
    }

    @Test func symbolicLinkToAFileOutsideContentIsRefused() throws {
        let findings = try findingsAfterBreaking { site in
            let outside = site.root.appendingPathComponent("secret.txt")
            try Data("mật khẩu".utf8).write(to: outside)
            try FileManager.default.createDirectory(at: site.content.appendingPathComponent("media"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("media/x.txt"), withDestinationURL: outside)
        }
        #expect(findings.contains { $0.file == "Content/media/x.txt" && $0.message.contains("points outside Content") })
    }

    @Test func fieldWrittenTwiceIsAnError() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/bad.md", "---\ntitle: Một\ntitle: Hai\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\n")
        }
        #expect(findings.contains { $0.file == "Content/news/bad.md" && $0.message.contains("\"title\" is written twice") })
    }

    @Test func frontMatterNotClosedIsAnError() throws {
        let findings = try findingsAfterBreaking { try $0.write("news/bad.md", "---\ntitle: Tin\n\nNội dung\n") }
        expectError(findings, file: "Content/news/bad.md", line: 1, "not closed")
    }

    @Test func unknownSiteSettingIsAnErrorNamingTheKey() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("site.yaml", TestSite.defaultSiteYAML + "\nnews_per_pgae: 5\n")
        }
        #expect(findings.contains { $0.file == "Content/site.yaml" && $0.severity == .error && $0.message.contains("\"news_per_pgae\"") })
    }

    @Test func templateErrorNamesTheTemplateLine() throws {
        let findings = try findingsAfterBreaking { site in
            let url = site.theme.appendingPathComponent("templates/page.mustache")
            try "{{<base}}\n{{$main}}\n{{#title}}\n{{/main}}\n{{/base}}\n".write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(findings.contains { $0.file == "Theme/templates/page.mustache" && $0.line > 0 && $0.message.contains("template error") })
    }

    @Test func missingPartialIsAnErrorAtTheLineThatNamesIt() throws {
        let findings = try findingsAfterBreaking { site in
            let url = site.theme.appendingPathComponent("templates/page.mustache")
            try "{{<base}}\n{{$main}}\n{{> partials/nowhere}}\n{{/main}}\n{{/base}}\n".write(to: url, atomically: true, encoding: .utf8)
        }
        expectError(findings, file: "Theme/templates/page.mustache", line: 3, "\"partials/nowhere\" not found")
    }

    @Test func everyFindingIsCollectedBeforeTheBuildStops() throws {
        let findings = try findingsAfterBreaking {
            try $0.write("news/one.md", "---\ntitle: Một\ndate: hôm nay\ncategory: xa-hoi-so\n---\n")
            try $0.write("news/two.md", "---\ntitle: Hai\ndate: 2024-03-14\ncategory: khong-co\n---\n")
        }
        #expect(Set(findings.map(\.file)).isSuperset(of: ["Content/news/one.md", "Content/news/two.md"]))
    }
}

@Suite struct OutputSafetyTests {
    @Test func aFolderNotMadeByPortalIsNeverReplaced() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("của tôi".utf8).write(to: site.output.appendingPathComponent("ghi-chu.txt"))
        let report = site.build()
        #expect(!report.wroteOutput)
        #expect(report.findings.contains { $0.file == "Public" && $0.message.contains("not made by portal build") })
        #expect(try String(contentsOf: site.output.appendingPathComponent("ghi-chu.txt"), encoding: .utf8) == "của tôi")
    }

    @Test func outputInsideContentIsRefused() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        var options = site.options()
        options.output = (site.content.appendingPathComponent("out"), "Content/out")
        let report = SiteBuilder().build(options)
        #expect(!report.wroteOutput)
        #expect(report.findings.contains { $0.message.contains("overlaps Content") })
    }

    @Test func rebuildReplacesStaleFiles() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin cũ")])
        site.build()
        #expect(site.exists("tin-tuc/tin-cu/index.html"))
        try site.remove("news/a.md")
        try site.write("news/b.md", TestSite.news(title: "Tin mới"))
        #expect(site.build().wroteOutput)
        #expect(!site.exists("tin-tuc/tin-cu/index.html"))
        #expect(site.exists("tin-tuc/tin-moi/index.html"))
    }

    /// The number of a process that has exited and been waited for: no process has it any more (until
    /// the system gives it out again, which takes tens of thousands of new processes).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func stagingFoldersOfKilledBuildsAreRemovedAndLiveOnesKept() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        let dead = try Self.deadProcessID()
        try #require(kill(dead, 0) != 0 && errno == ESRCH)
        // Another build of the same folder, still running. (Not this process: the build below runs in it
        // and uses its own number's folders.)
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["60"]
        try running.run()
        defer { kill(running.processIdentifier, SIGKILL); running.waitUntilExit() }
        let alive = running.processIdentifier
        // What builds killed part-way leave, what a build running now has, and names of other folders.
        let removed = [".Public.building-\(dead)", ".Public.old-\(dead)"]
        let kept = [".Public.building-\(alive)", ".Public.old-\(alive)", ".Public.building-\(dead)x", ".Public.building-",
                    ".Khac.building-\(dead)", "Public.building-\(dead)", ".Public.building-\(dead).building-\(dead)"]
        site.build()
        for name in removed + kept {
            let folder = site.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("một phần trang".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        let report = site.build()
        #expect(report.wroteOutput, "\(report.findings)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.path))
        for name in removed { #expect(!left.contains(name), "\(name) was left behind") }
        for name in kept { #expect(left.contains(name), "\(name) was removed") }
        #expect(site.exists("tin-tuc/tin/index.html"))
    }

    @Test func aBuildKilledDuringTheSwapLeavesThePreviousSite() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        site.build()
        let previous = site.snapshot()
        // Killed after moving the last site aside and before moving the new one in: no Public/ at all.
        let retired = site.root.appendingPathComponent(".Public.old-\(try Self.deadProcessID())")
        try FileManager.default.moveItem(at: site.output, to: retired)
        try site.write("news/b.md", "---\ntitle: Hỏng\n")
        let report = site.build()
        #expect(!report.wroteOutput)
        #expect(site.snapshot() == previous, "the previous site is not back in Public/")
        #expect(!FileManager.default.fileExists(atPath: retired.path))
    }
}
