/// The `d` attribute of a path, built with the same fixed precision as every other coordinate.
struct PathData {
    private(set) var text = ""

    var isEmpty: Bool { text.isEmpty }

    mutating func move(_ x: Double, _ y: Double) {
        text += "M"
        point(x, y)
    }

    mutating func line(_ x: Double, _ y: Double) {
        text += "L"
        point(x, y)
    }

    mutating func arc(radius: Double, largeArc: Bool, clockwise: Bool, to x: Double, _ y: Double) {
        text += "A"
        Coordinate.append(radius, to: &text)
        text += " "
        Coordinate.append(radius, to: &text)
        text += " 0 "
        text += largeArc ? "1 " : "0 "
        text += clockwise ? "1 " : "0 "
        point(x, y)
    }

    mutating func close() {
        text += "Z"
    }

    private mutating func point(_ x: Double, _ y: Double) {
        Coordinate.append(x, to: &text)
        text += ","
        Coordinate.append(y, to: &text)
    }
}
