import Markdown

/// The indicator pages: the dashboard, one page per indicator, and the rows other pages reuse.
extension RenderContext {
    func groupName(_ id: String) -> String {
        model.indicatorGroups.first { $0.id == id }?.name ?? id
    }

    func row(_ indicator: Indicator) -> IndicatorRowView {
        let latest = indicator.latest
        let target = latest.flatMap { indicator.target(for: $0.period) } ?? indicator.targets.max { $0.key < $1.key }?.value
        let status = latest.flatMap { indicator.status(of: $0) }
        return IndicatorRowView(
            id: indicator.id, name: indicator.name, url: indicator.url, groupName: groupName(indicator.groupID),
            valueText: latest.map { IndicatorFormat.observation($0, unit: indicator.unit) } ?? "Chưa có số liệu",
            periodText: latest?.period.vietnamese,
            targetText: target.map { IndicatorFormat.target($0, unit: indicator.unit) },
            statusText: status?.vietnamese, statusSlug: status?.slug,
            asOfText: IndicatorFormat.asOf(latest?.asOf),
            bulletSVG: charts.bullet(for: indicator))
    }

    func dashboardPage(path: String) -> PageView {
        let groups = model.indicatorGroups.map { group -> IndicatorGroupView in
            let members = model.indicators.filter { $0.groupID == group.id }
            let statuses = members.compactMap { indicator in indicator.latest.flatMap { indicator.status(of: $0) } }
            let judged = statuses.filter { $0 == .achieved || $0 == .notAchieved }
            return IndicatorGroupView(id: group.id, name: group.name, achieved: judged.filter { $0 == .achieved }.count,
                                      withData: judged.count, total: members.count, indicators: members.map(row))
        }
        let view = DashboardView(groups: groups, csvURL: URLScheme.indicatorsCSV)
        return wrap(view, path: path, title: "Chỉ số chuyển đổi số",
                    description: "Kết quả thực hiện các chỉ tiêu chuyển đổi số so với mục tiêu năm", crumbs: [home])
    }

    func indicatorPage(_ index: Int, path: String) -> PageView {
        let indicator = model.indicators[index]
        let observations = indicator.observations.reversed().map { observation in
            let status = indicator.status(of: observation)
            return ObservationView(
                periodText: observation.period.vietnamese,
                valueText: IndicatorFormat.observation(observation, unit: indicator.unit),
                numeratorText: observation.numerator.map(IndicatorFormat.plain),
                denominatorText: observation.denominator.map(IndicatorFormat.plain),
                targetText: indicator.target(for: observation.period).map { IndicatorFormat.target($0, unit: indicator.unit) },
                statusText: status?.vietnamese, statusSlug: status?.slug,
                asOfText: IndicatorFormat.asOf(observation.asOf), note: observation.note)
        }
        let descriptionHTML = indicator.description.map { markdown.render($0).html }
        let view = IndicatorPageView(
            row: row(indicator), groupURL: URLScheme.indicatorGroup(indicator.groupID), unitText: Self.unitName(indicator.unit),
            formula: indicator.formula, source: indicator.source, descriptionHTML: descriptionHTML,
            chartHTML: charts.series(for: indicator), bulletHTML: charts.bulletFigure(for: indicator),
            observations: Array(observations), notes: indicator.observations.compactMap(\.note),
            csvURL: URLScheme.indicatorCSV(slug: indicator.slug))
        return wrap(view, path: path, title: "Chỉ tiêu \(indicator.id): \(indicator.name)",
                    description: "\(indicator.name): \(view.row.valueText)", crumbs: [home, link("Chỉ số", URLScheme.dashboard)])
    }

    /// Indicators marked `highlight: true`, or else the first six with a number.
    var highlights: [IndicatorRowView] {
        let marked = model.indicators.filter(\.highlight)
        let chosen = marked.isEmpty ? Array(model.indicators.filter { $0.latest?.value != nil }.prefix(6)) : marked
        return chosen.map(row)
    }

    static func unitName(_ unit: IndicatorUnit) -> String {
        switch unit {
        case .percent: "Tỷ lệ (%)"
        case .count: "Số lượng"
        case .ratio: "Tỷ số"
        case .score: "Điểm"
        }
    }
}
