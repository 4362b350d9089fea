import Charts
import Testing

/// Every piece of text in a spec may come from an editor's file; none of it may break the page.
@Suite struct ChartEscapingTests {
    static let hostile = "A & B <script>alert(\"x\")</script> ]]> 'q' </svg>"

    static func hostileSpec(_ kind: ChartSpec.Kind) -> ChartSpec {
        ChartSpec(id: "x\" onload=\"alert(1)", kind: kind, title: hostile, summary: hostile,
                  categories: [hostile, "Quý <II>"],
                  series: [.init(name: hostile, values: [10, 20]), .init(name: "B & C", values: [5, nil])],
                  unit: .percent(decimals: 1), target: 15, targetLabel: "≥ 15% <b>")
    }

    @Test(arguments: ChartSpec.Kind.allCases)
    func hostileTextIsEscapedEverywhereInTheSVG(kind: ChartSpec.Kind) throws {
        let svg = ChartRenderer().render(Self.hostileSpec(kind))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("</script>"))
        #expect(!svg.contains("]]>"))
        #expect(!svg.contains("<b>"))
        #expect(!svg.contains("onload=\""))
        #expect(svg.components(separatedBy: "</svg>").count == 2, "only the real closing tag")
        let tree = try #require(XMLTree(svg), "well-formed XML")
        #expect(tree.root.all(named: "title").first?.text == Self.hostile)
        #expect(tree.root.all(named: "desc").first?.text.contains(Self.hostile) == true)
    }

    @Test(arguments: ChartSpec.Kind.allCases)
    func hostileTextIsEscapedInTheTableAndFigure(kind: ChartSpec.Kind) throws {
        let figure = ChartRenderer().figure(Self.hostileSpec(kind))
        #expect(!figure.contains("<script"))
        #expect(!figure.contains("]]>"))
        #expect(!figure.contains("<b>"))
        let tree = try #require(XMLTree(figure), "well-formed")
        let caption = try #require(tree.root.all(named: "caption").first)
        #expect(caption.text == Self.hostile)
        #expect(tree.root.all(named: "th").contains { $0.text == Self.hostile })
    }

    @Test func controlCharactersThatXMLForbidsAreDropped() throws {
        let spec = ChartSpec(id: "c", kind: .bar, title: "Tỷ lệ\u{0}\u{1B} hồ sơ\u{FFFF}", categories: ["Quý\tI"],
                             series: [.init(name: "s", values: [1])], unit: .count)
        let svg = ChartRenderer().render(spec)
        let tree = try #require(XMLTree(svg))
        #expect(tree.root.all(named: "title").first?.text == "Tỷ lệ hồ sơ")
        #expect(svg.contains("Quý I"))
    }
}
