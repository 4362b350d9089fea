import VietnameseText

/// The `<desc>` text: the summary, then every number drawn, written as the picture writes it.
extension ChartRenderer {
    func description(_ spec: ChartSpec, _ data: ChartData) -> String {
        var sentences: [String] = []
        if let summary = spec.summary?.trimmingWhitespace(), !summary.isEmpty {
            sentences.append(Self.sentence(summary))
        }
        switch spec.kind {
        case .donut:
            sentences.append(donutSentence(data))
        case .bar, .horizontalBar, .line, .bullet:
            if !data.hasValues && data.series.count <= 1 {
                // Still name the periods, so "no data" is clearly about them and not a broken chart.
                if data.categories.isEmpty {
                    sentences.append(Style.missing + ".")
                } else {
                    sentences.append(data.categories.map { "\($0): \(Style.missingLower)" }.joined(separator: "; ") + ".")
                }
            } else if data.series.count == 1 {
                sentences.append(valuesSentence(data.series[0], data))
            } else {
                for series in data.series {
                    let name = series.name.trimmingWhitespace()
                    let prefix = name.isEmpty ? "" : name + " — "
                    sentences.append(prefix + valuesSentence(series, data))
                }
            }
        }
        if let target = targetSentence(spec, data) {
            sentences.append(target)
        }
        return sentences.joined(separator: " ")
    }

    /// `Mục tiêu: ≥ 80%.`, or nil without a target.
    func targetSentence(_ spec: ChartSpec, _ data: ChartData) -> String? {
        guard let text = targetText(spec, data) else { return nil }
        return Style.targetWord + ": " + text + "."
    }

    /// The target in words: the spec's own label, or the formatted number with its direction.
    func targetText(_ spec: ChartSpec, _ data: ChartData) -> String? {
        if let label = spec.targetLabel?.trimmingWhitespace(), !label.isEmpty { return label }
        guard let target = data.target else { return nil }
        return (spec.targetDirection == .atMost ? "≤ " : "≥ ") + data.unit.format(target)
    }

    private func valuesSentence(_ series: ChartData.Series, _ data: ChartData) -> String {
        var parts: [String] = []
        parts.reserveCapacity(series.values.count)
        for (index, value) in series.values.enumerated() {
            let category = index < data.categories.count ? data.categories[index] : ""
            parts.append(category + ": " + (value.map(data.unit.format) ?? Style.missingLower))
        }
        return parts.joined(separator: "; ") + "."
    }

    private func donutSentence(_ data: ChartData) -> String {
        let slices = DonutSlices(data)
        guard !slices.entries.isEmpty else { return Style.missing + "." }
        var parts = slices.entries.map { $0.category + ": " + $0.legendValue }
        if slices.entries.count > 1, let total = slices.totalText {
            parts.append("Tổng: " + total)
        }
        return parts.joined(separator: "; ") + "."
    }

    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?…:".contains(last) ? text : text + "."
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
