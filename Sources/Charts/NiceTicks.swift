import Foundation

/// Round tick values for a value axis: steps of 1, 2 or 5 × 10ⁿ, the domain widened to whole steps.
///
/// Degenerate input never divides by zero or yields NaN: equal bounds are widened, infinite or NaN bounds
/// are ignored, and the result always has at least two ticks with `lower < upper`.
public struct NiceTicks: Sendable, Equatable {
    /// The first tick; the axis starts here.
    public let lower: Double
    /// The last tick; the axis ends here.
    public let upper: Double
    public let step: Double
    /// Every tick from `lower` to `upper`, snapped to `decimals` so `0.30000000000000004` never shows.
    public let values: [Double]
    /// Digits after the decimal comma a tick label needs: 0 for steps of 1 or more, 1 for 0,1 or 0,5 …
    public let decimals: Int

    /// - Parameters:
    ///   - includeZero: widen the domain to reach 0 (bars must start at their baseline).
    ///   - preferredCount: roughly how many intervals; the result has between about half and twice as many.
    ///   - minimumStep: the smallest step allowed, e.g. 1 for counts, which have no fractions.
    public init(minimum: Double, maximum: Double, includeZero: Bool = false, preferredCount: Int = 5,
                minimumStep: Double = 0) {
        var low = minimum.isFinite ? minimum : (maximum.isFinite ? maximum : 0)
        var high = maximum.isFinite ? maximum : low
        if low > high { swap(&low, &high) }
        if includeZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        if low == high {
            // One value (or all equal): centre it in a band one order of magnitude wide, or sit on zero.
            // (With includeZero this can only be 0…0, which the first branch handles.)
            if low == 0 {
                high = 1
            } else {
                let pad = Self.powerOfTen(Self.exponent(of: abs(low)))
                low -= pad
                high += pad
            }
        }
        let count = Double(Swift.max(1, preferredCount))
        let raw = (high - low) / count
        guard raw.isFinite, raw > 0 else {
            self.init(fallbackLower: low, upper: high)
            return
        }
        let power = Self.exponent(of: raw)
        let base = Self.powerOfTen(power)
        let error = raw / base
        var stepExponent = power
        let factor: Double
        if error >= 50.0.squareRoot() {
            factor = 1
            stepExponent += 1
        } else if error >= 10.0.squareRoot() {
            factor = 5
        } else if error >= 2.0.squareRoot() {
            factor = 2
        } else {
            factor = 1
        }
        var step = factor * Self.powerOfTen(stepExponent)
        if minimumStep > 0, minimumStep.isFinite, step < minimumStep {
            step = minimumStep
            stepExponent = Self.exponent(of: minimumStep)
        }
        // Tolerance absorbs binary noise: 0.3 / 0.1 is 2.9999999999999996, which must floor to 3.
        let firstIndex = (low / step + 1e-9).rounded(.down)
        let lastIndex = (high / step - 1e-9).rounded(.up)
        let intervals = lastIndex - firstIndex
        guard step > 0, firstIndex.isFinite, lastIndex.isFinite, intervals >= 1, intervals <= 1000 else {
            self.init(fallbackLower: low, upper: high)
            return
        }
        let decimals = Swift.max(0, Swift.min(15, -stepExponent))
        var values: [Double] = []
        values.reserveCapacity(Int(intervals) + 1)
        for index in 0...Int(intervals) {
            values.append(Self.snap((firstIndex + Double(index)) * step, decimals: decimals))
        }
        self.init(lower: values.first ?? low, upper: values.last ?? high, step: step, values: values, decimals: decimals)
    }

    private init(lower: Double, upper: Double, step: Double, values: [Double], decimals: Int) {
        self.lower = lower
        self.upper = upper
        self.step = step
        self.values = values
        self.decimals = decimals
    }

    private init(fallbackLower low: Double, upper high: Double) {
        let safeLow = low.isFinite ? low : 0
        var safeHigh = high.isFinite ? high : safeLow + 1
        if !(safeHigh > safeLow) { safeHigh = safeLow + 1 }
        self.init(lower: safeLow, upper: safeHigh, step: safeHigh - safeLow, values: [safeLow, safeHigh], decimals: 0)
    }

    private static func exponent(of value: Double) -> Int {
        let logarithm = log10(value).rounded(.down)
        guard logarithm.isFinite else { return 0 }
        return Int(Swift.max(-300, Swift.min(300, logarithm)))
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        // Dividing by an exact 10ⁿ gives the nearest double to 10⁻ⁿ, which 0.1 × 0.1 … would not.
        exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
    }

    private static func snap(_ value: Double, decimals: Int) -> Double {
        let scale = powerOfTen(decimals)
        let snapped = (value * scale).rounded() / scale
        return snapped == 0 ? 0 : snapped
    }
}
