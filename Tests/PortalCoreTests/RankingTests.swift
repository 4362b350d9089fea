import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// A site with three levels, two periods and a map, built with the minimal theme: the ranking pages,
/// downloads, feed, search entries, sitemap and shortcode carry the numbers worked out from the scores.
@Suite struct RankingSiteTests {
    static let definitions = """
        levels:
          - id: so-nganh
            name: "Sở, ban, ngành"
            pillars:
              - { id: nhan-thuc-so, name: "Nhận thức số", max: 60 }
              - { id: the-che-so, name: "Thể chế số", max: 40 }
            bands:
              - { min: 80, name: "Tốt" }
              - { min: 0, name: "Trung bình" }
          - id: huyen
            name: "Huyện, thành phố"
            pillars:
              - { id: ha-tang, name: "Hạ tầng số", max: 50 }
              - { id: chinh-quyen, name: "Chính quyền số", max: 50 }
            bands:
              - { min: 70, name: "Tốt" }
              - { min: 40, name: "Khá" }
              - { min: 0, name: "Yếu" }
          - id: xa
            name: "Xã, phường"
            pillars:
              - { id: tong, name: "Tổng hợp", max: 100 }
        units:
          - { id: stttt, name: "Sở Thông tin và Truyền thông", level: so-nganh }
          - { id: sgd, name: "Sở Giáo dục và Đào tạo", level: so-nganh }
          - { id: syt, name: "Sở Y tế", level: so-nganh }
          - { id: ba-be, name: "Huyện Ba Bể", level: huyen, map: BB }
          - { id: cho-moi, name: "Huyện Chợ Mới", level: huyen, map: CM }
          - { id: na-ri, name: "Huyện Na Rì", level: huyen, map: NR }
          - { id: xa-cao-ky, name: "Xã Cao Kỳ", level: xa, parent: cho-moi }
          - { id: xa-yen-don, name: "Xã Yên Đĩnh", level: xa, parent: cho-moi }
        """

    static let scores = """
        unit,period,pillar,score,note
        ba-be,2022,ha-tang,30,
        ba-be,2022,chinh-quyen,30,
        cho-moi,2022,ha-tang,40,
        cho-moi,2022,chinh-quyen,35.5,
        na-ri,2022,ha-tang,20,
        na-ri,2022,chinh-quyen,20,
        ba-be,2023,ha-tang,45,
        ba-be,2023,chinh-quyen,40,
        cho-moi,2023,ha-tang,30,
        cho-moi,2023,chinh-quyen,30,
        na-ri,2023,ha-tang,35,
        na-ri,2023,chinh-quyen,25,
        stttt,2022,nhan-thuc-so,50,
        stttt,2022,the-che-so,30,
        sgd,2022,nhan-thuc-so,30,
        sgd,2022,the-che-so,30,
        stttt,2023,nhan-thuc-so,55,
        stttt,2023,the-che-so,38,
        sgd,2023,nhan-thuc-so,40,
        sgd,2023,the-che-so,30,
        syt,2023,nhan-thuc-so,40,
        syt,2023,the-che-so,30,
        xa-cao-ky,2023,tong,80,
        xa-yen-don,2023,tong,75.5,
        """

    static let published = """
        unit,period,total,rank
        ba-be,2023,85,1
        na-ri,2023,60,2
        """

    static let national = """
        period,index,name,score,rank,of,source
        2021,dti,,,51,63,https://backan.gov.vn/a
        2020,dti,,,59,63,https://backan.gov.vn/a
        2021,nhan-thuc-so,Nhận thức số,,36,63,https://backan.gov.vn/a
        """

    /// Three square districts side by side; Chợ Mới's top edge has three points on it or a third of a
    /// unit off it once projected, which the simplification must drop.
    static let map = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "BB", "properties": {}, "geometry": {"type": "Polygon", "coordinates":
            [[[105.6, 22.4], [105.8, 22.4], [105.8, 22.2], [105.6, 22.2], [105.6, 22.4]]]}},
          {"type": "Feature", "properties": {"id": "CM"}, "geometry": {"type": "Polygon", "coordinates":
            [[[105.8, 22.4], [105.85, 22.4], [105.9, 22.4005], [105.95, 22.4], [106.0, 22.4], [106.0, 22.2], [105.8, 22.2], [105.8, 22.4]]]}},
          {"type": "Feature", "id": "NR", "geometry": {"type": "MultiPolygon", "coordinates":
            [[[[106.0, 22.4], [106.2, 22.4], [106.2, 22.2], [106.0, 22.2], [106.0, 22.4]]]]}}
        ]}
        """

    /// Built with the minimal inline theme unless `templates` is nil (the bundled theme, for `BundledThemeTests`).
    static func site(map: Bool = true, extra: [String: String] = [:],
                     templates: [String: String]? = MinimalTheme.templates) throws -> TestSite {
        var files = [
            "rankings/rankings.yaml": definitions, "rankings/scores.csv": scores, "rankings/published.csv": published,
            "rankings/national.csv": national,
        ]
        if map { files["rankings/map.geojson"] = Self.map }
        files.merge(extra) { _, new in new }
        return try TestSite(files, templates: templates)
    }

    @Test func aLevelTableRanksByTotalWithSharedRanksBandsAndChanges() throws {
        let site = try Self.site()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("xep-hang/huyen/index.html"))
        // The latest period; Chợ Mới and Na Rì tie at 60 and share rank 2; each moved since 2022 (2, 1, 3).
        #expect(page.contains("<h1>Huyện, thành phố Năm 2023</h1>"))
        #expect(page.contains("""
            <ol class="rows"><li>1 | Huyện Ba Bể | /xep-hang/don-vi/ba-be/ | 85 | 45;40; | Tốt | ▲ 1 (tăng 1 bậc, tang)</li>\
            <li>2 | Huyện Chợ Mới | /xep-hang/don-vi/cho-moi/ | 60 | 30;30; | Khá | ▼ 1 (giảm 1 bậc, giam)</li>\
            <li>2 | Huyện Na Rì | /xep-hang/don-vi/na-ri/ | 60 | 35;25; | Khá | ▲ 1 (tăng 1 bậc, tang)</li></ol>
            """))
        #expect(page.contains("<p class=\"pillars\">Hạ tầng số/50;Chính quyền số/50; max 100</p>"))
        #expect(page.contains("<a href=\"/xep-hang/huyen/du-lieu.csv\">csv</a>"))
        // The periods, newest first; none is current on the level's own page.
        #expect(page.contains("<ul class=\"periods\"><li><a href=\"/xep-hang/huyen/2023/\">Năm 2023</a></li><li><a href=\"/xep-hang/huyen/2022/\">Năm 2022</a></li></ul>"))

        // The first period has nothing to compare with; its totals keep the decimals its scores have.
        let first = try #require(site.page("xep-hang/huyen/2022/index.html"))
        #expect(first.contains("""
            <ol class="rows"><li>1 | Huyện Chợ Mới | /xep-hang/don-vi/cho-moi/ | 75,5 | 40,0;35,5; | Tốt |  (, )</li>\
            <li>2 | Huyện Ba Bể | /xep-hang/don-vi/ba-be/ | 60,0 | 30,0;30,0; | Khá |  (, )</li>\
            <li>3 | Huyện Na Rì | /xep-hang/don-vi/na-ri/ | 40,0 | 20,0;20,0; | Khá |  (, )</li></ol>
            """))
        #expect(first.contains("<a href=\"/xep-hang/huyen/2022/\" aria-current=\"page\">Năm 2022</a>"))
        #expect(first.contains("<a href=\"/xep-hang/huyen/2022/du-lieu.csv\">csv</a>"))

        // A unit new in the period, and a tie below the first.
        let departments = try #require(site.page("xep-hang/so-nganh/2023/index.html"))
        #expect(departments.contains("<li>2 | Sở Giáo dục và Đào tạo | /xep-hang/don-vi/sgd/ | 70 | 40;30; | Trung bình | – (giữ nguyên hạng, giu-nguyen)</li>"))
        #expect(departments.contains("<li>2 | Sở Y tế | /xep-hang/don-vi/syt/ | 70 | 40;30; | Trung bình | mới (mới được xếp hạng, moi)</li>"))
    }

    @Test func theTableIsInRankOrderAndSortableWithAStickyRowHeader() throws {
        let site = try Self.site()
        site.build()
        let page = try #require(site.page("xep-hang/huyen/index.html"))
        #expect(page.contains("<table class=\"data-table ranking-table__table\" data-sortable>"))
        #expect(page.contains("<th scope=\"col\" class=\"num\" aria-sort=\"ascending\" data-sort-type=\"number\">Hạng</th>"))
        #expect(page.contains("<caption id=\"bang-huyen-2023-caption\">Xếp hạng chuyển đổi số Huyện, thành phố, Năm 2023</caption>"))
        let ba = try #require(page.range(of: "<a href=\"/xep-hang/don-vi/ba-be/\">Huyện Ba Bể</a></th>"))
        let cho = try #require(page.range(of: "<a href=\"/xep-hang/don-vi/cho-moi/\">Huyện Chợ Mới</a></th>"))
        let na = try #require(page.range(of: "<a href=\"/xep-hang/don-vi/na-ri/\">Huyện Na Rì</a></th>"))
        #expect(ba.lowerBound < cho.lowerBound && cho.lowerBound < na.lowerBound)
        #expect(page.contains("<td class=\"rank-change rank-change--tang\" data-sort=\"1\"><span aria-hidden=\"true\">▲ 1</span><span class=\"visually-hidden\">tăng 1 bậc</span></td>"))
        // A bar per unit: the totals drawn as a chart, with its table.
        #expect(page.contains("<figcaption class=\"chart-figure__caption\">Tổng điểm Huyện, thành phố, Năm 2023</figcaption>"))
        #expect(page.contains("<meter class=\"ranking-table__bar\" min=\"0\" max=\"100.00\" value=\"85\" aria-hidden=\"true\"></meter>"))
    }

    @Test func aUnitPageShowsItsHistoryNewestFirstAndItsPillars() throws {
        let site = try Self.site()
        site.build()
        let page = try #require(site.page("xep-hang/don-vi/ba-be/index.html"))
        #expect(page.contains("<h1>Huyện Ba Bể</h1><p>Huyện, thành phố /xep-hang/huyen/ </p>"))
        #expect(page.contains("<p class=\"latest\">Năm 2023 85 1/3 Tốt</p>"))
        #expect(page.contains("""
            <ol class="history"><li><a href="/xep-hang/huyen/2023/">Năm 2023</a> | 85 | 1/3 | Tốt | ▲ 1 tăng 1 bậc</li>\
            <li><a href="/xep-hang/huyen/2022/">Năm 2022</a> | 60,0 | 2/3 | Khá |  </li></ol>
            """))
        #expect(page.contains("Thứ hạng của Huyện Ba Bể qua các kỳ"))
        #expect(page.contains("Hạng 1 là cao nhất, ở trên cùng của trục"))
        #expect(page.contains("Điểm từng trụ cột của Huyện Ba Bể, Năm 2023, so với điểm tối đa"))
        let commune = try #require(site.page("xep-hang/don-vi/xa-cao-ky/index.html"))
        #expect(commune.contains("parent: <a href=\"/xep-hang/don-vi/cho-moi/\">Huyện Chợ Mới</a>"))
        // One period: no history line to draw, the pillars still are.
        #expect(!commune.contains("qua các kỳ"))
        #expect(commune.contains("so với điểm tối đa"))
    }

    @Test func theOverviewShowsEachLevelAndTheNationalPlaceOverTheYears() throws {
        let site = try Self.site()
        site.build()
        let page = try #require(site.page("xep-hang/index.html"))
        #expect(page.contains("<h2><a href=\"/xep-hang/so-nganh/\">Sở, ban, ngành</a></h2> Năm 2023 units: 3"))
        #expect(page.contains("<h2><a href=\"/xep-hang/xa/\">Xã, phường</a></h2> Năm 2023 units: 2"))
        // Oldest first, the overall index before its parts.
        #expect(page.contains("""
            <table class="national"><tr><td>Năm 2020</td><td>Chỉ số DTI (overall)</td><td>59/63</td><td></td><td>https://backan.gov.vn/a</td><td></td></tr>\
            <tr><td>Năm 2021</td><td>Chỉ số DTI (overall)</td><td>51/63</td><td></td><td>https://backan.gov.vn/a</td><td></td></tr>\
            <tr><td>Năm 2021</td><td>Nhận thức số</td><td>36/63</td><td></td><td>https://backan.gov.vn/a</td><td></td></tr></table>
            """))
        #expect(page.contains("Thứ hạng DTI của Tỉnh Thử Nghiệm trong cả nước"))
        #expect(page.contains("Năm 2020: hạng 59/63, Năm 2021: hạng 51/63"))
    }

    @Test func theMapLinksEachRegionToItsUnitWithItsTotalAsItsName() throws {
        let site = try Self.site()
        site.build()
        let page = try #require(site.page("xep-hang/huyen/index.html"))
        #expect(page.contains("<a href=\"/xep-hang/don-vi/ba-be/\" aria-label=\"Huyện Ba Bể: 85 điểm, hạng 1, Tốt\"><path class=\"ranking-map__region ranking-map__band-0\" d=\"M"))
        #expect(page.contains("<a href=\"/xep-hang/don-vi/na-ri/\" aria-label=\"Huyện Na Rì: 60 điểm, hạng 2, Khá\"><path class=\"ranking-map__region ranking-map__band-1\""))
        #expect(page.contains("<li><span class=\"ranking-map__swatch ranking-map__band-0\" aria-hidden=\"true\"></span>Tốt (từ 70 điểm)</li>"))
        #expect(page.contains("role=\"group\" aria-labelledby=\"ban-do-huyen-2023-title\""))
        // The three points on Chợ Mới's straight edge are gone: four corners, one M and three L.
        let start = try #require(page.range(of: "aria-label=\"Huyện Chợ Mới: 60 điểm, hạng 2, Khá\"><path class=\"ranking-map__region ranking-map__band-1\" d=\""))
        let path = page[start.upperBound...].prefix { $0 != "\"" }
        #expect(path.filter { $0 == "M" }.count == 1)
        #expect(path.filter { $0 == "L" }.count == 3, "\(path)")
        // Three squares side by side, 0.2° each: the map is three times as wide as it is tall (less the
        // cosine of the latitude).
        let viewBox = try #require(page.range(of: "class=\"ranking-map__svg\" viewBox=\"0 0 400 "))
        let height = Int(page[viewBox.upperBound...].prefix { $0.isNumber }) ?? 0
        #expect((140...150).contains(height), "\(height)")
        // The whole map, a few KB.
        let map = try #require(page.range(of: "<figure class=\"ranking-map\""))
        let end = try #require(page.range(of: "</figure>", range: map.upperBound..<page.endIndex))
        #expect(page.utf8.distance(from: map.lowerBound.samePosition(in: page.utf8)!, to: end.upperBound.samePosition(in: page.utf8)!) < 4_000)
        // No map for a level whose units have none, nor for a site without map.geojson.
        #expect(!(try #require(site.page("xep-hang/so-nganh/index.html"))).contains("ranking-map"))
        let plain = try Self.site(map: false)
        plain.build()
        #expect(!(try #require(plain.page("xep-hang/huyen/index.html"))).contains("ranking-map"))
    }

    @Test func twoBuildsWriteTheSameBytes() throws {
        let first = try Self.site()
        first.build()
        let second = try Self.site()
        second.build()
        let a = first.snapshot().filter { $0.key.hasPrefix("xep-hang/") }
        let b = second.snapshot().filter { $0.key.hasPrefix("xep-hang/") }
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func downloadsFeedSitemapAndSearchCarryThePeriods() throws {
        let site = try Self.site()
        site.build()
        let bytes = try Data(contentsOf: site.output.appendingPathComponent("xep-hang/huyen/2023/du-lieu.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "Excel needs the byte-order mark to read UTF-8")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv == """
            level,period,rank,unit,unit_name,total,ha-tang,chinh-quyen,band,change
            huyen,2023,1,ba-be,Huyện Ba Bể,85,45,40,Tốt,1
            huyen,2023,2,cho-moi,Huyện Chợ Mới,60,30,30,Khá,-1
            huyen,2023,2,na-ri,Huyện Na Rì,60,35,25,Khá,1

            """)
        let all = try #require(site.page("xep-hang/huyen/du-lieu.csv"))
        #expect(all.contains("huyen,2022,1,cho-moi,Huyện Chợ Mới,75.5,40.0,35.5,Tốt,\n"))
        #expect(all.contains("huyen,2023,1,ba-be"))

        let feed = try #require(site.page("xep-hang/rss.xml"))
        let titles = feed.components(separatedBy: "<title>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles == ["Các kỳ xếp hạng chuyển đổi số | Cổng thông tin Chuyển đổi số tỉnh Thử Nghiệm",
                           "Xếp hạng chuyển đổi số Huyện, thành phố, Năm 2023", "Xếp hạng chuyển đổi số Sở, ban, ngành, Năm 2023",
                           "Xếp hạng chuyển đổi số Xã, phường, Năm 2023", "Xếp hạng chuyển đổi số Huyện, thành phố, Năm 2022",
                           "Xếp hạng chuyển đổi số Sở, ban, ngành, Năm 2022"])
        #expect(feed.contains("<link>https://cds.example.gov.vn/xep-hang/huyen/2023/</link>"))

        let sitemap = try #require(site.page("sitemap.xml"))
        for address in ["xep-hang/", "xep-hang/huyen/", "xep-hang/huyen/2022/", "xep-hang/xa/2023/", "xep-hang/don-vi/xa-yen-don/"] {
            #expect(sitemap.contains("<loc>https://cds.example.gov.vn/\(address)</loc>"), "\(address)")
        }
        let search = try BuiltSearchIndex(site)
        let rankingDocuments = search.store.indices.filter { search.store[$0][0] as? Int == SearchDocument.Kind.ranking.rawValue }
        let unit = try #require(rankingDocuments.first { search.url($0) == "/xep-hang/don-vi/ba-be/" })
        #expect(search.title(unit) == "Huyện Ba Bể")
        #expect(search.store[unit][3] as? String == "Năm 2023")
        #expect(search.text(unit) == "85 điểm, hạng 1\nHuyện, thành phố")
        #expect(rankingDocuments.contains { search.url($0) == "/xep-hang/huyen/" && search.title($0) == "Xếp hạng chuyển đổi số Huyện, thành phố" })
        #expect(search.titles("ba").contains("Huyện Ba Bể"), "a unit is found by its name")
    }

    @Test func theShortcodePutsATableInAnyPageAndKeepsTiesWithTheLastShown() throws {
        let site = try Self.site(extra: [
            "pages/ket-qua.md": "---\ntitle: Kết quả\n---\nĐứng đầu:\n\n{{< ranking level=\"huyen\" period=\"2023\" top=\"2\" >}}\n\n{{< ranking level=\"so-nganh\" top=\"1\" >}}\n",
        ])
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("ket-qua/index.html"))
        #expect(page.contains("Xếp hạng chuyển đổi số Huyện, thành phố, Năm 2023 (2 đơn vị đứng đầu)</caption>"))
        // Top 2 of 1, 2, 2: both units at rank 2.
        #expect(page.contains("Huyện Chợ Mới</a>") && page.contains("Huyện Na Rì</a>"))
        #expect(page.contains("Sở Thông tin và Truyền thông</a>"))
        #expect(!page.contains("Sở Y tế</a>"))
        #expect(!page.contains("<p>{{"))
    }

    @Test func aBadShortcodeIsAnErrorAtItsLine() throws {
        let site = try Self.site(extra: ["pages/ket-qua.md": "---\ntitle: Kết quả\n---\n{{< ranking level=\"tinh\" >}}\n\n{{< ranking level=\"huyen\" period=\"2021\" >}}\n"])
        let report = site.build()
        #expect(report.findings.contains { $0.file == "Content/pages/ket-qua.md" && $0.line == 4 && $0.message.contains("unknown ranking level \"tinh\" (levels: so-nganh, huyen, xa)") })
        #expect(report.findings.contains { $0.file == "Content/pages/ket-qua.md" && $0.line == 6 && $0.message.contains("level huyen has no scores for 2021 (periods: 2022, 2023)") })
    }

    @Test func markupInANameIsTextEverywhereItAppears() throws {
        let hostile = #"<script>alert("x")</script> & Sở"#
        let definitions = Self.definitions.replacingOccurrences(of: "\"Huyện Ba Bể\"", with: "'=\(hostile)'")
        let site = try Self.site(extra: ["rankings/rankings.yaml": definitions])
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let escaped = "=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sở"
        for path in ["xep-hang/huyen/index.html", "xep-hang/don-vi/ba-be/index.html", "xep-hang/index.html", "xep-hang/rss.xml"] {
            let page = try #require(site.page(path))
            #expect(!page.contains("<script>alert"), "\(path)")
            #expect(page.contains(escaped), "\(path)")
        }
        #expect(try #require(site.page("xep-hang/huyen/index.html")).contains("aria-label=\"\(escaped): 85 điểm, hạng 1, Tốt\""))
        // In the download the name cannot run as a spreadsheet formula.
        #expect(try #require(site.page("xep-hang/huyen/du-lieu.csv")).contains(",ba-be,\"'=<script>alert(\"\"x\"\")</script> & Sở\",85,"))
    }

    @Test func aMapWithOtherGeometriesDrawsOnlyThePolygonsAndSaysSo() throws {
        let map = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "BB", "geometry": {"type": "Point", "coordinates": [105.6, 22.4]}},
              {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 2], [1, 2], [1, 1]]]}},
              {"type": "Feature", "id": "NR", "geometry": {"type": "Polygon", "coordinates": [[[106.0, 22.4], [106.2, 22.4], [106.2, 22.2], [106.0, 22.4]]]}},
              {"type": "Feature", "id": "CM", "geometry": {"type": "Polygon", "coordinates": [["x", [1, 2]]]}}
            ]}
            """
        let site = try Self.site(extra: ["rankings/map.geojson": map])
        let report = site.build()
        let messages = report.findings.map(\.description)
        #expect(messages.contains("Content/rankings/map.geojson: warning: feature \"BB\" of map.geojson is not a Polygon or MultiPolygon with coordinates: it is left off the map"))
        #expect(messages.contains("Content/rankings/map.geojson: warning: feature 2 of map.geojson has no id: give it the id a unit's map: names"))
        #expect(messages.contains { $0.hasPrefix("Content/rankings/rankings.yaml:") && $0.contains("unit ba-be has map: BB, but map.geojson has no feature with that id") })
        #expect(!report.findings.hasErrors)
        let page = try #require(site.page("xep-hang/huyen/index.html"))
        #expect(page.contains("aria-label=\"Huyện Na Rì: 60 điểm, hạng 2, Khá\""))
        #expect(!page.contains("aria-label=\"Huyện Ba Bể"))
    }

    @Test func nationalPlacesAloneMakeTheOverview() throws {
        let site = try TestSite(["rankings/national.csv": Self.national], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("xep-hang/index.html"))
        #expect(page.contains("<p>no levels</p>"))
        #expect(page.contains("<td>51/63</td>"))
    }
}

/// Ranks, ties and changes as the resolver works them out.
@Suite struct RankingRuleTests {
    @Test func tiesShareTheBetterRankAndTheNextRankSkips() {
        func entry(_ unit: Int, _ total: Double) -> RankingEntry {
            RankingEntry(unit: unit, scores: [total], total: total, decimals: 1, rank: 0, band: nil, change: nil)
        }
        let ranked = RankingResolver.ranked([entry(0, 70), entry(1, 90), entry(2, 70), entry(3, 60.5), entry(4, 90)]) { "u\($0)" }
        #expect(ranked.map(\.rank) == [1, 1, 3, 3, 5])
        #expect(ranked.map(\.unit) == [1, 4, 0, 2, 3])
    }

    @Test func changesReadTheWayTheTableWritesThem() {
        #expect(RankChange.up(3).text == "▲ 3")
        #expect(RankChange.down(2).text == "▼ 2")
        #expect(RankChange.same.text == "–")
        #expect(RankChange.new.text == "mới")
    }
}
