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
    let height: Double
    private let tickLabels: [String]

    init(data: ChartData, includeZero: Bool, legendSwatch: Legend.Swatch?) {
        let width = Style.width
        let ticks = data.ticks(includeZero: includeZero, preferredCount: 5)
        let tickLabels = ticks.values.map { data.unit.tickLabel($0, decimals: ticks.decimals) }
        let widest = tickLabels.reduce(0.0) { Swift.max($0, TextMetrics.width($1, fontSize: Style.fontSize)) }
        let plotLeft = Swift.max(24, widest + 10)
        let plotRight = width - 10

        var legend: Legend?
        var top = 0.0
        if let legendSwatch, data.series.count > 1 {
            let built = Legend(names: data.series.map(\.name), swatch: legendSwatch, x: 0, y: 0, width: width)
            legend = built
            top = built.height + 6
        }
        // Room above the plot for a value label on the tallest bar and for the target's label.
        let plotTop = top + 20
        let plotBottom = plotTop + Self.plotHeight
        let count = data.categories.count
        let bandWidth = count > 0 ? (plotRight - plotLeft) / Double(count) : plotRight - plotLeft

        let labels = Self.layoutCategoryLabels(data.categories, plotLeft: plotLeft, bandWidth: bandWidth,
                                               canvasWidth: width, baseline: plotBottom)
        let lineCount = labels.reduce(0) { Swift.max($0, $1.lines.count) }

        self.plotLeft = plotLeft
        self.plotRight = plotRight
        self.plotTop = plotTop
        self.plotBottom = plotBottom
        self.ticks = ticks
        self.tickLabels = tickLabels
        self.y = LinearScale(ticks: ticks, rangeStart: plotBottom, rangeEnd: plotTop)
        self.bandWidth = bandWidth
        self.legend = legend
        self.categoryLabels = labels
        self.height = plotBottom + 8 + Double(Swift.max(1, lineCount)) * Style.lineHeight
    }

    func bandCentre(_ index: Int) -> Double {
        plotLeft + (Double(index) + 0.5) * bandWidth
    }

    /// Where the bars stand: y of zero, or the bottom when zero is off the axis (lines not starting at 0).
    var baselineY: Double {
        ticks.lower <= 0 && ticks.upper >= 0 ? y(0) : plotBottom
    }

    func writeGrid(unit: ChartSpec.Unit, into canvas: inout Canvas) {
        canvas.body.openGroup("chart__grid")
        for tick in ticks.values {
            let position = y(tick)
            canvas.body.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, className: "chart__grid-line")
        }
        canvas.body.closeGroup()
        canvas.body.openGroup("chart__ticks")
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
            canvas.body.textLines(label.lines, x: label.x, y: plotBottom + 6 + Style.fontSize, lineHeight: Style.lineHeight,
                                  className: "chart__tick-label chart__category-label", anchor: .middle,
                                  title: label.fullText)
        }
        canvas.body.closeGroup()
    }

    /// A dashed line across the plot at the target, its label at the right end just above it.
    func writeTarget(_ value: Double, label: String, into canvas: inout Canvas) {
        let position = y(value)
        canvas.body.openGroup("chart__target")
        canvas.body.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, className: "chart__target-line")
        canvas.body.text(label, x: plotRight, y: position - 5, className: "chart__target-label", anchor: .end)
        canvas.body.closeGroup()
    }

    func writeEmptyMessage(into canvas: inout Canvas) {
        canvas.body.text(Style.missing, x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                         className: "chart__empty", anchor: .middle)
    }

    /// Category labels wrapped onto up to two lines. When they do not fit under every band, only every
    /// k-th is written (always including the last, the latest period); the table and `<desc>` keep all.
    static func layoutCategoryLabels(_ categories: [String], plotLeft: Double, bandWidth: Double,
                                     canvasWidth: Double, baseline: Double) -> [CategoryLabel] {
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
        var stride = Swift.max(1, Swift.min(count, Int(((needed + 8) / bandWidth).rounded(.up))))
        var accepted: [CategoryLabel]?
        while stride <= count, accepted == nil {
            accepted = labels(categories, stride: stride, plotLeft: plotLeft, bandWidth: bandWidth,
                              canvasWidth: canvasWidth, allowTruncation: false)
            stride += 1
        }
        if let accepted { return accepted }
        // Some label is too long for any stride: give each shown label about 110 units and shorten it.
        let fallback = Swift.max(1, Swift.min(count, Int((110 / bandWidth).rounded(.up))))
        return labels(categories, stride: fallback, plotLeft: plotLeft, bandWidth: bandWidth, canvasWidth: canvasWidth,
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
            let wrapped = TextMetrics.wrap(text, maxWidth: room, fontSize: Style.fontSize, maxLines: 2)
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
