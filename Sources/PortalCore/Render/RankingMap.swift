import Charts
import Foundation

/// The choropleth of one level and period: the units' polygons from `map.geojson`, projected and
/// simplified at build time into a small inline SVG. Each region is a link to its unit, named by its
/// name, total and band; the legend lists the bands; the ranking table beside it holds the numbers.
///
/// Projection: equirectangular, longitudes shrunk by the cosine of the middle latitude, which for a
/// province-sized area differs from a conformal projection by less than the simplification removes.
/// Numbers are written with one decimal, so the bytes depend only on the input.
enum RankingMap {
    static let width = 400.0
    static let maxHeight = 440.0
    /// Points closer than this (in SVG units) to the line their neighbours draw are dropped.
    static let tolerance = 0.75

    static func html(_ level: RankingLevel, _ period: RankingPeriod?, units: [RankingUnit], levelIndex: Int,
                     features: [MapFeature], id: String) -> String? {
        let featureByID = Dictionary(features.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = units.indices.compactMap { index -> (unit: Int, feature: MapFeature)? in
            guard units[index].level == levelIndex, let key = units[index].map, let feature = featureByID[key] else { return nil }
            return (index, feature)
        }
        guard !regions.isEmpty else { return nil }
        let points = regions.flatMap { $0.feature.polygons.flatMap { $0.flatMap { $0 } } }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return nil }
        let shrink = cos((minY + maxY) / 2 * .pi / 180)
        let spanX = max((maxX - minX) * shrink, 1e-9), spanY = max(maxY - minY, 1e-9)
        let scale = min((width - 2) / spanX, (maxHeight - 2) / spanY)
        let height = (spanY * scale + 2).rounded(.up)
        func project(_ point: MapPoint) -> MapPoint {
            MapPoint(x: 1 + (point.x - minX) * shrink * scale, y: 1 + (maxY - point.y) * scale)
        }

        let periodText = period.map { ", \($0.period.vietnamese)" } ?? ""
        let title = "Bản đồ xếp hạng \(level.name)\(periodText)"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ranking-map__svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"group\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>\n"
        for (unit, feature) in regions {
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
            var path = ""
            for polygon in feature.polygons {
                for ring in polygon {
                    let simplified = simplify(ring.map(project), tolerance: tolerance)
                    guard simplified.count >= 3 else { continue }
                    for (index, point) in simplified.enumerated() {
                        path += (index == 0 ? "M" : "L") + coordinate(point.x) + " " + coordinate(point.y)
                    }
                    path += "Z"
                }
            }
            guard !path.isEmpty else { continue }
            svg += "<a href=\"\(units[unit].url)\" aria-label=\"\(Markup.escape(label))\"><path class=\"ranking-map__region \(bandClass)\" d=\"\(path)\"/></a>\n"
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

    static func coordinate(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// Douglas–Peucker on a closed ring: the first point is kept, and the farthest point from it, and
    /// each half simplified on its own so the ring keeps its shape.
    static func simplify(_ ring: [MapPoint], tolerance: Double) -> [MapPoint] {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count > 3 else { return points }
        let start = points[0]
        var far = 1
        var farDistance = -1.0
        for index in 1..<points.count {
            let distance = hypot(points[index].x - start.x, points[index].y - start.y)
            if distance > farDistance {
                farDistance = distance
                far = index
            }
        }
        let first = douglasPeucker(Array(points[0...far]), tolerance: tolerance)
        let second = douglasPeucker(Array(points[far...]) + [start], tolerance: tolerance)
        return first + second.dropFirst().dropLast()
    }

    static func douglasPeucker(_ points: [MapPoint], tolerance: Double) -> [MapPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (low, high) = stack.popLast() {
            guard high > low + 1 else { continue }
            var index = low
            var distance = 0.0
            for candidate in (low + 1)..<high {
                let d = segmentDistance(points[candidate], points[low], points[high])
                if d > distance {
                    distance = d
                    index = candidate
                }
            }
            if distance > tolerance {
                keep[index] = true
                stack.append((low, index))
                stack.append((index, high))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    static func segmentDistance(_ point: MapPoint, _ a: MapPoint, _ b: MapPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return hypot(point.x - a.x, point.y - a.y) }
        let t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length))
        return hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
    }
}
