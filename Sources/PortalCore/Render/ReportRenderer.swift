import Markdown

/// A report as one page: sections rendered as one Markdown document (so footnotes are numbered across
/// the whole report and heading ids are unique), then headings numbered the way Vietnamese official
/// documents number them: I., 1., 1.1.
struct ReportRenderer: Sendable {
    struct Output: Sendable {
        var bodyHTML: String
        var appendixHTML: String
        var toc: [TOCEntry]
        var plainText: String
    }

    struct TOCEntry: Sendable {
        var number: String
        var text: String
        var id: String
        var children: [TOCEntry]
    }

    let markdown: MarkdownRenderer
    let expander: ShortcodeExpander

    func render(_ report: Report, findings: inout Findings) -> Output {
        let main = report.sections.filter { !$0.appendix }
        let appendix = report.sections.filter(\.appendix)
        let (bodyHTML, bodyHeadings, bodyText) = renderPart(main, numbered: true, idPrefix: "", findings: &findings)
        let (appendixHTML, _, appendixText) = renderPart(appendix, numbered: false, idPrefix: "phu-luc-", findings: &findings)
        return Output(bodyHTML: bodyHTML, appendixHTML: appendixHTML, toc: bodyHeadings, plainText: bodyText + " " + appendixText)
    }

    /// Joins the sections under `# title` headings, renders once, maps every finding back to its file.
    private func renderPart(_ sections: [Report.Section], numbered: Bool, idPrefix: String,
                            findings: inout Findings) -> (String, [TOCEntry], String) {
        guard !sections.isEmpty else { return ("", [], "") }
        var source = ""
        // Where each part of `source` comes from: (its first line in `source`, section, that line in the file).
        var starts: [(Int, Report.Section, Int)] = []
        var line = 1
        for section in sections {
            if let heading = section.heading {
                // The editor's own heading, made level 1 with its text at the same column, so a finding in
                // it (a shortcode) is reported where it was written.
                source += "#" + String(repeating: " ", count: max(1, heading.column - 2)) + heading.markdown + "\n\n"
                starts.append((line, section, heading.line))
            } else {
                source += "# \(Self.literalMarkdown(section.title))\n\n"
            }
            line += 2
            starts.append((line, section, section.bodyFirstLine))
            source += section.body
            if !section.body.hasSuffix("\n") { source += "\n" }
            source += "\n"
            line += section.body.split(separator: "\n", omittingEmptySubsequences: false).count
                - (section.body.hasSuffix("\n") ? 1 : 0) + 1
            checkHeadingLevels(section, findings: &findings)
        }
        func locate(_ combinedLine: Int, _ column: Int) -> (SourceFile, SourceLocation) {
            let (start, section, fileLine) = starts.last { $0.0 <= combinedLine } ?? starts[0]
            return (section.source, section.source.location(line: fileLine + combinedLine - start, column: column))
        }
        var renderer = markdown
        renderer.options.headingIDPrefix = idPrefix
        let rendered = expander.expand(renderer.render(source), idPrefix: idPrefix.isEmpty ? "bc-" : idPrefix,
                                       findings: &findings, locate: locate)
        // Under a title written as `## …` the section's headings start at `###`: they are numbered, and
        // given elements, as `##` under a `title:` field.
        let levels = rendered.headings.map { heading -> Int in
            guard heading.level > 1 else { return 1 }
            let section = starts.last { $0.0 <= heading.line }?.1
            return max(2, heading.level - ((section?.heading?.level ?? 1) - 1))
        }
        let (html, toc) = Self.numberHeadings(rendered.html, headings: rendered.headings, levels: levels, numbered: numbered)
        return (html, toc, rendered.plainText)
    }

    /// The title as Markdown that reads back as exactly this text: every ASCII punctuation character
    /// backslash-escaped (CommonMark allows it for all of them), so `<`, `*` or `[` stay characters.
    static func literalMarkdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r" { out.append(" "); continue }
            if character.isASCII, character.isPunctuation || character.isSymbol { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A heading inside a section as high as its title (`#` under a `title:` field, `##` under a title
    /// written as `## …`) would be taken for a section title.
    private func checkHeadingLevels(_ section: Report.Section, findings: inout Findings) {
        let titleLevel = section.heading?.level ?? 1
        let titleMarks = String(repeating: "#", count: titleLevel)
        var inFence = false
        for (offset, line) in section.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, let (level, _) = SectionHeading.atxHeading(line), level <= titleLevel else { continue }
            let message = section.heading == nil
                ? "use ## for headings inside a section: # is the section's own title (its title: field)"
                : "use \(titleMarks)# for headings inside a section: \(titleMarks) is the section's own title (its first heading)"
            findings.append(.error(message, at: section.source.location(line: section.bodyFirstLine + offset, column: 1)))
        }
    }

    /// Moves every heading one level down (the page's h1 is the report title) and, when `numbered`,
    /// writes its number before the text: sections I., II.; their headings 1., 2.; below those 1.1.
    /// - Parameter levels: by heading, the level it has in the report's outline (`heading.level` in
    ///   sections with a `title:` field).
    static func numberHeadings(_ html: String, headings: [RenderedMarkdown.Heading], levels: [Int], numbered: Bool) -> (String, [TOCEntry]) {
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 40)
        var rest = html[...]
        var counters = [0, 0, 0, 0, 0, 0]
        var toc: [TOCEntry] = []
        for (heading, level) in zip(headings, levels) {
            let open = "<h\(heading.level) id=\"\(heading.id)\">"
            guard let openRange = rest.range(of: open) else { continue }
            output += rest[..<openRange.lowerBound]
            counters[level - 1] += 1
            for deeper in level..<counters.count { counters[deeper] = 0 }
            var number = ""
            if numbered {
                if level == 1 {
                    number = Roman.numeral(counters[0]) + "."
                } else {
                    number = counters[1..<level].map(String.init).joined(separator: ".") + "."
                }
            }
            let newLevel = min(level + 1, 6)
            output += "<h\(newLevel) id=\"\(heading.id)\">"
            if !number.isEmpty { output += "<span class=\"heading-number\">\(number)</span> " }
            rest = rest[openRange.upperBound...]
            let close = "</h\(heading.level)>"
            if let closeRange = rest.range(of: close) {
                output += rest[..<closeRange.lowerBound]
                output += "</h\(newLevel)>"
                rest = rest[closeRange.upperBound...]
            }
            let entry = TOCEntry(number: number, text: heading.text, id: heading.id, children: [])
            if level == 1 {
                toc.append(entry)
            } else if level == 2, !toc.isEmpty {
                toc[toc.count - 1].children.append(entry)
            }
        }
        output += rest
        return (output, toc)
    }
}

enum Roman {
    static func numeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var remaining = value
        var result = ""
        for (amount, symbol) in table {
            while remaining >= amount {
                result += symbol
                remaining -= amount
            }
        }
        return result
    }
}
