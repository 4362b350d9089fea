/// Vertical bars; several series stand side by side in each category, with a legend and patterns.
extension ChartRenderer {
    func drawBar(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let seriesCount = data.series.count
        let targetLabel = data.target != nil ? targetText(spec, data).map(Style.targetLegend) : nil
        let frame = VerticalFrame(data: data, includeZero: true, legendSwatch: .box, targetLabel: targetLabel,
                                  labelsBelow: data.allValues.contains { $0 < 0 })
        canvas.height = frame.height
        Patterns.write(count: seriesCount, canvas: &canvas)
        frame.writeGrid(unit: data.unit, into: &canvas)

        let count = data.categories.count
        let gap = seriesCount > 1 ? 2.0 : 0
        // Wide bands would give absurdly fat bars; 48 units a bar is plenty.
        let groupWidth = Swift.min(frame.bandWidth * 0.72, Double(Swift.max(1, seriesCount)) * 48)
        let barWidth = seriesCount > 0 ? (groupWidth - gap * Double(seriesCount - 1)) / Double(seriesCount) : 0
        let baseline = frame.baselineY

        func barX(_ category: Int, _ series: Int) -> Double {
            frame.bandCentre(category) - groupWidth / 2 + Double(series) * (barWidth + gap)
        }

        for (seriesIndex, series) in data.series.enumerated() {
            canvas.body.openGroup(Style.seriesClass(seriesIndex))
            let fill = Patterns.fill(seriesIndex, canvas: canvas)
            for (index, value) in series.values.enumerated() where index < count {
                guard let value else { continue }
                let top = frame.y(value)
                let x = barX(index, seriesIndex)
                let y = Swift.min(top, baseline)
                let height = abs(top - baseline)
                canvas.body.rect(x: x, y: y, width: barWidth, height: height, className: "chart__bar")
                if let fill {
                    canvas.body.rect(x: x, y: y, width: barWidth, height: height, className: "chart__hatch", fill: fill)
                }
            }
            canvas.body.closeGroup()
        }
        frame.writeBaseline(into: &canvas)
        if let target = data.target {
            frame.writeTarget(target, into: &canvas)
        }

        // Value labels only when every one of them fits over its bar; a few missing would look like gaps.
        let labelRoom = seriesCount > 1 ? barWidth + gap + 2 : frame.bandWidth - 4
        let fits = data.series.allSatisfy { series in
            series.values.allSatisfy { value in
                value.map { TextMetrics.width(data.unit.format($0), fontSize: Style.fontSize) <= labelRoom } ?? true
            }
        }
        canvas.body.openGroup("chart__value-labels")
        for (seriesIndex, series) in data.series.enumerated() {
            for (index, value) in series.values.enumerated() where index < count {
                let centre = barX(index, seriesIndex) + barWidth / 2
                guard let value else {
                    // With nothing at all to draw, one message in the middle says it better than one per bar.
                    guard data.hasValues else { continue }
                    frame.writeGap(x: centre, room: seriesCount > 1 ? barWidth + gap : frame.bandWidth - 4, into: &canvas)
                    continue
                }
                guard fits else { continue }
                let top = frame.y(value)
                let y = value < 0 ? top + Style.fontSize + 3 : top - 5
                canvas.body.text(data.unit.format(value), x: centre, y: y, className: "chart__value-label", anchor: .middle)
            }
        }
        canvas.body.closeGroup()
        frame.writeCategoryLabels(into: &canvas)
        frame.legend?.write(into: &canvas)
        if !data.hasValues { frame.writeEmptyMessage(into: &canvas) }
    }
}
