import Charts
import Foundation
import Markdown
import VietnameseText

/// Replaces shortcode placeholders in rendered Markdown with live numbers, charts and tables from the
/// indicator data. Every problem is a finding at the line of the call in the Markdown file.
struct ShortcodeExpander: Sendable {
    let model: SiteModel
    let charts: IndicatorCharts
    /// CSV files under Content/ (outside indicators/), by path, for `{{< chart data="…" >}}`.
    let dataFiles: [String: SourceFile]

    static let known = ["indicator", "chart", "indicator-table", "ranking"]

    /// - Parameters:
    ///   - bodyFirstLine: the line of the file where the Markdown body starts, to turn body lines into file lines.
    ///   - idPrefix: keeps chart ids unique when several bodies share a page.
    func expand(_ rendered: RenderedMarkdown, in file: SourceFile, bodyFirstLine: Int, idPrefix: String,
                findings: inout Findings) -> RenderedMarkdown {
        expand(rendered, idPrefix: idPrefix, findings: &findings) { line, column in
            (file, file.location(line: line + bodyFirstLine - 1, column: column))
        }
    }

    /// - Parameter locate: the file and location of a Markdown line and column, for bodies made of
    ///   several files (a report's sections).
    func expand(_ original: RenderedMarkdown, idPrefix: String, findings: inout Findings,
                locate: (Int, Int) -> (SourceFile, SourceLocation)) -> RenderedMarkdown {
        // Photos first: a shortcode's markup has no `![…](…)` of its own to rewrite.
        let rendered = original.images.isEmpty ? original
            : PhotoMarkup.rewrite(original, catalog: model.photos, sizes: model.config.images.sizes, findings: &findings, locate: locate)
        guard !rendered.shortcodes.isEmpty else { return rendered }
        var html: [String: PlaceholderSubstitution.Replacement] = [:]
        var text: [String: String] = [:]
        var summary: [String: String] = [:]
        for (index, call) in rendered.shortcodes.enumerated() {
            let (file, location) = locate(call.line, call.column)
            var context = CallContext(call: call, location: location, file: file, findings: [])
            let replacement = expand(&context, id: "\(idPrefix)sc\(index + 1)")
            findings.append(contentsOf: context.findings)
            switch replacement {
            case .inline(let markup, let words):
                html[call.placeholder] = .inline(markup)
                text[call.placeholder] = words
                summary[call.placeholder] = words
            case .block(let markup, let words):
                if call.standsAlone {
                    html[call.placeholder] = .replacingParagraph(markup)
                } else {
                    findings.append(.error("{{< \(call.name) … >}} draws a block: put it on a line of its own, with a blank line before and after",
                                           at: location))
                }
                text[call.placeholder] = words
            case .failed:
                break
            }
        }
        // One pass per text, whatever the number of calls: a report has dozens.
        let result = rendered.replacing(
            html: PlaceholderSubstitution.apply(html, to: rendered.html),
            plainText: PlaceholderSubstitution.apply(text.mapValues { .inline($0) }, to: rendered.plainText),
            firstParagraph: PlaceholderSubstitution.apply(summary.mapValues { .inline($0) }, to: rendered.firstParagraph))
        return result
    }

    enum Replacement {
        case inline(html: String, text: String)
        case block(html: String, text: String)
        case failed
    }

    struct CallContext {
        let call: ShortcodeCall
        let location: SourceLocation
        let file: SourceFile
        var findings: Findings

        mutating func error(_ message: String) {
            findings.append(.error(message, at: location))
        }

        /// Checks that only the allowed arguments are given.
        mutating func allow(_ keys: [String]) -> Bool {
            let unknown = call.arguments.map(\.key).filter { !keys.contains($0) }
            guard unknown.isEmpty else {
                error("{{< \(call.name) >}} does not take \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) (it takes: \(keys.joined(separator: ", ")))")
                return false
            }
            return true
        }
    }

    private func expand(_ context: inout CallContext, id: String) -> Replacement {
        let call = context.call
        if let error = call.syntaxError {
            context.error("cannot read shortcode \(call.source): \(error)")
            return .failed
        }
        switch call.name {
        case "indicator": return indicatorValue(&context)
        case "chart": return chart(&context, id: id)
        case "indicator-table": return indicatorTable(&context)
        case "ranking": return rankingTable(&context, id: id)
        default:
            context.error("unknown shortcode \"\(call.name)\" (known: \(Self.known.joined(separator: ", ")))")
            return .failed
        }
    }

    func indicator(_ id: String?, _ context: inout CallContext) -> Indicator? {
        guard let id, !id.isEmpty else {
            context.error("{{< \(context.call.name) >}} needs id=\"…\", e.g. id=\"1.1\"")
            return nil
        }
        guard let indicator = model.indicators.first(where: { $0.id == id }) else {
            context.error("unknown indicator \"\(id)\": it is not in indicators/indicators.yaml")
            return nil
        }
        return indicator
    }

    func period(_ context: inout CallContext) -> (Period?, ok: Bool) {
        guard let text = context.call.argument("period") else { return (nil, true) }
        guard let period = Period.parse(text) else {
            context.error("cannot read period \"\(text)\": write 2024, 2024-H1, 2024-Q1 or 2024-03")
            return (nil, false)
        }
        return (period, true)
    }

    /// `{{< indicator id="1.1" >}}`: value, target and status inline; `show="value"` for the number alone.
    func indicatorValue(_ context: inout CallContext) -> Replacement {
        guard context.allow(["id", "period", "show"]) else { return .failed }
        let (period, periodOK) = self.period(&context)
        guard periodOK, let indicator = indicator(context.call.argument("id"), &context) else { return .failed }
        let show = context.call.argument("show") ?? "full"
        guard show == "full" || show == "value" else {
            context.error("show must be \"full\" or \"value\", not \"\(show)\"")
            return .failed
        }
        let observation: Observation?
        if let period {
            observation = indicator.observations.first { $0.period == period }
            if observation == nil {
                context.error("indicator \(indicator.id) has no value for \(period) in values.csv")
                return .failed
            }
        } else {
            observation = indicator.latest
        }
        guard let observation else {
            context.error("indicator \(indicator.id) has no values yet in values.csv")
            return .failed
        }
        let value = IndicatorFormat.observation(observation, unit: indicator.unit)
        let link = "<a class=\"indicator-inline__value\" href=\"\(indicator.url)\">\(Markup.escape(value))</a>"
        if show == "value" {
            return .inline(html: "<span class=\"indicator-inline\">\(link)</span>", text: value)
        }
        var details: [String] = []
        if let target = indicator.target(for: observation.period) {
            details.append("mục tiêu \(Markup.escape(IndicatorFormat.target(target, unit: indicator.unit)))")
        }
        if let status = indicator.status(of: observation), observation.value != nil {
            details.append("<span class=\"status status--\(status.slug)\">\(status.vietnamese)</span>")
        }
        let meta = details.isEmpty ? "" : " <span class=\"indicator-inline__meta\">(\(details.joined(separator: ", ")))</span>"
        return .inline(html: "<span class=\"indicator-inline\">\(link)\(meta)</span>", text: value)
    }

    static let chartTypes: [String: ChartSpec.Kind] = [
        "bar": .bar, "horizontal-bar": .horizontalBar, "line": .line, "bullet": .bullet, "donut": .donut,
    ]

    /// `{{< chart indicator="3.3" >}}`, `{{< chart indicators="1.1,1.2" period="2024-Q1" >}}` or
    /// `{{< chart data="file.csv" >}}`.
    func chart(_ context: inout CallContext, id: String) -> Replacement {
        guard context.allow(["indicator", "indicators", "data", "type", "period", "title", "unit"]) else { return .failed }
        let call = context.call
        let sources = ["indicator", "indicators", "data"].filter { call.argument($0) != nil }
        guard sources.count == 1 else {
            context.error("{{< chart >}} needs exactly one of indicator=\"…\", indicators=\"…\" or data=\"…\"")
            return .failed
        }
        var kind: ChartSpec.Kind?
        if let typeText = call.argument("type") {
            kind = Self.chartTypes[typeText]
            if kind == nil {
                context.error("unknown chart type \"\(typeText)\" (types: bar, horizontal-bar, line, bullet, donut)")
                return .failed
            }
        }
        let (period, periodOK) = self.period(&context)
        guard periodOK else { return .failed }
        let spec: ChartSpec?
        if let single = call.argument("indicator") {
            guard let indicator = indicator(single, &context) else { return .failed }
            spec = charts.spec(for: indicator, kind: kind ?? .line, period: period, id: id, title: call.argument("title"),
                               failure: { context.error($0) })
        } else if let list = call.argument("indicators") {
            var chosen: [Indicator] = []
            for idText in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let indicator = indicator(idText, &context) else { return .failed }
                chosen.append(indicator)
            }
            // Indicator names are long: side by side they read as horizontal bars, whatever "bar" was asked for.
            let comparisonKind: ChartSpec.Kind = kind.map { $0 == .bar ? .horizontalBar : $0 } ?? .horizontalBar
            spec = charts.comparison(of: chosen, kind: comparisonKind, period: period, id: id, title: call.argument("title"),
                                     failure: { context.error($0) })
        } else {
            spec = dataChart(&context, kind: kind ?? .bar, id: id)
        }
        guard let spec else { return .failed }
        return .block(html: charts.renderer.figure(spec), text: spec.title)
    }

    func dataChart(_ context: inout CallContext, kind: ChartSpec.Kind, id: String) -> ChartSpec? {
        let call = context.call
        let name = call.argument("data") ?? ""
        let folder = context.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        guard let path = RelativePath.normalise(folder.isEmpty ? name : folder + "/" + name), !name.isEmpty else {
            context.error("data \"\(name)\" leads outside the Content folder: put the CSV beside the Markdown file")
            return nil
        }
        guard let file = dataFiles[path] else {
            context.error("data file \"\(name)\" not found (looked for Content/\(path))")
            return nil
        }
        var unit = ChartSpec.Unit.count
        if let unitText = call.argument("unit") {
            switch unitText {
            case "percent": unit = .percent(decimals: 1)
            case "count": unit = .count
            case "ratio": unit = .ratio(decimals: 2)
            case "score": unit = .score(decimals: 1)
            default:
                context.error("unknown unit \"\(unitText)\": use percent, count, ratio or score")
                return nil
            }
        }
        var csvFindings = Findings()
        let table = DataTable.read(file, findings: &csvFindings)
        context.findings.append(contentsOf: csvFindings)
        guard let table, !csvFindings.hasErrors else { return nil }
        return ChartSpec(id: id, kind: kind, title: call.argument("title") ?? table.title, categories: table.categories,
                         series: table.series, unit: unit)
    }

    /// `{{< indicator-table group="chinh-quyen-so" period="2024-Q1" >}}`: the report's appendix table.
    func indicatorTable(_ context: inout CallContext) -> Replacement {
        guard context.allow(["group", "period"]) else { return .failed }
        let (period, periodOK) = self.period(&context)
        guard periodOK else { return .failed }
        var groups = model.indicatorGroups
        if let list = context.call.argument("group") {
            var chosen: [IndicatorGroup] = []
            for groupID in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let group = groups.first(where: { $0.id == groupID }) else {
                    context.error("unknown indicator group \"\(groupID)\" (groups: \(groups.map(\.id).joined(separator: ", ")))")
                    return .failed
                }
                chosen.append(group)
            }
            groups = chosen
        }
        guard !groups.isEmpty else {
            context.error("there are no indicator groups: define them in indicators/indicators.yaml")
            return .failed
        }
        return .block(html: AppendixTable.render(groups: groups, allGroups: model.indicatorGroups, indicators: model.indicators, period: period), text: "")
    }
}

extension ShortcodeExpander {
    /// `{{< ranking level="huyen" period="2023" top="5" >}}`: a level's ranking table (its latest period
    /// without `period`), all of it or its first ranks.
    func rankingTable(_ context: inout CallContext, id: String) -> Replacement {
        guard context.allow(["level", "period", "top"]) else { return .failed }
        let rankings = model.rankings
        let known = rankings.levels.map(\.id).joined(separator: ", ")
        guard let levelID = context.call.argument("level"), !levelID.isEmpty else {
            context.error("{{< ranking >}} needs level=\"…\" (levels: \(known.isEmpty ? "none in rankings/rankings.yaml" : known))")
            return .failed
        }
        guard let level = rankings.levels.first(where: { $0.id == levelID }) else {
            context.error("unknown ranking level \"\(levelID)\" (levels: \(known.isEmpty ? "none in rankings/rankings.yaml" : known))")
            return .failed
        }
        let (period, periodOK) = self.period(&context)
        guard periodOK else { return .failed }
        let shown: RankingPeriod?
        if let period {
            shown = level.periods.first { $0.period == period }
            if shown == nil {
                context.error("level \(level.id) has no scores for \(period) (periods: \(level.periods.map(\.period.description).joined(separator: ", ")))")
                return .failed
            }
        } else {
            shown = level.latest
        }
        guard let shown else {
            context.error("level \(level.id) has no scores yet in rankings/scores.csv")
            return .failed
        }
        var top: Int?
        if let text = context.call.argument("top") {
            guard let number = Int(text), number >= 1 else {
                context.error("top must be a whole number from 1, not \"\(text)\"")
                return .failed
            }
            top = number
        }
        let html = RankingTable.html(level, shown, units: rankings.units, id: "\(id)-xep-hang", top: top)
        return .block(html: html, text: RankingTable.caption(level, shown))
    }
}

/// A small CSV beside a Markdown file: first column the categories, each other column a series.
struct DataTable {
    var title: String
    var categories: [String]
    var series: [ChartSpec.Series]

    static func read(_ file: SourceFile, findings: inout Findings) -> DataTable? {
        guard let csv = CSVRows.read(file, findings: &findings) else { return nil }
        guard csv.header.count >= 2 else {
            findings.append(.error("the header needs a label column and at least one value column, e.g. \"Năm,Tỷ lệ\"",
                                   at: file.location(line: 1)))
            return nil
        }
        var categories: [String] = []
        var values: [[Double?]] = Array(repeating: [], count: csv.header.count - 1)
        for row in csv.rows {
            guard row.cells.count == csv.header.count else {
                findings.append(.error("this row has \(row.cells.count) cells but the header has \(csv.header.count)",
                                       at: file.location(line: row.line)))
                continue
            }
            categories.append(row.cells[0].trimmingCharacters(in: .whitespaces))
            for column in 1..<row.cells.count {
                let text = row.cells[column].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { values[column - 1].append(nil); continue }
                guard let number = MachineNumber.parse(text) else {
                    findings.append(.error("\"\(text)\" is not a number (write 54.4, not 54,4)", at: file.location(line: row.line)))
                    values[column - 1].append(nil)
                    continue
                }
                values[column - 1].append(number.value)
            }
        }
        let series = (1..<csv.header.count).map { ChartSpec.Series(name: csv.header[$0], values: values[$0 - 1]) }
        return DataTable(title: csv.header[0], categories: categories, series: series)
    }
}

/// Puts expansions in place of the private-use placeholders the Markdown renderer left, in one pass.
/// A placeholder with no replacement is removed.
enum PlaceholderSubstitution {
    enum Replacement {
        case inline(String)
        /// Block content replaces the `<p>…</p>` the call stood alone in.
        case replacingParagraph(String)
    }

    static func apply(_ replacements: [String: Replacement], to text: String) -> String {
        guard text.unicodeScalars.contains("\u{E000}") else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let start = scalars.firstIndex(of: "\u{E000}") {
            output.append(contentsOf: scalars[..<start])
            guard let end = scalars[start...].firstIndex(of: "\u{E001}") else {
                scalars = scalars[start...]
                break
            }
            let key = String(String.UnicodeScalarView(scalars[start...end]))
            scalars = scalars[scalars.index(after: end)...]
            switch replacements[key] {
            case .inline(let markup):
                output.append(contentsOf: markup.unicodeScalars)
            case .replacingParagraph(let markup):
                if String(output.suffix(3)) == "<p>" && String(String.UnicodeScalarView(scalars.prefix(4))) == "</p>" {
                    output.removeLast(3)
                    scalars = scalars.dropFirst(4)
                }
                output.append(contentsOf: markup.unicodeScalars)
            case nil:
                continue
            }
        }
        output.append(contentsOf: scalars)
        return String(output)
    }
}
