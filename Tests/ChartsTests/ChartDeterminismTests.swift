import Charts
import Testing

@Suite struct ChartDeterminismTests {
    @Test func renderingTwiceGivesTheSameBytes() {
        for (_, spec) in Samples.golden {
            #expect(ChartRenderer().render(spec) == ChartRenderer().render(spec))
            #expect(ChartRenderer().figure(spec) == ChartRenderer().figure(spec))
        }
    }

    @Test func renderingOnManyThreadsGivesTheSameBytesAsOnOne() async {
        let specs = Samples.golden.map(\.spec)
        let serial = specs.map { ChartRenderer().figure($0) }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<8 {
                for (index, spec) in specs.enumerated() {
                    group.addTask { (index + round * 0, ChartRenderer().figure(spec)) }
                }
            }
            var results: [(Int, String)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (index, figure) in parallel { #expect(figure == serial[index]) }
    }
}
