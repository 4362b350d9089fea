/// The same numbers as the chart, as an HTML table: for screen readers that browse tables, for people who
/// want to copy a figure, and for anyone whose browser does not draw SVG.
extension ChartRenderer {
    public func table(_ spec: ChartSpec) -> String {
        let data = ChartData(spec)
        var out = "<table class=\"chart-table\"><caption>"
        out.reserveCapacity(256 + data.categories.count * 64 * Swift.max(1, data.series.count))
        Markup.escape(spec.title, into: &out)
        out += "</caption>\n<thead><tr><th scope=\"col\">"
        Markup.escape(categoryTitle(spec), into: &out)
        out += "</th>"
        let slices = spec.kind == .donut ? DonutSlices(data) : nil
        let seriesList = data.series.isEmpty ? [ChartData.Series(name: "", values: data.categories.map { _ in nil })] : data.series
        for series in seriesList {
            out += "<th scope=\"col\">"
            let name = series.name.trimmingWhitespace()
            Markup.escape(name.isEmpty ? "Giá trị" : name, into: &out)
            out += "</th>"
        }
        let shareColumn = slices?.hasShareColumn ?? false
        if shareColumn { out += "<th scope=\"col\">Tỷ lệ</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (row, category) in data.categories.enumerated() {
            out += "<tr><th scope=\"row\">"
            Markup.escape(category, into: &out)
            out += "</th>"
            for series in seriesList {
                let value = row < series.values.count ? series.values[row] : nil
                cell(value.map(data.unit.format), into: &out)
            }
            if shareColumn {
                let share = slices.flatMap { row < $0.entries.count ? $0.entries[row].shareText : nil }
                cell(share, into: &out, missing: "–")
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n"
        let columns = seriesList.count + (shareColumn ? 1 : 0)
        var footRows: [(heading: String, cells: [(text: String, span: Int)])] = []
        if let slices, slices.entries.count > 1, let total = slices.totalText {
            footRows.append(("Tổng", shareColumn ? [(total, 1), ("100,0%", 1)] : [(total, 1)]))
        }
        if let target = targetText(spec, data) {
            footRows.append((Style.targetWord, [(target, columns)]))
        }
        if !footRows.isEmpty {
            out += "<tfoot>"
            for row in footRows {
                out += "<tr><th scope=\"row\">"
                Markup.escape(row.heading, into: &out)
                out += "</th>"
                for cell in row.cells {
                    out += cell.span > 1 ? "<td colspan=\"\(cell.span)\">" : "<td>"
                    Markup.escape(cell.text, into: &out)
                    out += "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tfoot>\n"
        }
        out += "</table>"
        return out
    }

    func categoryTitle(_ spec: ChartSpec) -> String {
        if let title = spec.categoryTitle?.trimmingWhitespace(), !title.isEmpty { return title }
        switch spec.kind {
        case .bar, .line, .bullet: return "Kỳ"
        case .horizontalBar: return "Chỉ tiêu"
        case .donut: return "Thành phần"
        }
    }

    private func cell(_ text: String?, into out: inout String, missing: String = Style.missing) {
        if let text {
            out += "<td>"
            Markup.escape(text, into: &out)
        } else {
            out += "<td class=\"chart-table__missing\">"
            out += missing
        }
        out += "</td>"
    }
}
