import Foundation

/// Parts of a whole: a ring of slices clockwise from twelve o'clock, shares written beside the larger
/// slices, the total in the middle, and a legend below with every value and share.
extension ChartRenderer {
    func drawDonut(_ spec: ChartSpec, _ data: ChartData, into canvas: inout Canvas) {
        let width = Style.narrowWidth
        canvas.width = width
        let font = Style.fontSize
        let slices = DonutSlices(data)
        let outer = 80.0
        let inner = 50.0
        let centreX = width / 2
        let centreY = 24 + outer

        Patterns.write(count: slices.entries.count, canvas: &canvas)
        // The empty ring shows the whole, so a part below 100% is seen as a part.
        var track = PathData()
        Self.ring(&track, centreX, centreY, outer, inner)
        canvas.body.path(track, className: "chart__track", extra: " fill-rule=\"evenodd\"")

        var angle = 0.0
        var labelBoxes: [(minX: Double, maxX: Double, minY: Double, maxY: Double)] = []
        let drawn = slices.entries.filter { ($0.share ?? 0) > 0 }.count
        canvas.body.openGroup("chart__slices")
        for (index, entry) in slices.entries.enumerated() {
            guard let share = entry.share, share > 0 else { continue }
            let sweep = Swift.min(share, 1) * 2 * Double.pi
            var path = PathData()
            if sweep >= 2 * Double.pi - 1e-9 {
                // One arc cannot start and end at the same point, so a whole ring is two half rings.
                Self.ring(&path, centreX, centreY, outer, inner)
            } else {
                Self.sector(&path, centreX, centreY, outer, inner, from: angle, to: angle + sweep)
            }
            canvas.body.openGroup(Style.seriesClass(index))
            canvas.body.path(path, className: "chart__slice", extra: " fill-rule=\"evenodd\"")
            if let fill = Patterns.fill(index, canvas: canvas) {
                canvas.body.path(path, className: "chart__hatch", fill: fill, extra: " fill-rule=\"evenodd\"")
            }
            canvas.body.closeGroup()

            // Shares beside slices big enough to tell apart, skipping any that would overlap the last one.
            if drawn > 1, share >= 0.04 {
                let middle = angle + sweep / 2
                let text = entry.shareText ?? entry.legendValue
                let sine = sin(middle)
                let cosine = cos(middle)
                let x = centreX + (outer + 8) * sine
                var y = centreY - (outer + 8) * cosine + font * Style.centreToBaseline
                if cosine < -0.5 { y += 5 } else if cosine > 0.5 { y -= 3 }
                let textWidth = TextMetrics.width(text, fontSize: font)
                let anchor: SVGWriter.Anchor = sine > 0.25 ? .start : (sine < -0.25 ? .end : .middle)
                let minX = anchor == .start ? x : (anchor == .end ? x - textWidth : x - textWidth / 2)
                let box = (minX: minX, maxX: minX + textWidth, minY: y - font, maxY: y + 2)
                let overlaps = labelBoxes.contains { $0.minX < box.maxX && box.minX < $0.maxX && $0.minY < box.maxY && box.minY < $0.maxY }
                if !overlaps {
                    labelBoxes.append(box)
                    canvas.body.text(text, x: x, y: y, className: "chart__value-label", anchor: anchor)
                }
            }
            angle += sweep
        }
        canvas.body.closeGroup()

        // The middle: the one value when there is one, else the total.
        let valued = slices.entries.filter { $0.value != nil }
        if valued.count == 1, let only = valued.first, let value = only.value {
            canvas.body.text(data.unit.format(value), x: centreX, y: centreY + 7, className: "chart__donut-total", anchor: .middle, fontSize: 20)
        } else if let total = slices.totalText {
            canvas.body.text(total, x: centreX, y: centreY + 3, className: "chart__donut-total", anchor: .middle, fontSize: 20)
            canvas.body.text("Tổng", x: centreX, y: centreY + 20, className: "chart__tick-label", anchor: .middle,
                             fontSize: Style.tickFontSize)
        } else {
            canvas.body.text(Style.missing, x: centreX, y: centreY + 4, className: "chart__empty", anchor: .middle)
        }

        // The legend, one entry a row: a long name and its numbers need the width.
        var cursor = centreY + outer + 26
        let swatchX = 24.0
        let textX = swatchX + 20
        canvas.body.openGroup("chart__legend")
        for (index, entry) in slices.entries.enumerated() {
            let text = entry.category + ": " + entry.legendValue
            let wrapped = TextMetrics.wrap(text, maxWidth: width - textX - 8, fontSize: font, maxLines: 2)
            canvas.body.openGroup(Style.seriesClass(index))
            canvas.body.rect(x: swatchX, y: cursor - 6, width: 12, height: 12,
                             className: "chart__swatch" + (entry.share == nil ? " chart__swatch--empty" : ""))
            if let fill = Patterns.fill(index, canvas: canvas) {
                canvas.body.rect(x: swatchX, y: cursor - 6, width: 12, height: 12, className: "chart__hatch", fill: fill)
            }
            canvas.body.textLines(wrapped.lines, x: textX, y: cursor + font * Style.centreToBaseline, lineHeight: Style.lineHeight,
                                  className: "chart__legend-label", title: wrapped.truncated ? text : nil)
            canvas.body.closeGroup()
            cursor += Double(Swift.max(1, wrapped.lines.count)) * Style.lineHeight + 6
        }
        canvas.body.closeGroup()
        canvas.height = cursor + 4
    }

    /// An annular sector between two angles measured clockwise from twelve o'clock.
    static func sector(_ path: inout PathData, _ cx: Double, _ cy: Double, _ outer: Double, _ inner: Double,
                       from start: Double, to end: Double) {
        let large = end - start > Double.pi
        path.move(cx + outer * sin(start), cy - outer * cos(start))
        path.arc(radius: outer, largeArc: large, clockwise: true, to: cx + outer * sin(end), cy - outer * cos(end))
        path.line(cx + inner * sin(end), cy - inner * cos(end))
        path.arc(radius: inner, largeArc: large, clockwise: false, to: cx + inner * sin(start), cy - inner * cos(start))
        path.close()
    }

    /// A whole ring: the outer circle clockwise, the inner counter-clockwise, so the hole stays empty.
    static func ring(_ path: inout PathData, _ cx: Double, _ cy: Double, _ outer: Double, _ inner: Double) {
        path.move(cx, cy - outer)
        path.arc(radius: outer, largeArc: true, clockwise: true, to: cx, cy + outer)
        path.arc(radius: outer, largeArc: true, clockwise: true, to: cx, cy - outer)
        path.close()
        path.move(cx, cy - inner)
        path.arc(radius: inner, largeArc: true, clockwise: false, to: cx, cy + inner)
        path.arc(radius: inner, largeArc: true, clockwise: false, to: cx, cy - inner)
        path.close()
    }
}
