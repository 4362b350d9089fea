import Charts
import VietnameseText

/// The ranking table of one level and period, for its pages and `{{< ranking >}}`: already in rank
/// order, so it reads right without JavaScript; `sort-table.js` makes its headings sort buttons. The
/// rank and unit columns stay in view while the rest scrolls on a phone (`.ranking-table` in the theme).
enum RankingTable {
    static func number(_ value: Double, decimals: Int) -> String { VietnameseNumber.format(value, decimals: decimals) }

    static func maxText(_ value: Double) -> String {
        VietnameseNumber.format(value, decimals: value.rounded() == value ? 0 : 1)
    }

    static func caption(_ level: RankingLevel, _ period: RankingPeriod) -> String {
        "Xếp hạng chuyển đổi số \(level.name), \(period.period.vietnamese)"
    }

    /// - Parameter top: only the first ranks (ties with the last one shown are shown too).
    static func html(_ level: RankingLevel, _ period: RankingPeriod, units: [RankingUnit], id: String, top: Int? = nil) -> String {
        let hasChange = period.entries.contains { $0.change != nil }
        let cutoff = top.flatMap { count in period.entries.count > count ? period.entries[count - 1].rank : nil }
        let entries = cutoff.map { last in period.entries.filter { $0.rank <= last } } ?? period.entries
        var html = "<div class=\"table-scroll ranking-table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)-caption\">\n"
        html += "<table class=\"data-table ranking-table__table\" data-sortable>\n"
        html += "<caption id=\"\(id)-caption\">\(Markup.escape(caption(level, period)))"
        if let top, cutoff != nil { html += " (\(top) đơn vị đứng đầu)" }
        html += "</caption>\n<thead>\n<tr><th scope=\"col\" class=\"num\" aria-sort=\"ascending\" data-sort-type=\"number\">Hạng</th>"
        html += "<th scope=\"col\">Đơn vị</th>"
        html += "<th scope=\"col\" class=\"num\" data-sort-type=\"number\">Tổng điểm <span class=\"ranking-table__max\">(tối đa \(maxText(level.maxTotal)))</span></th>"
        for pillar in level.pillars {
            html += "<th scope=\"col\" class=\"num\" data-sort-type=\"number\">\(Markup.escape(pillar.name)) <span class=\"ranking-table__max\">(tối đa \(maxText(pillar.max)))</span></th>"
        }
        if !level.bands.isEmpty { html += "<th scope=\"col\">Xếp loại</th>" }
        if hasChange { html += "<th scope=\"col\" data-sort-type=\"number\">So với kỳ trước</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for entry in entries {
            let unit = units[entry.unit]
            let total = number(entry.total, decimals: entry.decimals)
            html += "<tr><td class=\"num\" data-sort=\"\(entry.rank)\">\(entry.rank)</td>"
            html += "<th scope=\"row\"><a href=\"\(unit.url)\">\(Markup.escape(unit.name))</a></th>"
            html += "<td class=\"num\" data-sort=\"\(entry.total.formatted(decimals: entry.decimals))\">\(total) "
            html += "<meter class=\"ranking-table__bar\" min=\"0\" max=\"\(level.maxTotal.formatted(decimals: 2))\" value=\"\(entry.total.formatted(decimals: entry.decimals))\" aria-hidden=\"true\"></meter></td>"
            for score in entry.scores {
                if let score {
                    html += "<td class=\"num\" data-sort=\"\(score.formatted(decimals: entry.decimals))\">\(number(score, decimals: entry.decimals))</td>"
                } else {
                    html += "<td class=\"num\" data-sort=\"-1\"><abbr title=\"Chưa có số liệu\">–</abbr></td>"
                }
            }
            if !level.bands.isEmpty {
                html += "<td>\(entry.band.map { Markup.escape(level.bands[$0].name) } ?? "")</td>"
            }
            if hasChange {
                html += changeCell(entry.change)
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>"
        return html
    }

    /// Sorted as a number: places gained count up, a unit new to the ranking sorts after every move.
    static func changeCell(_ change: RankChange?) -> String {
        guard let change else { return "<td></td>" }
        let key: Int
        switch change {
        case .up(let places): key = places
        case .same: key = 0
        case .down(let places): key = -places
        case .new: key = -100_000
        }
        return "<td class=\"rank-change rank-change--\(change.slug)\" data-sort=\"\(key)\"><span aria-hidden=\"true\">\(change.text)</span><span class=\"visually-hidden\">\(change.words)</span></td>"
    }

    /// `du-lieu.csv`: machine numbers, one row per unit and period, as `IndicatorCSV` writes downloads.
    /// `change` is places gained (negative: lost), `0`, `new`, or empty in a level's first period; it is
    /// the generator's own number, so it is not guarded as editors' text is.
    static func csv(_ level: RankingLevel, periods: [RankingPeriod], units: [RankingUnit]) -> String {
        var rows: [[String]] = [["level", "period", "rank", "unit", "unit_name", "total"] + level.pillars.map(\.id) + ["band", "change"]]
        for period in periods {
            for entry in period.entries {
                let unit = units[entry.unit]
                var change = ""
                switch entry.change {
                case .up(let places)?: change = "\(places)"
                case .down(let places)?: change = "-\(places)"
                case .same?: change = "0"
                case .new?: change = "new"
                case nil: change = ""
                }
                rows.append([level.id, period.period.description, "\(entry.rank)", unit.id, IndicatorCSV.text(unit.name),
                             entry.total.formatted(decimals: entry.decimals)]
                            + entry.scores.map { $0.map { $0.formatted(decimals: entry.decimals) } ?? "" }
                            + [IndicatorCSV.text(entry.band.map { level.bands[$0].name } ?? ""), change])
            }
        }
        return "\u{FEFF}" + IndicatorCSV.write(rows)
    }
}

/// Ranking data as chart specs, drawn by `Charts`.
struct RankingCharts: Sendable {
    let renderer = ChartRenderer()

    /// A bar per unit, in rank order.
    func totals(_ level: RankingLevel, _ period: RankingPeriod, units: [RankingUnit], id: String) -> String? {
        guard !period.entries.isEmpty else { return nil }
        let decimals = period.entries.first?.decimals ?? 0
        return renderer.figure(ChartSpec(
            id: id, kind: .horizontalBar, title: "Tổng điểm \(level.name), \(period.period.vietnamese)",
            summary: "Tổng điểm của từng đơn vị, xếp theo thứ hạng; tối đa \(RankingTable.maxText(level.maxTotal)) điểm",
            categories: period.entries.map { "\($0.rank). \(units[$0.unit].name)" },
            series: [.init(name: "Tổng điểm", values: period.entries.map(\.total))],
            unit: .score(decimals: decimals), categoryTitle: "Đơn vị"))
    }

    /// Rank over the periods, rank 1 at the top.
    func rankHistory(_ history: [(period: Period, entry: RankingEntry)], unitName: String, of counts: [Int], id: String) -> String? {
        guard !history.isEmpty else { return nil }
        return renderer.figure(ChartSpec(
            id: id, kind: .line, title: "Thứ hạng của \(unitName) qua các kỳ",
            summary: "Hạng 1 là cao nhất, ở trên cùng của trục; số đơn vị được xếp hạng mỗi kỳ: "
                + zip(history, counts).map { "\($0.period.vietnamese): \($1)" }.joined(separator: ", "),
            categories: history.map(\.period.vietnamese),
            series: [.init(name: "Thứ hạng", values: history.map { Double($0.entry.rank) })],
            unit: .count, categoryTitle: "Kỳ", startsAtZero: false, reversesValueAxis: true))
    }

    /// Each pillar's score against its maximum, in one period.
    func pillars(_ level: RankingLevel, _ period: Period, entry: RankingEntry, unitName: String, id: String) -> String {
        renderer.figure(ChartSpec(
            id: id, kind: .horizontalBar, title: "Điểm từng trụ cột của \(unitName), \(period.vietnamese), so với điểm tối đa",
            categories: level.pillars.map(\.name),
            series: [.init(name: "Điểm đạt được", values: entry.scores),
                     .init(name: "Điểm tối đa", values: level.pillars.map(\.max))],
            unit: .score(decimals: entry.decimals), categoryTitle: "Trụ cột"))
    }

    /// The province's place in the national DTI ranking, by year, place 1 at the top.
    func national(_ rows: [NationalRankingRow], province: String, id: String) -> String? {
        let overall = rows.filter { $0.index == "dti" }
        guard !overall.isEmpty else { return nil }
        return renderer.figure(ChartSpec(
            id: id, kind: .line, title: "Thứ hạng DTI của \(province) trong cả nước",
            summary: "Hạng 1 là cao nhất, ở trên cùng của trục; "
                + overall.map { "\($0.period.vietnamese): hạng \($0.rank)/\($0.of)" }.joined(separator: ", "),
            categories: overall.map(\.period.vietnamese),
            series: [.init(name: "Thứ hạng DTI", values: overall.map { Double($0.rank) })],
            unit: .count, categoryTitle: "Năm", startsAtZero: false, reversesValueAxis: true))
    }
}
