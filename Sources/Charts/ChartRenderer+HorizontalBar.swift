/// Horizontal bars, for long category names (indicators). Each name sits on its own lines above its bar,
/// using the chart's whole width, wrapped at spaces onto up to three lines and shortened with "…" beyond
/// that, the full name kept in a `<title>`. Grid, zero and target lines are drawn only across the bars,
/// so they never run through the names.
extension ChartRenderer {
    func drawHorizontalBar(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let width = Style.width
        canvas.width = width
        let font = Style.fontSize
        let seriesCount = data.series.count

        let ticks = data.ticks(includeZero: true, preferredCount: 4)
        let tickLabels = ticks.values.map { data.unit.tickLabel($0, decimals: ticks.decimals) }
        let widestValue = data.allValues.reduce(0.0) { Swift.max($0, TextMetrics.width(data.unit.format($1), fontSize: font) * 1.08) }
        let plotLeft = Swift.max(4, (tickLabels.first.map { TextMetrics.width($0, fontSize: Style.tickFontSize) } ?? 0) / 2 + 2)
        let lastTickHalf = (tickLabels.last.map { TextMetrics.width($0, fontSize: Style.tickFontSize) } ?? 0) / 2 + 2
        let plotRight = Swift.max(plotLeft + 120, width - Swift.max(widestValue + 8, lastTickHalf))
        let x = LinearScale(ticks: ticks, rangeStart: plotLeft, rangeEnd: plotRight)
        let zero = x(Swift.max(ticks.lower, Swift.min(ticks.upper, 0)))
        let labelX = zero < plotLeft + 1 ? plotLeft : 2

        var entries: [Legend.Entry] = []
        if seriesCount > 1 {
            entries = data.series.enumerated().map { .series(index: $0.offset, name: $0.element.name) }
        }
        if data.target != nil, let label = targetText(spec, data) {
            entries.append(.target(label: Style.targetLegend(label)))
        }
        let legend = entries.isEmpty ? nil : Legend(entries: entries, swatch: .box, x: 0, y: 0, width: width)
        let plotTop = legend.map { $0.height + 6 } ?? 0

        let thickness = seriesCount > 1 ? 12.0 : 16.0
        let gap = 2.0
        let barsHeight = Double(Swift.max(1, seriesCount)) * thickness + Double(Swift.max(0, seriesCount - 1)) * gap
        var rows: [(labelTop: Double, barsTop: Double, lines: [String], fullText: String?)] = []
        var cursor = plotTop
        for category in data.categories {
            let wrapped = TextMetrics.wrap(category, maxWidth: width - labelX - 2, fontSize: font, maxLines: 3)
            let barsTop = cursor + 4 + Double(wrapped.lines.count) * Style.lineHeight + 3
            rows.append((cursor + 4, barsTop, wrapped.lines, wrapped.truncated ? category : nil))
            cursor = barsTop + barsHeight + 10
        }
        let plotBottom = Swift.max(cursor, plotTop + 30)
        canvas.height = plotBottom + 20

        Patterns.write(count: seriesCount, canvas: &canvas)
        canvas.body.openGroup("chart__grid")
        for row in rows {
            for tick in ticks.values {
                canvas.body.line(x1: x(tick), y1: row.barsTop - 3, x2: x(tick), y2: row.barsTop + barsHeight + 3,
                                 className: "chart__grid-line")
            }
        }
        canvas.body.closeGroup()
        canvas.body.openGroup("chart__ticks", fontSize: Style.tickFontSize)
        let spacing = ticks.values.count > 1 ? x(ticks.values[1]) - x(ticks.values[0]) : width
        let labelStride = TextMetrics.tickLabelStride(tickLabels, spacing: spacing, fontSize: Style.tickFontSize)
        for (index, (tick, label)) in zip(ticks.values, tickLabels).enumerated() where index % labelStride == 0 {
            canvas.body.text(label, x: x(tick), y: plotBottom + 10, className: "chart__tick-label", anchor: .middle)
        }
        canvas.body.closeGroup()

        canvas.body.openGroup("chart__categories")
        for row in rows {
            canvas.body.textLines(row.lines, x: labelX, y: row.labelTop + 12, lineHeight: Style.lineHeight,
                                  className: "chart__category-label", title: row.fullText)
        }
        canvas.body.closeGroup()

        func barY(_ row: Int, _ series: Int) -> Double {
            rows[row].barsTop + Double(series) * (thickness + gap)
        }

        for (seriesIndex, series) in data.series.enumerated() {
            canvas.body.openGroup(Style.seriesClass(seriesIndex))
            let fill = Patterns.fill(seriesIndex, canvas: canvas)
            for (index, value) in series.values.enumerated() where index < rows.count {
                guard let value else { continue }
                let end = x(value)
                let left = Swift.min(end, zero)
                let length = abs(end - zero)
                canvas.body.rect(x: left, y: barY(index, seriesIndex), width: length, height: thickness, className: "chart__bar")
                if let fill {
                    canvas.body.rect(x: left, y: barY(index, seriesIndex), width: length, height: thickness,
                                     className: "chart__hatch", fill: fill)
                }
            }
            canvas.body.closeGroup()
        }
        for row in rows {
            canvas.body.line(x1: zero, y1: row.barsTop - 3, x2: zero, y2: row.barsTop + barsHeight + 3, className: "chart__axis")
        }
        if let target = data.target {
            let position = x(target)
            canvas.body.openGroup("chart__target")
            for row in rows {
                canvas.body.line(x1: position, y1: row.barsTop - 4, x2: position, y2: row.barsTop + barsHeight + 4,
                                 className: "chart__target-line")
            }
            canvas.body.closeGroup()
        }

        canvas.body.openGroup("chart__value-labels")
        for (seriesIndex, series) in data.series.enumerated() {
            for (index, value) in series.values.enumerated() where index < rows.count {
                let baseline = barY(index, seriesIndex) + thickness / 2 + font * Style.centreToBaseline
                guard let value else {
                    canvas.body.text(Style.missing, x: zero + 4, y: baseline, className: "chart__gap")
                    continue
                }
                let end = x(value)
                if value < 0 {
                    canvas.body.text(data.unit.format(value), x: end - 4, y: baseline, className: "chart__value-label", anchor: .end)
                } else {
                    canvas.body.text(data.unit.format(value), x: end + 4, y: baseline, className: "chart__value-label")
                }
            }
        }
        canvas.body.closeGroup()
        legend?.write(into: &canvas)
        if data.categories.isEmpty {
            canvas.body.text(Style.missing, x: width / 2, y: plotTop + 16, className: "chart__empty", anchor: .middle, fontSize: 15)
        }
    }
}
