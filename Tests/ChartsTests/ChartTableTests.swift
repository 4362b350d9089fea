import Charts
import Testing

@Suite struct ChartTableTests {
    let renderer = ChartRenderer()

    @Test func tableHasCaptionHeadersAndTheChartsNumbers() throws {
        let table = try #require(XMLTree(renderer.table(Samples.bar))).root
        #expect(table.name == "table")
        #expect(table.all(named: "caption").first?.text == Samples.bar.title)
        let columns = table.all(named: "th").filter { $0.attributes["scope"] == "col" }.map(\.text)
        #expect(columns == ["Kỳ", "Tỷ lệ"])
        let rows = table.all(named: "th").filter { $0.attributes["scope"] == "row" }.map(\.text)
        #expect(rows == Samples.quarters + ["Mục tiêu"])
        let cells = table.all(named: "td").map(\.text)
        #expect(cells == ["70,2%", "75,8%", "Chưa có số liệu", "88,0%", "93,1%", "100%"])
    }

    @Test func tableAndChartShowTheSameNumbers() throws {
        let svg = try #require(XMLTree(renderer.render(Samples.horizontalBar))).root
        let table = try #require(XMLTree(renderer.table(Samples.horizontalBar))).root
        let drawn = svg.all(withClass: "chart__value-label").map(\.text)
        let tabled = table.all(named: "tbody").first?.all(named: "td").map(\.text).filter { $0 != "Chưa có số liệu" }
        #expect(drawn == tabled)
    }

    @Test func groupedTableHasAColumnPerSeries() throws {
        let table = try #require(XMLTree(renderer.table(Samples.groupedBar))).root
        let columns = table.all(named: "th").filter { $0.attributes["scope"] == "col" }.map(\.text)
        #expect(columns == ["Kỳ", "Năm 2023", "Năm 2024", "Kế hoạch 2024"])
        let firstRow = try #require(table.all(named: "tr").dropFirst().first)
        #expect(firstRow.all(named: "td").map(\.text) == ["9.875", "13.433", "12.000"])
    }

    @Test func donutTableHasSharesAndATotal() throws {
        let table = try #require(XMLTree(renderer.table(Samples.donut))).root
        let columns = table.all(named: "th").filter { $0.attributes["scope"] == "col" }.map(\.text)
        #expect(columns == ["Thành phần", "Số hồ sơ", "Tỷ lệ"])
        let foot = try #require(table.all(named: "tfoot").first)
        #expect(foot.all(named: "th").first?.text == "Tổng")
        #expect(foot.all(named: "td").map(\.text) == ["24.040", "100,0%"])
    }

    @Test func customCategoryHeading() throws {
        var spec = Samples.bar
        spec.categoryTitle = "Quý"
        #expect(renderer.table(spec).contains("<th scope=\"col\">Quý</th>"))
    }

    @Test func figureHoldsCaptionSVGAndTheTableInDetails() throws {
        let figure = renderer.figure(Samples.line)
        let root = try #require(XMLTree(figure)).root
        #expect(root.name == "figure")
        #expect(root.classes.contains("chart-figure"))
        #expect(root.children.map(\.name) == ["figcaption", "svg", "details"])
        let details = try #require(root.all(named: "details").first)
        #expect(details.children.first?.name == "summary")
        #expect(details.children.first?.text == "Bảng số liệu")
        #expect(details.all(named: "table").count == 1)
        #expect(!figure.contains("<script"))
    }
}
