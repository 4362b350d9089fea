/// A site rendered up to, but not including, its pages and generated files: every page's address is
/// known, and its view and HTML are made only when asked for. `renderAll()` is what a build writes.
///
/// The preview server renders the one page a browser reloads instead of the whole site before telling
/// it to reload, which was most of a rebuild; feeds, the sitemap and the search index wait until asked
/// for too, which at tens of thousands of items was most of the rest.
public struct PreparedSite: Sendable {
    let templates: TemplateSet
    let context: RenderContext
    /// Every page, in the renderer's order.
    let jobs: [SiteRenderer.Job]
    /// Output path → index into `jobs`.
    let jobIndex: [String: Int]
    /// Media, attachments and theme assets, copied as they are.
    public let copiedFiles: [OutputFile]

    init(templates: TemplateSet, context: RenderContext, jobs: [SiteRenderer.Job], copiedFiles: [OutputFile]) {
        self.templates = templates
        self.context = context
        self.jobs = jobs
        self.copiedFiles = copiedFiles
        var index: [String: Int] = [:]
        index.reserveCapacity(jobs.count)
        for (number, job) in jobs.enumerated() {
            let path = OutputFile.path(forURL: context.url(for: job))
            if index[path] == nil { index[path] = number }
        }
        jobIndex = index
    }

    /// Output paths of the pages (`tin-tuc/index.html`), in the renderer's order.
    public var pagePaths: [String] { jobs.map { OutputFile.path(forURL: context.url(for: $0)) } }

    public var pageCount: Int { jobs.count }

    public func hasPage(_ path: String) -> Bool { jobIndex[path] != nil }

    /// The page at an output path, its view built and its template run now; nil when there is none.
    public func render(path: String) -> OutputFile? {
        guard let number = jobIndex[path] else { return nil }
        return renderJob(jobs[number])
    }

    /// Indicator downloads, feeds, sitemap, robots.txt and the search index, made now.
    public func generatedFiles() -> [OutputFile] {
        let model = context.model
        var files: [OutputFile] = []
        if !model.indicators.isEmpty {
            files.append(OutputFile(path: "chi-so/chi-so.csv", body: .text(IndicatorCSV.make(model.indicators, groups: model.indicatorGroups))))
            for indicator in model.indicators {
                files.append(OutputFile(path: "chi-so/\(indicator.slug)/du-lieu.csv",
                                        body: .text(IndicatorCSV.make([indicator], groups: model.indicatorGroups))))
            }
        }
        return files + context.siteFiles(jobs: jobs)
    }

    /// Every file of the site, in the order `SiteRenderer.render` has always returned them.
    public func renderAll() -> [OutputFile] {
        jobs.parallelMap { renderJob($0) } + generatedFiles() + copiedFiles
    }

    private func renderJob(_ job: SiteRenderer.Job) -> OutputFile {
        let (url, template, view) = context.page(for: job)
        return OutputFile(path: OutputFile.path(forURL: url), body: .text(templates.render(view, template: template)))
    }
}
