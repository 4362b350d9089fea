import Markdown
import Synchronization

/// What one render can hand to the next when most of the input is unchanged: each Markdown body's
/// rendering, and the parsed templates. For the preview server, which rebuilds after every save; a build
/// or check starts without one.
///
/// Keyed by the input text itself, so a hit is the same result by construction, never a stale one.
public final class RenderCache: Sendable {
    private struct TemplateEntry {
        var texts: [String: String]
        var templates: TemplateSet?
        var findings: [Finding]
    }

    private struct State {
        var markdown: [String: RenderedMarkdown] = [:]
        var options: MarkdownRenderer.Options?
        var templates: TemplateEntry?
    }

    private let state = Mutex(State())

    public init() {}

    /// Renders each body, reusing the previous rendering of a body seen before with the same options;
    /// keeps only the bodies of this call, so the cache never grows beyond one site.
    func markdown(_ bodies: [String], renderer: MarkdownRenderer) -> [RenderedMarkdown] {
        let known = state.withLock { state -> [String: RenderedMarkdown] in
            if state.options != renderer.options {
                state.markdown = [:]
                state.options = renderer.options
            }
            return state.markdown
        }
        let rendered = bodies.parallelMap { known[$0] ?? renderer.render($0) }
        state.withLock { state in
            var kept: [String: RenderedMarkdown] = [:]
            kept.reserveCapacity(bodies.count)
            for (body, result) in zip(bodies, rendered) { kept[body] = result }
            state.markdown.merge(kept) { _, new in new }
        }
        return rendered
    }

    /// Forgets bodies no longer in the site; called once per render, after news and pages.
    func keepOnly(_ bodies: Set<String>) {
        state.withLock { state in state.markdown = state.markdown.filter { bodies.contains($0.key) } }
    }

    func templates(_ theme: Theme, findings: inout [Finding]) -> TemplateSet? {
        var texts: [String: String] = [:]
        for file in theme.templates { texts[file.relativePath] = file.text }
        if let entry = state.withLock({ $0.templates }), entry.texts == texts {
            findings += entry.findings
            return entry.templates?.withEmptyPartialCache()
        }
        var own: [Finding] = []
        let templates = TemplateSet.load(theme, findings: &own)
        findings += own
        state.withLock { $0.templates = TemplateEntry(texts: texts, templates: templates, findings: own) }
        return templates
    }
}
