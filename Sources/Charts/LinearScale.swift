/// Maps values from a domain (data units) onto a range (SVG user units), linearly.
///
/// The range may run backwards (a vertical axis grows upwards while SVG's y grows downwards).
public struct LinearScale: Sendable, Equatable {
    public var domainLower: Double
    public var domainUpper: Double
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domainLower: Double, domainUpper: Double, rangeStart: Double, rangeEnd: Double) {
        self.domainLower = domainLower
        self.domainUpper = domainUpper
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// A scale over the ticks' whole domain, so the first and last ticks sit on the ends of the range.
    public init(ticks: NiceTicks, rangeStart: Double, rangeEnd: Double) {
        self.init(domainLower: ticks.lower, domainUpper: ticks.upper, rangeStart: rangeStart, rangeEnd: rangeEnd)
    }

    /// The position of `value`. An empty or infinite domain, or a NaN value, maps to `rangeStart` rather
    /// than to NaN, which would make the SVG invalid.
    public func map(_ value: Double) -> Double {
        let span = domainUpper - domainLower
        guard span != 0, span.isFinite, value.isFinite, rangeStart.isFinite, rangeEnd.isFinite else {
            return rangeStart.isFinite ? rangeStart : 0
        }
        let position = rangeStart + (value - domainLower) / span * (rangeEnd - rangeStart)
        return position.isFinite ? position : rangeStart
    }

    public func callAsFunction(_ value: Double) -> Double {
        map(value)
    }
}
