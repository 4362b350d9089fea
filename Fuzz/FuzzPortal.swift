// libFuzzer entry for the parts of the generator that read what people type. Built and run by
// Fuzz/run.sh; not part of the package (SwiftPM cannot link a libFuzzer executable target).
//
// The first byte of an input picks the target, the rest is the text (invalid UTF-8 repaired, as the
// loader would have refused it earlier). Every target must return without trapping: a finding is the
// right answer to bad input, a crash never is.
import Foundation
import Charts
@testable import Markdown
@testable import PortalCore
import VietnameseText

enum FuzzTarget: UInt8, CaseIterable {
    case frontMatter, yamlFields, indicatorDefinitions, csvRows, shortcodes, slugsAndScalars, markdown, expandedBody, dataChart
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let target = FuzzTarget(rawValue: bytes[0] % UInt8(FuzzTarget.allCases.count))!
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    run(target, text)
    return 0
}

func file(_ path: String, _ text: String) -> SourceFile {
    SourceFile(relativePath: path, displayPath: "Content/" + path, text: text)
}

func run(_ target: FuzzTarget, _ text: String) {
    var findings = Findings()
    switch target {
    case .frontMatter:
        let source = file("news/a.md", text)
        if let split = FrontMatter.split(source, findings: &findings) {
            precondition(split.bodyFirstLine >= 2)
            _ = YAMLFields.parse(split.yaml, in: source, firstLine: split.yamlFirstLine, findings: &findings)
        }

    case .yamlFields:
        // The readers every front matter and site.yaml goes through, on whatever mapping the text is.
        guard var fields = YAMLFields.parse(text, in: file("site.yaml", text), firstLine: 1, findings: &findings) else { break }
        _ = fields.string("title", required: true, findings: &findings)
        _ = fields.bool("draft", findings: &findings)
        _ = fields.integer("news_per_page", in: 1...500, findings: &findings)
        _ = fields.stringList("tags", findings: &findings)
        _ = fields.list("categories", findings: &findings) { entry, findings in
            entry.string("id", required: true, findings: &findings)
        }
        if let node = fields.node("agency"), var nested = fields.nested(node, findings: &findings) {
            _ = nested.string("name", findings: &findings)
            nested.reportUnknownKeys(severity: .error, findings: &findings)
        }
        if let date = fields.string("date", findings: &findings) {
            _ = LocalDateTime.parse(date.value, defaultOffsetMinutes: 420)
        }
        fields.reportUnknownKeys(severity: .warning, findings: &findings)

    case .indicatorDefinitions:
        var loaded = LoadedIndicators.empty
        IndicatorLoader().loadDefinitions(file("indicators/indicators.yaml", text), into: &loaded, findings: &findings)
        _ = IndicatorResolver().resolve(loaded, findings: &findings)

    case .csvRows:
        let rows = IndicatorLoader().loadRows(file("indicators/values.csv", text), findings: &findings)
        var loaded = Fixture.indicators
        loaded.rows = rows
        let (_, indicators) = IndicatorResolver().resolve(loaded, findings: &findings)
        for indicator in indicators {
            _ = IndicatorCSV.make([indicator], groups: [])
            _ = IndicatorCharts().series(for: indicator)
            _ = IndicatorCharts().bullet(for: indicator)
        }

    case .shortcodes:
        _ = ShortcodeCall.parse(text[...])
        let rendered = MarkdownRenderer().render("{{< " + text + " >}}")
        for call in rendered.shortcodes {
            precondition(call.line >= 1, "shortcode without a line")
        }

    case .slugsAndScalars:
        let slug = Slug.make(text)
        precondition(slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }, "slug \(slug)")
        precondition(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "slug \(slug)")
        precondition(Slug.make(slug) == slug, "slug is not stable: \(slug)")
        _ = Slug.folded(text)
        _ = IndicatorSlug.make(text)
        _ = LocalDateTime.parse(text, defaultOffsetMinutes: 420)
        _ = LocalDateTime.parseOffset(text)
        _ = ReportDate.parse(text)
        _ = Period.parse(text).map { ($0.vietnamese, $0.description, $0.year) }
        _ = Target.parse(text)
        if let number = MachineNumber.parse(text) {
            _ = VietnameseNumber.format(number.value, decimals: number.decimals)
            _ = IndicatorResolver.format(number.value, decimals: number.decimals)
        }
        _ = Summary.cut(text)
        _ = Markup.escape(text)

    case .markdown:
        let safe = MarkdownRenderer().render(text)
        let raw = MarkdownRenderer(options: .init(allowRawHTML: true)).render(text)
        _ = (safe.plainText, raw.headings, Summary.cut(safe.firstParagraph))
        ProseFigureCheck(indicators: []).check(body: text, file: file("news/a.md", text), bodyFirstLine: 7, findings: &findings)

    case .expandedBody:
        // A body with real indicators behind its shortcodes: values, charts and tables are drawn.
        let source = file("news/a.md", text)
        let rendered = MarkdownRenderer().render(text)
        _ = Fixture.expander.expand(rendered, in: source, bodyFirstLine: 7, idPrefix: "", findings: &findings)
        ProseFigureCheck(indicators: Fixture.model.indicators).check(body: text, file: source, bodyFirstLine: 7, findings: &findings)

    case .dataChart:
        // The text is a small CSV beside a news item, drawn by {{< chart data="so-lieu.csv" >}}.
        let csv = file("news/so-lieu.csv", text)
        let expander = ShortcodeExpander(model: Fixture.model, charts: IndicatorCharts(), dataFiles: ["news/so-lieu.csv": csv])
        for kind in ["bar", "line", "donut", "horizontal-bar", "bullet"] {
            let body = "{{< chart data=\"so-lieu.csv\" type=\"\(kind)\" >}}"
            _ = expander.expand(MarkdownRenderer().render(body), in: file("news/a.md", body), bodyFirstLine: 7, idPrefix: "",
                                findings: &findings)
        }
    }
    for finding in findings {
        precondition(!finding.file.isEmpty && finding.line >= 0 && !finding.message.isEmpty, "finding without a place: \(finding)")
    }
}

/// A small site's indicators, built once, for the targets that need data behind their shortcodes.
enum Fixture {
    static let indicators: LoadedIndicators = {
        var findings = Findings()
        var loaded = LoadedIndicators.empty
        IndicatorLoader().loadDefinitions(file("indicators/indicators.yaml", """
            groups:
              - { id: chinh-quyen-so, name: "Chính quyền số" }
              - { id: xa-hoi-so, name: "Xã hội số" }
            indicators:
              - { id: "1.1", group: chinh-quyen-so, name: "Tỷ lệ DVCTT toàn trình", unit: percent, targets: { 2024: ">= 80" } }
              - { id: "1.3b", group: chinh-quyen-so, name: "Hồ sơ trực tuyến", unit: percent, targets: { 2024: "80" } }
              - { id: "3.3", group: xa-hoi-so, name: "Định danh điện tử", unit: percent, targets: { 2023: "50", 2024: "<= 60" } }
              - { id: "B1", group: xa-hoi-so, name: "Người dùng VssID", unit: count }
              - { id: "R1", group: xa-hoi-so, name: "Tỷ số", unit: ratio, targets: { 2024: "> 0.5" } }
            """), into: &loaded, findings: &findings)
        loaded.rows = IndicatorLoader().loadRows(file("indicators/values.csv", """
            indicator,period,value,numerator,denominator,status,as_of,note
            1.1,2024-Q1,100,1013,1013,,2024-03-10,
            1.3b,2024-Q1,60.7,6192,10195,,2024-03-10,
            3.3,2023-Q4,52.0,,,,,
            3.3,2024-Q1,58.3,160415,275200,,2024-03-10,"Tính cả thường trú, tạm trú"
            B1,2024-Q1,68285,,,,,
            B1,2024-H1,,,,in-progress,,
            R1,2024,0.75,,,,,
            """), findings: &findings)
        precondition(!findings.hasErrors, "fixture: \(findings)")
        return loaded
    }()

    static let model: SiteModel = {
        var findings = Findings()
        let (groups, indicators) = IndicatorResolver().resolve(Fixture.indicators, findings: &findings)
        let config = SiteConfig(
            title: "Cổng", province: "Tỉnh", tagline: "", baseURL: "https://a.vn/", language: "vi", timeZoneOffsetMinutes: 420,
            timeZoneText: "+07:00", newsPerPage: 10, allowRawHTML: false,
            agency: .init(name: "Sở", role: "", address: "", phone: "", email: "", licence: "", responsible: ""),
            categories: SiteConfig.defaultCategories.map { .init(id: $0.id, name: $0.name, location: SourceLocation(file: "site.yaml")) },
            menu: [], links: [], location: SourceLocation(file: "site.yaml"))
        return SiteModel(config: config, news: [], pages: [], reports: [], documents: [], tags: [], newsByCategory: [:],
                         indicatorGroups: groups, indicators: indicators,
                         dataFiles: ["news/thanh-toan.csv": file("news/thanh-toan.csv", "Năm,Tỷ lệ\n2022,10.5\n2023,14.36\n")],
                         copiedFiles: [])
    }()

    static let expander = ShortcodeExpander(model: model, charts: IndicatorCharts(), dataFiles: model.dataFiles)
}
