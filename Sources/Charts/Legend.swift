/// The key: items flowing left to right, wrapping onto new rows. A series item is a swatch (a box with
/// the series' pattern, or a short line with its point shape) and the name; the target item is a piece
/// of the dashed target line and its label, which keeps that label clear of bars and points.
struct Legend {
    enum Entry {
        case series(index: Int, name: String)
        case target(label: String)
    }

    enum Swatch {
        case box
        case line
    }

    private struct Item {
        var entry: Entry
        var x: Double
        var y: Double
        var text: String
        var fullText: String?
    }

    static let rowHeight = 20.0
    private static let boxWidth = 12.0
    private static let lineWidth = 24.0
    private static let gap = 6.0
    private static let itemGap = 16.0

    private let items: [Item]
    private let swatch: Swatch
    let height: Double

    /// Lays out `entries` in a band of `width` starting at `x`, top edge at `y`.
    init(entries: [Entry], swatch: Swatch, x: Double, y: Double, width: Double) {
        self.swatch = swatch
        var items: [Item] = []
        var cursor = x
        var row = 0
        for entry in entries {
            let name: String
            let swatchSpace: Double
            switch entry {
            case .series(let index, let raw):
                let trimmed = raw.trimmingWhitespace()
                name = trimmed.isEmpty ? "Dãy \(index + 1)" : trimmed
                swatchSpace = (swatch == .box ? Self.boxWidth : Self.lineWidth) + Self.gap
            case .target(let label):
                name = label
                swatchSpace = Self.lineWidth + Self.gap
            }
            let text = TextMetrics.shorten(name, maxWidth: width - swatchSpace, fontSize: Style.fontSize)
            let itemWidth = swatchSpace + TextMetrics.width(text, fontSize: Style.fontSize)
            if cursor > x && cursor + itemWidth > x + width {
                row += 1
                cursor = x
            }
            items.append(Item(entry: entry, x: cursor, y: y + Double(row) * Self.rowHeight, text: text,
                              fullText: text == name ? nil : name))
            cursor += itemWidth + Self.itemGap
        }
        self.items = items
        height = items.isEmpty ? 0 : Double(row + 1) * Self.rowHeight
    }

    var isEmpty: Bool { items.isEmpty }

    func write(into canvas: inout Canvas) {
        guard !items.isEmpty else { return }
        canvas.body.openGroup("chart__legend")
        for item in items {
            let middle = item.y + Self.rowHeight / 2
            let baseline = middle + Style.fontSize * Style.centreToBaseline
            switch item.entry {
            case .target:
                canvas.body.openGroup("chart__target")
                canvas.body.line(x1: item.x, y1: middle, x2: item.x + Self.lineWidth, y2: middle, className: "chart__target-line")
                canvas.body.text(item.text, x: item.x + Self.lineWidth + Self.gap, y: baseline,
                                 className: "chart__legend-label chart__target-label", title: item.fullText)
                canvas.body.closeGroup()
            case .series(let index, _):
                canvas.body.openGroup(Style.seriesClass(index))
                let textX: Double
                switch swatch {
                case .box:
                    canvas.body.rect(x: item.x, y: middle - 6, width: Self.boxWidth, height: 12, className: "chart__swatch")
                    let fill = Patterns.fill(index, canvas: canvas)
                    if let fill {
                        canvas.body.rect(x: item.x, y: middle - 6, width: Self.boxWidth, height: 12, className: "chart__hatch", fill: fill)
                    }
                    textX = item.x + Self.boxWidth + Self.gap
                case .line:
                    var path = PathData()
                    path.move(item.x, middle)
                    path.line(item.x + Self.lineWidth, middle)
                    canvas.body.path(path, className: "chart__line")
                    PointShape.write(series: index, x: item.x + Self.lineWidth / 2, y: middle, size: 4, into: &canvas.body)
                    textX = item.x + Self.lineWidth + Self.gap
                }
                canvas.body.text(item.text, x: textX, y: baseline, className: "chart__legend-label", title: item.fullText)
                canvas.body.closeGroup()
            }
        }
        canvas.body.closeGroup()
    }
}
