import Charts
import VietnameseText

/// Turns indicators into chart specs and draws them (the rankings' are `RankingCharts`).
struct IndicatorCharts: Sendable {
    let renderer = ChartRenderer()

    func unit(_ indicator: Indicator) -> ChartSpec.Unit {
        let decimals = indicator.observations.compactMap(\.value?.decimals).max() ?? 0
        switch indicator.unit {
        case .percent: return .percent(decimals: decimals)
        case .count: return .count
        case .ratio: return .ratio(decimals: max(decimals, 2))
        case .score: return .score(decimals: decimals)
        }
    }

    /// The latest value against its year's target, small, for the dashboard row.
    func bulletSpec(for indicator: Indicator, idPrefix: String) -> ChartSpec? {
        guard let latest = indicator.latest, let value = latest.value,
              let target = indicator.target(for: latest.period) else { return nil }
        return ChartSpec(
            id: "\(idPrefix)\(indicator.slug)", kind: .bullet,
            title: "Chỉ tiêu \(indicator.id), \(latest.period.vietnamese): kết quả so với mục tiêu năm \(latest.period.year)",
            categories: [latest.period.vietnamese], series: [.init(name: indicator.name, values: [value.value])],
            unit: unit(indicator), target: target.value,
            targetLabel: IndicatorFormat.target(target, unit: indicator.unit))
    }

    func bullet(for indicator: Indicator) -> String? {
        bulletSpec(for: indicator, idPrefix: "bullet-").map(renderer.render)
    }

    func bulletFigure(for indicator: Indicator) -> String? {
        bulletSpec(for: indicator, idPrefix: "muc-tieu-").map(renderer.figure)
    }

    /// Every period's value as a line; nil periods leave gaps.
    func series(for indicator: Indicator) -> String? {
        // One period is already shown by the value-against-target chart; a line needs two.
        guard indicator.observations.count >= 2, indicator.observations.contains(where: { $0.value != nil }) else { return nil }
        let latestTarget = indicator.latest.flatMap { indicator.target(for: $0.period) }
        let spec = ChartSpec(
            id: "dien-bien-\(indicator.slug)", kind: .line,
            title: "Chỉ tiêu \(indicator.id) qua các kỳ",
            categories: indicator.observations.map(\.period.vietnamese),
            series: [.init(name: indicator.name, values: indicator.observations.map { $0.value?.value })],
            unit: unit(indicator), target: latestTarget?.value,
            targetLabel: latestTarget.map { IndicatorFormat.target($0, unit: indicator.unit) })
        return renderer.figure(spec)
    }

    /// One indicator for `{{< chart indicator="…" >}}`: its series, or its value against target.
    func spec(for indicator: Indicator, kind: ChartSpec.Kind, period: Period?, id: String, title: String?,
              failure: (String) -> Void) -> ChartSpec? {
        var observations = indicator.observations
        if let period { observations = observations.filter { $0.period == period } }
        guard observations.contains(where: { $0.value != nil }) else {
            failure("indicator \(indicator.id) has no number to draw\(period.map { " for \($0)" } ?? "") in values.csv")
            return nil
        }
        if kind == .bullet {
            guard let observation = observations.last(where: { $0.value != nil }), let value = observation.value,
                  let target = indicator.target(for: observation.period) else {
                failure("a bullet chart needs a target for the year of the value: add targets to indicator \(indicator.id)")
                return nil
            }
            return ChartSpec(id: id, kind: .bullet,
                             title: title ?? "Chỉ tiêu \(indicator.id), \(observation.period.vietnamese): kết quả so với mục tiêu",
                             categories: [observation.period.vietnamese], series: [.init(name: indicator.name, values: [value.value])],
                             unit: unit(indicator), target: target.value,
                             targetLabel: IndicatorFormat.target(target, unit: indicator.unit))
        }
        let target = observations.last.flatMap { indicator.target(for: $0.period) }
        return ChartSpec(id: id, kind: kind, title: title ?? "Chỉ tiêu \(indicator.id): \(indicator.name)",
                         categories: observations.map(\.period.vietnamese),
                         series: [.init(name: indicator.name, values: observations.map { $0.value?.value })],
                         unit: unit(indicator), target: kind == .donut ? nil : target?.value,
                         targetLabel: target.map { IndicatorFormat.target($0, unit: indicator.unit) })
    }

    /// Several indicators side by side at one period (the latest each has, when none is given).
    func comparison(of indicators: [Indicator], kind: ChartSpec.Kind, period: Period?, id: String, title: String?,
                    failure: (String) -> Void) -> ChartSpec? {
        guard let first = indicators.first else {
            failure("indicators=\"…\" lists no indicator")
            return nil
        }
        guard indicators.allSatisfy({ $0.unit == first.unit }) else {
            failure("indicators of different units cannot share one chart: draw them separately")
            return nil
        }
        let values = indicators.map { indicator -> Double? in
            let observation = period.map { wanted in indicator.observations.first { $0.period == wanted } } ?? indicator.latest
            return observation?.value?.value
        }
        let periodText = period.map { ", \($0.vietnamese)" } ?? ""
        let decimals = indicators.flatMap { $0.observations.compactMap(\.value?.decimals) }.max() ?? 0
        let chartUnit: ChartSpec.Unit = first.unit == .percent ? .percent(decimals: decimals) : unit(first)
        return ChartSpec(id: id, kind: kind, title: title ?? "So sánh các chỉ tiêu \(indicators.map(\.id).joined(separator: ", "))\(periodText)",
                         categories: indicators.map { "\($0.id). \($0.name)" },
                         series: [.init(name: period?.vietnamese ?? "Kỳ gần nhất", values: values)], unit: chartUnit)
    }
}
