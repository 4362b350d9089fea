import Charts
import Foundation

/// The choropleth of one level and period: the level's regions (`RankingLevel.map`, projected and
/// simplified once in Resolve) as a small inline SVG. Each region is a link to its unit, named by its
/// name, total and band; the legend lists the bands; the ranking table beside it holds the numbers.
enum RankingMap {
    static func html(_ level: RankingLevel, _ period: RankingPeriod?, units: [RankingUnit], id: String) -> String? {
        guard let geometry = level.map else { return nil }
        let periodText = period.map { ", \($0.period.vietnamese)" } ?? ""
        let title = "Bản đồ xếp hạng \(level.name)\(periodText)"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ranking-map__svg\" viewBox=\"0 0 \(geometry.width) \(geometry.height)\" width=\"100%\" role=\"group\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>\n"
        for region in geometry.regions {
            let unit = region.unit
            let entry = period?.entries.first { $0.unit == unit }
            var label = units[unit].name
            let bandClass: String
            if let entry {
                label += ": \(RankingTable.number(entry.total, decimals: entry.decimals)) điểm, hạng \(entry.rank)"
                if let band = entry.band {
                    label += ", \(level.bands[band].name)"
                    bandClass = "ranking-map__band-\(band)"
                } else {
                    bandClass = "ranking-map__band-none"
                }
            } else {
                label += ": chưa có số liệu"
                bandClass = "ranking-map__band-none"
            }
            svg += "<a href=\"\(units[unit].url)\" aria-label=\"\(Markup.escape(label))\"><path class=\"ranking-map__region \(bandClass)\" d=\"\(region.path)\"/></a>\n"
        }
        svg += "</svg>"

        var html = "<figure class=\"ranking-map\" id=\"\(id)\">\n<figcaption class=\"chart-figure__caption\">\(Markup.escape(title))</figcaption>\n"
        html += svg
        html += "\n<ul class=\"ranking-map__legend\" aria-label=\"Chú giải xếp loại\">"
        for (index, band) in level.bands.enumerated() {
            html += "<li><span class=\"ranking-map__swatch ranking-map__band-\(index)\" aria-hidden=\"true\"></span>\(Markup.escape(band.name)) (từ \(RankingTable.maxText(band.min)) điểm)</li>"
        }
        html += "<li><span class=\"ranking-map__swatch ranking-map__band-none\" aria-hidden=\"true\"></span>Chưa có số liệu hoặc dưới mọi mức</li>"
        html += "</ul>\n</figure>"
        return html
    }
}
