/// Turns a `ChartSpec` into inline SVG, an HTML table of the same numbers, or both in a `<figure>`.
///
/// Output is a pure function of the spec: no clock, no locale, no randomness, fixed-precision numbers,
/// so two builds write the same bytes. Colours are left to the theme (`Theme/assets/css/charts.css`):
/// the SVG only carries classes.
public struct ChartRenderer: Sendable {
    public init() {}

    /// One `<svg>` element, sized by its `viewBox` and as wide as its container.
    public func render(_ spec: ChartSpec) -> String {
        let data = ChartData(spec)
        let id = Markup.identifier(spec.id)
        var canvas = Canvas(id: id)
        switch spec.kind {
        case .bar: drawBar(spec, data, into: &canvas)
        case .horizontalBar: drawHorizontalBar(spec, data, into: &canvas)
        case .line: drawLine(spec, data, into: &canvas)
        case .bullet: drawBullet(spec, data, into: &canvas)
        case .donut: drawDonut(spec, data, into: &canvas)
        }
        var svg = SVGWriter(capacity: canvas.body.output.utf8.count + 1024)
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart--")
        svg.raw(Self.kindClass(spec.kind))
        svg.raw("\" viewBox=\"0 0 ")
        svg.number(canvas.width)
        svg.raw(" ")
        svg.number(canvas.height)
        svg.raw("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" font-size=\"")
        svg.number(Style.fontSize)
        svg.raw("\" role=\"img\" aria-labelledby=\"")
        svg.raw(id)
        svg.raw("-title ")
        svg.raw(id)
        svg.raw("-desc\">\n<title id=\"")
        svg.raw(id)
        svg.raw("-title\">")
        svg.raw(Markup.escape(spec.title))
        svg.raw("</title>\n<desc id=\"")
        svg.raw(id)
        svg.raw("-desc\">")
        svg.raw(Markup.escape(description(spec, data)))
        svg.raw("</desc>\n")
        svg.raw(canvas.body.output)
        svg.raw("</svg>")
        return svg.output
    }

    /// The SVG, a visible caption, and the numbers as a table in a closed `<details>`; no JavaScript.
    public func figure(_ spec: ChartSpec) -> String {
        var out = "<figure class=\"chart-figure chart-figure--"
        out += Self.kindClass(spec.kind)
        out += "\"><figcaption class=\"chart-figure__caption\">"
        Markup.escape(spec.title, into: &out)
        out += "</figcaption>\n"
        out += render(spec)
        out += "\n<details class=\"chart-figure__data\"><summary>Bảng số liệu</summary>\n"
        out += table(spec)
        out += "\n</details></figure>"
        return out
    }

    static func kindClass(_ kind: ChartSpec.Kind) -> String {
        switch kind {
        case .bar: "bar"
        case .horizontalBar: "horizontal-bar"
        case .line: "line"
        case .bullet: "bullet"
        case .donut: "donut"
        }
    }
}

/// The drawing in progress: the body below `<desc>`, and the size the layout settled on.
struct Canvas {
    let id: String
    var width = Style.width
    var height = 240.0
    var body = SVGWriter()

    func patternID(_ index: Int) -> String {
        "\(id)-pattern-\(index)"
    }
}

/// Sizes in SVG user units. The viewBoxes are narrow (400 wide, 320 for bullets and donuts, which sit in
/// cards) so that, scaled down to a 360 px phone, 13-unit text is still about 10–11 px; the stylesheet caps
/// their width on large screens so text does not grow huge there either.
enum Style {
    static let width = 400.0
    static let narrowWidth = 320.0
    static let fontSize = 13.0
    static let tickFontSize = 12.0
    static let gapFontSize = 11.0
    static let lineHeight = 16.0
    /// How far below the middle of a line of text its baseline sits, as a share of the font size.
    static let centreToBaseline = 0.35
    static let seriesClasses = 8
    static let missing = "Chưa có số liệu"
    static let missingLower = "chưa có số liệu"
    static let targetWord = "Mục tiêu"

    static func targetLegend(_ text: String) -> String {
        targetWord + ": " + text
    }

    static func seriesClass(_ index: Int) -> String {
        "chart__series chart__series--\(index % seriesClasses)"
    }
}
