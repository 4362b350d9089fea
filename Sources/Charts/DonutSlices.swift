import VietnameseText

/// A donut's slices and their shares, worked out once for the ring, the legend, the description and
/// the table.
///
/// Shares are of the total, except that percentages adding up to less than 100 are shares of 100: a
/// single "54,4%" slice then fills 54,4% of the ring and the rest stays empty, as a reader expects.
struct DonutSlices {
    struct Entry {
        var category: String
        var value: Double?
        /// 0…1 of the ring; nil for missing and negative values, which get no slice.
        var share: Double?
        /// `12 (54,5%)`, `54,4%`, `chưa có số liệu`.
        var legendValue: String
        /// `54,5%`, or nil where the value already is the share (percent units) or there is none.
        var shareText: String?
    }

    let entries: [Entry]
    /// The sum of the drawable values, written in the unit; nil when nothing can be drawn.
    let totalText: String?
    let total: Double

    init(_ data: ChartData) {
        let values = data.series.first?.values ?? []
        let drawable = values.compactMap { $0 }.filter { $0 > 0 }
        let total = drawable.reduce(0, +)
        var denominator = total
        var valueIsShare = false
        if case .percent = data.unit {
            valueIsShare = true
            denominator = Swift.max(total, 100)
        }
        var entries: [Entry] = []
        for (index, value) in values.enumerated() {
            let category = index < data.categories.count ? data.categories[index] : ""
            guard let value else {
                entries.append(Entry(category: category, value: nil, share: nil, legendValue: Style.missingLower, shareText: nil))
                continue
            }
            let valueText = data.unit.format(value)
            guard value >= 0, denominator > 0, denominator.isFinite else {
                entries.append(Entry(category: category, value: value, share: nil, legendValue: valueText, shareText: nil))
                continue
            }
            let share = value / denominator
            let shareText = VietnameseNumber.percent(share * 100, decimals: 1)
            if valueIsShare && denominator == 100 {
                entries.append(Entry(category: category, value: value, share: share, legendValue: valueText, shareText: nil))
            } else {
                entries.append(Entry(category: category, value: value, share: share,
                                     legendValue: valueText + " (" + shareText + ")", shareText: shareText))
            }
        }
        self.entries = entries
        self.total = total
        self.totalText = total > 0 && total.isFinite ? data.unit.format(total) : nil
    }

    /// Whether the table needs a share column: not when every value already is its own share.
    var hasShareColumn: Bool {
        entries.contains { $0.shareText != nil }
    }
}
