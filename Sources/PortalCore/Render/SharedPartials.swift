import Foundation

/// Finds the partial includes that `PartialCache` may answer, and rewrites them.
///
/// Two forms are rewritten, in templates rendered with the page at the bottom of the context
/// (`rootTemplates`), where the result is certain to be the same bytes:
/// - a line that is nothing but `{{> name}}` (not indented), when the partial's last line is plain text
///   ending with a line feed: the rewritten line `{{{__cachedPartialM}}}` keeps its line feed and the
///   cache drops the partial's;
/// - `{{#list}}{{> name}}{{/list}}`, the include being the whole section: `{{{__cachedPartialM}}}`, the section
///   walked by `PartialCache` as the library walks it.
///
/// The partial must be plain: no partials, parents, blocks, delimiter changes, transforms or `.` names of
/// its own. The sections around an include are recorded (`Occurrence.sections`): the page is rendered
/// with the rewritten templates only when each of them is absent or true on the page, so that none has
/// put anything on the context (the innermost of a list include may also be a list of views, each of
/// which answers the include). Block defaults in parents must not be inside sections, so a block's
/// content sees the same context as the parent's top. Anything the scanner cannot read with certainty
/// turns the whole mechanism off.
struct SharedPartials {
    struct Occurrence: Sendable, Equatable {
        var partial: String
        /// The include was a line of its own: the rewritten line keeps its line feed, so the partial's
        /// final one is dropped.
        var dropsFinalLineFeed: Bool
        /// Names of the `{{#…}}` sections around the include, outermost first.
        var sections: [String]
        /// The include is the whole content of its innermost section.
        var isWholeSection: Bool
    }

    /// By template: the numbers of the occurrences rewritten in it.
    private(set) var occurrencesByTemplate: [String: [Int]] = [:]
    /// By template: the templates it still includes or extends after the rewriting (`{{<…}}`, `{{>…}}`).
    private(set) var includes: [String: Set<String>] = [:]

    /// Template name → text with the includes rewritten (only templates that changed).
    private(set) var rewritten: [String: String] = [:]
    /// By the number in `__cachedPartialM`.
    private(set) var occurrences: [Occurrence] = []

    struct Tag {
        /// `#`, `^`, `/`, `$`, `<`, `>`, `!`, `%`, `&` (three braces too), or nil for a variable.
        var kind: Character?
        var name: String
        /// The tags that open the sections, blocks and parents around this one, outermost first.
        var enclosing: [(kind: Character, name: String)]
        /// 0-based line of the tag's start.
        var line: Int
        /// 1-based column of the tag's start, in characters.
        var column: Int
        /// Only spaces or tabs before the tag on its line, and at least one.
        var indented: Bool
    }

    init(_ texts: [String: String]) {
        var scanned: [String: [Tag]] = [:]
        for (name, text) in texts {
            guard let tags = Self.scan(text) else { return }
            scanned[name] = tags
        }
        // A block's default content must see the top of its template's context.
        for tags in scanned.values {
            for tag in tags where tag.kind == "$" && !tag.enclosing.contains(where: { $0.kind == "<" }) {
                if tag.enclosing.contains(where: { $0.kind == "#" || $0.kind == "^" }) { return }
            }
        }
        // Templates rendered with the page at the bottom of the context: every template, less those some
        // template includes inside a section or block, or indented, or from a template that is not one.
        var rootTemplates = Set(texts.keys)
        var changed = true
        while changed {
            changed = false
            for (from, tags) in scanned {
                for tag in tags where tag.kind == ">" || tag.kind == "<" {
                    if rootTemplates.contains(tag.name) && (!tag.enclosing.isEmpty || tag.indented || !rootTemplates.contains(from)) {
                        rootTemplates.remove(tag.name)
                        changed = true
                    }
                }
            }
        }
        var replacedIncludes: [String: Set<Int>] = [:]
        for name in rootTemplates.sorted() {
            var lines = texts[name]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var didRewrite = false
            var rewrittenIncludes: Set<Int> = []
            defer { replacedIncludes[name] = rewrittenIncludes }
            for (index, tag) in scanned[name]!.enumerated() where tag.kind == ">" && Self.isPlain(texts[tag.name], tags: scanned[tag.name]) {
                let sections = tag.enclosing.filter { $0.kind == "#" }.map(\.name)
                let include = "{{> \(tag.name)}}"
                let line = lines[tag.line]
                var trimmed = Substring(line)
                while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
                let variable = "{{{\(PartialCache.variablePrefix)\(occurrences.count)}}}"
                if !tag.indented, trimmed == include, tag.line + 1 < lines.count, Self.endsWithLineFeed(texts[tag.name]!) {
                    lines[tag.line] = variable
                    occurrencesByTemplate[name, default: []].append(occurrences.count)
                    occurrences.append(Occurrence(partial: tag.name, dropsFinalLineFeed: true, sections: sections, isWholeSection: false))
                    rewrittenIncludes.insert(index)
                    didRewrite = true
                } else if let innermost = tag.enclosing.last, innermost.kind == "#",
                          line.components(separatedBy: "{{#\(innermost.name)}}\(include){{/\(innermost.name)}}").count == 2 {
                    // The section goes too: the page's root walks the list itself (`PartialCache.renderWholeSection`).
                    lines[tag.line] = line.replacingOccurrences(of: "{{#\(innermost.name)}}\(include){{/\(innermost.name)}}",
                                                                with: variable)
                    occurrencesByTemplate[name, default: []].append(occurrences.count)
                    occurrences.append(Occurrence(partial: tag.name, dropsFinalLineFeed: false, sections: sections, isWholeSection: true))
                    rewrittenIncludes.insert(index)
                    didRewrite = true
                }
            }
            if didRewrite { rewritten[name] = lines.joined(separator: "\n") }
        }
        // What each template still includes or extends: every `{{<…}}` and `{{>…}}` but the rewritten ones.
        for (name, tags) in scanned {
            let replaced = replacedIncludes[name] ?? []
            includes[name] = Set(tags.enumerated().filter { $1.kind == "<" || ($1.kind == ">" && !replaced.contains($0)) }.map(\.1.name))
        }
    }

    /// A partial whose output depends only on what it looks up.
    static func isPlain(_ text: String?, tags: [Tag]?) -> Bool {
        guard text != nil, let tags else { return false }
        return !tags.contains { tag in
            [">", "<", "$"].contains(tag.kind) || tag.name.hasPrefix(".") || tag.name.contains("(") || tag.name.isEmpty && tag.kind != "!"
                || tag.name.hasPrefix(PartialCache.variablePrefix)
        }
    }

    /// The partial's last line is text without tags, ending with a line feed, so its output does too.
    static func endsWithLineFeed(_ text: String) -> Bool {
        guard text.hasSuffix("\n"), let lastLine = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).last else {
            return false
        }
        return !lastLine.contains("{{")
    }

    /// Every tag with what encloses it, or nil when the text has something this reading is not sure of
    /// (a delimiter change, a sigil after a space, a tag over two lines, unbalanced sections).
    static func scan(_ text: String) -> [Tag]? {
        var tags: [Tag] = []
        var open: [(kind: Character, name: String)] = []
        var line = 0
        var lineStart = text.startIndex
        var index = text.startIndex
        while let start = text[index...].range(of: "{{") {
            for character in text[index..<start.lowerBound] where character == "\n" { line += 1 }
            if let lastBreak = text[lineStart..<start.lowerBound].lastIndex(of: "\n") { lineStart = text.index(after: lastBreak) }
            let indented = start.lowerBound > lineStart && text[lineStart..<start.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
            let triple = text[start.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let innerStart = triple ? text.index(after: start.upperBound) : start.upperBound
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
                guard let last = open.popLast(), last.name == name else { return nil }
            }
            tags.append(Tag(kind: kind, name: name, enclosing: open, line: line,
                            column: text.distance(from: lineStart, to: start.lowerBound) + 1, indented: indented))
            if let kind, "#^$<".contains(kind) { open.append((kind, name)) }
            index = close.upperBound
        }
        return open.isEmpty ? tags : nil
    }
}
