import VietnameseText

/// A spec cleaned for drawing: every series as long as the categories, non-finite values turned into gaps,
/// and the subset a kind draws (a bullet's last category, a donut's first series) picked once, so the
/// picture, the description and the table always show the same numbers.
struct ChartData {
    struct Series {
        var name: String
        var values: [Double?]
    }

    let kind: ChartSpec.Kind
    let unit: ChartSpec.Unit
    let categories: [String]
    let series: [Series]
    let target: Double?

    init(_ spec: ChartSpec) {
        kind = spec.kind
        unit = spec.unit
        target = spec.target.flatMap { $0.isFinite ? $0 : nil }
        let longest = spec.series.reduce(0) { Swift.max($0, $1.values.count) }
        let count = Swift.max(spec.categories.count, longest)
        // Values without a category still get drawn and tabled, under their position, rather than dropped.
        var categories = spec.categories
        while categories.count < count { categories.append("#\(categories.count + 1)") }
        var series = spec.series.map { raw -> Series in
            var values: [Double?] = raw.values.map { value in value.flatMap { $0.isFinite ? $0 : nil } }
            while values.count < count { values.append(nil) }
            return Series(name: raw.name, values: values)
        }
        switch spec.kind {
        case .bullet:
            let last = categories.count - 1
            categories = last >= 0 ? [categories[last]] : []
            series = series.prefix(1).map { Series(name: $0.name, values: last >= 0 ? [$0.values[last]] : []) }
        case .donut:
            series = Array(series.prefix(1))
        case .bar, .horizontalBar, .line:
            break
        }
        self.categories = categories
        self.series = series
    }

    var allValues: [Double] {
        series.flatMap { $0.values.compactMap { $0 } }
    }

    var hasValues: Bool {
        series.contains { $0.values.contains { $0 != nil } }
    }

    /// Ticks for the value axis: percent runs 0…100 unless the data leaves it, the target is always on
    /// the axis, and counts step by whole numbers.
    func ticks(includeZero: Bool, preferredCount: Int) -> NiceTicks {
        var values = allValues
        if let target { values.append(target) }
        var low = values.min()
        var high = values.max()
        if case .percent = unit {
            low = Swift.min(low ?? 0, 0)
            high = Swift.max(high ?? 100, 100)
        }
        let minimumStep: Double
        if case .count = unit { minimumStep = 1 } else { minimumStep = 0 }
        return NiceTicks(minimum: low ?? 0, maximum: high ?? (low ?? 0), includeZero: includeZero,
                         preferredCount: preferredCount, minimumStep: minimumStep)
    }
}

extension ChartSpec.Unit {
    /// A value as the chart, the description and the table all write it: `54,4%`, `1.013`, `0,85`.
    func format(_ value: Double) -> String {
        switch self {
        case .percent(let decimals): VietnameseNumber.format(value, decimals: Self.clamp(decimals)) + "%"
        case .count: VietnameseNumber.format(value, decimals: 0)
        case .ratio(let decimals), .score(let decimals): VietnameseNumber.format(value, decimals: Self.clamp(decimals))
        }
    }

    /// A tick label: as many decimals as the step needs, not as many as the data has (`20%`, not `20,0%`).
    func tickLabel(_ value: Double, decimals: Int) -> String {
        switch self {
        case .percent: VietnameseNumber.format(value, decimals: Self.clamp(decimals)) + "%"
        case .count, .ratio, .score: VietnameseNumber.format(value, decimals: Self.clamp(decimals))
        }
    }

    /// Six decimals is past any indicator's precision; the bound keeps a typo from printing 10⁹ zeros.
    private static func clamp(_ decimals: Int) -> Int {
        Swift.max(0, Swift.min(6, decimals))
    }
}
