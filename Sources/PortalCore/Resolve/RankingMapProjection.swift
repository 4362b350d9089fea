import Foundation

/// A level's regions from `map.geojson`, projected and simplified once for all its periods' pages.
public struct RankingMapGeometry: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// In the order of the units in rankings.yaml; `path` is SVG path data in the viewBox.
    public var regions: [Region]

    public struct Region: Sendable, Equatable {
        public var unit: Int
        public var path: String
    }
}

/// Projection: equirectangular, longitudes shrunk by the cosine of the middle latitude, which for a
/// province-sized area differs from a conformal projection by less than the simplification removes.
/// Coordinates are written with one decimal, so the bytes depend only on the input.
enum RankingMapProjection {
    static let width = 400.0
    static let maxHeight = 440.0
    /// Points closer than this (in SVG units) to the line their neighbours draw are dropped.
    static let tolerance = 0.75

    static func geometry(levelIndex: Int, units: [RankingUnit], features: [MapFeature]) -> RankingMapGeometry? {
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
        let drawn = regions.compactMap { unit, feature -> RankingMapGeometry.Region? in
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
            return path.isEmpty ? nil : RankingMapGeometry.Region(unit: unit, path: path)
        }
        return drawn.isEmpty ? nil : RankingMapGeometry(width: Int(width), height: Int(height), regions: drawn)
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
