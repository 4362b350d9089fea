/// The layout shared by vertical bar and line charts: legend on top, value axis on the left, categories
/// along the bottom, and the plot in between.
struct VerticalFrame {
    struct CategoryLabel {
        var x: Double
        var lines: [String]
        var fullText: String?
    }

    static let plotHeight = 190.0

    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let ticks: NiceTicks
    let y: LinearScale
    let bandWidth: Double
    let legend: Legend?
    let categoryLabels: [CategoryLabel]
    /// Where the category names start: the plot's bottom, or below room left for labels under it.
    let categoryTop: Double
    let height: Double
    private let tickLabels: [String]

    /// - Parameter targetLabel: the target's words for the legend, when the chart has a target.
    /// - Parameter labelsBelow: room under the lowest value for its label (bars below zero write their
    ///   value under the bar end, which must not run into the category names).
    /// - Parameter reversed: the lowest value at the top (ranks).
    init(data: ChartData, includeZero: Bool, legendSwatch: Legend.Swatch, targetLabel: String?, labelsBelow: Bool = false,
         reversed: Bool = false) {
        let width = Style.width
        let ticks = data.ticks(includeZero: includeZero, preferredCount: 5)
        let tickLabels = ticks.values.map { data.unit.tickLabel($0, decimals: ticks.decimals) }
        let widest = tickLabels.reduce(0.0) { Swift.max($0, TextMetrics.width($1, fontSize: Style.tickFontSize)) }
        let plotLeft = Swift.max(24, widest + 10)
        let plotRight = width - 10

        // One series needs no key (the title names it); the target always gets one.
        var entries: [Legend.Entry] = []
        if data.series.count > 1 {
            entries = data.series.enumerated().map { .series(index: $0.offset, name: $0.element.name) }
        }
        if let targetLabel { entries.append(.target(label: targetLabel)) }
        let legend = entries.isEmpty ? nil : Legend(entries: entries, swatch: legendSwatch, x: 0, y: 0, width: width)
        let top = legend.map { $0.height + 4 } ?? 0
        // Room above the plot for a value label on the tallest bar.
        let plotTop = top + 18
        let plotBottom = plotTop + Self.plotHeight
        let categoryTop = plotBottom + (labelsBelow ? Style.fontSize + 6 : 0)
        let count = data.categories.count
        let bandWidth = count > 0 ? (plotRight - plotLeft) / Double(count) : plotRight - plotLeft

        let labels = Self.layoutCategoryLabels(data.categories, plotLeft: plotLeft, bandWidth: bandWidth,
                                               canvasWidth: width)
        let lineCount = labels.reduce(0) { Swift.max($0, $1.lines.count) }

        self.plotLeft = plotLeft
        self.plotRight = plotRight
        self.plotTop = plotTop
        self.plotBottom = plotBottom
        self.ticks = ticks
        self.tickLabels = tickLabels
        self.y = reversed ? LinearScale(ticks: ticks, rangeStart: plotTop, rangeEnd: plotBottom)
            : LinearScale(ticks: ticks, rangeStart: plotBottom, rangeEnd: plotTop)
        self.bandWidth = bandWidth
        self.legend = legend
        self.categoryLabels = labels
        // The last line's descenders (y, g, ệ) need a few units below its baseline.
        self.categoryTop = categoryTop
        self.height = categoryTop + 10 + Double(Swift.max(1, lineCount)) * Style.lineHeight
    }

    func bandCentre(_ index: Int) -> Double {
        plotLeft + (Double(index) + 0.5) * bandWidth
    }

    /// Where the bars stand: y of zero, or the bottom when zero is off the axis (lines not starting at 0).
    var baselineY: Double {
        ticks.lower <= 0 && ticks.upper >= 0 ? y(0) : Swift.max(y(ticks.lower), y(ticks.upper))
    }

    func writeGrid(unit: ChartSpec.Unit, into canvas: inout Canvas) {
        canvas.body.openGroup("chart__grid")
        for tick in ticks.values {
            let position = y(tick)
            canvas.body.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, className: "chart__grid-line")
        }
        canvas.body.closeGroup()
        canvas.body.openGroup("chart__ticks", fontSize: Style.tickFontSize)
        for (tick, label) in zip(ticks.values, tickLabels) {
            canvas.body.text(label, x: plotLeft - 6, y: y(tick) + Style.fontSize * Style.centreToBaseline,
                             className: "chart__tick-label", anchor: .end)
        }
        canvas.body.closeGroup()
    }

    func writeBaseline(into canvas: inout Canvas) {
        let position = baselineY
        canvas.body.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, className: "chart__axis")
    }

    func writeCategoryLabels(into canvas: inout Canvas) {
        canvas.body.openGroup("chart__categories")
        for label in categoryLabels {
            canvas.body.textLines(label.lines, x: label.x, y: categoryTop + 6 + Style.fontSize, lineHeight: Style.lineHeight,
                                  className: "chart__tick-label chart__category-label", anchor: .middle,
                                  title: label.fullText)
        }
        canvas.body.closeGroup()
    }

    /// A dashed line across the plot at the target; its words are in the legend.
    func writeTarget(_ value: Double, into canvas: inout Canvas) {
        let position = y(value)
        canvas.body.openGroup("chart__target")
        canvas.body.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, className: "chart__target-line")
        canvas.body.closeGroup()
    }

    /// Marks a missing value at its place on the baseline, so it cannot be read as zero: the words when
    /// they fit in `room`, else a dash.
    func writeGap(x: Double, room: Double, into canvas: inout Canvas) {
        let wrapped = TextMetrics.wrapBalanced(Style.missing, maxWidth: room, fontSize: Style.gapFontSize, maxLines: 2)
        let baseline = baselineY
        let above = baseline > plotTop + 30
        if wrapped.truncated || room < 30 {
            canvas.body.text("–", x: x, y: above ? baseline - 5 : baseline + 14, className: "chart__gap", anchor: .middle)
            return
        }
        let first = above ? baseline - 6 - Double(wrapped.lines.count - 1) * 12 : baseline + 14
        canvas.body.textLines(wrapped.lines, x: x, y: first, lineHeight: 12, className: "chart__gap", anchor: .middle,
                              fontSize: Style.gapFontSize)
    }

    func writeEmptyMessage(into canvas: inout Canvas) {
        canvas.body.text(Style.missing, x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                         className: "chart__empty", anchor: .middle, fontSize: 15)
    }

    /// Category labels wrapped onto up to two lines. When they do not fit under every band, only every
    /// k-th is written (always including the last, the latest period); the table and `<desc>` keep all.
    static func layoutCategoryLabels(_ categories: [String], plotLeft: Double, bandWidth: Double,
                                     canvasWidth: Double) -> [CategoryLabel] {
        let count = categories.count
        guard count > 0, bandWidth > 0 else { return [] }
        let font = Style.fontSize
        // A lower bound on the stride: the longest word must fit, and half the label (two lines).
        var needed = 0.0
        for category in categories {
            let longestWord = category.split(separator: " ").reduce(0.0) {
                Swift.max($0, TextMetrics.width(String($1), fontSize: font))
            }
            needed = Swift.max(needed, longestWord, TextMetrics.width(category, fontSize: font) / 2)
        }
        // Thinning is for many short labels (periods); a few long ones (indicator names) are shortened
        // instead, so no category loses its label just because its name is long.
        let maxStride = Swift.max(1, Swift.min(count, Int(120 / bandWidth)))
        var stride = Swift.max(1, Swift.min(maxStride, Int(((needed + 8) / bandWidth).rounded(.up))))
        while stride <= maxStride {
            if let accepted = labels(categories, stride: stride, plotLeft: plotLeft, bandWidth: bandWidth,
                                     canvasWidth: canvasWidth, allowTruncation: false) {
                return accepted
            }
            stride += 1
        }
        return labels(categories, stride: maxStride, plotLeft: plotLeft, bandWidth: bandWidth, canvasWidth: canvasWidth,
                      allowTruncation: true) ?? []
    }

    private static func labels(_ categories: [String], stride: Int, plotLeft: Double, bandWidth: Double,
                               canvasWidth: Double, allowTruncation: Bool) -> [CategoryLabel]? {
        let count = categories.count
        let room = Swift.min(Double(stride) * bandWidth - 8, canvasWidth - 4)
        var result: [CategoryLabel] = []
        var index = (count - 1) % stride
        while index < count {
            let text = categories[index]
            let wrapped = TextMetrics.wrapBalanced(text, maxWidth: room, fontSize: Style.fontSize, maxLines: 2)
            if wrapped.truncated && !allowTruncation { return nil }
            let half = wrapped.lines.reduce(0.0) { Swift.max($0, TextMetrics.width($1, fontSize: Style.fontSize)) } / 2
            let centre = plotLeft + (Double(index) + 0.5) * bandWidth
            // Keep edge labels inside the picture rather than centred on their band and cut off.
            let x = Swift.max(half + 2, Swift.min(canvasWidth - half - 2, centre))
            result.append(CategoryLabel(x: x, lines: wrapped.lines, fullText: wrapped.truncated ? text : nil))
            index += stride
        }
        return result
    }
}
