/// Point markers for line series: circle, square, triangle, diamond, so lines differ by shape as well as
/// colour and dash.
enum PointShape {
    static func write(series index: Int, x: Double, y: Double, size: Double = 4.5, into writer: inout SVGWriter) {
        switch index % 4 {
        case 0:
            writer.circle(cx: x, cy: y, r: size, className: "chart__point")
        case 1:
            let half = size * 0.85
            writer.rect(x: x - half, y: y - half, width: half * 2, height: half * 2, className: "chart__point")
        case 2:
            var path = PathData()
            let r = size * 1.2
            path.move(x, y - r)
            path.line(x + r * 0.866, y + r * 0.5)
            path.line(x - r * 0.866, y + r * 0.5)
            path.close()
            writer.path(path, className: "chart__point")
        default:
            var path = PathData()
            let r = size * 1.15
            path.move(x, y - r)
            path.line(x + r, y)
            path.line(x, y + r)
            path.line(x - r, y)
            path.close()
            writer.path(path, className: "chart__point")
        }
    }
}
