import VietnameseText

/// What `_index.md` of a report and its section files say, still located in their files.
public struct LoadedReport: Sendable {
    public struct Section: Sendable {
        public var source: SourceFile
        /// From the `title:` field, or the text of the first heading.
        public var title: Located<String>
        /// Set when the title is the section's first heading, which is then not part of `body`.
        public var heading: SectionHeading?
        public var weight: Int?
        public var appendix: Bool
        public var body: String
        public var bodyFirstLine: Int
    }

    public var id: String
    public var source: SourceFile
    public var title: Located<String>
    public var kind: String
    public var number: String
    public var issuer: [String]
    public var place: String
    public var date: Located<ReportDate>?
    public var period: Located<String>?
    public var status: String?
    public var signer: Report.Signer?
    public var recipients: [String]
    public var summary: String?
    public var draft: Bool
    public var sections: [Section]
}

public struct LoadedDocument: Sendable {
    public var source: SourceFile
    public var number: Located<String>
    public var type: Located<String>
    public var issuer: String
    public var issued: Located<LocalDateTime>
    public var effective: LocalDateTime?
    public var signer: String?
    public var field: String?
    public var summary: String
    public var file: Located<String>?
    public var slug: Located<String>?
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int
}

/// Reads reports (`reports/<id>/_index.md` + sections) and directive documents (`documents/*.md`).
public struct DocumentLoader: Sendable {
    public init() {}

    public func loadReports(files: [String], tree: FileTree, findings: inout Findings) -> [LoadedReport] {
        var folders: [String: [String]] = [:]
        for path in files where path.hasPrefix("reports/") && FileTree.hasExtension(path, "md") {
            let parts = path.split(separator: "/")
            guard parts.count == 3 else {
                findings.append(Finding(file: tree.displayPath(path), severity: .warning,
                                        message: "reports are folders: put this file in reports/<id>/ (it is not used here)"))
                continue
            }
            folders[String(parts[1]), default: []].append(path)
        }
        var reports: [LoadedReport] = []
        for id in folders.keys.sorted() {
            let paths = folders[id] ?? []
            let indexPaths = paths.filter { FileTree.isNamed($0, "_index", extension: "md") }.sorted()
            guard let indexPath = indexPaths.first else {
                findings.append(Finding(file: tree.displayPath("reports/\(id)"),
                                        message: "report folder has no _index.md: add one with the report's title (---, title: …, ---)"))
                continue
            }
            for other in indexPaths.dropFirst() {
                findings.append(Finding(file: tree.displayPath(other), message:
                    "\(tree.displayPath(indexPath)) is this report's _index.md already: keep one of the two files"))
            }
            if let report = loadReport(id: id, indexPath: indexPath, sectionPaths: paths.filter { !indexPaths.contains($0) }.sorted(),
                                       tree: tree, findings: &findings) {
                reports.append(report)
            }
        }
        return reports
    }

    func loadReport(id: String, indexPath: String, sectionPaths: [String], tree: FileTree, findings: inout Findings) -> LoadedReport? {
        guard let file = tree.readText(indexPath, findings: &findings),
              let split = FrontMatter.split(file, findings: &findings),
              var fields = YAMLFields.parse(split.yaml, in: file, firstLine: split.yamlFirstLine, findings: &findings)
        else { return nil }
        let title = fields.string("title", required: true, findings: &findings)
        let kind = fields.string("kind", findings: &findings)?.value ?? "Báo cáo"
        let number = fields.string("number", findings: &findings)?.value ?? ""
        let issuer = fields.stringList("issuer", findings: &findings).map(\.value)
        let place = fields.string("place", findings: &findings)?.value ?? ""
        // Without a date the report is a draft whose date line keeps its blanks.
        let dateText = fields.string("date", findings: &findings)
        let period = fields.string("period", findings: &findings)
        let status = fields.string("status", findings: &findings)?.value
        let recipients = fields.stringList("recipients", findings: &findings).map(\.value)
        let summary = fields.string("summary", findings: &findings)?.value
        let draft = fields.bool("draft", findings: &findings)?.value ?? false
        var signer: Report.Signer?
        if let node = fields.node("signer"), var signerFields = fields.nested(node, findings: &findings) {
            signer = Report.Signer(onBehalf: signerFields.string("on_behalf", findings: &findings)?.value ?? "",
                                   position: signerFields.string("position", findings: &findings)?.value ?? "",
                                   name: signerFields.string("name", findings: &findings)?.value ?? "")
            signerFields.reportUnknownKeys(severity: .warning, findings: &findings)
        }
        fields.reportUnknownKeys(severity: .warning, findings: &findings)
        var date: Located<ReportDate>?
        if let dateText {
            if let parsed = ReportDate.parse(dateText.value) {
                date = Located(parsed, at: dateText.location)
            } else {
                findings.append(.error("cannot read date \"\(dateText.value)\": write 2024-03-14, or 2024-03 for a draft without a day, or leave date out for a draft without one",
                                       at: dateText.location))
            }
        }
        var sections: [LoadedReport.Section] = []
        for path in sectionPaths {
            if let section = loadSection(path, tree: tree, findings: &findings) { sections.append(section) }
        }
        guard let title, dateText == nil || date != nil else { return nil }
        return LoadedReport(id: id, source: file, title: title, kind: kind, number: number, issuer: issuer, place: place, date: date,
                            period: period, status: status, signer: signer, recipients: recipients, summary: summary,
                            draft: draft, sections: sections)
    }

    /// A section's front matter is optional: plain Markdown whose first line is its heading
    /// (`## Kết quả triển khai`) is a section with that title, and line 1 of its text is line 1 of the file.
    func loadSection(_ path: String, tree: FileTree, findings: inout Findings) -> LoadedReport.Section? {
        guard let file = tree.readText(path, findings: &findings) else { return nil }
        var title: Located<String>?
        var weight: Int?
        var appendix = false
        var body = file.text
        var bodyFirstLine = 1
        var noTitleLocation = file.location(line: 1, column: 1)
        let hasFrontMatter = FrontMatter.opens(file.text)
        if hasFrontMatter {
            guard let split = FrontMatter.split(file, findings: &findings),
                  var fields = YAMLFields.parse(split.yaml, in: file, firstLine: split.yamlFirstLine, findings: &findings)
            else { return nil }
            title = fields.string("title", findings: &findings).flatMap { $0.value.isEmpty ? nil : $0 }
            weight = fields.integer("weight", in: -100_000...100_000, findings: &findings)?.value
            appendix = fields.bool("appendix", findings: &findings)?.value ?? false
            fields.reportUnknownKeys(severity: .warning, findings: &findings)
            body = split.body
            bodyFirstLine = split.bodyFirstLine
            noTitleLocation = fields.mappingLocation
        }
        var heading: SectionHeading?
        if title == nil, let first = SectionHeading.first(in: body, firstLine: bodyFirstLine) {
            heading = first.heading
            title = Located(first.heading.text, at: file.location(line: first.heading.line, column: first.heading.column))
            body = first.rest
            bodyFirstLine = first.restFirstLine
        }
        guard let title else {
            findings.append(.error(hasFrontMatter
                ? "this section has no title: add a line \"title: …\" to its front matter, or start its text with a heading line such as \"## Tiêu đề\""
                : "this section has no title: make its first line a heading such as \"## Tiêu đề\", or start the file with front matter (---, title: …, ---)",
                at: noTitleLocation))
            return nil
        }
        return LoadedReport.Section(source: file, title: title, heading: heading, weight: weight, appendix: appendix, body: body,
                                    bodyFirstLine: bodyFirstLine)
    }

    public func loadDocuments(files: [String], tree: FileTree, timeZone: Int, findings: inout Findings) -> [LoadedDocument] {
        var documents: [LoadedDocument] = []
        for path in files where path.hasPrefix("documents/") && FileTree.hasExtension(path, "md") && path.split(separator: "/").count == 2 {
            guard let file = tree.readText(path, findings: &findings) else { continue }
            if file.text.allSatisfy(\.isWhitespace) {
                findings.append(.error("file is empty: write its front matter (---, number: …, ---) or delete it", at: file.location()))
                continue
            }
            guard let split = FrontMatter.split(file, findings: &findings),
                  var fields = YAMLFields.parse(split.yaml, in: file, firstLine: split.yamlFirstLine, findings: &findings)
            else { continue }
            let number = fields.string("number", required: true, findings: &findings)
            let type = fields.string("type", required: true, findings: &findings)
            let issuer = fields.string("issuer", required: true, findings: &findings)
            let issuedText = fields.string("issued", required: true, findings: &findings)
            let effectiveText = fields.string("effective", findings: &findings)
            let signer = fields.string("signer", findings: &findings)?.value
            let field = fields.string("field", findings: &findings)?.value
            let summary = fields.string("summary", required: true, findings: &findings)
            let attachment = fields.string("file", findings: &findings)
            let slug = fields.string("slug", findings: &findings)
            let draft = fields.bool("draft", findings: &findings)?.value ?? false
            fields.reportUnknownKeys(severity: .warning, findings: &findings)
            func date(_ located: Located<String>?) -> Located<LocalDateTime>? {
                guard let located else { return nil }
                guard let parsed = LocalDateTime.parse(located.value, defaultOffsetMinutes: timeZone) else {
                    findings.append(.error("cannot read date \"\(located.value)\": write it as 2024-03-14", at: located.location))
                    return nil
                }
                return Located(parsed, at: located.location)
            }
            let issued = date(issuedText)
            let effective = date(effectiveText)
            guard let number, let type, let issuer, let issued, let summary else { continue }
            if effectiveText != nil && effective == nil { continue }
            documents.append(LoadedDocument(
                source: file, number: number, type: type, issuer: issuer.value, issued: issued, effective: effective?.value,
                signer: signer.flatMap { $0.isEmpty ? nil : $0 }, field: field.flatMap { $0.isEmpty ? nil : $0 },
                summary: summary.value, file: attachment, slug: slug, draft: draft, body: split.body,
                bodyFirstLine: split.bodyFirstLine))
        }
        return documents
    }
}
