/// A site rendered up to, but not including, its pages: every page's address is known, and its view
/// and HTML are made only when asked for. `renderAll()` is what a build writes.
///
/// The preview server renders the one page a browser reloads instead of the whole site before telling
/// it to reload, which was most of a rebuild.
public struct PreparedSite: Sendable {
    let templates: TemplateSet
    let context: RenderContext
    /// Every page, in the renderer's order.
    let jobs: [SiteRenderer.Job]
    /// Output path → index into `jobs`.
    let jobIndex: [String: Int]
    /// Data files, feeds, sitemap, search index and copied files, after the pages in `renderAll()`.
    public let otherFiles: [OutputFile]

    init(templates: TemplateSet, context: RenderContext, jobs: [SiteRenderer.Job], otherFiles: [OutputFile]) {
        self.templates = templates
        self.context = context
        self.jobs = jobs
        self.otherFiles = otherFiles
        var index: [String: Int] = [:]
        for (number, job) in jobs.enumerated() where index[OutputFile.path(forURL: context.url(for: job))] == nil {
            index[OutputFile.path(forURL: context.url(for: job))] = number
        }
        jobIndex = index
    }

    /// Output paths of the pages (`tin-tuc/index.html`), in the renderer's order.
    public var pagePaths: [String] { jobs.map { OutputFile.path(forURL: context.url(for: $0)) } }

    public func hasPage(_ path: String) -> Bool { jobIndex[path] != nil }

    /// The page at an output path, its view built and its template run now; nil when there is none.
    public func render(path: String) -> OutputFile? {
        guard let number = jobIndex[path] else { return nil }
        return renderJob(jobs[number])
    }

    /// Every file of the site, in the order `SiteRenderer.render` has always returned them.
    public func renderAll() -> [OutputFile] {
        jobs.parallelMap { renderJob($0) } + otherFiles
    }

    private func renderJob(_ job: SiteRenderer.Job) -> OutputFile {
        let (url, template, view) = context.page(for: job)
        return OutputFile(path: OutputFile.path(forURL: url), body: .text(templates.render(view, template: template)))
    }
}
