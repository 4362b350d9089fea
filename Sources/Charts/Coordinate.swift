/// Coordinates written with one decimal, the same bytes on every run and every platform.
///
/// `String(describing: Double)` prints the shortest round-trip form (`12.000000000000002`), which makes
/// output noisy to diff and larger than it needs to be; a tenth of a user unit is finer than any screen.
enum Coordinate {
    /// Beyond this a coordinate means the data was nonsense; clamping keeps `Int` conversion from trapping.
    private static let limit = 1.0e9

    static func format(_ value: Double) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func append(_ value: Double, to out: inout String) {
        guard value.isFinite else {
            out += "0"
            return
        }
        let clamped = Swift.max(-limit, Swift.min(limit, value))
        let tenths = Int((clamped * 10).rounded(.toNearestOrAwayFromZero))
        if tenths == 0 {
            // Never `-0`: the sign would flip with rounding noise and change bytes for nothing.
            out += "0"
            return
        }
        let magnitude = tenths < 0 ? -tenths : tenths
        if tenths < 0 { out += "-" }
        out += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 {
            out += "."
            out += String(fraction)
        }
    }
}
