import Foundation

/// Reads `Content/rankings/` (SPEC §13): `rankings.yaml`, `scores.csv`, and the optional `published.csv`,
/// `national.csv` and `map.geojson`. Each file is checked on its own here (cells, duplicate rows, a period
/// written two ways); what needs two files (a unit or pillar that does not exist, a score above its
/// maximum, published figures against the scores) is `RankingResolver`'s.
public struct RankingLoader: Sendable {
    public init() {}

    static let folder = "rankings/"
    static let scoreColumns = ["unit", "period", "pillar", "score", "note"]
    static let publishedColumns = ["unit", "period", "total", "rank", "note"]
    static let nationalColumns = ["period", "index", "name", "score", "rank", "of", "source", "note"]

    public func load(from tree: FileTree, findings: inout Findings) -> LoadedRankings {
        var loaded = LoadedRankings.empty
        guard tree.exists("rankings/rankings.yaml") else {
            for name in ["scores.csv", "published.csv"] where tree.exists(Self.folder + name) {
                findings.append(Finding(file: tree.displayPath("rankings/rankings.yaml"),
                                        message: "\(name) needs rankings.yaml beside it to define the levels, pillars and units"))
            }
            if tree.exists("rankings/national.csv"), let file = tree.readText("rankings/national.csv", findings: &findings) {
                loaded.sourceTexts.append(file.text)
                loaded.national = loadNational(file, findings: &findings)
            }
            return loaded
        }
        if let file = tree.readText("rankings/rankings.yaml", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loadDefinitions(file, into: &loaded, findings: &findings)
        }
        if tree.exists("rankings/scores.csv"), let file = tree.readText("rankings/scores.csv", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loaded.scores = loadScores(file, findings: &findings)
        }
        if tree.exists("rankings/published.csv"), let file = tree.readText("rankings/published.csv", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loaded.published = loadPublished(file, findings: &findings)
        }
        if tree.exists("rankings/national.csv"), let file = tree.readText("rankings/national.csv", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loaded.national = loadNational(file, findings: &findings)
        }
        if tree.exists("rankings/map.geojson"), let file = tree.readText("rankings/map.geojson", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loaded.mapFile = file.displayPath
            loaded.mapFeatures = GeoJSONReader.features(file, findings: &findings)
        }
        return loaded
    }

    // MARK: rankings.yaml

    func loadDefinitions(_ file: SourceFile, into loaded: inout LoadedRankings, findings: inout Findings) {
        guard var fields = YAMLFields.parse(file.text, in: file, firstLine: 1, findings: &findings) else { return }
        loaded.levels = fields.list("levels", findings: &findings) { entry, findings in
            readLevel(&entry, findings: &findings)
        } ?? []
        loaded.units = fields.list("units", findings: &findings) { entry, findings -> RankingUnitDefinition? in
            let id = entry.string("id", required: true, findings: &findings)
            let name = entry.string("name", required: true, findings: &findings)
            let level = entry.string("level", required: true, findings: &findings)
            let map = entry.string("map", findings: &findings)
            let parent = entry.string("parent", findings: &findings)
            guard let id, let name, let level, Self.checkID(id, noun: "unit", findings: &findings) else { return nil }
            return RankingUnitDefinition(id: id, name: name.value, level: level, map: map.flatMap { $0.value.isEmpty ? nil : $0.value },
                                         parent: parent.flatMap { $0.value.isEmpty ? nil : $0.value })
        } ?? []
        if loaded.levels.isEmpty {
            findings.append(.error("rankings.yaml defines no levels: add levels: with at least one level and its pillars",
                                   at: fields.mappingLocation))
        }
        fields.reportUnknownKeys(severity: .error, findings: &findings)
        Self.reportDuplicates(loaded.levels.map(\.id), noun: "level", findings: &findings)
        Self.reportDuplicates(loaded.units.map(\.id), noun: "unit", findings: &findings)
    }

    func readLevel(_ entry: inout YAMLFields, findings: inout Findings) -> RankingLevelDefinition? {
        let id = entry.string("id", required: true, findings: &findings)
        let name = entry.string("name", required: true, findings: &findings)
        let levelLocation = entry.mappingLocation
        var pillarIDs: [Located<String>] = []
        let pillars = entry.list("pillars", findings: &findings) { pillar, findings -> RankingPillar? in
            let pillarID = pillar.string("id", required: true, findings: &findings)
            let pillarName = pillar.string("name", required: true, findings: &findings)
            let max = pillar.string("max", required: true, findings: &findings)
            guard let pillarID, let pillarName, let max, Self.checkID(pillarID, noun: "pillar", findings: &findings) else { return nil }
            guard let number = MachineNumber.parse(max.value), number.value > 0 else {
                findings.append(.error("max \"\(max.value)\" must be a number of points above 0, such as 60 or 7.5", at: max.location))
                return nil
            }
            pillarIDs.append(pillarID)
            return RankingPillar(id: pillarID.value, name: pillarName.value, max: number.value, maxText: max.value)
        } ?? []
        if pillars.isEmpty {
            findings.append(.error("a level needs pillars: with at least one { id, name, max }", at: levelLocation))
        }
        Self.reportDuplicates(pillarIDs, noun: "pillar", findings: &findings)
        var lastMin: Located<Double>?
        let bands = entry.list("bands", findings: &findings) { band, findings -> RankingBand? in
            let min = band.string("min", required: true, findings: &findings)
            let bandName = band.string("name", required: true, findings: &findings)
            guard let min, let bandName else { return nil }
            guard let number = MachineNumber.parse(min.value) else {
                findings.append(.error("min \"\(min.value)\" must be a number of points, such as 500", at: min.location))
                return nil
            }
            if let lastMin, number.value >= lastMin.value {
                findings.append(.error("bands go from the highest to the lowest: min \(min.value) is not below the band before it (line \(lastMin.location.line))",
                                       at: min.location))
                return nil
            }
            lastMin = Located(number.value, at: min.location)
            return RankingBand(min: number.value, name: bandName.value)
        } ?? []
        guard let id, let name, Self.checkID(id, noun: "level", findings: &findings) else { return nil }
        if id.value == URLScheme.rankingUnitsSegment {
            findings.append(.error("level id \"\(id.value)\" is the folder of the unit pages: choose another id", at: id.location))
            return nil
        }
        guard !pillars.isEmpty else { return nil }
        return RankingLevelDefinition(id: id, name: name.value, pillars: pillars, bands: bands)
    }

    /// Ids become addresses and CSV cells, so they are written as addresses are: `ba-be`, not `Ba Bể`.
    static func checkID(_ id: Located<String>, noun: String, findings: inout Findings) -> Bool {
        let ok = !id.value.isEmpty && id.value.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        if !ok {
            findings.append(.error("\(noun) id \"\(id.value)\" must be lower-case letters a–z, digits and \"-\" only, such as ba-be",
                                   at: id.location))
        }
        return ok
    }

    static func reportDuplicates(_ ids: [Located<String>], noun: String, findings: inout Findings) {
        var first: [String: Int] = [:]
        for id in ids {
            if let line = first[id.value] {
                findings.append(.error("\(noun) id \"\(id.value)\" is already defined on line \(line): give each \(noun) its own id",
                                       at: id.location))
            } else {
                first[id.value] = id.location.line
            }
        }
    }

    // MARK: CSV files

    /// The header checked against the allowed columns; nil when a required one is missing.
    static func columns(_ csv: CSVRows, allowed: [String], required: [String], file: SourceFile,
                        findings: inout Findings) -> [String: Int]? {
        var index: [String: Int] = [:]
        for (position, name) in csv.header.enumerated() {
            if !allowed.contains(name) {
                findings.append(.error("unknown column \"\(name)\" (columns: \(allowed.joined(separator: ",")))", at: file.location(line: 1)))
            }
            index[name] = position
        }
        var ok = true
        for name in required where index[name] == nil {
            findings.append(.error("missing column \"\(name)\" in the header row", at: file.location(line: 1)))
            ok = false
        }
        return ok ? index : nil
    }

    /// Each row's cells by column name, or nil (with a finding) when its cell count is off.
    static func rows(_ csv: CSVRows, columns: [String: Int], file: SourceFile,
                     findings: inout Findings) -> [(cell: (String) -> String, location: SourceLocation)] {
        csv.rows.compactMap { row in
            let location = file.location(line: row.line)
            guard row.cells.count == csv.header.count else {
                findings.append(.error("this row has \(row.cells.count) cells but the header has \(csv.header.count): check the commas",
                                       at: location))
                return nil
            }
            let cells = row.cells
            return ({ name in
                guard let index = columns[name], index < cells.count else { return "" }
                return cells[index].trimmingCharactersFast(in: .whitespaces)
            }, location)
        }
    }

    /// A period as §4 writes it, forgiving the case of `Q`/`H` and a one-digit month, so that a period
    /// written two ways is told as such rather than as two periods.
    static func period(_ text: String) -> Period? {
        if let period = Period.parse(text) { return period }
        var normal = text.uppercased()
        let parts = normal.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 1, parts[1].allSatisfy(\.isNumber) { normal = "\(parts[0])-0\(parts[1])" }
        return Period.parse(normal)
    }

    /// Remembers how each period was first written in a file; a later row writing it another way is a
    /// warning (the pages would otherwise look right while a search for one spelling misses the other).
    struct PeriodSpellings {
        var first: [Period: (text: String, line: Int)] = [:]

        mutating func check(_ period: Period, written text: String, at location: SourceLocation, findings: inout Findings) {
            guard let seen = first[period] else {
                first[period] = (text, location.line)
                return
            }
            if seen.text != text {
                findings.append(.warning("period \"\(text)\" is written \"\(seen.text)\" on line \(seen.line): write the same period one way (\(period))",
                                         at: location))
            }
        }
    }

    static func readPeriod(_ text: String, at location: SourceLocation, spellings: inout PeriodSpellings,
                           findings: inout Findings) -> Period? {
        guard let period = period(text) else {
            findings.append(.error("cannot read period \"\(text)\": write 2024, 2024-H1, 2024-Q1 or 2024-03", at: location))
            return nil
        }
        spellings.check(period, written: text, at: location, findings: &findings)
        return period
    }

    static func number(_ name: String, _ text: String, at location: SourceLocation, findings: inout Findings) -> MachineNumber? {
        guard let number = MachineNumber.parse(text) else {
            let hint = text.contains(",") ? " (write numbers with a dot for decimals and no thousands separator: 52.5)" : ""
            findings.append(.error("\(name) \"\(text)\" is not a number\(hint)", at: location))
            return nil
        }
        return number
    }

    static func wholeNumber(_ name: String, _ text: String, at location: SourceLocation, findings: inout Findings) -> Int? {
        guard let number = Int(text), number >= 1, number <= 100_000 else {
            findings.append(.error("\(name) \"\(text)\" must be a whole number from 1, such as 3", at: location))
            return nil
        }
        return number
    }

    func loadScores(_ file: SourceFile, findings: inout Findings) -> [RankingScoreRow] {
        guard let csv = CSVRows.read(file, findings: &findings),
              let columns = Self.columns(csv, allowed: Self.scoreColumns, required: ["unit", "period", "pillar", "score"],
                                         file: file, findings: &findings) else { return [] }
        var spellings = PeriodSpellings()
        var seen: [String: Int] = [:]
        var result: [RankingScoreRow] = []
        for (cell, location) in Self.rows(csv, columns: columns, file: file, findings: &findings) {
            let unit = cell("unit"), pillar = cell("pillar"), scoreText = cell("score")
            var ok = true
            for (name, value) in [("unit", unit), ("pillar", pillar), ("score", scoreText)] where value.isEmpty {
                findings.append(.error("the \(name) cell is empty", at: location))
                ok = false
            }
            let period = Self.readPeriod(cell("period"), at: location, spellings: &spellings, findings: &findings)
            let score = scoreText.isEmpty ? nil : Self.number("score", scoreText, at: location, findings: &findings)
            if let score, score.value < 0 {
                findings.append(.error("score \(scoreText) is below 0", at: location))
                ok = false
            }
            guard ok, let period, let score else { continue }
            let key = "\(unit)\u{0}\(period)\u{0}\(pillar)"
            if let line = seen[key] {
                findings.append(.error("\(unit) already has a score for \(pillar) in \(period) (line \(line)): keep one row", at: location))
                continue
            }
            seen[key] = location.line
            let note = cell("note")
            result.append(RankingScoreRow(unit: unit, period: period, periodText: cell("period"), pillar: pillar, score: score,
                                          note: note.isEmpty ? nil : note, location: location))
        }
        return result
    }

    func loadPublished(_ file: SourceFile, findings: inout Findings) -> [PublishedRankingRow] {
        guard let csv = CSVRows.read(file, findings: &findings),
              let columns = Self.columns(csv, allowed: Self.publishedColumns, required: ["unit", "period"],
                                         file: file, findings: &findings) else { return [] }
        var spellings = PeriodSpellings()
        var seen: [String: Int] = [:]
        var result: [PublishedRankingRow] = []
        for (cell, location) in Self.rows(csv, columns: columns, file: file, findings: &findings) {
            let unit = cell("unit")
            if unit.isEmpty {
                findings.append(.error("the unit cell is empty", at: location))
                continue
            }
            guard let period = Self.readPeriod(cell("period"), at: location, spellings: &spellings, findings: &findings) else { continue }
            let totalText = cell("total"), rankText = cell("rank")
            let total = totalText.isEmpty ? nil : Self.number("total", totalText, at: location, findings: &findings)
            let rank = rankText.isEmpty ? nil : Self.wholeNumber("rank", rankText, at: location, findings: &findings)
            if (!totalText.isEmpty && total == nil) || (!rankText.isEmpty && rank == nil) { continue }
            let key = "\(unit)\u{0}\(period)"
            if let line = seen[key] {
                findings.append(.error("\(unit) is already published for \(period) on line \(line): keep one row", at: location))
                continue
            }
            seen[key] = location.line
            result.append(PublishedRankingRow(unit: unit, period: period, total: total, rank: rank, location: location))
        }
        return result
    }

    func loadNational(_ file: SourceFile, findings: inout Findings) -> [NationalRankingRow] {
        guard let csv = CSVRows.read(file, findings: &findings),
              let columns = Self.columns(csv, allowed: Self.nationalColumns, required: ["period", "index", "rank", "of"],
                                         file: file, findings: &findings) else { return [] }
        var spellings = PeriodSpellings()
        var seen: [String: Int] = [:]
        var result: [NationalRankingRow] = []
        for (cell, location) in Self.rows(csv, columns: columns, file: file, findings: &findings) {
            let index = cell("index")
            if index.isEmpty {
                findings.append(.error("the index cell is empty: write dti or the id of one of its parts", at: location))
                continue
            }
            guard let period = Self.readPeriod(cell("period"), at: location, spellings: &spellings, findings: &findings),
                  let rank = Self.wholeNumber("rank", cell("rank"), at: location, findings: &findings),
                  let of = Self.wholeNumber("of", cell("of"), at: location, findings: &findings) else { continue }
            let scoreText = cell("score")
            let score = scoreText.isEmpty ? nil : Self.number("score", scoreText, at: location, findings: &findings)
            if !scoreText.isEmpty && score == nil { continue }
            if rank > of {
                findings.append(.error("rank \(rank) is beyond the \(of) provinces ranked", at: location))
                continue
            }
            let key = "\(period)\u{0}\(index)"
            if let line = seen[key] {
                findings.append(.error("\(index) already has a rank for \(period) on line \(line): keep one row", at: location))
                continue
            }
            seen[key] = location.line
            let name = cell("name"), source = cell("source"), note = cell("note")
            result.append(NationalRankingRow(period: period, index: index, name: name.isEmpty ? nil : name,
                                             score: score, rank: rank, of: of, source: source.isEmpty ? nil : source,
                                             note: note.isEmpty ? nil : note, location: location))
        }
        return result
    }
}

/// The polygons of a GeoJSON FeatureCollection (RFC 7946): `Polygon` and `MultiPolygon` features with an
/// `id` (or `properties.id`). Anything else is a finding, never a crash.
enum GeoJSONReader {
    static func features(_ file: SourceFile, findings: inout Findings) -> [MapFeature] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
        } catch {
            findings.append(Finding(file: file.displayPath,
                                    message: "cannot read map.geojson as JSON: check its brackets and commas (a GeoJSON FeatureCollection is expected)"))
            return []
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let list = collection["features"] as? [Any] else {
            findings.append(Finding(file: file.displayPath, message: "map.geojson must be a FeatureCollection with a features list"))
            return []
        }
        var result: [MapFeature] = []
        var seen: Set<String> = []
        for (number, item) in list.enumerated() {
            let feature = item as? [String: Any] ?? [:]
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let id = identifier(feature["id"]) ?? identifier(properties["id"]) else {
                findings.append(.warning("feature \(number + 1) of map.geojson has no id: give it the id a unit's map: names",
                                         at: file.location()))
                continue
            }
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            var polygons: [[[MapPoint]]]?
            switch geometry["type"] as? String {
            case "Polygon": polygons = polygon(geometry["coordinates"]).map { [$0] }
            case "MultiPolygon": polygons = (geometry["coordinates"] as? [Any])?.compactMap(polygon)
            default: polygons = nil
            }
            guard let polygons, !polygons.isEmpty else {
                findings.append(.warning("feature \"\(id)\" of map.geojson is not a Polygon or MultiPolygon with coordinates: it is left off the map",
                                         at: file.location()))
                continue
            }
            guard seen.insert(id).inserted else {
                findings.append(.warning("map.geojson has two features with id \"\(id)\": only the first is drawn", at: file.location()))
                continue
            }
            result.append(MapFeature(id: id, polygons: polygons))
        }
        return result
    }

    private static func identifier(_ value: Any?) -> String? {
        if let text = value as? String, !text.isEmpty { return text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    private static func polygon(_ value: Any?) -> [[MapPoint]]? {
        guard let rings = value as? [Any] else { return nil }
        let result = rings.compactMap { ring -> [MapPoint]? in
            guard let points = ring as? [Any] else { return nil }
            let parsed = points.compactMap { point -> MapPoint? in
                guard let pair = point as? [Any], pair.count >= 2,
                      let x = (pair[0] as? NSNumber)?.doubleValue, let y = (pair[1] as? NSNumber)?.doubleValue,
                      x.isFinite, y.isFinite else { return nil }
                return MapPoint(x: x, y: y)
            }
            return parsed.count >= 3 ? parsed : nil
        }
        return result.isEmpty ? nil : result
    }
}
