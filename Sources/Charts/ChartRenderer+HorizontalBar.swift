/// Horizontal bars, for long category names (indicators): the names wrap onto up to three lines in a
/// column on the left, and are shortened with "…" beyond that, the full name kept in a `<title>`.
extension ChartRenderer {
    func drawHorizontalBar(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let width = Style.width
        let font = Style.fontSize
        let seriesCount = data.series.count
        let labelRight = 176.0
        let labelRoom = labelRight - 4

        let widestValue = data.allValues.reduce(0.0) { Swift.max($0, TextMetrics.width(data.unit.format($1), fontSize: font)) }
        let plotLeft = labelRight + 10
        let plotRight = Swift.max(plotLeft + 120, width - widestValue - 12)
        let plotWidth = plotRight - plotLeft

        var legend: Legend?
        var top = 0.0
        if seriesCount > 1 {
            let built = Legend(names: data.series.map(\.name), swatch: .box, x: 0, y: 0, width: width)
            legend = built
            top = built.height + 6
        }
        let targetLabel = data.target != nil ? targetText(spec, data).map { Style.targetWord + ": " + $0 } : nil
        let plotTop = top + (targetLabel != nil ? 22 : 6)

        let thickness = seriesCount > 1 ? 12.0 : 18.0
        let gap = 2.0
        let barsHeight = Double(Swift.max(1, seriesCount)) * thickness + Double(Swift.max(0, seriesCount - 1)) * gap
        var rows: [(centre: Double, lines: [String], fullText: String?)] = []
        var cursor = plotTop
        for category in data.categories {
            let wrapped = TextMetrics.wrap(category, maxWidth: labelRoom, fontSize: font, maxLines: 3)
            let rowHeight = Swift.max(Double(wrapped.lines.count) * Style.lineHeight, barsHeight) + 12
            rows.append((cursor + rowHeight / 2, wrapped.lines, wrapped.truncated ? category : nil))
            cursor += rowHeight
        }
        let plotBottom = Swift.max(cursor, plotTop + 40)
        canvas.height = plotBottom + 26

        let ticks = data.ticks(includeZero: true, preferredCount: Swift.max(2, Int(plotWidth / 70)))
        let x = LinearScale(ticks: ticks, rangeStart: plotLeft, rangeEnd: plotRight)
        let zero = x(Swift.max(ticks.lower, Swift.min(ticks.upper, 0)))

        Patterns.write(count: seriesCount, canvas: &canvas)
        canvas.body.openGroup("chart__grid")
        for tick in ticks.values {
            canvas.body.line(x1: x(tick), y1: plotTop, x2: x(tick), y2: plotBottom, className: "chart__grid-line")
        }
        canvas.body.closeGroup()
        canvas.body.openGroup("chart__ticks")
        for tick in ticks.values {
            canvas.body.text(data.unit.tickLabel(tick, decimals: ticks.decimals), x: x(tick), y: plotBottom + 17,
                             className: "chart__tick-label", anchor: .middle)
        }
        canvas.body.closeGroup()

        canvas.body.openGroup("chart__categories")
        for row in rows {
            let firstBaseline = row.centre - Double(row.lines.count - 1) * Style.lineHeight / 2 + font * Style.centreToBaseline
            canvas.body.textLines(row.lines, x: labelRight, y: firstBaseline, lineHeight: Style.lineHeight,
                                  className: "chart__tick-label chart__category-label", anchor: .end, title: row.fullText)
        }
        canvas.body.closeGroup()

        func barY(_ row: Int, _ series: Int) -> Double {
            rows[row].centre - barsHeight / 2 + Double(series) * (thickness + gap)
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
        canvas.body.line(x1: zero, y1: plotTop, x2: zero, y2: plotBottom, className: "chart__axis")

        if let target = data.target, let targetLabel {
            let position = x(target)
            canvas.body.openGroup("chart__target")
            canvas.body.line(x1: position, y1: plotTop - 4, x2: position, y2: plotBottom, className: "chart__target-line")
            let half = TextMetrics.width(targetLabel, fontSize: font) / 2
            let labelX = Swift.max(half + 2, Swift.min(width - half - 2, position))
            canvas.body.text(targetLabel, x: labelX, y: plotTop - 9, className: "chart__target-label", anchor: .middle)
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
        if !data.hasValues && data.categories.isEmpty {
            canvas.body.text(Style.missing, x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                             className: "chart__empty", anchor: .middle)
        }
    }
}
