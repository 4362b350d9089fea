import Charts
import Testing

/// What each kind must draw, checked on the parsed SVG.
@Suite struct ChartKindTests {
    let renderer = ChartRenderer()

    func tree(_ spec: ChartSpec) throws -> XMLTree.Element {
        try #require(XMLTree(renderer.render(spec)), "well-formed").root
    }

    func lineSpec(_ values: [Double?]) -> ChartSpec {
        ChartSpec(id: "l", kind: .line, title: "t", categories: values.indices.map { "Kỳ \($0 + 1)" },
                  series: [.init(name: "s", values: values)], unit: .percent(decimals: 1))
    }

    // MARK: Line

    @Test func aMissingValueSplitsTheLineIntoTwoSegments() throws {
        let svg = try tree(lineSpec([40, 45, nil, 55, 60]))
        let path = try #require(svg.first(withClass: "chart__line")?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(path.filter { $0 == "L" }.count == 2)
        #expect(svg.all(withClass: "chart__point").count == 4)
    }

    @Test func aLineWithoutGapsIsOneSegment() throws {
        let path = try #require(try tree(lineSpec([40, 45, 50])).first(withClass: "chart__line")?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 1)
    }

    @Test func aMissingValueIsNeverDrawnAsZero() throws {
        let svg = try tree(lineSpec([40, nil, 60]))
        let zeroY = try #require(svg.first(withClass: "chart__axis")?.number("y1"))
        let path = try #require(svg.first(withClass: "chart__line")?.attributes["d"])
        // Every y in the path is a measured value, none on the zero line.
        let ys = path.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        #expect(ys.count == 2)
        #expect(!ys.contains(zeroY))
        #expect(svg.all(withClass: "chart__gap").count == 1, "the gap is marked in words")
    }

    @Test func severalSeriesGetALegendWithDistinctPointShapes() throws {
        let svg = try tree(Samples.multiLine)
        let legend = try #require(svg.first(withClass: "chart__legend"))
        #expect(legend.all(withClass: "chart__legend-label").map(\.text) == ["Toàn trình", "Một phần", "Trực tiếp"])
        let shapes = (0..<3).map { index in svg.first(withClass: "chart__series--\(index)")?.all(withClass: "chart__point").first?.name }
        #expect(shapes == ["circle", "rect", "path"])
    }

    @Test func lineChartsMayStartAboveZero() throws {
        var spec = lineSpec([950, 980, 1_013])
        spec.unit = .count
        spec.startsAtZero = false
        let labels = try tree(spec).first(withClass: "chart__ticks")?.all(named: "text").map(\.text) ?? []
        #expect(labels.first != "0")
        #expect(labels.contains("1.000"))
    }

    @Test func aReversedAxisPutsTheSmallestValueAtTheTop() throws {
        var spec = lineSpec([3, 1, 5])
        spec.unit = .count
        spec.startsAtZero = false
        spec.reversesValueAxis = true
        let svg = try tree(spec)
        let ys = svg.all(withClass: "chart__point").compactMap { $0.number("cy") }
        try #require(ys.count == 3)
        // Rank 1 highest on the page (smallest y), rank 5 lowest; the ticks read 1 at the top.
        #expect(ys[1] < ys[0] && ys[0] < ys[2])
        let ticks = try #require(svg.first(withClass: "chart__ticks")).all(named: "text")
        let top = try #require(ticks.min { ($0.number("y") ?? 0) < ($1.number("y") ?? 0) })
        #expect(top.text == "1")
        spec.reversesValueAxis = false
        let upright = try tree(spec).all(withClass: "chart__point").compactMap { $0.number("cy") }
        #expect(upright[1] > upright[0] && upright[0] > upright[2])
    }

    // MARK: Bar

    @Test func barsStandOnZeroAndMissingBarsAreMarkedNotDrawn() throws {
        let svg = try tree(Samples.bar)
        let bars = svg.all(withClass: "chart__bar")
        #expect(bars.count == 4)
        let baseline = try #require(svg.first(withClass: "chart__axis")?.number("y1"))
        for bar in bars {
            let bottom = try #require(bar.number("y")) + (try #require(bar.number("height")))
            #expect(abs(bottom - baseline) <= 0.1)
        }
        #expect(svg.first(withClass: "chart__gap")?.allText == "Chưa cósố liệu")
    }

    @Test func negativeBarsHangBelowTheZeroLine() throws {
        let spec = ChartSpec(id: "n", kind: .bar, title: "Tăng giảm", categories: ["2022", "2023"],
                             series: [.init(name: "s", values: [-12.5, 30])], unit: .score(decimals: 1))
        let svg = try tree(spec)
        let zero = try #require(svg.first(withClass: "chart__axis")?.number("y1"))
        let bars = svg.all(withClass: "chart__bar")
        #expect(bars.count == 2)
        #expect(try #require(bars[0].number("y")) == zero, "the negative bar starts at zero and goes down")
        #expect(try #require(bars[1].number("y")) < zero)
        #expect(svg.all(withClass: "chart__value-label").map(\.text) == ["-12,5", "30,0"])
        let ticks = svg.first(withClass: "chart__ticks")?.all(named: "text").map(\.text) ?? []
        #expect(ticks.contains("0"))
        #expect(ticks.first?.hasPrefix("-") == true)
    }

    @Test func groupedBarsSitSideBySideWithPatternsAndALegend() throws {
        let svg = try tree(Samples.groupedBar)
        #expect(svg.all(withClass: "chart__bar").count == 9)
        #expect(svg.all(named: "pattern").count == 2)
        #expect(svg.first(withClass: "chart__series--1")?.first(withClass: "chart__hatch") != nil)
        #expect(svg.first(withClass: "chart__series--0")?.first(withClass: "chart__hatch") == nil)
        #expect(svg.first(withClass: "chart__legend")?.all(withClass: "chart__legend-label").count == 3)
    }

    @Test func targetIsADashedLineNamedInTheLegend() throws {
        let svg = try tree(Samples.bar)
        let lines = svg.all(withClass: "chart__target-line")
        #expect(lines.count == 2, "one across the plot, one in the legend")
        let plotLine = lines[0]
        #expect(plotLine.number("y1") == plotLine.number("y2"))
        #expect(svg.first(withClass: "chart__legend")?.first(withClass: "chart__target-label")?.text == "Mục tiêu: 100%")
    }

    @Test func vietnameseNumbersOnAxesAndLabels() throws {
        let count = try tree(Samples.groupedBar)
        #expect(count.first(withClass: "chart__ticks")?.all(named: "text").map(\.text).contains("12.000") == true)
        let ratio = ChartSpec(id: "r", kind: .bar, title: "t", categories: ["A", "B"],
                              series: [.init(name: "s", values: [0.2, 0.87])], unit: .ratio(decimals: 2))
        let svg = try tree(ratio)
        #expect(svg.all(withClass: "chart__value-label").map(\.text) == ["0,20", "0,87"])
        #expect(svg.first(withClass: "chart__ticks")?.all(named: "text").map(\.text).contains("0,2") == true)
        let percent = try tree(Samples.line)
        #expect(percent.all(withClass: "chart__value-label").map(\.text).contains("54,4%") == false)
        #expect(percent.all(withClass: "chart__value-label").map(\.text).contains("60,7%") == true)
        #expect(percent.first(withClass: "chart__ticks")?.all(named: "text").map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
    }

    @Test func manyPeriodsGetEveryKthLabelIncludingTheLatest() throws {
        let categories = (0..<20).map { "Quý \(["I", "II", "III", "IV"][$0 % 4])/\(2020 + $0 / 4)" }
        let spec = ChartSpec(id: "m", kind: .line, title: "t", categories: categories,
                             series: [.init(name: "s", values: categories.indices.map { Double($0) })], unit: .count)
        let labels = try tree(spec).all(withClass: "chart__category-label")
        #expect(labels.count < 20)
        #expect(labels.count >= 3)
        #expect(labels.last?.allText.replacingOccurrences(of: " ", with: "").hasSuffix("2024") == true)
        #expect(labels.last?.allText.contains("IV") == true)
    }

    // MARK: Horizontal bar

    @Test func longNamesWrapAtSpacesOntoAtMostThreeLines() throws {
        let svg = try tree(Samples.horizontalBar)
        let labels = svg.all(withClass: "chart__category-label")
        #expect(labels.count == 6)
        for label in labels {
            let lines = label.all(named: "tspan")
            #expect(lines.count <= 3)
            for line in lines { #expect(line.text == line.text.trimmingCharacters(in: .whitespaces)) }
        }
        // Wrapping loses no word: the lines put together are the name.
        let second = labels[1].all(named: "tspan").map(\.text).joined(separator: " ")
        #expect(second == Samples.horizontalBar.categories[1])
    }

    @Test func tooLongNamesAreShortenedWithTheFullTextKept() throws {
        let name = String(repeating: "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết ", count: 4) + "cuối"
        let spec = ChartSpec(id: "h", kind: .horizontalBar, title: "t", categories: [name, "Ngắn"],
                             series: [.init(name: "s", values: [12, 30])], unit: .percent(decimals: 0))
        let label = try #require(try tree(spec).all(withClass: "chart__category-label").first)
        #expect(label.all(named: "title").first?.text == name)
        let lines = label.all(named: "tspan").map(\.text)
        #expect(lines.count == 3)
        #expect(lines.last?.hasSuffix("…") == true)
    }

    @Test func missingHorizontalBarSaysSo() throws {
        let svg = try tree(Samples.horizontalBar)
        #expect(svg.all(withClass: "chart__bar").count == 5)
        #expect(svg.first(withClass: "chart__gap")?.text == "Chưa có số liệu")
    }

    // MARK: Bullet

    @Test func bulletMarksTheTargetAtItsPlaceOnTheTrack() throws {
        let svg = try tree(Samples.bullet)
        let track = try #require(svg.first(withClass: "chart__track"))
        let left = try #require(track.number("x"))
        let width = try #require(track.number("width"))
        let marker = try #require(svg.first(withClass: "chart__target-marker"))
        let markerX = try #require(marker.number("x1"))
        #expect(abs(markerX - (left + width * 0.8)) <= 0.1, "80% of a 0…100% track")
        let bar = try #require(svg.first(withClass: "chart__bar"))
        #expect(abs(try #require(bar.number("width")) - width * 0.607) <= 0.1)
        #expect(svg.first(withClass: "chart__value-label")?.allText == "60,7% · Quý I/2024")
        #expect(svg.first(withClass: "chart__target-label")?.text == "Mục tiêu: ≥ 80%")
        // Higher is better: the achieved side is from the target to the end.
        let zone = try #require(svg.first(withClass: "chart__zone"))
        #expect(zone.number("x") == marker.number("x1"))
    }

    @Test func lowerIsBetterShadesTheSideBelowTheTarget() throws {
        let svg = try tree(Samples.bulletAtMost)
        let zone = try #require(svg.first(withClass: "chart__zone"))
        let track = try #require(svg.first(withClass: "chart__track"))
        let marker = try #require(svg.first(withClass: "chart__target-marker")?.number("x1"))
        #expect(zone.number("x") == track.number("x"))
        #expect(abs(try #require(zone.number("x")) + (try #require(zone.number("width"))) - marker) <= 0.2, "each end is rounded on its own")
        #expect(zone.classes.contains("chart__zone--at-most"))
    }

    @Test func bulletDrawsOnlyTheLastCategory() throws {
        let desc = try tree(Samples.bulletAtMost).all(named: "desc").first?.text
        #expect(desc == "Quý I/2024: 3,2%. Mục tiêu: ≤ 5%.")
    }

    @Test func bulletCountsScaleToTheirTargetOrValue() throws {
        let spec = ChartSpec(id: "c", kind: .bullet, title: "Số DVCTT toàn trình", categories: ["Quý I/2024"],
                             series: [.init(name: "s", values: [1_013])], unit: .count, target: 900, targetLabel: "≥ 900")
        let svg = try tree(spec)
        let ticks = svg.first(withClass: "chart__ticks")?.all(named: "text").map(\.text) ?? []
        #expect(ticks.last == "1.200")
        #expect(svg.first(withClass: "chart__value-label")?.text == "1.013")
    }

    @Test func bulletWithoutAValueSaysSoAndStillShowsTheTarget() throws {
        var spec = Samples.bullet
        spec.series = [.init(name: "s", values: [nil])]
        let svg = try tree(spec)
        #expect(svg.all(withClass: "chart__bar").isEmpty)
        #expect(svg.first(withClass: "chart__value-label")?.text == "Chưa có số liệu")
        #expect(svg.first(withClass: "chart__target-marker") != nil)
    }

    // MARK: Donut

    @Test func aSingleSliceOfTheWholeIsAFullRing() throws {
        let svg = try tree(Samples.fullDonut)
        let slice = try #require(svg.first(withClass: "chart__slice")?.attributes["d"])
        // Two half arcs outside and two inside: one arc cannot start and end at the same point.
        #expect(slice.filter { $0 == "M" }.count == 2)
        #expect(slice.filter { $0 == "A" }.count == 4)
        #expect(svg.first(withClass: "chart__slice")?.attributes["fill-rule"] == "evenodd")
        #expect(svg.first(withClass: "chart__donut-total")?.text == "1.013")
    }

    @Test func zeroSlicesBesideAWholeStillLeaveAFullRing() throws {
        var spec = Samples.fullDonut
        spec.categories = ["Đạt", "Chưa đạt"]
        spec.series = [.init(name: "s", values: [12, 0])]
        let svg = try tree(spec)
        #expect(svg.all(withClass: "chart__slice").count == 1)
        #expect(svg.first(withClass: "chart__slice")?.attributes["d"]?.filter { $0 == "A" }.count == 4)
        #expect(svg.all(withClass: "chart__legend-label").map(\.allText) == ["Đạt: 12 (100,0%)", "Chưa đạt: 0 (0,0%)"])
    }

    @Test func percentSlicesUnderAHundredLeaveTheRestEmpty() throws {
        let spec = ChartSpec(id: "p", kind: .donut, title: "t", categories: ["Đã số hóa"],
                             series: [.init(name: "s", values: [54.4])], unit: .percent(decimals: 1))
        let svg = try tree(spec)
        let slice = try #require(svg.first(withClass: "chart__slice")?.attributes["d"])
        #expect(slice.filter { $0 == "A" }.count == 2, "a sector, not a ring")
        #expect(slice.contains(" 0 1 1 "), "more than half: the large-arc flag is set")
        #expect(svg.first(withClass: "chart__donut-total")?.text == "54,4%")
        #expect(svg.all(withClass: "chart__legend-label").first?.text == "Đã số hóa: 54,4%")
    }

    @Test func donutSlicesFollowEachOtherRoundTheRing() throws {
        let slices = try tree(Samples.donut).all(withClass: "chart__slice").compactMap { $0.attributes["d"] }
        #expect(slices.count == 4)
        #expect(slices.first?.hasPrefix("M160,24A") == true, "starts at twelve o'clock")
        // Each slice starts where the previous one's outer arc ended.
        for (previous, next) in zip(slices, slices.dropFirst()) {
            let end = previous.split(separator: "L").first?.split(separator: " ").last.map(String.init)
            let start = next.dropFirst().split(separator: "A").first.map(String.init)
            #expect(end == start)
        }
    }

    @Test func emptyDonutSaysSo() throws {
        var spec = Samples.donut
        spec.series = [.init(name: "s", values: [nil, nil, nil, nil])]
        let svg = try tree(spec)
        #expect(svg.all(withClass: "chart__slice").isEmpty)
        #expect(svg.first(withClass: "chart__empty")?.text == "Chưa có số liệu")
    }

    // MARK: Degenerate input, every kind

    @Test(arguments: ChartSpec.Kind.allCases)
    func degenerateSpecsDrawWithoutNaN(kind: ChartSpec.Kind) throws {
        let specs = [
            ChartSpec(id: "a", kind: kind, title: "t", categories: [], series: [], unit: .count),
            ChartSpec(id: "b", kind: kind, title: "t", categories: ["A", "B"], series: [.init(name: "s", values: [nil, nil])], unit: .count),
            ChartSpec(id: "c", kind: kind, title: "t", categories: ["A", "B"], series: [.init(name: "s", values: [0, 0])], unit: .percent(decimals: 1)),
            ChartSpec(id: "d", kind: kind, title: "t", categories: ["A"], series: [.init(name: "s", values: [.nan])], unit: .ratio(decimals: 2),
                      target: .infinity),
            ChartSpec(id: "e", kind: kind, title: "t", categories: ["A", "B"], series: [.init(name: "s", values: [-5, -5])], unit: .score(decimals: 1),
                      target: -5),
            ChartSpec(id: "f", kind: kind, title: "t", categories: ["A"], series: [.init(name: "s", values: [1, 2, 3])], unit: .count),
            ChartSpec(id: "g", kind: kind, title: "t", categories: ["A"], series: [.init(name: "s", values: [1e15])], unit: .count, target: 1e-9),
        ]
        for spec in specs {
            let svg = renderer.render(spec)
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(spec.id)")
            #expect(XMLTree(svg) != nil, "\(spec.id) well-formed")
            #expect(XMLTree(renderer.table(spec)) != nil)
            let numbers = try Self.numericAttributes(svg)
            #expect(numbers.allSatisfy { $0.isFinite }, "\(spec.id)")
        }
    }

    @Test func valuesBeyondTheCategoriesAreKeptUnderTheirPosition() {
        let spec = ChartSpec(id: "f", kind: .bar, title: "t", categories: ["A"], series: [.init(name: "s", values: [1, 2])], unit: .count)
        #expect(renderer.table(spec).contains("<th scope=\"row\">#2</th><td>2</td>"))
    }

    // MARK: Fixed precision

    @Test(arguments: Samples.golden.map(\.name))
    func everyCoordinateHasAtMostOneDecimal(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let svg = renderer.render(spec)
        let pattern = /\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height|dy|font-size)="([^"]*)"/
        for match in svg.matches(of: pattern) where match.output.1 != "100%" {
            #expect(match.output.1.wholeMatch(of: /-?\d+(\.\d)?/) != nil, "\(match.output.0)")
        }
        for match in svg.matches(of: /\sd="([^"]*)"/) {
            #expect(match.output.1.wholeMatch(of: /[MLAZ0-9., -]+/) != nil)
            #expect(match.output.1.firstMatch(of: /\d\.\d\d/) == nil, "\(match.output.1)")
        }
    }

    static func numericAttributes(_ svg: String) throws -> [Double] {
        svg.matches(of: /\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height)="(-?[0-9.]+)"/).compactMap { Double($0.output.1) }
    }
}
