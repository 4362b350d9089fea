/// The DTI rankings (SPEC §13): who is ranked, by which index, and the worked-out tables.

/// One part of a level's index, with its maximum points.
public struct RankingPillar: Sendable, Equatable {
    public var id: String
    public var name: String
    public var max: Double
    /// The maximum as written, to show it with the same precision.
    public var maxText: String
}

/// A band (xếp loại): a total at or above `min` is in it; bands are listed highest first.
public struct RankingBand: Sendable, Equatable {
    public var min: Double
    public var name: String
}

/// A level as `rankings.yaml` defines it.
public struct RankingLevelDefinition: Sendable {
    public var id: Located<String>
    public var name: String
    public var pillars: [RankingPillar]
    public var bands: [RankingBand]
}

public struct RankingUnitDefinition: Sendable {
    public var id: Located<String>
    public var name: String
    public var level: Located<String>
    public var map: String?
    public var parent: String?
}

/// One row of `scores.csv`, its cells read one by one.
public struct RankingScoreRow: Sendable {
    public var unit: String
    public var period: Period
    /// The period as written in the cell, to tell a period written two ways.
    public var periodText: String
    public var pillar: String
    public var score: MachineNumber
    public var note: String?
    public var location: SourceLocation
}

/// One row of `published.csv`: what the official decision printed.
public struct PublishedRankingRow: Sendable {
    public var unit: String
    public var period: Period
    public var total: MachineNumber?
    public var rank: Int?
    public var location: SourceLocation
}

/// One row of `national.csv`: the province in the national ranking of provinces.
public struct NationalRankingRow: Sendable, Equatable {
    public var period: Period
    /// `dti`, or one of the national index's parts (`chinh-quyen-so`).
    public var index: String
    /// How the page names the index; the id when none is given.
    public var name: String?
    public var score: MachineNumber?
    public var rank: Int
    public var of: Int
    public var source: String?
    public var note: String?
    public var location: SourceLocation
}

/// A polygon feature of `map.geojson`: its id and rings of (longitude, latitude).
public struct MapFeature: Sendable, Equatable {
    public var id: String
    /// Polygons, each a list of rings (the first the outline, the others holes), each a list of points.
    public var polygons: [[[MapPoint]]]
}

public struct MapPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

public struct LoadedRankings: Sendable {
    public var levels: [RankingLevelDefinition]
    public var units: [RankingUnitDefinition]
    public var scores: [RankingScoreRow]
    public var published: [PublishedRankingRow]
    public var national: [NationalRankingRow]
    public var mapFeatures: [MapFeature]
    /// Where map.geojson is, for findings about its features; nil without a map.
    public var mapFile: String?
    /// The text of every file read, in order, as `LoadedIndicators.sourceTexts`.
    public var sourceTexts: [String] = []

    public static let empty = LoadedRankings(levels: [], units: [], scores: [], published: [], national: [], mapFeatures: [],
                                             mapFile: nil)
}

/// How a unit's rank moved since the level's previous period.
public enum RankChange: Sendable, Equatable {
    /// Ranked now, not in the previous period.
    case new
    case same
    /// Up by this many places (a smaller rank number).
    case up(Int)
    case down(Int)

    /// As the table writes it: `▲ 3`, `▼ 2`, `–`, `mới`.
    public var text: String {
        switch self {
        case .new: "mới"
        case .same: "–"
        case .up(let places): "▲ \(places)"
        case .down(let places): "▼ \(places)"
        }
    }

    /// In words, for a screen reader and the title attribute.
    public var words: String {
        switch self {
        case .new: "mới được xếp hạng"
        case .same: "giữ nguyên hạng"
        case .up(let places): "tăng \(places) bậc"
        case .down(let places): "giảm \(places) bậc"
        }
    }

    public var slug: String {
        switch self {
        case .new: "moi"
        case .same: "giu-nguyen"
        case .up: "tang"
        case .down: "giam"
        }
    }
}

/// One unit's line in one period's table.
public struct RankingEntry: Sendable, Equatable {
    /// An index into `Rankings.units`.
    public var unit: Int
    /// By the level's pillar order; nil where the unit has no score for that pillar.
    public var scores: [Double?]
    public var total: Double
    /// Decimals to write totals and scores with: the most any score of the period was written with.
    public var decimals: Int
    /// 1 is best; units with equal totals share a rank (1, 2, 2, 4).
    public var rank: Int
    /// An index into the level's `bands`; nil when no band's minimum is reached.
    public var band: Int?
    /// Nil in a level's first period: there is nothing to compare with.
    public var change: RankChange?
}

public struct RankingPeriod: Sendable, Equatable {
    public var period: Period
    /// By rank, then by unit id.
    public var entries: [RankingEntry]
}

public struct RankingLevel: Sendable {
    public var id: String
    public var name: String
    public var pillars: [RankingPillar]
    public var bands: [RankingBand]
    /// Oldest first.
    public var periods: [RankingPeriod]
    /// The level's regions when map.geojson has any of its units.
    public var map: RankingMapGeometry? = nil

    public var url: String { URLScheme.rankingLevel(id) }
    public var latest: RankingPeriod? { periods.last }
    public var maxTotal: Double { pillars.reduce(0) { $0 + $1.max } }
}

public struct RankingUnit: Sendable, Equatable {
    public var id: String
    public var name: String
    /// An index into `Rankings.levels`.
    public var level: Int
    public var parent: String?
    public var map: String?

    public var url: String { URLScheme.rankingUnit(id) }
}

/// Everything the ranking pages show, resolved.
public struct Rankings: Sendable {
    public var levels: [RankingLevel]
    public var units: [RankingUnit]
    /// Oldest first, `dti` before the parts within a period.
    public var national: [NationalRankingRow]

    public static let empty = Rankings(levels: [], units: [], national: [])
    public var isEmpty: Bool { levels.isEmpty && national.isEmpty }

    /// A unit's entry in each period of its level, oldest first.
    public func history(ofUnit index: Int) -> [(period: Period, entry: RankingEntry)] {
        let level = levels[units[index].level]
        return level.periods.compactMap { period in
            period.entries.first { $0.unit == index }.map { (period.period, $0) }
        }
    }
}
