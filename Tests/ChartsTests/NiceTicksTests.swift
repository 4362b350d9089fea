import Charts
import Testing

@Suite struct NiceTicksTests {
    @Test func percentRangeGetsStepsOfTwenty() {
        let ticks = NiceTicks(minimum: 0, maximum: 100)
        #expect(ticks.values == [0, 20, 40, 60, 80, 100])
        #expect(ticks.decimals == 0)
    }

    @Test func thousandAndThirteenRoundsUpToTwelveHundred() {
        let ticks = NiceTicks(minimum: 0, maximum: 1_013)
        #expect(ticks.step == 200)
        #expect(ticks.lower == 0)
        #expect(ticks.upper == 1_200)
        #expect(ticks.values == [0, 200, 400, 600, 800, 1_000, 1_200])
    }

    @Test func smallRatiosGetTenthsWithoutBinaryNoise() {
        let ticks = NiceTicks(minimum: 0.2, maximum: 0.87)
        #expect(ticks.lower == 0.2)
        #expect(ticks.upper == 0.9)
        #expect(ticks.decimals == 1)
        #expect(ticks.values == [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    }

    @Test func allZeroValuesStillMakeAnAxis() {
        let ticks = NiceTicks(minimum: 0, maximum: 0, includeZero: true)
        #expect(ticks.lower == 0)
        #expect(ticks.upper == 1)
        #expect(ticks.values.count >= 2)
        let counts = NiceTicks(minimum: 0, maximum: 0, includeZero: true, minimumStep: 1)
        #expect(counts.values == [0, 1])
    }

    @Test func negativeValuesExtendBelowZero() {
        let ticks = NiceTicks(minimum: -35, maximum: 12, includeZero: true)
        #expect(ticks.lower == -40)
        #expect(ticks.upper == 20)
        #expect(ticks.values.contains(0))
        let allNegative = NiceTicks(minimum: -80, maximum: -20, includeZero: true)
        #expect(allNegative.upper == 0)
        #expect(allNegative.lower <= -80)
    }

    @Test func oneValueWithoutZeroIsCentredInABand() {
        let ticks = NiceTicks(minimum: 54, maximum: 54)
        #expect(ticks.lower < 54)
        #expect(ticks.upper > 54)
        #expect(ticks.values.allSatisfy { $0.isFinite })
    }

    @Test func countsNeverGetFractionalSteps() {
        let ticks = NiceTicks(minimum: 0, maximum: 3, includeZero: true, minimumStep: 1)
        #expect(ticks.step == 1)
        #expect(ticks.values == [0, 1, 2, 3])
        #expect(ticks.decimals == 0)
    }

    @Test(arguments: [
        (Double.nan, Double.nan), (.infinity, -.infinity), (.nan, 5), (-.infinity, 7),
        (0, 1e300), (-1e308, 1e308), (1e-320, 2e-320), (0.000_012, 0.000_013), (5, 5), (-3, -3),
    ])
    func degenerateInputNeverYieldsNaN(bounds: (Double, Double)) {
        let ticks = NiceTicks(minimum: bounds.0, maximum: bounds.1, includeZero: false)
        #expect(ticks.lower.isFinite)
        #expect(ticks.upper.isFinite)
        #expect(ticks.lower < ticks.upper)
        #expect(ticks.values.count >= 2)
        #expect(ticks.values.allSatisfy { $0.isFinite })
    }

    @Test(arguments: [
        (0.0, 7.0), (0, 13), (0, 99), (0, 100.5), (3, 97), (12.5, 13.7), (-1, 1), (0, 0.05), (1_800, 14_433),
        (0, 2_500_000), (-0.4, 0.9), (48, 52), (0, 1),
    ])
    func ticksCoverTheDataWithRoundSteps(bounds: (Double, Double)) {
        let ticks = NiceTicks(minimum: bounds.0, maximum: bounds.1, includeZero: false)
        #expect(ticks.lower <= bounds.0)
        #expect(ticks.upper >= bounds.1)
        #expect((2...13).contains(ticks.values.count), "\(ticks.values)")
        #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 })
        // The step is 1, 2 or 5 times a power of ten.
        var mantissa = ticks.step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step)")
    }
}
