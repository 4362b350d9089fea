import Markdown
import Synchronization

/// What one render can hand to the next when most of the input is unchanged: each Markdown body's
/// rendering, each report's, and the parsed templates. For the preview server, which renders again after
/// every save; a build or check starts without one.
///
/// An entry is used only when its input is the same text, never a stale one. Entries are found by file,
/// then the text compared: unchanged files are the very strings the previous load read, and equal
/// strings that share storage compare in constant time, where hashing every body of a large archive on
/// every save would not.
public final class RenderCache: Sendable {
    private struct TemplateEntry {
        var texts: [String: String]
        var templates: TemplateSet?
        var findings: Findings
    }

    private struct MarkdownEntry {
        /// The whole text of the file the body came from.
        var source: String
        var options: MarkdownRenderer.Options
        var rendered: RenderedMarkdown
    }

    /// A body to render and the file it is in: the file's text tells whether the body changed, without
    /// making the body (a news item's is cut from its file's text at each use).
    struct MarkdownInput: Sendable {
        var file: SourceFile
        var body: @Sendable () -> String
    }

    private struct State {
        var markdown: [String: MarkdownEntry] = [:]
        var templates: TemplateEntry?
    }

    private let state = Mutex(State())

    /// Each report's rendering, by report id.
    let reports = StageMemo<ReportRenderer.Input, ReportRenderer.Rendering>()
    /// Each news body with its shortcodes expanded, by file.
    let newsExpansions = StageMemo<ExpansionInput, ExpandedBody>()
    /// Each news item's card, by file.
    let cards = StageMemo<CardInput, NewsCardView>()

    public init() {}

    /// Renders each body, reusing the previous rendering of a file whose text is unchanged and was
    /// rendered with the same options.
    func markdown(_ inputs: [MarkdownInput], renderer: MarkdownRenderer) -> [RenderedMarkdown] {
        // Looked up under the lock and only the misses written back afterwards: holding a copy of the
        // table while writing into it would copy all of it on every save.
        let hits = state.withLock { state -> [RenderedMarkdown?] in
            inputs.map { input in
                guard let hit = state.markdown[input.file.displayPath], hit.source == input.file.text,
                      hit.options == renderer.options else { return nil }
                return hit.rendered
            }
        }
        let misses = hits.indices.filter { hits[$0] == nil }
        let made = misses.parallelMap { renderer.render(inputs[$0].body()) }
        state.withLock { state in
            for (index, rendered) in zip(misses, made) {
                state.markdown[inputs[index].file.displayPath] = MarkdownEntry(source: inputs[index].file.text, options: renderer.options,
                                                                                rendered: rendered)
            }
        }
        var result = hits
        for (index, rendered) in zip(misses, made) { result[index] = rendered }
        return result.map { $0! }
    }

    /// Forgets files no longer in the site; called once per render, after every body was rendered.
    func keepOnly(_ files: Set<String>) {
        state.withLock { state in
            if state.markdown.count > files.count { state.markdown = state.markdown.filter { files.contains($0.key) } }
        }
    }

    func templates(_ theme: Theme, findings: inout Findings) -> TemplateSet? {
        var texts: [String: String] = [:]
        for file in theme.templates { texts[file.relativePath] = file.text }
        if let entry = state.withLock({ $0.templates }), entry.texts == texts {
            findings += entry.findings
            return entry.templates?.withEmptyPartialCache()
        }
        var own = Findings()
        let templates = TemplateSet.load(theme, findings: &own)
        findings += own
        state.withLock { $0.templates = TemplateEntry(texts: texts, templates: templates, findings: own) }
        return templates
    }
}

/// What expanding one body's shortcodes reads: the rendered Markdown (by identity: the Markdown memo
/// gives the same object for an unchanged body), the file and line it came from (for findings) and the
/// expander (its data, compared by the texts it came from).
struct ExpansionInput: Equatable, Sendable {
    let rendered: RenderedMarkdown
    let file: SourceFile
    let bodyFirstLine: Int
    let expander: ShortcodeExpander

    static func == (lhs: ExpansionInput, rhs: ExpansionInput) -> Bool {
        lhs.rendered === rhs.rendered && lhs.bodyFirstLine == rhs.bodyFirstLine && lhs.file.displayPath == rhs.file.displayPath
            && lhs.file.text == rhs.file.text && lhs.expander == rhs.expander
    }

    func expand() -> ExpandedBody {
        var findings = Findings()
        let body = expander.expand(rendered, in: file, bodyFirstLine: bodyFirstLine, idPrefix: "", findings: &findings)
        return ExpandedBody(body: body, findings: findings)
    }
}

struct ExpandedBody: Sendable {
    var body: RenderedMarkdown
    var findings: Findings
}

/// What a news item's card shows: the item (by identity: the resolve memo gives the same object for an
/// unchanged item), its pillar's name and, for an item without a summary, its first paragraph cut.
struct CardInput: Equatable, Sendable {
    let item: NewsItem
    let categoryName: String
    let fallbackSummary: String?

    static func == (lhs: CardInput, rhs: CardInput) -> Bool {
        lhs.item === rhs.item && lhs.categoryName == rhs.categoryName && lhs.fallbackSummary == rhs.fallbackSummary
    }
}
