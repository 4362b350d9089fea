/// Appends SVG elements to one string, every number through `Coordinate` and every text through `Markup`.
///
/// Colour never appears here: elements carry classes, and the theme's `charts.css` paints them. Each element
/// ends its line (never inside a `<text>`, where a newline would be a space), so a changed bar is a
/// one-line diff.
struct SVGWriter {
    enum Anchor: String {
        case start, middle, end
    }

    private(set) var output = ""

    init(capacity: Int = 4096) {
        output.reserveCapacity(capacity)
    }

    mutating func raw(_ text: String) {
        output += text
    }

    mutating func number(_ value: Double) {
        Coordinate.append(value, to: &output)
    }

    mutating func attribute(_ name: String, _ value: Double) {
        output += " "
        output += name
        output += "=\""
        Coordinate.append(value, to: &output)
        output += "\""
    }

    mutating func attribute(_ name: String, text value: String) {
        output += " "
        output += name
        output += "=\""
        Markup.escape(value, into: &output)
        output += "\""
    }

    /// - Parameter fontSize: set where the layout measured text at another size than the chart's, so the
    ///   drawing matches the measuring whatever the stylesheet says.
    mutating func openGroup(_ className: String, fontSize: Double? = nil) {
        output += "<g class=\""
        output += className
        output += "\""
        if let fontSize { attribute("font-size", fontSize) }
        output += ">\n"
    }

    mutating func closeGroup() {
        output += "</g>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String? = nil) {
        output += "<rect class=\""
        output += className
        output += "\""
        attribute("x", x)
        attribute("y", y)
        // A negative size is an SVG error; a bar too small to see is still drawn as nothing rather than broken.
        attribute("width", Swift.max(0, width))
        attribute("height", Swift.max(0, height))
        if let fill {
            output += " fill=\""
            output += fill
            output += "\""
        }
        output += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        output += "<line class=\""
        output += className
        output += "\""
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        output += "/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, className: String) {
        output += "<circle class=\""
        output += className
        output += "\""
        attribute("cx", cx)
        attribute("cy", cy)
        attribute("r", r)
        output += "/>\n"
    }

    mutating func path(_ data: PathData, className: String, fill: String? = nil, extra: String = "") {
        guard !data.isEmpty else { return }
        output += "<path class=\""
        output += className
        output += "\" d=\""
        output += data.text
        output += "\""
        if let fill {
            output += " fill=\""
            output += fill
            output += "\""
        }
        output += extra
        output += "/>\n"
    }

    /// One `<text>`; `title` (the full text of a shortened label) becomes its `<title>` child, which
    /// browsers show on hover.
    mutating func text(_ content: String, x: Double, y: Double, className: String, anchor: Anchor = .start,
                       title: String? = nil, fontSize: Double? = nil) {
        openText(x: x, y: y, className: className, anchor: anchor, fontSize: fontSize)
        if let title { appendTitle(title) }
        Markup.escape(content, into: &output)
        output += "</text>\n"
    }

    /// Several lines in one `<text>`, the first with its baseline at `y`.
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double, className: String,
                            anchor: Anchor = .start, title: String? = nil, fontSize: Double? = nil) {
        guard !lines.isEmpty else { return }
        if lines.count == 1 {
            text(lines[0], x: x, y: y, className: className, anchor: anchor, title: title, fontSize: fontSize)
            return
        }
        openText(x: x, y: y, className: className, anchor: anchor, fontSize: fontSize)
        if let title { appendTitle(title) }
        for (index, line) in lines.enumerated() {
            output += "<tspan"
            attribute("x", x)
            if index == 0 {
                attribute("y", y)
            } else {
                attribute("dy", lineHeight)
            }
            output += ">"
            Markup.escape(line, into: &output)
            output += "</tspan>"
        }
        output += "</text>\n"
    }

    private mutating func openText(x: Double, y: Double, className: String, anchor: Anchor, fontSize: Double?) {
        output += "<text class=\""
        output += className
        output += "\""
        attribute("x", x)
        attribute("y", y)
        if let fontSize { attribute("font-size", fontSize) }
        if anchor != .start {
            output += " text-anchor=\""
            output += anchor.rawValue
            output += "\""
        }
        output += ">"
    }

    private mutating func appendTitle(_ title: String) {
        output += "<title>"
        Markup.escape(title, into: &output)
        output += "</title>"
    }
}
