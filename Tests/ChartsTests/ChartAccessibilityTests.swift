import Charts
import Testing

/// What a screen reader and a theme rely on: ids, ARIA, the description's numbers, classes not colours.
@Suite struct ChartAccessibilityTests {
    let renderer = ChartRenderer()

    @Test(arguments: Samples.golden.map(\.name))
    func svgIsNamedAndDescribedThroughItsOwnTitleAndDesc(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let svg = try #require(XMLTree(renderer.render(spec))).root
        #expect(svg.name == "svg")
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "\(spec.id)-title \(spec.id)-desc")
        let title = try #require(svg.children.first)
        #expect(title.name == "title")
        #expect(title.attributes["id"] == "\(spec.id)-title")
        #expect(title.text == spec.title)
        let desc = try #require(svg.children.dropFirst().first)
        #expect(desc.name == "desc")
        #expect(desc.attributes["id"] == "\(spec.id)-desc")
        #expect(!desc.text.isEmpty)
    }

    @Test(arguments: Samples.golden.map(\.name))
    func svgScalesWithItsContainer(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let svg = try #require(XMLTree(renderer.render(spec))).root
        let viewBox = try #require(svg.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4)
        #expect(viewBox[2] > 0 && viewBox[3] > 0)
        #expect(svg.attributes["width"] == "100%")
        #expect(svg.attributes["height"] == nil)
        #expect(svg.attributes["preserveAspectRatio"] != nil)
    }

    @Test(arguments: Samples.golden.map(\.name))
    func coloursComeOnlyFromClasses(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let tree = try #require(XMLTree(renderer.render(spec)))
        let everything = [tree.root] + tree.root.all { _ in true }
        for element in everything {
            #expect(element.attributes["stroke"] == nil, "\(element.name) has a stroke")
            #expect(element.attributes["style"] == nil, "\(element.name) has a style")
            #expect(element.attributes["color"] == nil)
            if let fill = element.attributes["fill"] {
                // Only references to the chart's own patterns, whose marks are coloured by CSS.
                #expect(fill.hasPrefix("url(#\(spec.id)-pattern-"), "\(element.name) fill=\(fill)")
            }
        }
        #expect(tree.root.classes.contains("chart"))
    }

    @Test func descriptionSaysEveryNumberTheWayThePictureDoes() throws {
        let svg = try #require(XMLTree(renderer.render(Samples.bar))).root
        let desc = try #require(svg.all(named: "desc").first).text
        #expect(desc == "Tỷ lệ hồ sơ phát sinh trực tuyến toàn trình theo quý. Quý I/2023: 70,2%; Quý II/2023: 75,8%; "
            + "Quý III/2023: chưa có số liệu; Quý IV/2023: 88,0%; Quý I/2024: 93,1%. Mục tiêu: 100%.")
        // The same strings are what the bars are labelled with.
        let labels = svg.all(withClass: "chart__value-label").map(\.text)
        #expect(labels == ["70,2%", "75,8%", "88,0%", "93,1%"])
        for label in labels { #expect(desc.contains(label)) }
    }

    @Test func descriptionNamesEachSeriesWhenThereAreSeveral() throws {
        let svg = try #require(XMLTree(renderer.render(Samples.groupedBar))).root
        let desc = try #require(svg.all(named: "desc").first).text
        #expect(desc.contains("Năm 2023 — Quý I: 9.875; Quý II: 11.020; Quý III: 12.480; Quý IV: 13.012."))
        #expect(desc.contains("Năm 2024 — Quý I: 13.433; Quý II: chưa có số liệu;"))
        #expect(desc.contains("Kế hoạch 2024 — Quý I: 12.000;"))
    }

    @Test(arguments: Samples.golden.map(\.name))
    func descriptionContainsEveryValueOfTheSpec(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let desc = try #require(XMLTree(renderer.render(spec))?.root.all(named: "desc").first).text
        // Bullets draw only their last category; every other kind draws them all.
        let categories = spec.kind == .bullet ? [spec.categories.count - 1] : Array(spec.categories.indices)
        for series in spec.kind == .donut || spec.kind == .bullet ? Array(spec.series.prefix(1)) : spec.series {
            for index in categories {
                let expected = series.values[index].map { Self.format($0, spec.unit) } ?? "chưa có số liệu"
                #expect(desc.contains("\(spec.categories[index]): \(expected)"), "\(name): \(spec.categories[index])")
            }
        }
        if let label = spec.targetLabel { #expect(desc.contains("Mục tiêu: \(label).")) }
    }

    @Test func targetWithoutItsOwnWordsIsWrittenWithItsDirection() throws {
        var spec = Samples.bullet
        spec.targetLabel = nil
        #expect(renderer.render(spec).contains("Mục tiêu: ≥ 80,0%."))
        spec.targetDirection = .atMost
        #expect(renderer.render(spec).contains("Mục tiêu: ≤ 80,0%."))
    }

    @Test func donutDescriptionGivesValuesSharesAndTotal() throws {
        let desc = try #require(XMLTree(renderer.render(Samples.donut))?.root.all(named: "desc").first).text
        #expect(desc == "Trực tuyến toàn trình: 13.433 (55,9%); Trực tuyến một phần: 6.192 (25,8%); Trực tiếp: 4.003 (16,7%); "
            + "Qua dịch vụ bưu chính công ích: 412 (1,7%); Tổng: 24.040.")
    }

    @Test func idsAreMadeSafeForAriaLabelledby() throws {
        var spec = Samples.bar
        spec.id = "chỉ số 1.1"
        let svg = try #require(XMLTree(renderer.render(spec))).root
        let labelledBy = try #require(svg.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(labelledBy.count == 2)
        let ids = Set(([svg] + svg.all { _ in true }).compactMap { $0.attributes["id"] })
        for id in labelledBy { #expect(ids.contains(id)) }
        #expect(!labelledBy[0].contains(" ") && !labelledBy[0].contains("."))
        spec.id = "1.1"
        #expect(renderer.render(spec).contains("aria-labelledby=\"chart-1-1-title chart-1-1-desc\""))
    }

    @Test func patternIdsBelongToTheChartSoTwoChartsOnAPageDoNotClash() throws {
        let svg = renderer.render(Samples.groupedBar)
        #expect(svg.contains("id=\"bar-grouped-pattern-1\""))
        #expect(svg.contains("fill=\"url(#bar-grouped-pattern-1)\""))
        #expect(!renderer.render(Samples.bar).contains("<pattern"))
    }

    /// Written independently of the module's formatter, so the test checks it rather than repeats it.
    static func format(_ value: Double, _ unit: ChartSpec.Unit) -> String {
        switch unit {
        case .percent(let decimals): vietnamese(value, decimals) + "%"
        case .count: vietnamese(value, 0)
        case .ratio(let decimals), .score(let decimals): vietnamese(value, decimals)
        }
    }

    static func vietnamese(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((abs(value) * scale).rounded())
        let whole = String(units / Int(scale))
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        if decimals > 0 {
            var fraction = String(units % Int(scale))
            while fraction.count < decimals { fraction = "0" + fraction }
            grouped += "," + fraction
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
