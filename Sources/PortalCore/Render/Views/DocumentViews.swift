import Mustache

/// A report in the list at `/bao-cao/`.
struct ReportCardView: TemplateView, Sendable {
    var title: String
    var url: String
    var kind: String
    var number: String
    var dateText: String
    var dateISO: String
    var periodText: String?
    var status: String?
    var summary: String?

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "kind": kind
        case "number": number.nilIfEmpty
        case "dateText": dateText
        case "dateISO": dateISO
        case "periodText": periodText
        case "status": status
        case "summary": summary
        default: nil
        }
    }
}

struct ReportListView: TemplateView, Sendable {
    var reports: [ReportCardView]

    func value(named name: String) -> Any? {
        switch name {
        case "reports": reports
        case "hasReports": !reports.isEmpty
        default: nil
        }
    }
}

struct TOCEntryView: TemplateView, Sendable {
    var number: String
    var text: String
    var id: String
    var children: [TOCEntryView]

    func value(named name: String) -> Any? {
        switch name {
        case "number": number.nilIfEmpty
        case "text": text
        case "id": id
        case "children": children
        case "hasChildren": !children.isEmpty
        default: nil
        }
    }
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

    func value(named name: String) -> Any? {
        switch name {
        case "issuer": issuer
        case "placeAndDate": placeAndDate
        case "kindUpper": kindUpper
        case "toc": toc
        case "hasTOC": !toc.isEmpty
        case "bodyHTML": bodyHTML
        case "appendixHTML": appendixHTML.nilIfEmpty
        case "recipients": recipients
        case "hasRecipients": !recipients.isEmpty
        case "signer": signer.map(SignerView.init)
        default: card.value(named: name)
        }
    }

    struct SignerView: TemplateView, Sendable {
        var signer: Report.Signer
        func value(named name: String) -> Any? {
            switch name {
            case "onBehalf": signer.onBehalf.nilIfEmpty
            case "position": signer.position.nilIfEmpty
            case "name": signer.name.nilIfEmpty
            default: nil
            }
        }
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

    func value(named name: String) -> Any? {
        switch name {
        case "number": number
        case "type": type
        case "issuer": issuer
        case "issuedText": issuedText
        case "issuedISO": issuedISO
        case "summary": summary
        case "field": field
        case "url": url
        default: nil
        }
    }
}

struct FilterLinkView: TemplateView, Sendable {
    var title: String
    var url: String
    var count: Int
    var isCurrent: Bool

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "count": count
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

struct DocumentListView: TemplateView, Sendable {
    var heading: String
    var rows: [DocumentRowView]
    var types: [FilterLinkView]
    var years: [FilterLinkView]
    var allURL: String
    var isFiltered: Bool

    func value(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "types": types
        case "years": years
        case "allURL": allURL
        case "isFiltered": isFiltered
        default: nil
        }
    }
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

    func value(named name: String) -> Any? {
        switch name {
        case "issuedLong": issuedLong
        case "effectiveText": effectiveText
        case "signer": signer
        case "bodyHTML": bodyHTML
        case "attachmentURL": attachmentURL
        case "attachmentName": attachmentName
        case "typeURL": typeURL
        default: row.value(named: name)
        }
    }
}
