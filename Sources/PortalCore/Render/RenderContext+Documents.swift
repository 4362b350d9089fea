import Markdown
import VietnameseText

/// Reports and directive documents: their lists, filters and pages.
extension RenderContext {
    func reportCard(_ report: Report) -> ReportCardView {
        ReportCardView(title: report.title, url: report.url, kind: report.kind, number: report.number,
                       dateText: report.date?.short ?? "chưa ghi ngày", dateISO: report.date?.iso, periodText: report.period?.vietnamese,
                       status: report.status, summary: report.summary)
    }

    func reportListPage(path: String) -> PageView {
        let view = ReportListView(reports: model.reports.map(reportCard))
        return wrap(view, path: path, title: "Báo cáo", description: "Báo cáo định kỳ của Ban Chỉ đạo về Chuyển đổi số", crumbs: [home])
    }

    func reportPage(_ index: Int, path: String, rendered: ReportRenderer.Output) -> PageView {
        let report = model.reports[index]
        func entry(_ item: ReportRenderer.TOCEntry) -> TOCEntryView {
            TOCEntryView(number: item.number, text: item.text, id: item.id, children: item.children.map(entry))
        }
        let place = report.place.isEmpty ? "" : "\(report.place), "
        let view = ReportPageView(
            card: reportCard(report), issuer: report.issuer, placeAndDate: place + report.dateLine,
            kindUpper: report.kind.uppercased(), toc: rendered.toc.map(entry), bodyHTML: rendered.bodyHTML,
            appendixHTML: rendered.appendixHTML, recipients: report.recipients, signer: report.signer)
        return wrap(view, path: path, title: report.title, description: report.summary ?? Summary.cut(rendered.plainText),
                    crumbs: [home, link("Báo cáo", URLScheme.reports)])
    }

    func documentRow(_ document: DirectiveDocument) -> DocumentRowView {
        DocumentRowView(number: document.number, type: document.type, issuer: document.issuer,
                        issuedText: document.issued.vietnameseShort, issuedISO: document.issued.isoDate,
                        summary: document.summary, field: document.field, url: document.url)
    }

    var documentTypes: [(slug: String, name: String, count: Int)] {
        var order: [String] = []
        var names: [String: String] = [:]
        var counts: [String: Int] = [:]
        for document in model.documents {
            let slug = document.typeSlug
            if names[slug] == nil { order.append(slug); names[slug] = document.type }
            counts[slug, default: 0] += 1
        }
        return order.sorted().map { ($0, names[$0] ?? $0, counts[$0] ?? 0) }
    }

    var documentYears: [(year: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for document in model.documents { counts[document.issued.year, default: 0] += 1 }
        return counts.keys.sorted(by: >).map { ($0, counts[$0] ?? 0) }
    }

    static func documentFilterURL(_ filter: DocumentFilter) -> String {
        switch filter {
        case .all: URLScheme.documents
        case .type(let slug): URLScheme.documentType(slug: slug)
        case .year(let year): URLScheme.documentYear(year)
        }
    }

    func documentListPage(_ filter: DocumentFilter, path: String) -> PageView {
        let documents: [DirectiveDocument]
        var heading = "Văn bản chỉ đạo, điều hành"
        switch filter {
        case .all:
            documents = model.documents
        case .type(let slug):
            documents = model.documents.filter { $0.typeSlug == slug }
            heading = "\(documents.first?.type ?? slug): văn bản chỉ đạo, điều hành"
        case .year(let year):
            documents = model.documents.filter { $0.issued.year == year }
            heading = "Văn bản chỉ đạo, điều hành năm \(year)"
        }
        let types = documentTypes.map {
            FilterLinkView(title: $0.name, url: Self.documentFilterURL(.type($0.slug)), count: $0.count, isCurrent: filter == .type($0.slug))
        }
        let years = documentYears.map {
            FilterLinkView(title: "Năm \($0.year)", url: Self.documentFilterURL(.year($0.year)), count: $0.count,
                           isCurrent: filter == .year($0.year))
        }
        let view = DocumentListView(heading: heading, rows: documents.map(documentRow), types: types, years: years,
                                    allURL: URLScheme.documents, isFiltered: filter != .all)
        let crumbs = filter == .all ? [home] : [home, link("Văn bản", URLScheme.documents)]
        return wrap(view, path: path, title: heading, description: "Danh mục văn bản chỉ đạo, điều hành về chuyển đổi số", crumbs: crumbs)
    }

    func documentPage(_ index: Int, path: String, body: RenderedMarkdown?) -> PageView {
        let document = model.documents[index]
        let attachmentName = document.file.map { String($0.url.split(separator: "/").last ?? "") }
        let view = DocumentPageView(
            row: documentRow(document), issuedLong: document.issued.vietnameseLong,
            effectiveText: document.effective?.vietnameseShort, signer: document.signer,
            bodyHTML: body.flatMap { $0.html.isEmpty ? nil : $0.html }, attachmentURL: document.file?.url,
            attachmentName: attachmentName, typeURL: URLScheme.documentType(slug: document.typeSlug))
        return wrap(view, path: path, title: "\(document.type) số \(document.number)", description: document.summary,
                    crumbs: [home, link("Văn bản", URLScheme.documents)])
    }
}
