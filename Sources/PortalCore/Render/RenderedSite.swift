import Foundation
import Markdown

/// The render stage's result for a build: every page can be made on demand, in any order and on any
/// thread, so the write stage renders and writes each page in turn and a large archive is never held in
/// memory at once. `allFiles` makes everything in memory instead, for callers that want the files.
///
/// The closing files (feeds, sitemap, search index, downloads, copied files) come after the pages: the
/// search index keeps the start of each news item's text, which its page finds while rendering the body.
public final class RenderedSite: @unchecked Sendable {
    let context: RenderContext
    let templates: TemplateSet
    let jobs: [SiteRenderer.Job]
    /// By news index; each slot is written by the one page of that item (`NSLock` guards the array).
    private var newsSearchText: [String?]
    private var closing: [OutputFile]?
    private var beforeSearchIndex: [OutputFile]?
    private let lock = NSLock()

    init(context: RenderContext, templates: TemplateSet, jobs: [SiteRenderer.Job]) {
        self.context = context
        self.templates = templates
        self.jobs = jobs
        newsSearchText = Array(repeating: nil, count: context.model.news.count)
    }

    /// How many pages `page(_:)` makes.
    public var pageCount: Int { jobs.count }

    /// Where each page goes, relative to the output folder, known without rendering it.
    public var pagePaths: [String] { jobs.map { OutputFile.path(forURL: context.url(for: $0)) } }

    /// Page `number` (0 ..< `pageCount`), with the findings its Markdown gave (news items' bodies are
    /// rendered here). Safe to call from many threads at once.
    public func page(_ number: Int) -> (file: OutputFile, findings: [Finding]) {
        let job = jobs[number]
        var findings: [Finding] = []
        let page: (url: String, template: String, view: PageView)
        if case .newsItem(let index) = job {
            let rendered = context.renderNews(index, findings: &findings)
            let text = RenderContext.newsSearchText(context.model.news[index], plainText: rendered.plainText)
            lock.withLock { self.newsSearchText[index] = text }
            page = context.newsItemPage(index, rendered: rendered)
        } else {
            page = context.page(for: job)
        }
        let html = templates.render(page.view, template: page.template)
        return (OutputFile(path: OutputFile.path(forURL: page.url), body: .text(html)), findings)
    }

    /// The closing files that need nothing from the pages (indicator downloads, feeds, sitemap,
    /// robots.txt), so they can be made while the pages render. Made once.
    public func closingFilesBeforeSearchIndex() -> [OutputFile] {
        if let made = lock.withLock({ self.beforeSearchIndex }) { return made }
        let model = context.model
        var files: [OutputFile] = []
        if !model.indicators.isEmpty {
            files.append(OutputFile(path: "chi-so/chi-so.csv", body: .text(IndicatorCSV.make(model.indicators, groups: model.indicatorGroups))))
            for indicator in model.indicators {
                files.append(OutputFile(path: "chi-so/\(indicator.slug)/du-lieu.csv",
                                        body: .text(IndicatorCSV.make([indicator], groups: model.indicatorGroups))))
            }
        }
        files += context.feedsAndSitemap(jobs: jobs)
        lock.withLock { self.beforeSearchIndex = files }
        return files
    }

    /// The files after the pages: indicator downloads, feeds, sitemap, robots.txt, the search index, then
    /// the files copied as they are. Made once; an item whose page was not rendered yet is rendered here
    /// for its search text.
    public func closingFiles() -> [OutputFile] {
        if let made = lock.withLock({ self.closing }) { return made }
        let model = context.model
        let searchText = lock.withLock { self.newsSearchText }.enumerated().map { index, text in
            text ?? {
                var reportedByThePage: [Finding] = []
                return RenderContext.newsSearchText(model.news[index], plainText: context.renderNews(index, findings: &reportedByThePage).plainText)
            }()
        }
        var files = closingFilesBeforeSearchIndex()
        files.append(context.searchIndexFile(newsSearchText: searchText))
        files += model.copiedFiles.map { OutputFile(path: $0.outputPath, body: .copy($0)) }
        lock.withLock { self.closing = files }
        return files
    }

    /// Every file in memory, in the order `SiteRenderer.render` has always given: pages, then the
    /// closing files.
    public func allFiles(findings: inout [Finding]) -> [OutputFile] {
        let pages = Array(0..<pageCount).parallelMap { page($0) }
        findings.append(contentsOf: pages.flatMap(\.findings))
        return pages.map(\.file) + closingFiles()
    }

    /// Renders every page and throws it away: what `check` needs (the findings), with little memory.
    public func renderAll(findings: inout [Finding]) -> Int {
        let found = Array(0..<pageCount).parallelMap { page($0).findings }
        findings.append(contentsOf: found.joined())
        return pageCount
    }
}
