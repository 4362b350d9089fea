import Foundation

/// Finds the partials that `PartialCache` may render once per distinct input, and rewrites the lines
/// that include them.
///
/// A line is rewritten only where the result is certain to be the same bytes:
/// - the template is rendered with the page at the top of the context: no template includes it inside
///   a section or a block, or indented (`rootTemplates`);
/// - the line is nothing but `{{> name}}` (no indentation) and ends with a line feed, outside any section;
/// - the partial is plain: no partials, parents, blocks, delimiter changes, transforms or `.` names of
///   its own, and its last line is text ending with a line feed, so its output ends with one (the
///   rewritten line keeps its line feed and the cache drops the partial's).
/// Anything the scanner cannot read with certainty turns the whole mechanism off.
struct SharedPartials {
    /// Template name → text with the shared partial lines rewritten (only templates that changed).
    private(set) var rewritten: [String: String] = [:]
    /// By the number in `__cachedPartialN`.
    private(set) var partials: [String] = []

    struct Tag {
        /// `#`, `^`, `/`, `$`, `<`, `>`, `!`, `%`, `&` (three braces too), or nil for a variable.
        var kind: Character?
        var name: String
        /// Sections, inverted sections, blocks and parents around the tag.
        var depth: Int
        /// 0-based line of the tag's start.
        var line: Int
        /// Only spaces or tabs before the tag on its line, and at least one.
        var indented: Bool
    }

    init(_ texts: [String: String]) {
        var scanned: [String: [Tag]] = [:]
        for (name, text) in texts {
            guard let tags = Self.scan(text) else { return }
            scanned[name] = tags
        }
        // Templates rendered with the page at the top: every template, less those some template
        // includes inside a section or block, or indented, or from a template that is not one of them.
        var rootTemplates = Set(texts.keys)
        var changed = true
        while changed {
            changed = false
            for (from, tags) in scanned {
                for tag in tags where tag.kind == ">" || tag.kind == "<" {
                    if rootTemplates.contains(tag.name) && (tag.depth > 0 || tag.indented || !rootTemplates.contains(from)) {
                        rootTemplates.remove(tag.name)
                        changed = true
                    }
                }
            }
        }
        let plain = Set(texts.compactMap { name, text in Self.isPlain(text, tags: scanned[name]!) ? name : nil })
        var numbers: [String: Int] = [:]
        for name in rootTemplates.sorted() {
            let text = texts[name]!
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var didRewrite = false
            for tag in scanned[name]! where tag.kind == ">" && tag.depth == 0 && !tag.indented && plain.contains(tag.name) {
                // The line must be the tag alone, and not the last line (which has no line feed).
                guard tag.line + 1 < lines.count else { continue }
                var line = Substring(lines[tag.line])
                while let last = line.last, last == " " || last == "\t" { line.removeLast() }
                guard line.hasPrefix("{{>"), line.hasSuffix("}}"), line.dropFirst(3).range(of: "{{") == nil,
                      line.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces) == tag.name else { continue }
                let number = numbers[tag.name] ?? {
                    partials.append(tag.name)
                    numbers[tag.name] = partials.count - 1
                    return partials.count - 1
                }()
                lines[tag.line] = "{{{\(PartialCache.variablePrefix)\(number)}}}"
                didRewrite = true
            }
            if didRewrite { rewritten[name] = lines.joined(separator: "\n") }
        }
    }

    /// A partial whose output depends only on what it looks up, and always ends with a line feed.
    static func isPlain(_ text: String, tags: [Tag]) -> Bool {
        guard text.hasSuffix("\n"), let lastLine = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).last,
              !lastLine.contains("{{") else { return false }
        return !tags.contains { tag in
            [">", "<", "$"].contains(tag.kind) || tag.name.hasPrefix(".") || tag.name.contains("(") || tag.name.isEmpty && tag.kind != "!"
        }
    }

    /// Every tag with its nesting depth, or nil when the text has something this reading is not sure of
    /// (a delimiter change, a sigil after a space, an unclosed tag, unbalanced sections).
    static func scan(_ text: String) -> [Tag]? {
        var tags: [Tag] = []
        var depth = 0
        var line = 0
        var lineStart = text.startIndex
        var index = text.startIndex
        while let open = text[index...].range(of: "{{") {
            for character in text[index..<open.lowerBound] where character == "\n" { line += 1 }
            if let lastBreak = text[lineStart..<open.lowerBound].lastIndex(of: "\n") { lineStart = text.index(after: lastBreak) }
            let indented = open.lowerBound > lineStart && text[lineStart..<open.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
            let triple = text[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let innerStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = text[innerStart...].range(of: closing) else { return nil }
            let inner = text[innerStart..<close.lowerBound]
            if inner.contains("\n") { return nil }
            var kind: Character? = triple ? "&" : nil
            var name = inner.trimmingCharacters(in: .whitespaces)
            if !triple, let first = inner.first {
                if "#^/$<>!=&%{".contains(first) {
                    kind = first
                    name = inner.dropFirst().trimmingCharacters(in: .whitespaces)
                } else if first == " " || first == "\t", let sigil = name.first, "#^/$<>!=&%{".contains(sigil) {
                    return nil
                }
            }
            if kind == "=" { return nil }
            if kind == "/" {
                depth -= 1
                if depth < 0 { return nil }
            }
            tags.append(Tag(kind: kind, name: name, depth: depth, line: line, indented: indented))
            if let kind, "#^$<".contains(kind) { depth += 1 }
            for character in text[open.lowerBound..<close.upperBound] where character == "\n" { line += 1 }
            index = close.upperBound
        }
        return depth == 0 ? tags : nil
    }
}
