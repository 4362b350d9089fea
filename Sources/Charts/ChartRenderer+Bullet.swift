/// One value against its target: a track across the whole scale, the side of the target that counts as
/// achieved shaded, the value as a bar, the target as a marker across it, and both written out in words.
extension ChartRenderer {
    func drawBullet(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let width = Style.narrowWidth
        canvas.width = width
        let font = Style.fontSize
        let value = data.series.first?.values.first ?? nil
        let period = data.categories.first?.trimmingWhitespace() ?? ""

        let ticks = data.ticks(includeZero: true, preferredCount: 5)
        let tickLabels = ticks.values.map { data.unit.tickLabel($0, decimals: ticks.decimals) }
        // End ticks are centred on the ends of the track; pad so their labels are not cut off.
        let leftPad = Swift.max(2, (tickLabels.first.map { TextMetrics.width($0, fontSize: Style.tickFontSize) } ?? 0) / 2 + 2)
        let rightPad = Swift.max(2, (tickLabels.last.map { TextMetrics.width($0, fontSize: Style.tickFontSize) } ?? 0) / 2 + 2)
        let x = LinearScale(ticks: ticks, rangeStart: leftPad, rangeEnd: width - rightPad)

        let valueText = value.map(data.unit.format) ?? Style.missing
        let periodText = period.isEmpty ? "" : " · " + period
        let targetLabel = data.target != nil ? targetText(spec, data).map { Style.targetWord + ": " + $0 } : nil
        // The value's line and the target's line share a row when they fit side by side.
        let valueWidth = TextMetrics.width(valueText, fontSize: font) * 1.1 + TextMetrics.width(periodText, fontSize: font)
        // Both labels are bold, a tenth wider than the estimate's regular weight.
        let targetWidth = targetLabel.map { TextMetrics.width($0, fontSize: font) * 1.1 } ?? 0
        let sameRow = valueWidth + targetWidth + 16 <= width
        let trackTop = sameRow || targetLabel == nil ? 26.0 : 44.0
        let trackHeight = 24.0
        canvas.height = trackTop + trackHeight + 26

        canvas.body.openGroup("chart__labels")
        canvas.body.raw("<text class=\"chart__value-label")
        canvas.body.raw(value == nil ? " chart__gap\"" : "\"")
        canvas.body.attribute("x", leftPad)
        canvas.body.attribute("y", 16)
        canvas.body.raw(">")
        canvas.body.raw(Markup.escape(valueText))
        if !periodText.isEmpty {
            canvas.body.raw("<tspan class=\"chart__value-period\">")
            canvas.body.raw(Markup.escape(periodText))
            canvas.body.raw("</tspan>")
        }
        canvas.body.raw("</text>\n")
        if let targetLabel {
            if sameRow {
                canvas.body.text(targetLabel, x: width - rightPad, y: 16, className: "chart__target-label", anchor: .end)
            } else {
                let shown = TextMetrics.shorten(targetLabel, maxWidth: (width - leftPad) / 1.1, fontSize: font)
                canvas.body.text(shown, x: leftPad, y: 34, className: "chart__target-label",
                                 title: shown == targetLabel ? nil : targetLabel)
            }
        }
        canvas.body.closeGroup()

        canvas.body.rect(x: x(ticks.lower), y: trackTop, width: x(ticks.upper) - x(ticks.lower), height: trackHeight,
                         className: "chart__track")
        if let target = data.target {
            let from = spec.targetDirection == .atMost ? ticks.lower : target
            let to = spec.targetDirection == .atMost ? target : ticks.upper
            canvas.body.rect(x: x(from), y: trackTop, width: x(to) - x(from), height: trackHeight,
                             className: "chart__zone chart__zone--" + (spec.targetDirection == .atMost ? "at-most" : "at-least"))
        }
        if let value {
            let zero = x(0)
            let end = x(value)
            canvas.body.openGroup(Style.seriesClass(0))
            canvas.body.rect(x: Swift.min(zero, end), y: trackTop + 7, width: abs(end - zero), height: trackHeight - 14,
                             className: "chart__bar")
            canvas.body.closeGroup()
        }
        canvas.body.line(x1: x(0), y1: trackTop, x2: x(0), y2: trackTop + trackHeight, className: "chart__axis")
        if let target = data.target {
            let position = x(target)
            canvas.body.openGroup("chart__target")
            canvas.body.line(x1: position, y1: trackTop - 4, x2: position, y2: trackTop + trackHeight + 4,
                             className: "chart__target-marker")
            canvas.body.closeGroup()
        }
        canvas.body.openGroup("chart__ticks", fontSize: Style.tickFontSize)
        let spacing = ticks.values.count > 1 ? x(ticks.values[1]) - x(ticks.values[0]) : width
        let labelStride = TextMetrics.tickLabelStride(tickLabels, spacing: spacing, fontSize: Style.tickFontSize)
        for (index, (tick, label)) in zip(ticks.values, tickLabels).enumerated() where index % labelStride == 0 {
            canvas.body.text(label, x: x(tick), y: trackTop + trackHeight + 18, className: "chart__tick-label", anchor: .middle)
        }
        canvas.body.closeGroup()
    }
}
