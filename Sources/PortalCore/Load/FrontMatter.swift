/// A Markdown file cut into its YAML front matter and its body, with the line each starts on.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// Line of the file where the YAML text begins (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Line of the file where the body begins.
    public var bodyFirstLine: Int

    /// Splits `---\n<yaml>\n---\n<body>`. A file without an opening `---` has no front matter;
    /// one with an opening `---` and no closing line is a finding.
    public static func split(_ file: SourceFile, findings: inout [Finding]) -> FrontMatter? {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---  \n") || text.hasPrefix("--- \n") else {
            findings.append(.error("missing front matter: start the file with a line \"---\", the fields (title: …), and another \"---\"",
                                   at: file.location(line: 1, column: 1)))
            return nil
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        lines.removeFirst()
        while let line = lines.first {
            lines.removeFirst()
            lineNumber += 1
            if line.trimmingTrailingSpaces() == "---" || line.trimmingTrailingSpaces() == "..." {
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                   body: lines.joined(separator: "\n"), bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(line)
        }
        findings.append(.error("front matter is not closed: add a line \"---\" after the last field",
                               at: file.location(line: 1, column: 1)))
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
        return copy
    }
}
