import Foundation
import PortalCore
import PortalTestSupport
import Testing

@Suite struct IndicatorRuleTests {
    @Test func readsTargetExpressions() throws {
        let atLeast = try #require(Target.parse(">= 80"))
        #expect(atLeast.comparison == .atLeast && atLeast.value == 80)
        #expect(try #require(Target.parse("> 30")).comparison == .above)
        #expect(try #require(Target.parse("<= 5")).comparison == .atMost)
        #expect(try #require(Target.parse("<5")).comparison == .below)
        let bare = try #require(Target.parse("80"))
        #expect(bare.comparison == .atLeast && bare.value == 80)
        #expect(try #require(Target.parse("≥ 99.5%")).value == 99.5)
        for bad in ["", "cao", "=> 80", ">= 8o", "80,5"] {
            #expect(Target.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func judgesTargetsIncludingLowerIsBetter() throws {
        #expect(try #require(Target.parse(">= 80")).isMet(by: 80))
        #expect(!(try #require(Target.parse("> 30")).isMet(by: 30)))
        #expect(try #require(Target.parse("<= 5")).isMet(by: 4.9))
        #expect(!(try #require(Target.parse("<= 5")).isMet(by: 5.1)))
        #expect(try #require(Target.parse("<= 5")).comparison == .atMost)
    }

    @Test func readsPeriodsAndWritesThemTheVietnameseWay() throws {
        #expect(Period.parse("2024")?.vietnamese == "Năm 2024")
        #expect(Period.parse("2024-H1")?.vietnamese == "6 tháng đầu năm 2024")
        #expect(Period.parse("2024-H2")?.vietnamese == "6 tháng cuối năm 2024")
        #expect(Period.parse("2024-Q1")?.vietnamese == "Quý I/2024")
        #expect(Period.parse("2024-Q4")?.vietnamese == "Quý IV/2024")
        #expect(Period.parse("2024-03")?.vietnamese == "Tháng 3/2024")
        for bad in ["2024-Q5", "2024-H3", "2024-13", "24-Q1", "2024/Q1", "Q1-2024", "2024-3", ""] {
            #expect(Period.parse(bad) == nil, "\(bad)")
        }
        let ordered = ["2024", "2023", "2024-Q1", "2024-03", "2024-H1", "2024-02"].compactMap(Period.parse).sorted()
        #expect(ordered.map(\.description) == ["2023", "2024-02", "2024-03", "2024-Q1", "2024-H1", "2024"])
    }

    @Test func keepsTheDecimalsANumberIsWrittenWith() {
        #expect(MachineNumber.parse("98.7") == MachineNumber(value: 98.7, decimals: 1))
        #expect(MachineNumber.parse("100")?.decimals == 0)
        #expect(MachineNumber.parse("27.96")?.decimals == 2)
        for bad in ["54,4", "1.013.5", "1 013", "12%", "", ".", "5."] {
            #expect(MachineNumber.parse(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct IndicatorSiteTests {
    static let definitions = """
        groups:
          - { id: chinh-quyen-so, name: "Chính quyền số" }
          - { id: xa-hoi-so, name: "Xã hội số" }
        indicators:
          - id: "1.1"
            group: chinh-quyen-so
            name: "Tỷ lệ DVCTT toàn trình"
            unit: percent
            formula: "Số DVCTT toàn trình/Tổng số DVCTT"
            targets: { 2024: ">= 80" }
            source: "Hệ thống thông tin giải quyết TTHC"
          - id: "1.3b"
            group: chinh-quyen-so
            name: "Tỷ lệ hồ sơ trực tuyến một phần"
            unit: percent
            targets: { 2024: "80" }
          - id: "1.9"
            group: chinh-quyen-so
            name: "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số"
            unit: percent
            targets: { 2024: "80" }
          - id: "3.3"
            group: xa-hoi-so
            name: "Tỷ lệ người dân có tài khoản định danh điện tử"
            unit: percent
            targets: { 2023: "50", 2024: "60" }
          - id: "B1"
            group: xa-hoi-so
            name: "Số người dùng VssID"
            unit: count
        """

    static let values = """
        indicator,period,value,numerator,denominator,status,as_of,note
        1.1,2024-Q1,100,1013,1013,,2024-03-10,
        1.3b,2024-Q1,60.7,6192,10195,,2024-03-10,
        1.9,2024-Q1,,,,no-data,2024-03-10,Chưa có số liệu
        3.3,2023-Q4,52.0,,,,,
        3.3,2024-Q1,58.3,160415,275200,,2024-03-10,"Tính cả thường trú, tạm trú"
        B1,2024-Q1,68285,,,,,
        """

    /// Built with the minimal inline theme unless `templates` is nil (the bundled theme, for `BundledThemeTests`).
    static func site(values: String = Self.values, definitions: String = Self.definitions,
                     templates: [String: String]? = MinimalTheme.templates) throws -> TestSite {
        try TestSite(["indicators/indicators.yaml": definitions, "indicators/values.csv": values], templates: templates)
    }

    func site(values: String = Self.values, definitions: String = Self.definitions) throws -> TestSite {
        try Self.site(values: values, definitions: definitions)
    }

    @Test func dashboardShowsEveryIndicatorWithValueTargetAndStatus() throws {
        let site = try site()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("chi-so/index.html"))
        // Each indicator with its address, value, target and status (text and slug), in its group.
        #expect(page.contains("<li><a href=\"/chi-so/1-1/\">1.1 Tỷ lệ DVCTT toàn trình</a> value: 100%; target: ≥ 80%; status: Đạt (dat)"))
        #expect(page.contains("<li><a href=\"/chi-so/1-3b/\">1.3b Tỷ lệ hồ sơ trực tuyến một phần</a> value: 60,7%; target: ≥ 80%; status: Chưa đạt (chua-dat)"))
        #expect(page.contains("<li><a href=\"/chi-so/1-9/\">1.9 Tỷ lệ cán bộ được bồi dưỡng kỹ năng số</a> value: Chưa có số liệu; target: ≥ 80%; status: Chưa có số liệu (chua-co-so-lieu)"))
        #expect(page.contains("<li><a href=\"/chi-so/b1/\">B1 Số người dùng VssID</a> value: 68.285; target: ; status:  ()</li>"), "no target, no status")
        // 1.1 achieved, 1.3b not, 1.9 has no data: "1/2 with data", of 3 in the group.
        #expect(page.contains("<h2>Chính quyền số</h2>1/2/3\n"))
        // The bullet chart beside an indicator with a value and a target.
        #expect(page.contains("status: Đạt (dat)<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart--bullet\""))
        #expect(page.contains("role=\"img\""))
    }

    @Test func indicatorPageHasSeriesTableFormulaAndNotes() throws {
        let site = try site()
        site.build()
        let page = try #require(site.page("chi-so/3-3/index.html"))
        #expect(page.contains("<h1>3.3 Tỷ lệ người dân có tài khoản định danh điện tử</h1>"))
        // Period, value, numerator, denominator, the target of that year, status.
        #expect(page.contains("<tr><td>Quý I/2024</td><td>58,3%</td><td>160.415</td><td>275.200</td><td>≥ 60%</td><td>Chưa đạt</td></tr>"))
        #expect(page.contains("<tr><td>Quý IV/2023</td><td>52,0%</td><td></td><td></td><td>≥ 50%</td><td>Đạt</td></tr>"))
        #expect(page.contains("<ul class=\"notes\"><li>Tính cả thường trú, tạm trú</li></ul>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("href=\"/chi-so/3-3/du-lieu.csv\""))
        let rule = try #require(site.page("chi-so/1-1/index.html"))
        #expect(rule.contains("<dt>formula</dt><dd>Số DVCTT toàn trình/Tổng số DVCTT</dd>"))
        #expect(rule.contains("<dt>source</dt><dd>Hệ thống thông tin giải quyết TTHC</dd>"))
    }

    @Test func downloadsCarryMachineNumbers() throws {
        let site = try site()
        site.build()
        let bytes = try Data(contentsOf: site.output.appendingPathComponent("chi-so/chi-so.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "Excel needs the byte-order mark to read UTF-8")
        let all = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(all.hasPrefix("indicator,name,group,unit,period,value,numerator,denominator,target,status,as_of,note\n"))
        #expect(all.contains("3.3,Tỷ lệ người dân có tài khoản định danh điện tử,Xã hội số,percent,2024-Q1,58.3,160415,275200,>= 60,chua-dat,2024-03-10,\"Tính cả thường trú, tạm trú\""))
        let one = try #require(site.page("chi-so/1-1/du-lieu.csv"))
        #expect(one.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2)
    }

    @Test func downloadsNeverCarryASpreadsheetFormula() throws {
        let site = try site(values: Self.values + "\n1.1,2024-Q2,50,,,,,\"=HYPERLINK(\"\"http://x\"\")\"\n")
        site.build()
        let csv = try #require(site.page("chi-so/1-1/du-lieu.csv"))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\n"), "\(csv)")
    }

    @Test func homeShowsIndicatorHighlights() throws {
        let site = try site()
        site.build()
        let home = try #require(site.page("index.html"))
        #expect(home.contains("<p><a href=\"/chi-so/3-3/\">Tỷ lệ người dân có tài khoản định danh điện tử</a>: 58,3%</p>"))
    }

    func findings(values: String? = nil, definitions: String? = nil) throws -> [Finding] {
        try site(values: values ?? Self.values, definitions: definitions ?? Self.definitions).build().findings
    }

    func expect(_ findings: [Finding], _ severity: Finding.Severity, file: String, line: Int, _ text: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(findings.contains { $0.file == file && $0.line == line && $0.severity == severity && $0.message.contains(text) },
                "no \(severity) at \(file):\(line) with \"\(text)\" in \(findings.map(\.description))", sourceLocation: sourceLocation)
    }

    let csv = "Content/indicators/values.csv"
    let yaml = "Content/indicators/indicators.yaml"

    @Test func valueThatDisagreesWithItsFractionIsAWarningOnItsLine() throws {
        let found = try findings(values: Self.values + "\n1.1,2024-Q2,2.69,559,20824,,,\n")
        expect(found, .warning, file: csv, line: 8, "value 2.69 disagrees with 559/20824")
        #expect(!found.hasErrors)
    }

    @Test func valueThatAgreesAtItsWrittenPrecisionPasses() throws {
        // 73/82 = 89.02…: "89" is right at the precision written; so is 27.96 for 3094/11066.
        let found = try findings(values: Self.values + "\n1.1,2024-Q2,89,73,82,,,\n1.1,2024-Q3,27.96,3094,11066,,,\n")
        #expect(found.isEmpty, "\(found)")
    }

    @Test func percentAboveHundredIsAWarning() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q2,101.5,,,,,\n"), .warning, file: csv, line: 8, "above 100%")
    }

    @Test func unknownIndicatorInValuesIsAnError() throws {
        expect(try findings(values: Self.values + "\n9.9,2024-Q1,5,,,,,\n"), .error, file: csv, line: 8, "unknown indicator \"9.9\"")
    }

    @Test func duplicatePeriodIsAnErrorNamingTheFirstLine() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q1,99,,,,,\n"), .error, file: csv, line: 8, "(line 2)")
    }

    @Test func numberWithDecimalCommaIsAnErrorWithAHint() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q2,\"54,4\",,,,,\n"), .error, file: csv, line: 8, "with a dot for decimals")
    }

    @Test func badPeriodIsAnError() throws {
        expect(try findings(values: Self.values + "\n1.1,Q2/2024,54.4,,,,,\n"), .error, file: csv, line: 8, "cannot read period \"Q2/2024\"")
    }

    @Test func rowWithoutValueOrStatusIsAnError() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q2,,,,,,\n"), .error, file: csv, line: 8, "needs a status")
    }

    @Test func unknownStatusIsAnError() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q2,,,,done,,\n"), .error, file: csv, line: 8, "unknown status \"done\"")
    }

    @Test func wrongNumberOfCellsIsAnError() throws {
        expect(try findings(values: Self.values + "\n1.1,2024-Q2,5,,,\n"), .error, file: csv, line: 8, "has 6 cells but the header has 8")
    }

    @Test func linesAreCountedAcrossQuotedLineBreaks() throws {
        let values = Self.values + "\n1.1,2024-Q2,50,,,,,\"một\nhai\"\n1.1,2024-Q3,x,,,,,\n"
        expect(try findings(values: values), .error, file: csv, line: 10, "value \"x\" is not a number")
    }

    @Test func unknownGroupIsAnErrorAtTheGroupField() throws {
        let definitions = Self.definitions + "\n  - { id: \"5.1\", group: kinh-te, name: X, unit: percent }\n"
        expect(try findings(definitions: definitions), .error, file: yaml, line: 31, "unknown group \"kinh-te\"")
    }

    @Test func badTargetExpressionIsAnError() throws {
        let definitions = Self.definitions + "\n  - { id: \"5.1\", group: xa-hoi-so, name: X, unit: percent, targets: { 2024: \"cao\" } }\n"
        expect(try findings(definitions: definitions), .error, file: yaml, line: 31, "cannot read target \"cao\"")
    }

    @Test func unknownUnitIsAnError() throws {
        let definitions = Self.definitions + "\n  - { id: \"5.1\", group: xa-hoi-so, name: X, unit: phan-tram }\n"
        expect(try findings(definitions: definitions), .error, file: yaml, line: 31, "unknown unit \"phan-tram\"")
    }

    @Test func indicatorDefinedTwiceIsAnError() throws {
        let definitions = Self.definitions + "\n  - { id: \"1.1\", group: xa-hoi-so, name: X, unit: percent }\n"
        expect(try findings(definitions: definitions), .error, file: yaml, line: 31, "indicator \"1.1\" is defined twice")
    }
}

/// The portal's own dataset: every row of the report's appendix, with the status the report implies
/// (built with the minimal inline theme; the bundled theme's dashboard cards are in `BundledThemeTests`).
@Suite struct SeedDashboardTests {
    @Test func dashboardShowsEverySeedIndicatorWithItsStatus() throws {
        var templates = MinimalTheme.templates
        templates["contact-en"] = templates["contact"]  // the layout the bundled site's English page names
        let site = try TestSite(includeSiteYAML: false, templates: templates)
        let report = SiteBuilder().build(BuildOptions(
            content: FileTree(root: TestSite.repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content"),
            theme: FileTree(root: site.theme, displayRoot: "Theme"),
            output: (site.output, "Public")))
        #expect(!report.findings.hasErrors, "\(report.findings)")
        // The report's own arithmetic slip (559/20824 written as 2,69%) is found in the data, and it stays.
        #expect(report.findings.map(\.description).contains(
            "Content/indicators/values.csv:32: warning: value 2.69 disagrees with 559/20824 = 2.6844, which is 2.68 at the precision written"))
        let dashboard = try #require(site.page("chi-so/index.html"))
        let expected: [(id: String, value: String, status: String)] = [
            ("1.1", "100%", "Đạt"), ("1.2", "98,7%", "Đạt"), ("1.3", "93,1%", "Chưa đạt"), ("1.3b", "60,7%", "Chưa đạt"),
            ("1.4", "Đang triển khai", "Đang triển khai"), ("1.5", "Chưa thực hiện", "Chưa thực hiện"),
            ("1.6", "100%", "Đạt"), ("1.7", "100%", "Đạt"), ("1.8", "Chưa có số liệu", "Chưa có số liệu"),
            ("1.9", "Chưa có số liệu", "Chưa có số liệu"), ("1.10", "Chưa có số liệu", "Chưa có số liệu"),
            ("2.1", "Chưa có số liệu", "Chưa có số liệu"), ("2.2", "Chưa có số liệu", "Chưa có số liệu"),
            ("2.3", "Chưa có số liệu", "Chưa có số liệu"),
            ("3.1", "75%", "Chưa đạt"), ("3.2", "84,1%", "Chưa đạt"), ("3.3", "58,3%", "Chưa đạt"), ("3.4", "98%", "Đạt"),
            ("3.5", "0%", "Chưa đạt"), ("3.6", "100%", "Đạt"),
            ("4.1", "Chưa có số liệu", "Chưa có số liệu"), ("4.2", "80%", "Chưa đạt"),
        ]
        // Each row of the minimal dashboard: `<li><a href="…">id name</a> value: …; target: …; status: text (slug)`.
        var shown: [String: (value: String, status: String)] = [:]
        for match in dashboard.matches(of: #/<li><a href="[^"]*">(\S+) [^<]*</a> value: (.*?); target: .*?; status: ([^(]*) \(/#) {
            shown[String(match.1)] = (String(match.2), String(match.3))
        }
        for row in expected {
            let card = shown[row.id]
            #expect(card != nil, "no card for \(row.id)")
            guard let card else { continue }
            #expect(card.value == row.value, "\(row.id) value")
            #expect(card.status == row.status, "\(row.id) status")
        }
    }
}
