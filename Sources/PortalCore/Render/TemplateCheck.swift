/// Checks every name a template writes against the fields of the views it is rendered with, so that a
/// designer's `{{dateLng}}` is a finding at its line instead of an empty spot on every page.
///
/// A template is walked as Mustache renders it: a section over a view or a list of views looks names up
/// on that view first and then further out; a section over text, a number or a flag adds nothing to look
/// in; a partial sees the names where it is included; a parent (`{{<base}}`) sees the page.
struct TemplateCheck {
    private struct Template {
        var file: SourceFile
        var tags: [SharedPartials.Tag]
    }

    private let templates: [String: Template]

    /// Templates the scanner cannot read with certainty (a delimiter change, a tag over two lines) are not
    /// checked: the library still renders them.
    init(_ theme: Theme) {
        var templates: [String: Template] = [:]
        for file in theme.templates {
            guard let tags = SharedPartials.scan(file.text) else { continue }
            templates[TemplateSet.templateName(file)] = Template(file: file, tags: tags)
        }
        self.templates = templates
    }

    /// Findings for every page template with the content view its routes give it; each finding once.
    func findings(for routes: RouteTable) -> Findings {
        var pairs: [(template: String, content: ViewSchema)] = []
        var seen: Set<String> = []
        for route in routes.pages {
            let content = SiteRenderer.contentSchema(for: route.kind)
            if seen.insert(route.template + "\u{0}" + content.typeName).inserted { pairs.append((route.template, content)) }
        }
        var walk = Walk(templates: templates)
        for (template, content) in pairs {
            let page = ViewSchema(typeName: "PageView(\(content.typeName))", fields: PageView.schema.fields, fallback: { content })
            walk.check(template, usedBy: template, stack: [page])
        }
        return walk.findings
    }

    private struct Walk {
        let templates: [String: Template]
        var findings = Findings()
        var seenFindings: Set<String> = []
        var checked: Set<String> = []

        /// - Parameters:
        ///   - usedBy: the page template this one is rendered for, named in findings.
        ///   - stack: what names are looked up on, outermost first; nil for a section that adds nothing.
        mutating func check(_ name: String, usedBy page: String, stack: [ViewSchema?]) {
            guard let template = templates[name], stack.count < 12 else { return }
            let key = name + "\u{0}" + stack.map { $0?.typeName ?? "-" }.joined(separator: "\u{0}")
            guard checked.insert(key).inserted else { return }
            var stack = stack
            for tag in template.tags {
                switch tag.kind {
                case "#":
                    stack.append(resolve(tag, in: template, usedBy: page, stack: stack))
                case "^":
                    _ = resolve(tag, in: template, usedBy: page, stack: stack)
                    stack.append(nil)
                case "$":
                    stack.append(nil)
                case "<":
                    check(tag.name, usedBy: page, stack: stack)
                    stack.append(nil)
                case "/":
                    if !stack.isEmpty { stack.removeLast() }
                case ">":
                    check(tag.name, usedBy: page, stack: stack)
                case nil, "&", "{":
                    _ = resolve(tag, in: template, usedBy: page, stack: stack)
                default:
                    continue
                }
            }
        }

        /// What a section over this name pushes, after checking that the name exists.
        mutating func resolve(_ tag: SharedPartials.Tag, in template: Template, usedBy page: String,
                              stack: [ViewSchema?]) -> ViewSchema? {
            var name = tag.name
            // `{{uppercased(title)}}`: the library's transforms take the name inside the parentheses.
            if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
                name = String(name[name.index(after: open)..<close])
            }
            if name == "." || name.isEmpty { return nil }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, !first.isEmpty else { return nil }
            var shape: FieldShape?
            var answering: ViewSchema?
            for schema in stack.reversed() {
                if let schema, let found = schema.shape(of: first) {
                    shape = found
                    answering = schema
                    break
                }
            }
            guard var current = shape, answering != nil else {
                report(tag, name: first, in: template, usedBy: page, known: stack.reversed().compactMap { $0 }.flatMap(\.allNames))
                return nil
            }
            for part in parts.dropFirst() {
                guard let inner = Self.schema(of: current), let next = inner.shape(of: part) else {
                    report(tag, name: name, in: template, usedBy: page, known: Self.schema(of: current)?.allNames ?? [])
                    return nil
                }
                current = next
            }
            return Self.schema(of: current)
        }

        static func schema(of shape: FieldShape) -> ViewSchema? {
            switch shape {
            case .value: nil
            case .view(let schema), .list(let schema): schema()
            }
        }

        mutating func report(_ tag: SharedPartials.Tag, name: String, in template: Template, usedBy page: String, known: [String]) {
            let suggestion = Self.closest(to: name.split(separator: ".").last.map(String.init) ?? name, among: known)
                .map { "; did you mean \"\($0)\"?" } ?? ""
            let pages = TemplateSet.templateName(template.file) == page
                ? "the \(page) pages" : "the pages that use this template (here: the \(page) pages)"
            let message = "\"\(tag.name)\" is not a field of \(pages), so it would show nothing\(suggestion)"
            let location = template.file.location(line: tag.line + 1, column: tag.column)
            guard seenFindings.insert("\(location.file):\(location.line):\(location.column):\(tag.name)").inserted else { return }
            findings.append(.error(message, at: location))
        }

        /// The known name within two edits of `name` (a swap of two letters is one), the nearest first and,
        /// among equals, the one met first (the innermost section's); nil when there is none.
        static func closest(to name: String, among known: [String]) -> String? {
            let target = Array(name.lowercased())
            var best: (name: String, distance: Int)?
            var seen: Set<String> = []
            for candidate in known where seen.insert(candidate).inserted {
                let distance = editDistance(target, Array(candidate.lowercased()))
                if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
            return best?.name
        }

        /// Edits (insert, delete, replace, swap two neighbours) that turn one name into the other.
        static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
            guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
            var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { table[i][0] = i }
            for j in 0...b.count { table[0][j] = j }
            for i in 1...a.count {
                for j in 1...b.count {
                    var best = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = Swift.min(best, table[i - 2][j - 2] + 1) }
                    table[i][j] = best
                }
            }
            return table[a.count][b.count]
        }
    }
}
