import Foundation
import Markdown

/// A site rendered up to, but not including, its pages: every page's address is known, and its view
/// and HTML are made only when asked for, in any order and on any thread.
///
/// One type for both consumers, so the bytes they give for a path cannot drift apart: the build renders
/// and writes each page in turn (`OutputWriter.write(_:findings:)`), so a large archive is never held in
/// memory at once; the preview server renders the one page a browser reloads instead of the whole site.
///
/// The closing files (feeds, sitemap, search index, downloads, copied files) come after the pages: the
/// search index keeps the start of each news item's text, which its page finds while rendering the body.
public final class PreparedSite: @unchecked Sendable {
    let context: RenderContext
    let templates: TemplateSet
    /// Every page, in the renderer's order.
    let jobs: [SiteRenderer.Job]
    /// Output paths of the pages (`tin-tuc/index.html`), in the renderer's order.
    public let pagePaths: [String]
    /// Output path → index into `jobs`.
    private let jobIndex: [String: Int]
    /// By news index; each slot is written by the one page of that item (`lock` guards the array).
    private var newsSearchText: [String?]
    /// News items whose page has not filled its slot of `newsSearchText` yet, guarded by `newsPagesDone`:
    /// the search index can be made as soon as the last news page is rendered, while list pages still are.
    private var newsPagesLeft: Int
    private let newsPagesDone = NSCondition()
    private var closing: [OutputFile]?
    private var beforeSearchIndex: [OutputFile]?
    private let lock = NSLock()

    init(context: RenderContext, templates: TemplateSet, jobs: [SiteRenderer.Job]) {
        self.context = context
        self.templates = templates
        self.jobs = jobs
        let paths = jobs.map { OutputFile.path(forURL: context.url(for: $0)) }
        pagePaths = paths
        var index: [String: Int] = [:]
        index.reserveCapacity(paths.count)
        for (number, path) in paths.enumerated() where index[path] == nil { index[path] = number }
        jobIndex = index
        newsSearchText = Array(repeating: nil, count: context.model.news.count)
        newsPagesLeft = newsSearchText.count
    }

    private init(context: RenderContext, sameAddressesAs other: PreparedSite) {
        self.context = context
        templates = other.templates
        jobs = other.jobs
        pagePaths = other.pagePaths
        jobIndex = other.jobIndex
        newsSearchText = Array(repeating: nil, count: context.model.news.count)
        newsPagesLeft = newsSearchText.count
    }

    /// This site with another context whose pages are the same, at the same addresses (news items whose
    /// text changed but not where they are listed): nothing made from the old context is kept.
    func replacingContext(_ context: RenderContext) -> PreparedSite {
        PreparedSite(context: context, sameAddressesAs: self)
    }

    /// Media, attachments and theme assets, copied as they are: known without making the other closing
    /// files, so the preview server can serve a stylesheet without first making the search index.
    public var copiedFiles: [OutputFile] {
        context.model.copiedFiles.map { OutputFile(path: $0.outputPath, body: .copy($0)) }
    }

    /// How many pages `page(_:)` makes.
    public var pageCount: Int { jobs.count }

    public func hasPage(_ path: String) -> Bool { jobIndex[path] != nil }

    /// The page at an output path, its view built and its template run now; nil when there is none.
    public func render(path: String) -> OutputFile? {
        guard let number = jobIndex[path] else { return nil }
        return page(number).file
    }

    /// Page `number` (0 ..< `pageCount`), with the findings its Markdown gave when news bodies are
    /// rendered with their pages (`SiteRenderer.NewsBodies`). Safe to call from many threads at once.
    func page(_ number: Int) -> (file: OutputFile, findings: [Finding]) {
        let job = jobs[number]
        var findings: [Finding] = []
        let page: (url: String, template: String, view: PageView)
        if case .newsItem(let index) = job {
            let rendered = context.renderNews(index, findings: &findings)
            let text = RenderContext.newsSearchText(context.model.news[index], plainText: rendered.plainText)
            let isFirst = lock.withLock {
                defer { self.newsSearchText[index] = text }
                return self.newsSearchText[index] == nil
            }
            if isFirst {
                newsPagesDone.withLock {
                    newsPagesLeft -= 1
                    if newsPagesLeft == 0 { newsPagesDone.broadcast() }
                }
            }
            page = context.newsItemPage(index, rendered: rendered)
        } else {
            page = context.page(for: job)
        }
        let html = templates.render(page.view, template: page.template)
        return (OutputFile(path: OutputFile.path(forURL: page.url), body: .text(html)), findings)
    }

    /// The closing files that need nothing from the pages (indicator downloads, feeds, sitemap,
    /// robots.txt), so they can be made while the pages render. Made once.
    func closingFilesBeforeSearchIndex() -> [OutputFile] {
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

    /// Waits until every news page has been rendered once (by `page(_:)`, on other threads), so that
    /// `otherFiles` finds every news item's search text without rendering any body again.
    func waitForEveryNewsPage() {
        newsPagesDone.withLock {
            while newsPagesLeft > 0 { newsPagesDone.wait() }
        }
    }

    /// Data files, feeds, sitemap, search index and copied files: everything but the pages, in the order
    /// they follow the pages. Made once; a news item whose page was not rendered yet is rendered here for
    /// its search text.
    public var otherFiles: [OutputFile] {
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

    /// Every file of the site in memory, in the order `SiteRenderer.render` has always returned them:
    /// pages, then `otherFiles`. The findings of news bodies rendered with their pages are added.
    func allFiles(findings: inout [Finding]) -> [OutputFile] {
        let pages = Array(0..<pageCount).parallelMap { page($0) }
        findings.append(contentsOf: pages.flatMap(\.findings))
        return pages.map(\.file) + otherFiles
    }

    /// Every file of the site in memory; for a site prepared by `SiteBuilder.prepare`, whose findings
    /// were all reported then. Only tests need the whole site at once (to compare it with another
    /// build); `build` writes page by page and `serve` renders a page when it is asked for.
    func renderAll() -> [OutputFile] {
        var reportedAlready: [Finding] = []
        return allFiles(findings: &reportedAlready)
    }

    /// Renders every page and throws it away: the findings of a build that writes nothing, with little
    /// memory.
    func renderPagesForFindings(findings: inout [Finding]) {
        let found = Array(0..<pageCount).parallelMap { page($0).findings }
        findings.append(contentsOf: found.joined())
    }
}
