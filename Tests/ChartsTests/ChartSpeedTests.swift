import Charts
import Testing

/// The speed check, as a test that measures and prints but never fails on time (machines differ):
/// charts for 1,000 indicators × 20 periods. Read the number from a release build:
/// `swift test -c release --filter ChartSpeedTests`.
@Suite struct ChartSpeedTests {
    static func specs(kind: ChartSpec.Kind, count: Int = 1_000, periods: Int = 20) -> [ChartSpec] {
        let numerals = ["I", "II", "III", "IV"]
        let categories = (0..<periods).map { "Quý \(numerals[$0 % 4])/\(2019 + $0 / 4)" }
        return (0..<count).map { indicator in
            let values: [Double?] = (0..<periods).map { period in
                // A gap now and then, as real series have.
                (indicator + period) % 9 == 4 ? nil : Double((indicator * 37 + period * 53) % 1_000) / 10
            }
            return ChartSpec(id: "chi-so-\(indicator)", kind: kind, title: "Chỉ tiêu \(indicator): tỷ lệ hồ sơ trực tuyến",
                             summary: "Diễn biến qua \(periods) quý", categories: categories,
                             series: [.init(name: "Tỷ lệ", values: values)], unit: .percent(decimals: 1),
                             target: 80, targetLabel: "≥ 80%")
        }
    }

    @Test func thousandIndicatorsTimesTwentyPeriods() {
        let renderer = ChartRenderer()
        let clock = ContinuousClock()
        var report: [String] = []
        var total = Duration.zero
        for kind in [ChartSpec.Kind.line, .bar, .bullet] {
            let specs = Self.specs(kind: kind)
            var bytes = 0
            let elapsed = clock.measure {
                for spec in specs { bytes += renderer.render(spec).utf8.count }
            }
            total += elapsed
            report.append("\(kind): \(elapsed) (\(bytes / specs.count) bytes a chart)")
            #expect(bytes > 0)
        }
        let tables = Self.specs(kind: .line)
        let tableTime = clock.measure {
            for spec in tables { _ = renderer.figure(spec) }
        }
        report.append("line figure (svg + table): \(tableTime)")
        print("Chart speed, 1,000 indicators × 20 periods — " + report.joined(separator: "; ") + "; svg total \(total)")
    }
}
