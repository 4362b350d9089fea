/// A Markdown file cut into its YAML front matter and its body, with the line each starts on.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// Line of the file where the YAML text begins (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Line of the file where the body begins.
    public var bodyFirstLine: Int
    /// Where the body begins in the file's text, in UTF-8 bytes: the body is the rest of the text.
    public var bodyUTF8Offset: Int

    /// Whether the text starts with the `---` line that opens front matter.
    public static func opens(_ text: String) -> Bool {
        text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---  \n") || text.hasPrefix("--- \n")
    }

    /// Splits `---\n<yaml>\n---\n<body>`. A file without an opening `---` has no front matter;
    /// one with an opening `---` and no closing line is a finding.
    public static func split(_ file: SourceFile, findings: inout Findings) -> FrontMatter? {
        let text = file.text
        guard opens(text) else {
            findings.append(.error("missing front matter: start the file with a line \"---\", the fields (title: …), and another \"---\"",
                                   at: file.location(line: 1, column: 1)))
            return nil
        }
        // Line by line over the bytes: the text's line ends are `\n` (`FileTree.readText`), a line feed is
        // always a character of its own, and the markers are ASCII, so this finds the same lines as
        // splitting the text into characters would.
        let utf8 = text.utf8
        let found: (yamlStart: String.Index, yamlEnd: String.Index, bodyStart: String.Index, closingLine: Int)? = {
            guard var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map({ utf8.index(after: $0) }) else { return nil }
            let yamlStart = lineStart
            var lineNumber = 2
            while lineStart < utf8.endIndex {
                let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
                var contentEnd = lineEnd
                while contentEnd > lineStart, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(utf8[utf8.index(before: contentEnd)]) {
                    contentEnd = utf8.index(before: contentEnd)
                }
                let content = utf8[lineStart..<contentEnd]
                if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                    let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                    let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                    return (yamlStart, yamlEnd, bodyStart, lineNumber)
                }
                guard lineEnd < utf8.endIndex else { break }
                lineStart = utf8.index(after: lineEnd)
                lineNumber += 1
            }
            return nil
        }()
        guard let found else {
            findings.append(.error("front matter is not closed: add a line \"---\" after the last field",
                                   at: file.location(line: 1, column: 1)))
            return nil
        }
        return FrontMatter(yaml: String(text[found.yamlStart..<found.yamlEnd]), yamlFirstLine: 2,
                           body: String(text[found.bodyStart...]), bodyFirstLine: found.closingLine + 1,
                           bodyUTF8Offset: utf8.distance(from: utf8.startIndex, to: found.bodyStart))
    }
}
