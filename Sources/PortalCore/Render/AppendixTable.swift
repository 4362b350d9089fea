import Charts
/// The indicator table of a report's appendix (PHỤ LỤC), made from the data rather than retyped.
enum AppendixTable {
    static func render(groups: [IndicatorGroup], allGroups: [IndicatorGroup], indicators: [Indicator], period: Period?) -> String {
        let yearText = period.map { " năm \($0.year)" } ?? ""
        let resultText = period.map { " \($0.vietnamese)" } ?? " (kỳ gần nhất)"
        var html = """
            <div class="table-scroll appendix-table" role="region" tabindex="0" aria-label="Bảng kết quả thực hiện các chỉ tiêu">
            <table class="data-table">
            <thead>
            <tr><th scope="col">STT</th><th scope="col">Chỉ tiêu</th><th scope="col">Mục tiêu\(yearText)</th><th scope="col">Kết quả\(resultText)</th><th scope="col">Số liệu tuyệt đối</th><th scope="col">Đánh giá</th><th scope="col">Ghi chú</th></tr>
            </thead>
            <tbody>

            """
        for group in groups {
            let number = (allGroups.firstIndex { $0.id == group.id } ?? 0) + 1
            html += "<tr class=\"appendix-table__group\"><th scope=\"rowgroup\">\(number)</th><th scope=\"rowgroup\" colspan=\"6\">\(Markup.escape(group.name))</th></tr>\n"
            for indicator in indicators where indicator.groupID == group.id {
                let observation = period.map { wanted in indicator.observations.first { $0.period == wanted } } ?? indicator.latest
                let targetPeriod = period ?? observation?.period
                let target = targetPeriod.flatMap { indicator.target(for: $0) }
                let result = observation.map { IndicatorFormat.observation($0, unit: indicator.unit) } ?? "Chưa có số liệu"
                var absolute = ""
                if let numerator = observation?.numerator, let denominator = observation?.denominator {
                    absolute = IndicatorFormat.plain(numerator) + "/" + IndicatorFormat.plain(denominator)
                }
                let status = observation.flatMap { indicator.status(of: $0) }
                let statusHTML = status.map { "<span class=\"status status--\($0.slug)\">\($0.vietnamese)</span>" } ?? ""
                html += "<tr><th scope=\"row\">\(Markup.escape(indicator.id))</th>"
                    + "<td><a href=\"\(indicator.url)\">\(Markup.escape(indicator.name))</a></td>"
                    + "<td class=\"num\">\(target.map { Markup.escape(IndicatorFormat.target($0, unit: indicator.unit)) } ?? "")</td>"
                    + "<td class=\"num\">\(Markup.escape(result))</td>"
                    + "<td class=\"num\">\(Markup.escape(absolute))</td>"
                    + "<td>\(statusHTML)</td>"
                    + "<td>\(Markup.escape(observation?.note ?? ""))</td></tr>\n"
            }
        }
        html += "</tbody>\n</table>\n</div>"
        return html
    }
}
