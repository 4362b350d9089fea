/// The key to the series: items flowing left to right, wrapping onto new rows, each a swatch (a box, or a
/// short line with its point shape) and the series name.
struct Legend {
    enum Swatch {
        case box
        case line
    }

    private struct Item {
        var index: Int
        var x: Double
        var y: Double
        var text: String
        var fullText: String?
    }

    static let rowHeight = 20.0
    private static let swatchWidth = 14.0
    private static let lineSwatchWidth = 24.0
    private static let gap = 6.0
    private static let itemGap = 16.0

    private let items: [Item]
    private let swatch: Swatch
    let height: Double

    /// Lays out `names` in a band of `width` starting at `x`, top edge at `y`.
    init(names: [String], swatch: Swatch, x: Double, y: Double, width: Double) {
        self.swatch = swatch
        let swatchSpace = (swatch == .box ? Self.swatchWidth : Self.lineSwatchWidth) + Self.gap
        var items: [Item] = []
        var cursor = x
        var row = 0
        for (index, raw) in names.enumerated() {
            let name = raw.trimmingWhitespace().isEmpty ? "Dãy \(index + 1)" : raw.trimmingWhitespace()
            let room = width - swatchSpace
            let text = TextMetrics.shorten(name, maxWidth: room, fontSize: Style.fontSize)
            let itemWidth = swatchSpace + TextMetrics.width(text, fontSize: Style.fontSize)
            if cursor > x && cursor + itemWidth > x + width {
                row += 1
                cursor = x
            }
            items.append(Item(index: index, x: cursor, y: y + Double(row) * Self.rowHeight, text: text,
                              fullText: text == name ? nil : name))
            cursor += itemWidth + Self.itemGap
        }
        self.items = items
        height = items.isEmpty ? 0 : Double(row + 1) * Self.rowHeight
    }

    func write(into canvas: inout Canvas) {
        guard !items.isEmpty else { return }
        canvas.body.openGroup("chart__legend")
        for item in items {
            canvas.body.openGroup(Style.seriesClass(item.index))
            let middle = item.y + Self.rowHeight / 2
            let textX: Double
            switch swatch {
            case .box:
                canvas.body.rect(x: item.x, y: middle - 6, width: 12, height: 12, className: "chart__swatch")
                let fill = Patterns.fill(item.index, canvas: canvas)
                if let fill {
                    canvas.body.rect(x: item.x, y: middle - 6, width: 12, height: 12, className: "chart__hatch", fill: fill)
                }
                textX = item.x + Self.swatchWidth + Self.gap
            case .line:
                var path = PathData()
                path.move(item.x, middle)
                path.line(item.x + Self.lineSwatchWidth, middle)
                canvas.body.path(path, className: "chart__line")
                PointShape.write(series: item.index, x: item.x + Self.lineSwatchWidth / 2, y: middle, size: 4, into: &canvas.body)
                textX = item.x + Self.lineSwatchWidth + Self.gap
            }
            canvas.body.text(item.text, x: textX, y: middle + Style.fontSize * Style.centreToBaseline,
                        className: "chart__legend-label", title: item.fullText)
            canvas.body.closeGroup()
        }
        canvas.body.closeGroup()
    }
}
