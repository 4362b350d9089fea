import Foundation
import Mustache

/// The theme's Mustache templates, parsed once and checked before any page is rendered.
///
/// swift-mustache renders a missing partial or parent as nothing, without an error, so every `{{> name}}`
/// and `{{< name}}` is checked here and a missing one is a finding at the line that names it.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Set when shared partials are rendered once per distinct input; holds its own library, with the
    /// includes rewritten.
    let partialCache: PartialCache?

    /// The same templates with an empty partial cache, for a render that reuses parsed templates.
    func withEmptyPartialCache() -> TemplateSet {
        TemplateSet(library: library, partialCache: partialCache?.emptied())
    }

    /// Templates the renderer asks for by name; a theme must have each.
    static let required = ["home", "news-list", "news-item", "page", "tag-index", "dashboard", "indicator", "reports", "report",
                                  "documents", "document", "search", "404"]

    /// Put on a line of its own before every template's text, so pages are escaped by the byte-level
    /// `ByteHTMLContentType`; being a standalone tag, it adds nothing to the output, and one is subtracted
    /// from the line of a parse error.
    static let pragma = "{{% CONTENT_TYPE: \(ByteHTMLContentType.name) }}\n"

    /// - Parameter cachePartials: render shared partials once per distinct input (`PartialCache`); off only
    ///   to check that it changes nothing.
    static func load(_ theme: Theme, findings: inout Findings, cachePartials: Bool = true) -> TemplateSet? {
        _ = ByteHTMLContentType.registered
        var library = MustacheLibrary()
        var names: Set<String> = []
        var ok = true
        for file in theme.templates {
            let name = templateName(file)
            names.insert(name)
            do {
                try library.register(pragma + file.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                findings.append(.error("template error: \(describe(error.error)); check that every {{#section}} has its {{/section}}",
                                       at: file.location(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
                ok = false
            } catch {
                findings.append(.error("template error: \(error)", at: file.location()))
                ok = false
            }
        }
        for file in theme.templates {
            for reference in references(in: file.text) where !names.contains(reference.name) {
                findings.append(.error("template \"\(reference.name)\" not found: add Theme/templates/\(reference.name).mustache",
                                       at: file.location(line: reference.line, column: reference.column)))
                ok = false
            }
        }
        let folder = theme.displayRoot.hasSuffix("/") ? theme.displayRoot : theme.displayRoot + "/"
        for name in required where !names.contains(name) {
            findings.append(Finding(file: "\(folder)templates/\(name).mustache", message: "the theme needs this template; copy it from the bundled Theme/"))
            ok = false
        }
        guard ok else { return nil }
        return TemplateSet(library: library, partialCache: cachePartials ? partialCache(for: theme, library: library) : nil)
    }

    /// The templates again with the shared includes rewritten, or nil when there is nothing to rewrite.
    static func partialCache(for theme: Theme, library: MustacheLibrary) -> PartialCache? {
        let texts = Dictionary(theme.templates.map { (templateName($0), $0.text) }, uniquingKeysWith: { first, _ in first })
        let shared = SharedPartials(texts)
        guard !shared.occurrences.isEmpty else { return nil }
        var rewritten = library
        for (name, text) in shared.rewritten {
            guard (try? rewritten.register(pragma + text, named: name)) != nil else { return nil }
        }
        return PartialCache(library: rewritten, shared: shared)
    }

    static func templateName(_ file: SourceFile) -> String {
        String(file.relativePath.dropFirst("templates/".count).dropLast(".mustache".count))
    }

    /// A page: with the shared includes rewritten when the page qualifies (`PartialCache.qualifies`),
    /// with the templates as written otherwise.
    func render(_ view: Any, template name: String) -> String {
        if let partialCache, let page = view as? any MustacheParent, partialCache.qualifies(page, template: name) {
            return partialCache.library.render(CachingRoot(page: page, cache: partialCache), withTemplate: name) ?? ""
        }
        return library.render(view, withTemplate: name) ?? ""
    }

    /// Names in `{{> name}}` and `{{< name}}` tags, with where they are written.
    static func references(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let marker = afterOpen.first, marker == ">" || marker == "<",
                      let close = afterOpen.range(of: "}}") else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty && !name.hasPrefix("*") { result.append((name, lineIndex + 1, column)) }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        guard let parseError = error as? MustacheTemplate.Error else { return "\(error)" }
        switch parseError {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not finished: close it with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "bad delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "inside {{<parent}}…{{/parent}} only {{$block}}…{{/block}} sections may stand"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "bad {{% … }} pragma"
        }
    }
}
