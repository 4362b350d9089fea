import Charts
import Testing

@Suite struct LinearScaleTests {
    @Test func mapsADomainOntoAnUpsideDownRange() {
        let scale = LinearScale(domainLower: 0, domainUpper: 100, rangeStart: 200, rangeEnd: 20)
        #expect(scale(0) == 200)
        #expect(scale(100) == 20)
        #expect(scale(50) == 110)
        #expect(scale(80) == 56)
    }

    @Test func followsTheTicksDomain() {
        let ticks = NiceTicks(minimum: 0, maximum: 1_013)
        let scale = LinearScale(ticks: ticks, rangeStart: 0, rangeEnd: 600)
        #expect(scale(1_200) == 600)
        #expect(abs(scale(1_013) - 506.5) < 1e-9)
    }

    @Test func emptyDomainAndNaNMapToTheStartInsteadOfNaN() {
        let flat = LinearScale(domainLower: 5, domainUpper: 5, rangeStart: 10, rangeEnd: 90)
        #expect(flat(5) == 10)
        #expect(flat(7) == 10)
        let scale = LinearScale(domainLower: 0, domainUpper: 1, rangeStart: 10, rangeEnd: 90)
        #expect(scale(.nan) == 10)
        #expect(scale(.infinity) == 10)
        let infinite = LinearScale(domainLower: -.infinity, domainUpper: .infinity, rangeStart: 3, rangeEnd: 9)
        #expect(infinite(1) == 3)
    }

    @Test func mappingGoesOnBeyondTheDomain() {
        let scale = LinearScale(domainLower: 0, domainUpper: 100, rangeStart: 200, rangeEnd: 20)
        #expect(scale(150) == -70)
        #expect(scale(-50) == 290)
    }
}
