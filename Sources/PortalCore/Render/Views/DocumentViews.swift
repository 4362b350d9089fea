import Mustache

/// A report in the list at `/bao-cao/`.
struct ReportCardView: TemplateView, Sendable {
    var title: String
    var url: String
    var kind: String
    var number: String
    var dateText: String
    /// Nil for a draft without a date: no `<time>` then.
    var dateISO: String?
    var periodText: String?
    var status: String?
    var summary: String?

    static let fields = ViewFields<ReportCardView>([
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("kind") { $0.kind },
        .text("number") { $0.number.nilIfEmpty },
        .text("dateText") { $0.dateText },
        .text("dateISO") { $0.dateISO },
        .text("periodText") { $0.periodText },
        .text("status") { $0.status },
        .text("summary") { $0.summary },
    ])
}

struct ReportListView: TemplateView, Sendable {
    var reports: [ReportCardView]

    static let fields = ViewFields<ReportListView>([
        .list("reports") { $0.reports },
        .flag("hasReports") { !$0.reports.isEmpty },
    ])
}

struct TOCEntryView: TemplateView, Sendable {
    var number: String
    var text: String
    var id: String
    var children: [TOCEntryView]

    static let fields = ViewFields<TOCEntryView>([
        .text("number") { $0.number.nilIfEmpty },
        .text("text") { $0.text },
        .text("id") { $0.id },
        .list("children") { $0.children },
        .flag("hasChildren") { !$0.children.isEmpty },
    ])
}

/// `/bao-cao/<id>/`: the report laid out as the official document.
struct ReportPageView: TemplateView, Sendable {
    var card: ReportCardView
    var issuer: [String]
    var placeAndDate: String
    var kindUpper: String
    var toc: [TOCEntryView]
    var bodyHTML: String
    var appendixHTML: String
    var recipients: [String]
    var signer: Report.Signer?

    static let fields = ViewFields<ReportPageView>([
        .texts("issuer") { $0.issuer },
        .text("placeAndDate") { $0.placeAndDate },
        .text("kindUpper") { $0.kindUpper },
        .list("toc") { $0.toc },
        .flag("hasTOC") { !$0.toc.isEmpty },
        .text("bodyHTML") { $0.bodyHTML },
        .text("appendixHTML") { $0.appendixHTML.nilIfEmpty },
        .texts("recipients") { $0.recipients },
        .flag("hasRecipients") { !$0.recipients.isEmpty },
        .view("signer") { $0.signer.map(SignerView.init) },
    ], otherNamesFrom: { $0.card })

    struct SignerView: TemplateView, Sendable {
        var signer: Report.Signer
        static let fields = ViewFields<ReportPageView.SignerView>([
            .text("onBehalf") { $0.signer.onBehalf.nilIfEmpty },
            .text("position") { $0.signer.position.nilIfEmpty },
            .text("name") { $0.signer.name.nilIfEmpty },
        ])
    }
}

/// A directive document as a row of the list at `/van-ban/`.
struct DocumentRowView: TemplateView, Sendable {
    var number: String
    var type: String
    var issuer: String
    var issuedText: String
    var issuedISO: String
    var summary: String
    var field: String?
    var url: String

    static let fields = ViewFields<DocumentRowView>([
        .text("number") { $0.number },
        .text("type") { $0.type },
        .text("issuer") { $0.issuer },
        .text("issuedText") { $0.issuedText },
        .text("issuedISO") { $0.issuedISO },
        .text("summary") { $0.summary },
        .text("field") { $0.field },
        .text("url") { $0.url },
    ])
}

struct FilterLinkView: TemplateView, Sendable {
    var title: String
    var url: String
    var count: Int
    var isCurrent: Bool

    static let fields = ViewFields<FilterLinkView>([
        .text("title") { $0.title },
        .text("url") { $0.url },
        .number("count") { $0.count },
        .flag("isCurrent") { $0.isCurrent },
    ])
}

struct DocumentListView: TemplateView, Sendable {
    var heading: String
    var rows: [DocumentRowView]
    var types: [FilterLinkView]
    var years: [FilterLinkView]
    var allURL: String
    var isFiltered: Bool

    static let fields = ViewFields<DocumentListView>([
        .text("heading") { $0.heading },
        .list("rows") { $0.rows },
        .flag("hasRows") { !$0.rows.isEmpty },
        .list("types") { $0.types },
        .list("years") { $0.years },
        .text("allURL") { $0.allURL },
        .flag("isFiltered") { $0.isFiltered },
    ])
}

/// `/van-ban/<slug>/`.
struct DocumentPageView: TemplateView, Sendable {
    var row: DocumentRowView
    var issuedLong: String
    var effectiveText: String?
    var signer: String?
    var bodyHTML: String?
    var attachmentURL: String?
    var attachmentName: String?
    var typeURL: String

    static let fields = ViewFields<DocumentPageView>([
        .text("issuedLong") { $0.issuedLong },
        .text("effectiveText") { $0.effectiveText },
        .text("signer") { $0.signer },
        .text("bodyHTML") { $0.bodyHTML },
        .text("attachmentURL") { $0.attachmentURL },
        .text("attachmentName") { $0.attachmentName },
        .text("typeURL") { $0.typeURL },
    ], otherNamesFrom: { $0.row })
}
