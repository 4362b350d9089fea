import Markdown

/// A site rendered up to, but not including, its templates: every page's address and view are known,
/// and each page's HTML is made only when asked for.
///
/// The preview server renders the one page a browser reloads instead of the whole site before telling it
/// to reload, which is most of a rebuild's time. `renderAll()` gives exactly what `SiteRenderer.render`
/// gives (a test compares them byte for byte).
public struct PreparedSite: Sendable {
    struct Page: Sendable {
        var template: String
        var view: PageView
    }

    struct Entry: Sendable {
        var path: String
        var page: Page
    }

    let templates: TemplateSet
    /// Output path → page, and the paths in the renderer's order.
    let pages: [String: Page]
    let order: [String]
    public let copiedFiles: [OutputFile]

    /// Output paths of the rendered pages (`tin-tuc/index.html`), in the renderer's order.
    public var pagePaths: [String] { order }

    public func hasPage(_ path: String) -> Bool { pages[path] != nil }

    /// The page at an output path, rendered now; nil when the site has no such page.
    public func render(path: String) -> OutputFile? {
        guard let page = pages[path] else { return nil }
        return OutputFile(path: path, body: .text(templates.render(page.view, template: page.template)))
    }

    public func renderAll() -> [OutputFile] {
        let entries = order.compactMap { path in pages[path].map { Entry(path: path, page: $0) } }
        let rendered = entries.parallelMap { entry in
            OutputFile(path: entry.path, body: .text(templates.render(entry.page.view, template: entry.page.template)))
        }
        return rendered + copiedFiles
    }
}

extension SiteRenderer {
    /// Everything `render` does but the templates' own rendering; with a cache, Markdown bodies and
    /// templates unchanged since the last call are not rendered or parsed again.
    public func prepare(_ model: SiteModel, theme: Theme, cache: RenderCache? = nil, findings: inout [Finding]) -> PreparedSite? {
        let markdown = MarkdownRenderer(options: .init(allowRawHTML: model.config.allowRawHTML))
        let templates: TemplateSet?
        let newsHTML: [RenderedMarkdown]
        let pageHTML: [RenderedMarkdown]
        if let cache {
            templates = cache.templates(theme, findings: &findings)
            newsHTML = cache.markdown(model.news.map(\.body), renderer: markdown)
            pageHTML = cache.markdown(model.pages.map(\.body), renderer: markdown)
            cache.keepOnly(Set(model.news.map(\.body) + model.pages.map(\.body)))
        } else {
            templates = TemplateSet.load(theme, findings: &findings)
            newsHTML = model.news.parallelMap { markdown.render($0.body) }
            pageHTML = model.pages.parallelMap { markdown.render($0.body) }
        }
        guard let templates else { return nil }
        let context = RenderContext(model: model, baseURL: baseURL, newsHTML: newsHTML, pageHTML: pageHTML)
        var pages: [String: PreparedSite.Page] = [:]
        var order: [String] = []
        for job in allJobs(model) {
            let (url, template, view) = context.page(for: job)
            let path = OutputFile.path(forURL: url)
            if pages.updateValue(PreparedSite.Page(template: template, view: view), forKey: path) == nil { order.append(path) }
        }
        return PreparedSite(templates: templates, pages: pages, order: order,
                            copiedFiles: model.copiedFiles.map { OutputFile(path: $0.outputPath, body: .copy($0)) })
    }
}
