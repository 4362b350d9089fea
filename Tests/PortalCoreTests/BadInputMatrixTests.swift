import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// Broken input of every kind an editor or designer can produce, one row each: the build must fail with
/// a finding that names the file, the line and the problem, exit 1, and leave the last good `Public/`
/// byte for byte. Each row runs twice: through `SiteBuilder` (for the findings as values) and through
/// the `portal` executable (for the exit status, and so that a crash is a failed row rather than the end
/// of the test run).
///
/// Adding a row: append to `BadInputMatrix.rows`; the site it breaks is `BadInputMatrix.goodSite()`.
@Suite struct BadInputMatrixTests {
    @Test(arguments: BadInputMatrix.rows)
    func brokenInput(_ row: BadInput) throws {
        let site = try BadInputMatrix.goodSite()
        let good = site.build()
        try #require(good.succeeded && good.wroteOutput, "the good site does not build: \(good.findings)")
        let before = site.snapshot()
        try #require(!before.isEmpty)
        try row.breakSite(site)
        defer { row.cleanUp(site) }

        // The executable first: if the input crashes the generator, this row fails and the run goes on.
        let command = try PortalExecutable.build(in: site.root)
        #expect(!command.crashed, "portal build crashed (signal \(command.status)): \(command.stderr)")
        guard !command.crashed else { return }
        let report = site.build()

        switch row.expected {
        case let .error(file, line, message):
            #expect(command.status == 1, "exit status \(command.status), stderr: \(command.stderr)")
            #expect(!report.succeeded, "the broken site built")
            #expect(!report.wroteOutput)
            #expect(site.snapshot() == before, "Public/ changed after a failed build")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") && $0 != ".portal-cache" }
            #expect(leftovers.isEmpty, "temporary folders left behind: \(leftovers)")
            let match = report.findings.first { $0.severity == .error && $0.file == file && $0.line == line && $0.message.contains(message) }
            #expect(match != nil, "no error at \(file):\(line) containing \"\(message)\" in:\n\(report.findings.map(\.description).joined(separator: "\n"))")
            // What the editor reads: the same finding, compiler style, on standard error.
            let printed = line > 0 ? "\(file):\(line):" : "\(file):"
            #expect(command.stderr.split(separator: "\n").contains { $0.hasPrefix(printed) && $0.contains("error: ") && $0.contains(message) },
                    "not printed as \(printed) … error: …\(message)…: \(command.stderr)")
        case let .buildsWithWarning(file, line, message):
            #expect(command.status == 0, "exit status \(command.status), stderr: \(command.stderr)")
            #expect(report.succeeded && report.wroteOutput, "\(report.findings)")
            #expect(report.findings.contains { $0.severity == .warning && $0.file == file && $0.line == line && $0.message.contains(message) },
                    "no warning at \(file):\(line) containing \"\(message)\" in \(report.findings.map(\.description))")
        case let .builds(check):
            #expect(command.status == 0, "exit status \(command.status), stderr: \(command.stderr)")
            #expect(report.succeeded && report.wroteOutput, "\(report.findings)")
            try check(site)
        }
    }

    @Test func theMatrixIsWideEnough() {
        #expect(BadInputMatrix.rows.count >= 40)
        let kinds = Set(BadInput.Kind.allCases)
        #expect(Set(BadInputMatrix.rows.map(\.kind)) == kinds, "every kind of input has at least one row")
        #expect(Set(BadInputMatrix.rows.map(\.name)).count == BadInputMatrix.rows.count, "row names are unique")
    }
}

struct BadInput: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        case frontMatter, markdown, shortcode, siteYAML, indicatorYAML, valuesCSV, template, file, path, rankings, image
    }

    enum Expected: Sendable {
        /// The build fails; an error at `file`:`line` (0: the file as a whole) whose message contains this.
        case error(file: String, line: Int, message: String)
        /// Not an error, but the editor is told.
        case buildsWithWarning(file: String, line: Int, message: String)
        /// The input is unusual but valid (or cannot be refused, as for root): the build succeeds.
        case builds(@Sendable (TestSite) throws -> Void)
    }

    var kind: Kind
    var name: String
    var breakSite: @Sendable (TestSite) throws -> Void
    var expected: Expected
    var cleanUp: @Sendable (TestSite) -> Void = { _ in }

    var testDescription: String { "\(kind.rawValue): \(name)" }
}

enum PortalExecutable {
    struct Run {
        var status: Int32
        var crashed: Bool
        var stderr: String
    }

    /// The `portal` built beside this test bundle: `swift test` builds every product.
    static var url: URL {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("portal")
    }

    static func build(in folder: URL) throws -> Run {
        let executable = url
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw NotBuilt(path: executable.path)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        // The crash reporter would otherwise spend seconds symbolicating a backtrace.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var path: String
        var description: String { "portal executable not found at \(path): run the tests with `swift test`" }
    }
}

enum BadInputMatrix {
    static let indicatorsYAML = """
        groups:
          - { id: chinh-quyen-so, name: "Chính quyền số" }
        indicators:
          - id: "1.1"
            group: chinh-quyen-so
            name: "Tỷ lệ DVCTT toàn trình"
            unit: percent
            targets: { 2024: ">= 80" }
        """

    static let valuesCSV = """
        indicator,period,value,numerator,denominator,status,as_of,note
        1.1,2024-Q1,100,1013,1013,,2024-03-10,
        """

    static let reportIndex = """
        ---
        title: "Báo cáo kết quả Quý I/2024"
        date: 2024-03-29
        period: 2024-Q1
        ---
        """

    static let reportSection = """
        ---
        title: Kết quả triển khai
        ---
        Nội dung.[^a]

        [^a]: Chú thích.
        """

    static let document = """
        ---
        number: "833/KH-UBND"
        type: "Kế hoạch"
        issuer: "UBND tỉnh"
        issued: 2024-01-10
        summary: "Kế hoạch chuyển đổi số năm 2024"
        ---
        """

    /// A small site with every kind of content, so each row can break one thing in an otherwise good site.
    static func goodSite() throws -> TestSite {
        try TestSite([
            "news/good.md": TestSite.news(title: "Tin tốt", body: "Kết quả {{< indicator id=\"1.1\" >}}."),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.\n",
            "media/anh.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "indicators/indicators.yaml": indicatorsYAML,
            "indicators/values.csv": valuesCSV,
            "reports/2024-q1/_index.md": reportIndex,
            "reports/2024-q1/01-ket-qua.md": reportSection,
            "documents/833-kh-ubnd.md": document,
        ])
    }

    // MARK: Building blocks

    static func writes(_ path: String, _ text: String) -> @Sendable (TestSite) throws -> Void {
        { try $0.write(path, text) }
    }

    static func writesBytes(_ path: String, _ bytes: [UInt8]) -> @Sendable (TestSite) throws -> Void {
        { try $0.writeData(path, Data(bytes)) }
    }

    static func writesTheme(_ path: String, _ text: String) -> @Sendable (TestSite) throws -> Void {
        { try text.write(to: $0.theme.appendingPathComponent(path), atomically: true, encoding: .utf8) }
    }

    /// A news item `news/bad.md` whose body (starting on line 7) is `body`.
    static func newsBody(_ body: String) -> @Sendable (TestSite) throws -> Void {
        writes("news/bad.md", "---\ntitle: Tin hỏng\ndate: 2024-03-14\ncategory: chinh-quyen-so\n\n---\n" + body + "\n")
    }

    static let bad = "Content/news/bad.md"
    static let bundle = "Content/news/bad/index.md"
    static let section2 = "Content/reports/2024-q1/02-nhiem-vu.md"
    static let site = "Content/site.yaml"
    static let indicators = "Content/indicators/indicators.yaml"
    static let values = "Content/indicators/values.csv"

    static var runningAsRoot: Bool { geteuid() == 0 }

    // MARK: The rows

    static let rows: [BadInput] = frontMatter + markdown + shortcodes + siteSettings + indicatorDefinitions + observations
        + templates + files + windowsFiles + paths + rankings + images

    static let frontMatter: [BadInput] = [
        // libyaml notices an unclosed quote or bracket lines later; the finding points where it opened.
        BadInput(kind: .frontMatter, name: "unclosed quote", breakSite: writes("news/bad.md", "---\ntitle: \"Không đóng\ndate: 2024-03-14\ncategory: x\n---\nText\n"),
                 expected: .error(file: bad, line: 2, message: "the quoted text that starts here is not closed")),
        BadInput(kind: .frontMatter, name: "unclosed list", breakSite: writes("news/bad.md", "---\ntitle: Tin\ntags: [a, b\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\nText\n"),
                 expected: .error(file: bad, line: 3, message: "the list that opens with [ here is not closed")),
        BadInput(kind: .frontMatter, name: "colon inside a value", breakSite: writes("news/bad.md", "---\ntitle: Hội nghị: tổng kết\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\nText\n"),
                 expected: .error(file: bad, line: 2, message: "put the value in quotes")),
        BadInput(kind: .frontMatter, name: "line indented too far", breakSite: writes("news/bad.md", "---\ntitle: Tin\n  date: 2024-03-14\ncategory: xa-hoi-so\n---\nText\n"),
                 expected: .error(file: bad, line: 3, message: "take out the extra spaces")),
        BadInput(kind: .frontMatter, name: "no front matter", breakSite: writes("news/bad.md", "Chỉ có nội dung\n"),
                 expected: .error(file: bad, line: 1, message: "missing front matter")),
        BadInput(kind: .frontMatter, name: "front matter not closed", breakSite: writes("news/bad.md", "---\ntitle: Tin\n\nNội dung\n"),
                 expected: .error(file: bad, line: 1, message: "not closed")),
        BadInput(kind: .frontMatter, name: "missing title", breakSite: writes("news/bad.md", "---\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\n"),
                 expected: .error(file: bad, line: 2, message: "missing required field \"title\"")),
        BadInput(kind: .frontMatter, name: "empty title", breakSite: writes("news/bad.md", "---\ntitle: \"\"\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\n"),
                 expected: .error(file: bad, line: 2, message: "field \"title\" is empty")),
        BadInput(kind: .frontMatter, name: "title is a list", breakSite: writes("news/bad.md", "---\ntitle: [Một, Hai]\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\n"),
                 expected: .error(file: bad, line: 2, message: "must be a single text value")),
        BadInput(kind: .frontMatter, name: "unknown category", breakSite: writes("news/bad.md", "---\ntitle: Tin\ndate: 2024-03-14\ncategory: kinh-te\n---\n"),
                 expected: .error(file: bad, line: 4, message: "unknown category \"kinh-te\"")),
        BadInput(kind: .frontMatter, name: "date in the Vietnamese order", breakSite: writes("news/bad.md", "---\ntitle: Tin\ncategory: xa-hoi-so\ndate: 14/03/2024\n---\n"),
                 expected: .error(file: bad, line: 4, message: "cannot read date \"14/03/2024\"")),
        BadInput(kind: .frontMatter, name: "date that does not exist", breakSite: writes("news/bad.md", "---\ntitle: Tin\ncategory: xa-hoi-so\ndate: 2024-02-30\n---\n"),
                 expected: .error(file: bad, line: 4, message: "cannot read date \"2024-02-30\"")),
        BadInput(kind: .frontMatter, name: "field written twice", breakSite: writes("news/bad.md", "---\ntitle: Một\ntitle: Hai\ndate: 2024-03-14\ncategory: xa-hoi-so\n---\n"),
                 expected: .error(file: bad, line: 2, message: "\"title\" is written twice")),
        BadInput(kind: .frontMatter, name: "draft is not true or false", breakSite: writes("news/bad.md", "---\ntitle: Tin\ndate: 2024-03-14\ncategory: xa-hoi-so\ndraft: chưa\n---\n"),
                 expected: .error(file: bad, line: 5, message: "must be true or false")),
        BadInput(kind: .frontMatter, name: "tags as a mapping", breakSite: writes("news/bad.md", "---\ntitle: Tin\ndate: 2024-03-14\ncategory: xa-hoi-so\ntags: {a: b}\n---\n"),
                 expected: .error(file: bad, line: 5, message: "\"tags\" must be a list")),
        BadInput(kind: .frontMatter, name: "front matter is a list", breakSite: writes("news/bad.md", "---\n- title\n- date\n---\n"),
                 expected: .error(file: bad, line: 2, message: "expected fields as \"name: value\" lines")),
        BadInput(kind: .frontMatter, name: "image without alt text", breakSite: writes("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: anh.svg")),
                 expected: .error(file: bad, line: 5, message: "image_alt is required")),
        BadInput(kind: .frontMatter, name: "two items at one address", breakSite: writes("news/copy.md", TestSite.news(title: "Tin tốt!")),
                 expected: .error(file: "Content/news/good.md", line: 2, message: "Content/news/copy.md and Content/news/good.md would both be published at /tin-tuc/tin-tot/")),
        BadInput(kind: .frontMatter, name: "two items claim one old address", breakSite: { site in
                     try site.write("news/hai.md", TestSite.news(title: "Tin hai", extra: "aliases: [\"index.php?com=tintuc_ct&id_news=170\"]"))
                     try site.write("news/mot.md", TestSite.news(title: "Tin một", extra: "aliases: [\"/index.php?com=tintuc_ct&id_news=170\"]"))
                 },
                 expected: .error(file: "Content/news/mot.md", line: 5,
                                  message: "Content/news/hai.md:5 and Content/news/mot.md:5 both claim the old address")),
        BadInput(kind: .frontMatter, name: "old address of a real page", breakSite: writes("news/bad.md", TestSite.news(title: "Tin", extra: "aliases: [/gioi-thieu]")),
                 expected: .error(file: bad, line: 5, message: "the old address \"/gioi-thieu\" is an address of this site (/gioi-thieu/)")),
        BadInput(kind: .frontMatter, name: "old address with its host", breakSite: writes("news/bad.md", TestSite.news(title: "Tin", extra: "aliases:\n  - https://backan.gov.vn/index.php?id=1")),
                 expected: .error(file: bad, line: 6, message: "names a host")),
        BadInput(kind: .frontMatter, name: "old address with a space", breakSite: writes("news/bad.md", TestSite.news(title: "Tin", extra: "aliases: [\"/tin cũ/\"]")),
                 expected: .error(file: bad, line: 5, message: "holds \" \"")),
        BadInput(kind: .frontMatter, name: "document without a number", breakSite: writes("documents/bad.md", "---\ntype: Kế hoạch\nissuer: UBND\nissued: 2024-01-10\nsummary: Kế hoạch\n---\n"),
                 expected: .error(file: "Content/documents/bad.md", line: 2, message: "missing required field \"number\"")),
        BadInput(kind: .frontMatter, name: "report period unreadable", breakSite: writes("reports/2024-q1/_index.md", reportIndex.replacingOccurrences(of: "2024-Q1", with: "Quý I/2024")),
                 expected: .error(file: "Content/reports/2024-q1/_index.md", line: 4, message: "cannot read period \"Quý I/2024\"")),
        BadInput(kind: .frontMatter, name: "report section with neither front matter nor a heading",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "Nội dung chưa có tiêu đề.\n"),
                 expected: .error(file: section2, line: 1, message: "this section has no title: make its first line a heading such as \"## Tiêu đề\"")),
        BadInput(kind: .frontMatter, name: "report section with front matter but no title",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "---\nweight: 2\n---\nNội dung.\n"),
                 expected: .error(file: section2, line: 2, message: "add a line \"title: …\" to its front matter")),
        BadInput(kind: .frontMatter, name: "report date unreadable", breakSite: writes("reports/2024-q1/_index.md", reportIndex.replacingOccurrences(of: "2024-03-29", with: "29/03/2024")),
                 expected: .error(file: "Content/reports/2024-q1/_index.md", line: 3, message: "cannot read date \"29/03/2024\"")),
        BadInput(kind: .frontMatter, name: "report with only a title and sections without front matter",
                 breakSite: { site in
                     try site.write("reports/2024-q1/_index.md", "---\ntitle: Báo cáo chưa ghi ngày\n---\n")
                     try site.write("reports/2024-q1/01-ket-qua.md", "## Kết quả triển khai\n\nNội dung.[^a]\n\n[^a]: Chú thích.\n")
                 },
                 expected: .builds { site in
                     let page = try #require(site.page("bao-cao/2024-q1/index.html"))
                     #expect(page.contains("<span class=\"heading-number\">I.</span> Kết quả triển khai</h2>"))
                     #expect(page.contains("ngày … tháng … năm …"))
                 }),
        BadInput(kind: .frontMatter, name: "page takes a portal address", breakSite: writes("pages/tin.md", "---\ntitle: Tin tức\n---\nx\n"),
                 expected: .error(file: "Content/pages/tin.md", line: 2, message: "used by the portal itself")),
    ]

    static let markdown: [BadInput] = [
        BadInput(kind: .markdown, name: "footnote label reused across report sections",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "---\ntitle: Nhiệm vụ\n---\nKhác.[^a]\n\n[^a]: Trùng nhãn.\n"),
                 expected: .error(file: "Content/reports/2024-q1/02-nhiem-vu.md", line: 6, message: "footnote [^a] is already defined")),
        BadInput(kind: .markdown, name: "footnote label reused in a section without front matter",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "## Nhiệm vụ\n\nKhác.[^a]\n\n[^a]: Trùng nhãn.\n"),
                 expected: .error(file: section2, line: 5, message: "footnote [^a] is already defined")),
        BadInput(kind: .markdown, name: "heading as high as the section's own title",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "## Nhiệm vụ\n\n## Dữ liệu\n\nKết nối.\n"),
                 expected: .error(file: section2, line: 3, message: "use ### for headings inside a section")),
        BadInput(kind: .markdown, name: "figure that disagrees in a section without front matter",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "## Nhiệm vụ\n\nĐoạn một.\n\nTỷ lệ đạt 50,0% (1.013/1.861).\n"),
                 expected: .buildsWithWarning(file: section2, line: 5, message: "does not match 1.013/1.861")),
        BadInput(kind: .markdown, name: "block shortcode inside a sentence",
                 breakSite: newsBody("Biểu đồ {{< chart indicator=\"1.1\" >}} ở giữa câu."),
                 expected: .error(file: bad, line: 7, message: "draws a block")),
        BadInput(kind: .markdown, name: "shortcode split by emphasis",
                 breakSite: newsBody("Dòng một.\n\nKết quả {{< indicator id=\"1.1\" *chú ý* >}}."),
                 expected: .error(file: bad, line: 9, message: "not closed")),
    ]

    static let shortcodes: [BadInput] = [
        BadInput(kind: .shortcode, name: "unknown shortcode", breakSite: newsBody("Xem {{< video src=\"a.mp4\" >}}."),
                 expected: .error(file: bad, line: 7, message: "unknown shortcode \"video\"")),
        BadInput(kind: .shortcode, name: "unknown indicator in a section without front matter",
                 breakSite: writes("reports/2024-q1/02-nhiem-vu.md", "## Nhiệm vụ Quý II\n\nĐoạn một.\n\nHai {{< indicator id=\"9.9\" >}}.\n"),
                 expected: .error(file: section2, line: 5, message: "unknown indicator \"9.9\"")),
        BadInput(kind: .shortcode, name: "shortcode not closed", breakSite: newsBody("Dòng một.\nKết quả {{< indicator id=\"1.1\" đạt."),
                 expected: .error(file: bad, line: 8, message: "not closed with >}}")),
        BadInput(kind: .shortcode, name: "unknown indicator", breakSite: newsBody("Kết quả {{< indicator id=\"9.9\" >}}."),
                 expected: .error(file: bad, line: 7, message: "unknown indicator \"9.9\"")),
        BadInput(kind: .shortcode, name: "unknown chart type", breakSite: newsBody("{{< chart indicator=\"1.1\" type=\"pie\" >}}"),
                 expected: .error(file: bad, line: 7, message: "unknown chart type \"pie\"")),
        BadInput(kind: .shortcode, name: "argument without a value", breakSite: newsBody("Kết quả {{< indicator id >}}."),
                 expected: .error(file: bad, line: 7, message: "argument \"id\" needs a value")),
        BadInput(kind: .shortcode, name: "argument given twice", breakSite: newsBody("Kết quả {{< indicator id=\"1.1\" id=\"1.1\" >}}."),
                 expected: .error(file: bad, line: 7, message: "given twice")),
        BadInput(kind: .shortcode, name: "unclosed quote in an argument", breakSite: newsBody("Kết quả {{< indicator id=\"1.1 >}}."),
                 expected: .error(file: bad, line: 7, message: "no closing quote")),
        BadInput(kind: .shortcode, name: "argument the shortcode does not take", breakSite: newsBody("Kết quả {{< indicator id=\"1.1\" colour=\"do\" >}}."),
                 expected: .error(file: bad, line: 7, message: "does not take \"colour\"")),
        BadInput(kind: .shortcode, name: "period that does not exist", breakSite: newsBody("Kết quả {{< indicator id=\"1.1\" period=\"2024-Q5\" >}}."),
                 expected: .error(file: bad, line: 7, message: "cannot read period \"2024-Q5\"")),
        BadInput(kind: .shortcode, name: "period without a value", breakSite: newsBody("Kết quả {{< indicator id=\"1.1\" period=\"2023-Q1\" >}}."),
                 expected: .error(file: bad, line: 7, message: "has no value for")),
        BadInput(kind: .shortcode, name: "indicator table of an unknown group", breakSite: newsBody("{{< indicator-table group=\"khong-co\" >}}"),
                 expected: .error(file: bad, line: 7, message: "unknown indicator group \"khong-co\"")),
        BadInput(kind: .shortcode, name: "chart data file missing", breakSite: newsBody("{{< chart data=\"khong-co.csv\" >}}"),
                 expected: .error(file: bad, line: 7, message: "data file \"khong-co.csv\" not found")),
        BadInput(kind: .shortcode, name: "chart data with a comma decimal",
                 breakSite: { site in
                     try site.write("news/so-lieu.csv", "Năm,Tỷ lệ\n2023,\"54,4\"\n")
                     try newsBody("{{< chart data=\"so-lieu.csv\" >}}")(site)
                 },
                 expected: .error(file: "Content/news/so-lieu.csv", line: 2, message: "\"54,4\" is not a number")),
        BadInput(kind: .shortcode, name: "chart with two sources", breakSite: newsBody("{{< chart indicator=\"1.1\" indicators=\"1.1\" >}}"),
                 expected: .error(file: bad, line: 7, message: "needs exactly one of")),
    ]

    static let siteSettings: [BadInput] = [
        BadInput(kind: .siteYAML, name: "misspelt setting", breakSite: writes("site.yaml", TestSite.defaultSiteYAML + "\nnews_per_pgae: 5\n"),
                 expected: .error(file: site, line: 11, message: "unknown field \"news_per_pgae\"")),
        BadInput(kind: .siteYAML, name: "no base_url", breakSite: writes("site.yaml", "title: Cổng\n"),
                 expected: .error(file: site, line: 1, message: "missing required field \"base_url\"")),
        BadInput(kind: .siteYAML, name: "base_url without a scheme", breakSite: writes("site.yaml", "title: Cổng\nbase_url: cds.example.vn\n"),
                 expected: .error(file: site, line: 2, message: "base_url must start with https://")),
        BadInput(kind: .siteYAML, name: "time zone by name", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\ntime_zone: Asia/Ho_Chi_Minh\n"),
                 expected: .error(file: site, line: 3, message: "time_zone must be an offset")),
        BadInput(kind: .siteYAML, name: "compress neither true nor false", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\ncompress: gzip\n"),
                 expected: .error(file: site, line: 3, message: "field \"compress\" must be true or false, not \"gzip\"")),
        BadInput(kind: .siteYAML, name: "zero news per page", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\nnews_per_page: 0\n"),
                 expected: .error(file: site, line: 3, message: "whole number from 1 to 500")),
        BadInput(kind: .siteYAML, name: "category id with capitals and marks",
                 breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\ncategories:\n  - { id: Chính-quyền-số, name: CQS }\n"),
                 expected: .error(file: site, line: 4, message: "must be lower-case ASCII")),
        BadInput(kind: .siteYAML, name: "category listed twice",
                 breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\ncategories:\n  - { id: chinh-quyen-so, name: A }\n  - { id: chinh-quyen-so, name: B }\n"),
                 expected: .error(file: site, line: 5, message: "listed twice")),
        BadInput(kind: .siteYAML, name: "unknown agency field", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\nagency:\n  name: Sở\n  fax: 0209\n"),
                 expected: .error(file: site, line: 5, message: "unknown field \"fax\"")),
        BadInput(kind: .siteYAML, name: "menu entry without url", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\nmenu:\n  - title: Trang chủ\n"),
                 expected: .error(file: site, line: 4, message: "missing required field \"url\"")),
        BadInput(kind: .siteYAML, name: "tab indentation", breakSite: writes("site.yaml", "title: Cổng\nbase_url: https://a.vn/\nagency:\n\tname: Sở\n"),
                 expected: .error(file: site, line: 4, message: "malformed YAML: a tab in the indentation")),
        BadInput(kind: .siteYAML, name: "no site.yaml", breakSite: { try $0.remove("site.yaml") },
                 expected: .error(file: site, line: 0, message: "site settings not found")),
    ]

    static let indicatorDefinitions: [BadInput] = [
        BadInput(kind: .indicatorYAML, name: "unknown unit", breakSite: writes("indicators/indicators.yaml", indicatorsYAML.replacingOccurrences(of: "unit: percent", with: "unit: phần trăm")),
                 expected: .error(file: indicators, line: 7, message: "unknown unit \"phần trăm\"")),
        BadInput(kind: .indicatorYAML, name: "target in words", breakSite: writes("indicators/indicators.yaml", indicatorsYAML.replacingOccurrences(of: "\">= 80\"", with: "\"cao\"")),
                 expected: .error(file: indicators, line: 8, message: "cannot read target \"cao\"")),
        BadInput(kind: .indicatorYAML, name: "target year not a year", breakSite: writes("indicators/indicators.yaml", indicatorsYAML.replacingOccurrences(of: "2024:", with: "năm 2024:")),
                 expected: .error(file: indicators, line: 8, message: "target year \"năm 2024\"")),
        BadInput(kind: .indicatorYAML, name: "unknown group", breakSite: writes("indicators/indicators.yaml", indicatorsYAML.replacingOccurrences(of: "group: chinh-quyen-so", with: "group: cqs")),
                 expected: .error(file: indicators, line: 5, message: "unknown group \"cqs\"")),
        BadInput(kind: .indicatorYAML, name: "indicator defined twice",
                 breakSite: writes("indicators/indicators.yaml", indicatorsYAML + "\n  - { id: \"1.1\", group: chinh-quyen-so, name: Lại, unit: count }\n"),
                 expected: .error(file: indicators, line: 9, message: "indicator \"1.1\" is defined twice")),
        BadInput(kind: .indicatorYAML, name: "indicator without a name", breakSite: writes("indicators/indicators.yaml", indicatorsYAML.replacingOccurrences(of: "    name: \"Tỷ lệ DVCTT toàn trình\"\n", with: "")),
                 expected: .error(file: indicators, line: 4, message: "missing required field \"name\"")),
        BadInput(kind: .indicatorYAML, name: "values.csv without indicators.yaml", breakSite: { try $0.remove("indicators/indicators.yaml") },
                 expected: .error(file: indicators, line: 0, message: "needs indicators.yaml")),
    ]

    static let observations: [BadInput] = [
        BadInput(kind: .valuesCSV, name: "row of an unknown indicator", breakSite: writes("indicators/values.csv", valuesCSV + "\n9.9,2024-Q1,50,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "unknown indicator \"9.9\"")),
        BadInput(kind: .valuesCSV, name: "period in words", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,Quý II/2024,50,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "cannot read period \"Quý II/2024\"")),
        BadInput(kind: .valuesCSV, name: "comma decimal", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,\"54,4\",,,,,\n"),
                 expected: .error(file: values, line: 3, message: "value \"54,4\" is not a number")),
        BadInput(kind: .valuesCSV, name: "row with a cell too many", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,54,4,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "this row has 9 cells but the header has 8")),
        BadInput(kind: .valuesCSV, name: "two values for one period", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q1,99,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "already has a value for 2024-Q1 (line 2)")),
        BadInput(kind: .valuesCSV, name: "unknown status", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,,,,đang làm,,\n"),
                 expected: .error(file: values, line: 3, message: "unknown status \"đang làm\"")),
        BadInput(kind: .valuesCSV, name: "no value and no status", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "needs a status")),
        BadInput(kind: .valuesCSV, name: "as_of not a date", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,50,,,,10/3/2024,\n"),
                 expected: .error(file: values, line: 3, message: "as_of \"10/3/2024\" is not a date")),
        BadInput(kind: .valuesCSV, name: "denominator zero", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,50,1,0,,,\n"),
                 expected: .error(file: values, line: 3, message: "denominator is 0")),
        // Found by the fuzzer: both used to crash the build.
        BadInput(kind: .valuesCSV, name: "denominator 78 digits long", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,100,1013,\(String(repeating: "7", count: 78)),,,\n"),
                 expected: .buildsWithWarning(file: values, line: 3, message: "disagrees with 1013/7777777777")),
        BadInput(kind: .valuesCSV, name: "value written with 21 decimals", breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,90.123456789012345678901,,,,,\n"),
                 expected: .builds { site in #expect(site.page("chi-so/1-1/index.html")?.contains("90,1234567890123") == true) }),
        BadInput(kind: .valuesCSV, name: "misspelt column", breakSite: writes("indicators/values.csv", valuesCSV.replacingOccurrences(of: "as_of", with: "asof")),
                 expected: .error(file: values, line: 1, message: "unknown column \"asof\"")),
        BadInput(kind: .valuesCSV, name: "missing period column", breakSite: writes("indicators/values.csv", "indicator,value\n1.1,100\n"),
                 expected: .error(file: values, line: 1, message: "missing column \"period\"")),
        BadInput(kind: .valuesCSV, name: "note with an unclosed quote",
                 breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,50,,,,,\"Chưa đóng\n1.1,2024-Q3,60,,,,,\n"),
                 expected: .error(file: values, line: 3, message: "a quote opened on this line is never closed")),
        BadInput(kind: .valuesCSV, name: "quoted note spanning lines keeps later lines right",
                 breakSite: writes("indicators/values.csv", valuesCSV + "\n1.1,2024-Q2,50,,,,,\"Dòng một\nDòng hai\"\n1.1,2024-Q3,abc,,,,,\n"),
                 expected: .error(file: values, line: 5, message: "value \"abc\" is not a number")),
    ]

    static let templates: [BadInput] = [
        BadInput(kind: .template, name: "section never closed", breakSite: writesTheme("templates/page.mustache", "{{<base}}\n{{$main}}\n{{#title}}\n{{/main}}\n{{/base}}\n"),
                 expected: .error(file: "Theme/templates/page.mustache", line: 4, message: "template error")),
        BadInput(kind: .template, name: "missing partial", breakSite: writesTheme("templates/page.mustache", "{{<base}}\n{{$main}}\n{{> partials/nowhere}}\n{{/main}}\n{{/base}}\n"),
                 expected: .error(file: "Theme/templates/page.mustache", line: 3, message: "\"partials/nowhere\" not found")),
        BadInput(kind: .template, name: "tag not finished", breakSite: writesTheme("templates/page.mustache", "{{<base}}\n{{$main}}\n<h1>{{title</h1>\n{{/main}}\n{{/base}}\n"),
                 expected: .error(file: "Theme/templates/page.mustache", line: 3, message: "template error")),
        BadInput(kind: .template, name: "required template deleted", breakSite: { try FileManager.default.removeItem(at: $0.theme.appendingPathComponent("templates/news-list.mustache")) },
                 expected: .error(file: "Theme/templates/news-list.mustache", line: 0, message: "the theme needs this template")),
        BadInput(kind: .template, name: "layout without a template", breakSite: writes("pages/bad.md", "---\ntitle: Trang\nlayout: rong\n---\n"),
                 expected: .error(file: "Content/pages/bad.md", line: 3, message: "layout \"rong\" has no template")),
    ]

    static let files: [BadInput] = [
        BadInput(kind: .file, name: "empty news item", breakSite: writes("news/bad.md", ""),
                 expected: .error(file: bad, line: 0, message: "file is empty")),
        BadInput(kind: .file, name: "whitespace-only document", breakSite: writes("documents/bad.md", " \n\n"),
                 expected: .error(file: "Content/documents/bad.md", line: 0, message: "file is empty")),
        BadInput(kind: .file, name: "Latin-1 bytes in front matter",
                 breakSite: writesBytes("news/bad.md", Array("---\ntitle: Tin\ndate: ".utf8) + [0xC0, 0xE9] + Array("\ncategory: xa-hoi-so\n---\n".utf8)),
                 expected: .error(file: bad, line: 3, message: "not UTF-8")),
        BadInput(kind: .file, name: "UTF-16 site.yaml",
                 breakSite: { try $0.writeData("site.yaml", TestSite.defaultSiteYAML.data(using: .utf16)!) },
                 expected: .error(file: site, line: 1, message: "not UTF-8")),
        BadInput(kind: .file, name: "Windows-1258 values.csv",
                 breakSite: writesBytes("indicators/values.csv", Array(valuesCSV.utf8) + Array("\n1.1,2024-Q2,50,,,,,Ch".utf8) + [0xF7, 0x61] + [0x0A]),
                 expected: .error(file: values, line: 3, message: "not UTF-8")),
        BadInput(kind: .file, name: "empty site.yaml", breakSite: writes("site.yaml", ""),
                 expected: .error(file: site, line: 1, message: "missing required field \"title\"")),
        BadInput(kind: .file, name: "empty values.csv", breakSite: writes("indicators/values.csv", ""),
                 expected: .error(file: values, line: 1, message: "cannot read the header row")),
        BadInput(kind: .file, name: "indicators.yaml that is a list", breakSite: writes("indicators/indicators.yaml", "- 1.1\n- 1.2\n"),
                 expected: .error(file: indicators, line: 1, message: "expected fields as \"name: value\" lines")),
        BadInput(kind: .file, name: "values.csv from Excel (byte-order mark, CRLF) still builds",
                 breakSite: writesBytes("indicators/values.csv", [0xEF, 0xBB, 0xBF] + Array(valuesCSV.replacingOccurrences(of: "\n", with: "\r\n").utf8) + Array("\r\n".utf8)),
                 expected: .builds { site in #expect(site.page("chi-so/1-1/index.html")?.contains("100%") == true) }),
        BadInput(kind: .file, name: "5 MB body still builds",
                 breakSite: newsBody(String(repeating: "Đoạn văn dài về chuyển đổi số của tỉnh, có **chữ đậm** và [liên kết](/tin-tuc/).\n\n", count: 60_000) + "Đoạn cuối cùng."),
                 expected: .builds { site in
                     let page = try #require(site.page("tin-tuc/tin-hong/index.html"))
                     #expect(page.utf8.count > 5_000_000)
                     #expect(page.contains("<p>Đoạn cuối cùng.</p>"))
                 }),
        BadInput(kind: .file, name: "5 MB body with a mistake on its last line",
                 breakSite: newsBody(String(repeating: "Một dòng.\n", count: 500_000) + "\n{{< indicator id=\"9.9\" >}}"),
                 expected: .error(file: bad, line: 500_008, message: "unknown indicator \"9.9\"")),
        BadInput(kind: .file, name: "symbolic link to itself", breakSite: { site in
                     try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("news/vong.md").path, withDestinationPath: "vong.md")
                 },
                 expected: .error(file: "Content/news/vong.md", line: 0, message: "symbolic link")),
        BadInput(kind: .file, name: "symbolic links in a loop", breakSite: { site in
                     let news = site.content.appendingPathComponent("news")
                     try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
                     try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
                 },
                 expected: .error(file: "Content/news/a.md", line: 0, message: "symbolic link")),
        BadInput(kind: .file, name: "symbolic link to a parent folder", breakSite: { site in
                     try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("news/len").path, withDestinationPath: "..")
                 },
                 expected: .buildsWithWarning(file: "Content/news/len", line: 0, message: "symbolic link to a folder is not followed")),
        BadInput(kind: .file, name: "unreadable news item",
                 breakSite: { site in
                     try site.write("news/bad.md", TestSite.news(title: "Không đọc được"))
                     try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.content.appendingPathComponent("news/bad.md").path)
                 },
                 // Root reads a file whatever its mode: there the build must simply work.
                 expected: runningAsRoot
                     ? .builds { site in #expect(site.exists("tin-tuc/khong-doc-duoc/index.html")) }
                     : .error(file: bad, line: 0, message: "cannot read this file"),
                 cleanUp: { site in
                     try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: site.content.appendingPathComponent("news/bad.md").path)
                 }),
        BadInput(kind: .file, name: "unreadable folder",
                 breakSite: { site in
                     try site.write("news/thu-muc/index.md", TestSite.news(title: "Trong thư mục"))
                     try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.content.appendingPathComponent("news/thu-muc").path)
                 },
                 expected: runningAsRoot
                     ? .builds { site in #expect(site.exists("tin-tuc/trong-thu-muc/index.html")) }
                     : .error(file: "Content/news/thu-muc", line: 0, message: "cannot read this folder"),
                 cleanUp: { site in
                     try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.content.appendingPathComponent("news/thu-muc").path)
                 }),
    ]

    /// Files as Windows tools save them: extensions in capitals.
    static let windowsFiles: [BadInput] = [
        BadInput(kind: .file, name: "news item saved as .MD", breakSite: writes("news/Tin Windows.MD", TestSite.news(title: "Tin từ Windows")),
                 expected: .builds { site in #expect(site.exists("tin-tuc/tin-tu-windows/index.html")) }),
        BadInput(kind: .file, name: "mistake in a news item saved as .MD",
                 breakSite: writes("news/Bad.MD", "---\ntitle: Tin\ndate: 2024-03-14\ncategory: kinh-te\n---\n"),
                 expected: .error(file: "Content/news/Bad.MD", line: 4, message: "unknown category \"kinh-te\"")),
        BadInput(kind: .file, name: "image saved as .JPG",
                 breakSite: { site in
                     try ExtensionCaseTests.writeJPEG(site, "media/ANH.JPG")
                     try site.write("news/anh.md", TestSite.news(title: "Ảnh hội nghị", extra: "image: ANH.JPG\nimage_alt: Hội nghị"))
                 },
                 expected: .builds { site in
                     let photo = try #require(site.snapshot().keys.first { $0.hasPrefix("media/anh-") && $0.hasSuffix("-64.jpg") })
                     #expect(site.page("tin-tuc/anh-hoi-nghi/index.html")?.contains("/" + photo) == true)
                 }),
        BadInput(kind: .file, name: "report index written twice, as _index.md and _index.MD",
                 breakSite: writes("reports/2024-q1/_index.MD", reportIndex),
                 expected: .error(file: "Content/reports/2024-q1/_index.md", line: 0, message: "is this report's _index.md already")),
        BadInput(kind: .shortcode, name: "chart data saved as .CSV with a comma decimal",
                 breakSite: { site in
                     try site.write("news/SO-LIEU.CSV", "Năm,Tỷ lệ\n2023,50\n2024,\"54,4\"\n")
                     try newsBody("{{< chart data=\"SO-LIEU.CSV\" >}}")(site)
                 },
                 expected: .error(file: "Content/news/SO-LIEU.CSV", line: 3, message: "\"54,4\" is not a number")),
    ]

    static let paths: [BadInput] = [
        BadInput(kind: .path, name: "slug climbing out", breakSite: writes("news/bad.md", TestSite.news(title: "Tin", extra: "slug: \"../../etc\"")),
                 expected: .error(file: bad, line: 5, message: "must not contain")),
        BadInput(kind: .path, name: "slug with a slash", breakSite: writes("pages/bad.md", "---\ntitle: Trang\nslug: gioi/thieu\n---\n"),
                 expected: .error(file: "Content/pages/bad.md", line: 3, message: "must not contain")),
        BadInput(kind: .path, name: "document slug with a backslash", breakSite: writes("documents/bad.md", document.replacingOccurrences(of: "---\n", with: "---\nslug: \"a\\\\b\"\n").replacingOccurrences(of: "833/KH", with: "834/KH")),
                 expected: .error(file: "Content/documents/bad.md", line: 2, message: "must not contain")),
        BadInput(kind: .path, name: "slug of punctuation only", breakSite: writes("news/bad.md", TestSite.news(title: "Tin", extra: "slug: \"!!!\"")),
                 expected: .error(file: bad, line: 5, message: "has no letters or digits")),
        BadInput(kind: .path, name: "image climbing out", breakSite: writes("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: ../../../etc/passwd\nimage_alt: x")),
                 expected: .error(file: bad, line: 5, message: "leads outside the Content folder")),
        BadInput(kind: .path, name: "image by absolute path climbing out", breakSite: writes("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: /../etc/passwd\nimage_alt: x")),
                 expected: .error(file: bad, line: 5, message: "leads outside the Content folder")),
        BadInput(kind: .path, name: "image not found", breakSite: writes("news/bad.md", TestSite.news(title: "Ảnh", extra: "image: khong-co.png\nimage_alt: x")),
                 expected: .error(file: bad, line: 5, message: "Content/media/khong-co.png")),
        BadInput(kind: .path, name: "attachment climbing out", breakSite: writes("documents/bad.md", document.replacingOccurrences(of: "---\nnumber", with: "---\nfile: ../../../etc/passwd\nnumber").replacingOccurrences(of: "833/KH", with: "834/KH")),
                 expected: .error(file: "Content/documents/bad.md", line: 2, message: "attachment path \"../../../etc/passwd\" leads outside")),
        BadInput(kind: .path, name: "attachment not found", breakSite: writes("documents/bad.md", document.replacingOccurrences(of: "---\nnumber", with: "---\nfile: ke-hoach.pdf\nnumber").replacingOccurrences(of: "833/KH", with: "834/KH")),
                 expected: .error(file: "Content/documents/bad.md", line: 2, message: "attachment file \"ke-hoach.pdf\" not found")),
        BadInput(kind: .path, name: "chart data climbing out", breakSite: newsBody("{{< chart data=\"../../../etc/passwd\" >}}"),
                 expected: .error(file: bad, line: 7, message: "leads outside the Content folder")),
    ]

    static let rankingsYAML = """
        levels:
          - id: huyen
            name: "Huyện"
            pillars:
              - { id: ha-tang, name: "Hạ tầng số", max: 50 }
              - { id: chinh-quyen, name: "Chính quyền số", max: 50 }
            bands:
              - { min: 70, name: "Tốt" }
              - { min: 0, name: "Khá" }
        units:
          - { id: ba-be, name: "Huyện Ba Bể", level: huyen }
          - { id: na-ri, name: "Huyện Na Rì", level: huyen }
        """

    static let scoresCSV = """
        unit,period,pillar,score,note
        ba-be,2023,ha-tang,45,
        ba-be,2023,chinh-quyen,40,
        na-ri,2023,ha-tang,30,
        na-ri,2023,chinh-quyen,30,
        """

    /// The good site with a rankings folder: `scores` are rows after the good ones (from line 6).
    static func rankingsWith(yaml: String = rankingsYAML, scores: String = "", published: String? = nil,
                             national: String? = nil, map: String? = nil) -> @Sendable (TestSite) throws -> Void {
        { site in
            try site.write("rankings/rankings.yaml", yaml)
            try site.write("rankings/scores.csv", scoresCSV + "\n" + scores)
            if let published { try site.write("rankings/published.csv", "unit,period,total,rank\n" + published) }
            if let national { try site.write("rankings/national.csv", "period,index,score,rank,of,source\n" + national) }
            if let map { try site.write("rankings/map.geojson", map) }
        }
    }

    static let scoresFile = "Content/rankings/scores.csv"
    static let rankingsFile = "Content/rankings/rankings.yaml"

    static let rankings: [BadInput] = [
        BadInput(kind: .rankings, name: "score above its pillar's maximum", breakSite: rankingsWith(scores: "na-ri,2022,ha-tang,55,\n"),
                 expected: .error(file: scoresFile, line: 6, message: "score 55 is above the maximum of ha-tang, 50 points")),
        BadInput(kind: .rankings, name: "score of an unknown unit", breakSite: rankingsWith(scores: "ba-bee,2022,ha-tang,20,\n"),
                 expected: .error(file: scoresFile, line: 6, message: "unknown unit \"ba-bee\"")),
        BadInput(kind: .rankings, name: "score of an unknown pillar", breakSite: rankingsWith(scores: "ba-be,2022,ha-tangg,20,\n"),
                 expected: .error(file: scoresFile, line: 6, message: "unknown pillar \"ha-tangg\" for level huyen (its pillars: ha-tang, chinh-quyen)")),
        BadInput(kind: .rankings, name: "the same score twice", breakSite: rankingsWith(scores: "ba-be,2023,ha-tang,44,\n"),
                 expected: .error(file: scoresFile, line: 6, message: "ba-be already has a score for ha-tang in 2023 (line 2)")),
        BadInput(kind: .rankings, name: "score with a comma decimal", breakSite: rankingsWith(scores: "ba-be,2022,ha-tang,\"44,5\",\n"),
                 expected: .error(file: scoresFile, line: 6, message: "score \"44,5\" is not a number")),
        BadInput(kind: .rankings, name: "a unit missing a pillar", breakSite: rankingsWith(scores: "ba-be,2022,ha-tang,20,\n"),
                 expected: .buildsWithWarning(file: scoresFile, line: 6, message: "ba-be has no score for chinh-quyen in 2022")),
        BadInput(kind: .rankings, name: "a period written two ways", breakSite: rankingsWith(scores: "na-ri,2024-q1,ha-tang,20,\nna-ri,2024-Q1,chinh-quyen,20,\n"),
                 expected: .buildsWithWarning(file: scoresFile, line: 7, message: "period \"2024-Q1\" is written \"2024-q1\" on line 6")),
        BadInput(kind: .rankings, name: "published total disagreeing with the scores", breakSite: rankingsWith(published: "ba-be,2023,80,1\n"),
                 expected: .buildsWithWarning(file: "Content/rankings/published.csv", line: 2, message: "published total 80 but the scores add up to 85")),
        BadInput(kind: .rankings, name: "published rank disagreeing with the scores", breakSite: rankingsWith(published: "ba-be,2023,85,1\nna-ri,2023,60,1\n"),
                 expected: .buildsWithWarning(file: "Content/rankings/published.csv", line: 3, message: "published rank 1 but the scores rank na-ri 2 in 2023")),
        BadInput(kind: .rankings, name: "published row twice", breakSite: rankingsWith(published: "ba-be,2023,85,1\nba-be,2023,85,1\n"),
                 expected: .error(file: "Content/rankings/published.csv", line: 3, message: "ba-be is already published for 2023 on line 2")),
        BadInput(kind: .rankings, name: "unit of an unknown level",
                 breakSite: rankingsWith(yaml: rankingsYAML + "\n  - { id: xa-cao-ky, name: \"Xã Cao Kỳ\", level: xa }\n"),
                 expected: .error(file: rankingsFile, line: 13, message: "unit xa-cao-ky has unknown level \"xa\" (rankings.yaml defines: huyen)")),
        BadInput(kind: .rankings, name: "bands not from highest to lowest",
                 breakSite: rankingsWith(yaml: rankingsYAML.replacingOccurrences(of: "{ min: 0, name: \"Khá\" }", with: "{ min: 80, name: \"Khá\" }")),
                 expected: .error(file: rankingsFile, line: 9, message: "bands go from the highest to the lowest")),
        BadInput(kind: .rankings, name: "unit id with capitals and marks",
                 breakSite: rankingsWith(yaml: rankingsYAML.replacingOccurrences(of: "id: na-ri,", with: "id: Na Rì,")),
                 expected: .error(file: rankingsFile, line: 12, message: "unit id \"Na Rì\" must be lower-case letters")),
        BadInput(kind: .rankings, name: "national rank beyond the provinces ranked", breakSite: rankingsWith(national: "2021,dti,,64,63,\n"),
                 expected: .error(file: "Content/rankings/national.csv", line: 2, message: "rank 64 is beyond the 63 provinces ranked")),
        BadInput(kind: .rankings, name: "map.geojson that is not JSON", breakSite: rankingsWith(map: "{\"type\": \"FeatureCollection\", \"features\": [\n"),
                 expected: .error(file: "Content/rankings/map.geojson", line: 0, message: "cannot read map.geojson as JSON")),
        BadInput(kind: .rankings, name: "map feature no unit names", breakSite: { site in
                     try rankingsWith(yaml: rankingsYAML.replacingOccurrences(of: "level: huyen }\n  - { id: na-ri", with: "level: huyen, map: BB }\n  - { id: na-ri"),
                                      map: "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"id\": \"CM\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[105.8, 22.4], [106.0, 22.4], [106.0, 22.2], [105.8, 22.4]]]}}]}")(site)
                 },
                 expected: .buildsWithWarning(file: rankingsFile, line: 11, message: "unit ba-be has map: BB, but map.geojson has no feature with that id")),
    ]

    // MARK: Images (SPEC §10)

    /// A news bundle `news/bad/` whose body (line 7) shows `name` beside it, written by `writeImage`.
    static func bundleImage(_ name: String, _ writeImage: @escaping @Sendable (URL) throws -> Void) -> @Sendable (TestSite) throws -> Void {
        { site in
            try site.write("news/bad/index.md", "---\ntitle: Tin có ảnh\ndate: 2024-03-14\ncategory: chinh-quyen-so\n\n---\n![Toàn cảnh hội nghị](\(name))\n")
            try writeImage(site.content.appendingPathComponent("news/bad/\(name)"))
        }
    }

    static func photo(_ kind: PhotoFixture.Kind = .jpeg, width: Int = 640, height: Int = 480) -> @Sendable (URL) throws -> Void {
        { try PhotoFixture.write($0, width: width, height: height, kind: kind) }
    }

    /// The published files of the bundle whose names end in `suffix`.
    static func published(_ site: TestSite, ending suffix: String) throws -> [URL] {
        let folder = site.output.appendingPathComponent("tin-tuc/tin-co-anh")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(suffix) }
            .map { folder.appendingPathComponent($0) }
    }

    static let images: [BadInput] = [
        BadInput(kind: .image, name: "truncated JPEG",
                 breakSite: bundleImage("anh.jpg") { url in
                     try PhotoFixture.write(url, width: 800, height: 600)
                     let data = try Data(contentsOf: url)
                     try data.prefix(data.count / 2).write(to: url)
                 },
                 expected: .error(file: bundle, line: 7, message: "cannot be decoded")),
        BadInput(kind: .image, name: "text file named .jpg",
                 breakSite: bundleImage("anh.jpg") { try Data("Ảnh sẽ gửi sau.\n".utf8).write(to: $0) },
                 expected: .error(file: bundle, line: 7, message: "it is not an image")),
        BadInput(kind: .image, name: "PNG named .jpg",
                 breakSite: bundleImage("anh.jpg", photo(.png)),
                 expected: .error(file: bundle, line: 7, message: "its name says JPEG but the file is PNG")),
        BadInput(kind: .image, name: "20000 x 20000 PNG (decompression bomb)",
                 breakSite: bundleImage("ban-do.png") { try PhotoFixture.pngBombHeader().write(to: $0) },
                 expected: .error(file: bundle, line: 7, message: "400 megapixels), over the limit of 60")),
        BadInput(kind: .image, name: "image missing",
                 breakSite: bundleImage("anh-chua-gui.jpg") { _ in },
                 expected: .error(file: bundle, line: 7, message: "image file \"anh-chua-gui.jpg\" not found")),
        BadInput(kind: .image, name: "SVG with a script",
                 breakSite: bundleImage("so-do.svg") {
                     try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8).write(to: $0)
                 },
                 expected: .error(file: bundle, line: 7, message: "contains a <script> element")),
        BadInput(kind: .image, name: "SVG with onload",
                 breakSite: bundleImage("so-do.svg") {
                     try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"fetch('//x')\"><rect width=\"1\" height=\"1\"/></svg>".utf8).write(to: $0)
                 },
                 expected: .error(file: bundle, line: 7, message: "event attribute (onload=)")),
        BadInput(kind: .image, name: "front matter image truncated",
                 breakSite: { site in
                     try site.write("news/bad/index.md", "---\ntitle: Tin có ảnh\ndate: 2024-03-14\ncategory: chinh-quyen-so\nimage: anh.jpg\nimage_alt: Toàn cảnh\n---\nNội dung.\n")
                     let url = site.content.appendingPathComponent("news/bad/anh.jpg")
                     try PhotoFixture.write(url, width: 800, height: 600)
                     let data = try Data(contentsOf: url)
                     try data.prefix(data.count / 3).write(to: url)
                 },
                 expected: .error(file: bundle, line: 5, message: "cannot be decoded")),
        BadInput(kind: .image, name: "CMYK JPEG is published in sRGB",
                 breakSite: bundleImage("anh.jpg", photo(.cmykJPEG)),
                 expected: .builds { site in
                     let jpegs = try published(site, ending: "-480.jpg")
                     try #require(jpegs.count == 1)
                     let header = try PhotoFixture.capture("vipsheader", jpegs[0].path)
                     #expect(header.contains("3 bands, srgb"), "\(header)")
                 }),
        BadInput(kind: .image, name: "16-bit PNG with alpha is published in 8 bits with its alpha",
                 breakSite: bundleImage("bieu-do.png", photo(.png16WithAlpha)),
                 expected: .builds { site in
                     let pngs = try published(site, ending: "-480.png")
                     try #require(pngs.count == 1)
                     let header = try PhotoFixture.capture("vipsheader", pngs[0].path)
                     #expect(header.contains("480x360 uchar, 4 bands"), "\(header)")
                     let webp = try published(site, ending: "-480.webp")
                     #expect(webp.count == 1)
                 }),
        BadInput(kind: .image, name: "HEIC from a phone is converted to JPEG and WebP",
                 breakSite: bundleImage("iphone.heic", photo(.heic)),
                 expected: .builds { site in
                     let jpeg = try published(site, ending: "-480.jpg"), webp = try published(site, ending: "-480.webp")
                     let heic = try published(site, ending: ".heic")
                     #expect(jpeg.count == 1 && webp.count == 1 && heic.isEmpty, "\(jpeg) \(webp) \(heic)")
                 }),
        BadInput(kind: .image, name: "photo over 10 MB",
                 breakSite: bundleImage("anh.jpg") { url in
                     try PhotoFixture.write(url, width: 640, height: 480)
                     // Bytes after the JPEG's end marker: every decoder ignores them, the file weighs 11 MB.
                     let handle = try FileHandle(forWritingTo: url)
                     try handle.seekToEnd()
                     try handle.write(contentsOf: Data(count: 11 * 1024 * 1024))
                     try handle.close()
                 },
                 expected: .buildsWithWarning(file: "Content/news/bad/anh.jpg", line: 0, message: "export it at most 10 MB")),
    ]
}
