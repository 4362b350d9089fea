import VietnameseText

/// Orders report sections, checks report and document fields against the rest of the site.
struct DocumentResolver {
    let includeDrafts: Bool
    let resolver: SiteResolver

    func resolveReports(_ loaded: [LoadedReport], findings: inout Findings) -> [Report] {
        var reports: [Report] = []
        for report in loaded where includeDrafts || !report.draft {
            var ok = true
            if Slug.make(report.id) != report.id {
                findings.append(Finding(file: report.source.displayPath, message:
                    "the report folder \"\(report.id)\" must be named with lower-case letters, digits and \"-\" (e.g. \"\(Slug.make(report.id))\")"))
                ok = false
            }
            var period: Period?
            if let text = report.period {
                period = Period.parse(text.value)
                if period == nil {
                    findings.append(.error("cannot read period \"\(text.value)\": write 2024-Q1, 2024-H1, 2024 or 2024-03", at: text.location))
                    ok = false
                }
            }
            guard ok else { continue }
            let sections = orderSections(report.sections, findings: &findings)
            checkFootnoteLabels(sections, findings: &findings)
            reports.append(Report(
                id: report.id, source: report.source, title: report.title.value, kind: report.kind, number: report.number,
                issuer: report.issuer, place: report.place, date: report.date?.value, period: period, status: report.status,
                signer: report.signer, recipients: report.recipients, summary: report.summary, draft: report.draft,
                sections: sections))
        }
        return reports.sorted(by: Self.listOrder)
    }

    /// Newest first; drafts without a date after every dated report; then by folder name.
    static func listOrder(_ lhs: Report, _ rhs: Report) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: left > right
        case (.some, nil): true
        case (nil, .some): false
        default: lhs.id < rhs.id
        }
    }

    /// By `weight` when given, else by the number the file name starts with (`01-…`), then by name.
    func orderSections(_ sections: [LoadedReport.Section], findings: inout Findings) -> [Report.Section] {
        func key(_ section: LoadedReport.Section) -> (Int, String) {
            let name = section.source.relativePath.split(separator: "/").last.map(String.init) ?? ""
            let prefix = Int(name.prefix { $0.isNumber }) ?? Int.max
            return (section.weight ?? prefix, name)
        }
        let ordered = sections.sorted { key($0) < key($1) }
        var seen: [Int: String] = [:]
        for section in ordered {
            let (position, _) = key(section)
            if position != Int.max, let other = seen[position] {
                findings.append(.warning("\(other) and \(section.source.displayPath) have the same order (\(position)): the order between them is by file name",
                                         at: section.title.location))
            }
            seen[position] = section.source.displayPath
        }
        return ordered.map { Report.Section(source: $0.source, title: $0.title.value, heading: $0.heading, appendix: $0.appendix,
                                            body: $0.body, bodyFirstLine: $0.bodyFirstLine) }
    }

    /// Sections are rendered as one document so that footnotes are numbered across the report; a label
    /// defined in two sections would silently take the first definition, so it is an error.
    func checkFootnoteLabels(_ sections: [Report.Section], findings: inout Findings) {
        var owners: [String: String] = [:]
        for section in sections {
            for (offset, line) in section.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]"),
                      line.index(after: close) < line.endIndex, line[line.index(after: close)] == ":" else { continue }
                let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
                let location = section.source.location(line: section.bodyFirstLine + offset, column: 1)
                if let owner = owners[label] {
                    findings.append(.error("footnote [^\(label)] is already defined in \(owner): give each footnote of a report its own label",
                                           at: location))
                } else {
                    owners[label] = section.source.displayPath
                }
            }
        }
    }

    func resolveDocuments(_ loaded: [LoadedDocument], files: Set<String>, findings: inout Findings) -> [DirectiveDocument] {
        var documents: [DirectiveDocument] = []
        for document in loaded where includeDrafts || !document.draft {
            let slug: String?
            if let explicit = document.slug {
                slug = resolver.resolveSlug(explicit: explicit, title: document.number, findings: &findings)
            } else {
                slug = Slug.make(document.number.value).isEmpty ? nil : Slug.make(document.number.value)
                if slug == nil {
                    findings.append(.error("the number has no letters or digits to make an address from: add a slug field",
                                           at: document.number.location))
                }
            }
            guard let slug else { continue }
            var attachment: ResolvedResource?
            if let file = document.file {
                attachment = resolver.resolveResource(file, besides: document.source.relativePath, itemURL: URLScheme.document(slug: slug),
                                                      files: files, findings: &findings, noun: "attachment")
                if attachment == nil { continue }
            }
            documents.append(DirectiveDocument(
                source: document.source, number: document.number.value, type: document.type.value, issuer: document.issuer,
                issued: document.issued.value, effective: document.effective, signer: document.signer, field: document.field,
                summary: document.summary, file: attachment, body: document.body, bodyFirstLine: document.bodyFirstLine,
                slug: slug, typeSlug: Slug.make(document.type.value)))
        }
        return documents.sorted {
            $0.issued.epochSeconds != $1.issued.epochSeconds ? $0.issued.epochSeconds > $1.issued.epochSeconds : $0.slug < $1.slug
        }
    }
}
