import Mustache

/// One unit's line of a ranking table, for themes that draw the table themselves.
struct RankingRowView: TemplateView, Sendable {
    var rank: Int
    var unitName: String
    var unitURL: String
    var totalText: String
    var scores: [String]
    var bandName: String?
    var changeText: String?
    var changeWords: String?
    var changeSlug: String?

    static let fields = ViewFields<RankingRowView>([
        .number("rank") { $0.rank },
        .text("unitName") { $0.unitName },
        .text("unitURL") { $0.unitURL },
        .text("totalText") { $0.totalText },
        .texts("scores") { $0.scores },
        .text("bandName") { $0.bandName },
        .text("changeText") { $0.changeText },
        .text("changeWords") { $0.changeWords },
        .text("changeSlug") { $0.changeSlug },
    ])
}

struct RankingPillarView: TemplateView, Sendable {
    var name: String
    var maxText: String

    static let fields = ViewFields<RankingPillarView>([
        .text("name") { $0.name },
        .text("maxText") { $0.maxText },
    ])
}

/// `/xep-hang/<level>/` (its latest period) and `/xep-hang/<level>/<period>/`.
struct RankingTableView: TemplateView, Sendable {
    var levelName: String
    var levelURL: String
    var periodText: String?
    /// Every period of the level, the one shown marked current.
    var periods: [LinkView]
    var pillars: [RankingPillarView]
    var maxTotalText: String
    var rows: [RankingRowView]
    var tableHTML: String?
    var chartHTML: String?
    var mapHTML: String?
    var csvURL: String

    static let fields = ViewFields<RankingTableView>([
        .text("levelName") { $0.levelName },
        .text("levelURL") { $0.levelURL },
        .text("periodText") { $0.periodText },
        .list("periods") { $0.periods },
        .flag("hasPeriods") { $0.periods.count > 1 },
        .list("pillars") { $0.pillars },
        .text("maxTotalText") { $0.maxTotalText },
        .list("rows") { $0.rows },
        .flag("hasRows") { !$0.rows.isEmpty },
        .text("tableHTML") { $0.tableHTML },
        .text("chartHTML") { $0.chartHTML },
        .text("mapHTML") { $0.mapHTML },
        .text("csvURL") { $0.csvURL },
    ])
}

/// One row of the province's national places.
struct NationalRowView: TemplateView, Sendable {
    var periodText: String
    var indexName: String
    var isOverall: Bool
    var rankText: String
    var scoreText: String?
    var source: String?
    var sourceURL: String?
    var note: String?

    static let fields = ViewFields<NationalRowView>([
        .text("periodText") { $0.periodText },
        .text("indexName") { $0.indexName },
        .flag("isOverall") { $0.isOverall },
        .text("rankText") { $0.rankText },
        .text("scoreText") { $0.scoreText },
        .text("source") { $0.source },
        .text("sourceURL") { $0.sourceURL },
        .text("note") { $0.note },
    ])
}

struct RankingLevelSummaryView: TemplateView, Sendable {
    var name: String
    var url: String
    var periodText: String?
    var unitCount: Int
    var tableHTML: String?

    static let fields = ViewFields<RankingLevelSummaryView>([
        .text("name") { $0.name },
        .text("url") { $0.url },
        .text("periodText") { $0.periodText },
        .number("unitCount") { $0.unitCount },
        .text("tableHTML") { $0.tableHTML },
    ])
}

/// `/xep-hang/`.
struct RankingsIndexView: TemplateView, Sendable {
    var levels: [RankingLevelSummaryView]
    var national: [NationalRowView]
    var nationalChartHTML: String?
    var feedURL: String

    static let fields = ViewFields<RankingsIndexView>([
        .list("levels") { $0.levels },
        .flag("hasLevels") { !$0.levels.isEmpty },
        .list("national") { $0.national },
        .flag("hasNational") { !$0.national.isEmpty },
        .text("nationalChartHTML") { $0.nationalChartHTML },
        .text("feedURL") { $0.feedURL },
    ])
}

struct RankingHistoryView: TemplateView, Sendable {
    var periodText: String
    var periodURL: String
    var totalText: String
    var rank: Int
    var count: Int
    var bandName: String?
    var changeText: String?
    var changeWords: String?

    static let fields = ViewFields<RankingHistoryView>([
        .text("periodText") { $0.periodText },
        .text("periodURL") { $0.periodURL },
        .text("totalText") { $0.totalText },
        .number("rank") { $0.rank },
        .number("count") { $0.count },
        .text("bandName") { $0.bandName },
        .text("changeText") { $0.changeText },
        .text("changeWords") { $0.changeWords },
    ])
}

/// `/xep-hang/don-vi/<unit>/`.
struct RankingUnitView: TemplateView, Sendable {
    var name: String
    var levelName: String
    var levelURL: String
    var parentName: String?
    var parentURL: String?
    /// Newest first.
    var history: [RankingHistoryView]
    var rankChartHTML: String?
    var pillarChartHTML: String?

    static let fields = ViewFields<RankingUnitView>([
        .text("name") { $0.name },
        .text("levelName") { $0.levelName },
        .text("levelURL") { $0.levelURL },
        .text("parentName") { $0.parentName },
        .text("parentURL") { $0.parentURL },
        .list("history") { $0.history },
        .flag("hasHistory") { !$0.history.isEmpty },
        .view("latest") { $0.history.first },
        .text("rankChartHTML") { $0.rankChartHTML },
        .text("pillarChartHTML") { $0.pillarChartHTML },
    ])
}
