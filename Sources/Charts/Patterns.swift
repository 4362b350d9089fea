/// Fill patterns laid over series 1…7, so grouped bars and donut slices differ by texture as well as by
/// colour (WCAG 1.4.1). Series 0 stays plain. The marks are painted by CSS (`chart__pattern-mark`).
enum Patterns {
    /// `<defs>` holding patterns 1…`count - 1` (at most 7), or nothing when one series needs none.
    static func write(count: Int, canvas: inout Canvas) {
        let needed = Swift.min(count, Style.seriesClasses) - 1
        guard needed >= 1 else { return }
        canvas.body.raw("<defs>\n")
        for index in 1...needed {
            canvas.body.raw("<pattern id=\"")
            let id = canvas.patternID(index)
            canvas.body.raw(id)
            canvas.body.raw("\" class=\"chart__pattern\" patternUnits=\"userSpaceOnUse\" ")
            canvas.body.raw(marks(index))
            canvas.body.raw("</pattern>\n")
        }
        canvas.body.raw("</defs>\n")
    }

    /// The `fill` reference for series `index`, or nil for the plain series.
    static func fill(_ index: Int, canvas: Canvas) -> String? {
        let slot = index % Style.seriesClasses
        return slot == 0 ? nil : "url(#\(canvas.patternID(slot)))"
    }

    private static func marks(_ index: Int) -> String {
        switch index {
        case 1: // diagonal lines /
            "width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><line class=\"chart__pattern-mark\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/>"
        case 2: // dots
            "width=\"6\" height=\"6\"><circle class=\"chart__pattern-mark chart__pattern-mark--dot\" cx=\"3\" cy=\"3\" r=\"1.4\"/>"
        case 3: // horizontal lines
            "width=\"6\" height=\"6\"><line class=\"chart__pattern-mark\" x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\"/>"
        case 4: // diagonal lines \
            "width=\"6\" height=\"6\" patternTransform=\"rotate(-45)\"><line class=\"chart__pattern-mark\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/>"
        case 5: // vertical lines
            "width=\"6\" height=\"6\"><line class=\"chart__pattern-mark\" x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\"/>"
        case 6: // cross-hatch
            "width=\"7\" height=\"7\" patternTransform=\"rotate(45)\"><line class=\"chart__pattern-mark\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\"/><line class=\"chart__pattern-mark\" x1=\"0\" y1=\"0\" x2=\"7\" y2=\"0\"/>"
        default: // rings
            "width=\"8\" height=\"8\"><circle class=\"chart__pattern-mark chart__pattern-mark--ring\" cx=\"4\" cy=\"4\" r=\"2\"/>"
        }
    }
}
