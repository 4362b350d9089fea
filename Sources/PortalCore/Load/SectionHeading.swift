/// A report section's title written as the first line of its text (`## Kết quả triển khai`), as a section
/// without front matter gives it. The heading becomes the section's own heading, so the body is the text
/// after it.
public struct SectionHeading: Sendable, Equatable {
    /// The heading's text as Markdown, as written after its `#`s (a closing run of `#`s included:
    /// Markdown drops it), so emphasis or code in a title renders as written.
    public var markdown: String
    /// 1 for `#`, 2 for `##`: the section's own headings are deeper than this.
    public var level: Int
    /// Where `markdown` starts in the file.
    public var line: Int
    public var column: Int

    /// The heading's text without a closing run of `#`s, for findings that name the section.
    public var text: String {
        var text = Substring(markdown)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        let closing = text.reversed().prefix { $0 == "#" }.count
        let beforeClosing = text.dropLast(closing)
        if closing > 0, beforeClosing.isEmpty || beforeClosing.last == " " || beforeClosing.last == "\t" { text = beforeClosing }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }

    /// The first line of `body` that is not blank, when it is a `#` or `##` heading with some text, with
    /// the body after it and the file line that body starts on. `firstLine` is the file line of the
    /// body's first line.
    static func first(in body: String, firstLine: Int) -> (heading: SectionHeading, rest: String, restFirstLine: Int)? {
        var lineNumber = firstLine
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: "\n") ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                guard lineEnd < body.endIndex else { return nil }
                lineStart = body.index(after: lineEnd)
                lineNumber += 1
                continue
            }
            guard let heading = parse(line, line: lineNumber) else { return nil }
            let rest = lineEnd < body.endIndex ? String(body[body.index(after: lineEnd)...]) : ""
            return (heading, rest, lineNumber + 1)
        }
        return nil
    }

    /// A heading of level 1 or 2 with some text. (`###` and deeper are a section's own subheadings, not
    /// its title.)
    private static func parse(_ line: Substring, line number: Int) -> SectionHeading? {
        guard let (level, markdown) = atxHeading(line), level <= 2 else { return nil }
        let heading = SectionHeading(markdown: String(markdown), level: level, line: number,
                                     column: line.utf8.distance(from: line.startIndex, to: markdown.startIndex) + 1)
        return heading.text.isEmpty ? nil : heading
    }

    /// The level and text of an ATX heading line as CommonMark reads one: up to three spaces, one to six
    /// `#`, then a space, a tab or the end of the line.
    static func atxHeading(_ line: Substring) -> (level: Int, markdown: Substring)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let afterIndent = line.dropFirst(indent)
        let level = afterIndent.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let afterMarks = afterIndent.dropFirst(level)
        guard afterMarks.isEmpty || afterMarks.first == " " || afterMarks.first == "\t" else { return nil }
        return (level, afterMarks.drop { $0 == " " || $0 == "\t" })
    }
}
