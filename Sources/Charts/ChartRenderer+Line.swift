/// Lines with a marker on every point; a missing value breaks the line, so a gap is never drawn as zero
/// or bridged as if it had been measured.
extension ChartRenderer {
    func drawLine(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let targetLabel = data.target != nil ? targetText(spec, data).map(Style.targetLegend) : nil
        let frame = VerticalFrame(data: data, includeZero: spec.startsAtZero, legendSwatch: .line, targetLabel: targetLabel,
                                  reversed: spec.reversesValueAxis)
        canvas.height = frame.height
        frame.writeGrid(unit: data.unit, into: &canvas)
        frame.writeBaseline(into: &canvas)
        if let target = data.target {
            frame.writeTarget(target, into: &canvas)
        }
        let count = data.categories.count
        for (seriesIndex, series) in data.series.enumerated() {
            canvas.body.openGroup(Style.seriesClass(seriesIndex))
            canvas.body.path(Self.linePath(series.values.prefix(count), frame: frame), className: "chart__line")
            for (index, value) in series.values.enumerated() where index < count {
                guard let value else { continue }
                PointShape.write(series: seriesIndex, x: frame.bandCentre(index), y: frame.y(value), into: &canvas.body)
            }
            canvas.body.closeGroup()
        }

        // One series with few points: every value written above its point. More than that crowds the
        // picture; the description and the table carry the numbers.
        if data.series.count == 1, count <= 12, let series = data.series.first {
            let fits = series.values.allSatisfy { value in
                value.map { TextMetrics.width(data.unit.format($0), fontSize: Style.fontSize) <= frame.bandWidth - 2 } ?? true
            }
            if fits {
                canvas.body.openGroup("chart__value-labels")
                for (index, value) in series.values.enumerated() where index < count {
                    guard let value else { continue }
                    canvas.body.text(data.unit.format(value), x: frame.bandCentre(index), y: frame.y(value) - 10,
                                     className: "chart__value-label", anchor: .middle)
                }
                canvas.body.closeGroup()
            }
        }
        // With one series a gap is unambiguous, so it is marked in words on the baseline, as bars are.
        if data.series.count == 1, data.hasValues, let series = data.series.first {
            for (index, value) in series.values.enumerated() where index < count && value == nil {
                frame.writeGap(x: frame.bandCentre(index), room: frame.bandWidth - 4, into: &canvas)
            }
        }
        frame.writeCategoryLabels(into: &canvas)
        frame.legend?.write(into: &canvas)
        if !data.hasValues { frame.writeEmptyMessage(into: &canvas) }
    }

    /// One `M` per run of consecutive values: `M…L…L…M…L…` for a series with one gap.
    static func linePath(_ values: ArraySlice<Double?>, frame: VerticalFrame) -> PathData {
        var path = PathData()
        var drawing = false
        for (offset, value) in values.enumerated() {
            guard let value else {
                drawing = false
                continue
            }
            let x = frame.bandCentre(offset)
            let y = frame.y(value)
            if drawing {
                path.line(x, y)
            } else {
                path.move(x, y)
                drawing = true
            }
        }
        return path
    }
}
