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

    private struct ReportEntry {
        var inputs: [String]
        var output: ReportRenderer.Output
        var findings: Findings
    }

    private struct State {
        var markdown: [String: MarkdownEntry] = [:]
        var reports: [String: ReportEntry] = [:]
        var templates: TemplateEntry?
    }

    private let state = Mutex(State())

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

    /// The report's rendering when every input it was made from is the same text as last time, else
    /// `render`'s. `inputs` must name everything the rendering reads.
    func report(_ id: String, inputs: [String], render: () -> (ReportRenderer.Output, Findings)) -> (ReportRenderer.Output, Findings) {
        if let entry = state.withLock({ $0.reports[id] }), entry.inputs == inputs {
            return (entry.output, entry.findings)
        }
        let (output, findings) = render()
        state.withLock { $0.reports[id] = ReportEntry(inputs: inputs, output: output, findings: findings) }
        return (output, findings)
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
