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

    func value(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "url": url
        case "groupName": groupName
        case "valueText": valueText
        case "periodText": periodText
        case "targetText": targetText
        case "statusText": statusText
        case "statusSlug": statusSlug
        case "asOfText": asOfText
        case "bulletSVG": bulletSVG
        default: nil
        }
    }
}

struct IndicatorGroupView: TemplateView, Sendable {
    var id: String
    var name: String
    var achieved: Int
    var withData: Int
    var total: Int
    var indicators: [IndicatorRowView]

    func value(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "achieved": achieved
        case "withData": withData
        case "total": total
        case "hasData": withData > 0
        case "indicators": indicators
        default: nil
        }
    }
}

/// `/chi-so/`.
struct DashboardView: TemplateView, Sendable {
    var groups: [IndicatorGroupView]
    var csvURL: String

    func value(named name: String) -> Any? {
        switch name {
        case "groups": groups
        case "csvURL": csvURL
        default: nil
        }
    }
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

    func value(named name: String) -> Any? {
        switch name {
        case "periodText": periodText
        case "valueText": valueText
        case "numeratorText": numeratorText
        case "denominatorText": denominatorText
        case "targetText": targetText
        case "statusText": statusText
        case "statusSlug": statusSlug
        case "asOfText": asOfText
        case "note": note
        default: nil
        }
    }
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

    func value(named name: String) -> Any? {
        switch name {
        case "groupURL": groupURL
        case "unitText": unitText
        case "formula": formula
        case "source": source
        case "descriptionHTML": descriptionHTML
        case "chartHTML": chartHTML
        case "bulletHTML": bulletHTML
        case "observations": observations
        case "notes": notes
        case "hasNotes": !notes.isEmpty
        case "csvURL": csvURL
        default: row.value(named: name)
        }
    }
}
