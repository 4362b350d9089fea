import Mustache

/// One indicator as a row of the dashboard, the appendix table or the home highlights.
struct IndicatorRowView: TemplateView, Sendable {
    var id: String
    var name: String
    var url: String
    var groupName: String
    var valueText: String
    var periodText: String?
    var targetText: String?
    var statusText: String?
    var statusSlug: String?
    var asOfText: String?
    var bulletSVG: String?

    static let fields = ViewFields<IndicatorRowView>([
        .text("id") { $0.id },
        .text("name") { $0.name },
        .text("url") { $0.url },
        .text("groupName") { $0.groupName },
        .text("valueText") { $0.valueText },
        .text("periodText") { $0.periodText },
        .text("targetText") { $0.targetText },
        .text("statusText") { $0.statusText },
        .text("statusSlug") { $0.statusSlug },
        .text("asOfText") { $0.asOfText },
        .text("bulletSVG") { $0.bulletSVG },
    ])
}

struct IndicatorGroupView: TemplateView, Sendable {
    var id: String
    var name: String
    var achieved: Int
    var withData: Int
    var total: Int
    var indicators: [IndicatorRowView]

    static let fields = ViewFields<IndicatorGroupView>([
        .text("id") { $0.id },
        .text("name") { $0.name },
        .number("achieved") { $0.achieved },
        .number("withData") { $0.withData },
        .number("total") { $0.total },
        .flag("hasData") { $0.withData > 0 },
        .list("indicators") { $0.indicators },
    ])
}

/// `/chi-so/`.
struct DashboardView: TemplateView, Sendable {
    var groups: [IndicatorGroupView]
    var csvURL: String

    static let fields = ViewFields<DashboardView>([
        .list("groups") { $0.groups },
        .text("csvURL") { $0.csvURL },
    ])
}

struct ObservationView: TemplateView, Sendable {
    var periodText: String
    var valueText: String
    var numeratorText: String?
    var denominatorText: String?
    var targetText: String?
    var statusText: String?
    var statusSlug: String?
    var asOfText: String?
    var note: String?

    static let fields = ViewFields<ObservationView>([
        .text("periodText") { $0.periodText },
        .text("valueText") { $0.valueText },
        .text("numeratorText") { $0.numeratorText },
        .text("denominatorText") { $0.denominatorText },
        .text("targetText") { $0.targetText },
        .text("statusText") { $0.statusText },
        .text("statusSlug") { $0.statusSlug },
        .text("asOfText") { $0.asOfText },
        .text("note") { $0.note },
    ])
}

/// `/chi-so/<id>/`.
struct IndicatorPageView: TemplateView, Sendable {
    var row: IndicatorRowView
    var groupURL: String
    var unitText: String
    var formula: String?
    var source: String?
    var descriptionHTML: String?
    var chartHTML: String?
    var bulletHTML: String?
    var observations: [ObservationView]
    var notes: [String]
    var csvURL: String

    static let fields = ViewFields<IndicatorPageView>([
        .text("groupURL") { $0.groupURL },
        .text("unitText") { $0.unitText },
        .text("formula") { $0.formula },
        .text("source") { $0.source },
        .text("descriptionHTML") { $0.descriptionHTML },
        .text("chartHTML") { $0.chartHTML },
        .text("bulletHTML") { $0.bulletHTML },
        .list("observations") { $0.observations },
        .texts("notes") { $0.notes },
        .flag("hasNotes") { !$0.notes.isEmpty },
        .text("csvURL") { $0.csvURL },
    ], otherNamesFrom: { $0.row })
}
