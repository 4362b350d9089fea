import Crypto
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
/// search index keeps every word of each news item's text, which its page finds while rendering the body.
///
/// Unchecked `Sendable`: its only mutable state, the news items' search texts and the closing files once
/// made, is read and written under `lock`; everything else is immutable after `init`.
public final class PreparedSite: @unchecked Sendable {
    let context: RenderContext
    let templates: TemplateSet
    /// Every page, in the order they are rendered and written.
    var routes: RouteTable { context.model.routes }
    /// By news index; each slot is written by the one page of that item (`lock` guards the array).
    private var newsSearchText: [String?]
    private var closing: [OutputFile]?
    private let lock = NSLock()

    /// Where the build keeps news bodies' renderings between builds; nil outside a build.
    let markdownStore: MarkdownStore?
    /// What every page's key (`pageKey`) starts from: the templates' texts, the base path and the
    /// executable, everything a page's bytes depend on besides its view.
    private let pageKeySeed: [UInt8]

    init(context: RenderContext, templates: TemplateSet, theme: Theme, markdownStore: MarkdownStore? = nil) {
        self.context = context
        self.templates = templates
        self.markdownStore = markdownStore
        newsSearchText = Array(repeating: nil, count: context.model.news.count)
        var seed = Array("portal page 1\n".utf8)
        seed += ExecutableIdentity.current
        _ = context.publisher.basePath.path.appendFingerprint(to: &seed)
        for file in theme.templates.sorted(by: { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }) {
            _ = file.relativePath.appendFingerprint(to: &seed)
            _ = file.text.appendFingerprint(to: &seed)
        }
        pageKeySeed = Array(SHA256.hash(data: seed))
    }

    private init(context: RenderContext, sameAddressesAs other: PreparedSite) {
        self.context = context
        templates = other.templates
        markdownStore = other.markdownStore
        pageKeySeed = other.pageKeySeed
        newsSearchText = Array(repeating: nil, count: context.model.news.count)
    }

    /// This site with another context whose pages are the same, at the same addresses (news items whose
    /// text changed but not where they are listed): nothing made from the old context is kept.
    func replacingContext(_ context: RenderContext) -> PreparedSite {
        PreparedSite(context: context, sameAddressesAs: self)
    }

    /// Media, attachments and theme assets, copied as they are: known without making the other closing
    /// files, so the preview server can serve a stylesheet without first making the search index.
    public var copiedFiles: [OutputFile] {
        context.model.copiedFiles.map { OutputFile(path: $0.outputPath, body: .copy($0)) } + photoFiles
    }

    /// Every size of every photo, from the cache, sorted by path.
    var photoFiles: [OutputFile] {
        context.model.photos.outputFiles.map {
            OutputFile(path: $0.outputPath, body: .copy(CopiedFile(root: .photoCache, sourcePath: $0.cacheFile, outputPath: $0.outputPath)))
        }
    }

    /// How many pages `page(_:)` makes.
    public var pageCount: Int { routes.pages.count }

    /// Whether the write stage adds `.gz` and `.br` beside the text files (`compress:` in site.yaml).
    public var precompresses: Bool { context.model.config.precompresses }

    /// Output paths of the pages (`tin-tuc/index.html`), in the order they are rendered.
    public var pagePaths: [String] { routes.pages.map(\.outputPath) }

    public func hasPage(_ path: String) -> Bool { routes.pageNumber(at: path) != nil }

    /// The page at an output path, its view built and its template run now; nil when there is none.
    public func render(path: String) -> OutputFile? {
        guard let number = routes.pageNumber(at: path) else { return nil }
        return page(number).file
    }

    /// Page `number` (0 ..< `pageCount`), with the findings its Markdown gave when news bodies are
    /// rendered with their pages (`SiteRenderer.NewsBodies`). Safe to call from many threads at once.
    func page(_ number: Int) -> (file: OutputFile, findings: Findings) {
        let (view, findings) = pageView(number)
        return (renderPage(number, view: view), findings)
    }

    /// Page `number`'s view, with the findings of its news body. A news item's page gives the item's
    /// search text here, so a page whose output is reused still does.
    func pageView(_ number: Int) -> (view: PageView, findings: Findings) {
        let route = routes.pages[number]
        var findings = Findings()
        let view = context.page(for: route) { index in
            let rendered = context.renderNews(index, findings: &findings)
            recordSearchText(RenderContext.newsSearchText(context.model.news[index], plainText: rendered.plainText), ofNews: index)
            return rendered
        }
        return (view, findings)
    }

    /// The page's template run over its view, its addresses published.
    func renderPage(_ number: Int, view: PageView) -> OutputFile {
        let route = routes.pages[number]
        let html = context.publisher.publish(templates.render(view, template: route.template))
        return OutputFile(path: route.outputPath, body: .text(html))
    }

    /// A digest of everything page `number`'s bytes are made from: every value its view declares
    /// (`ViewFields.appendContent`, so no field can be left out), its template's name, and
    /// `pageKeySeed`. Two builds that give a page the same key give it the same bytes.
    func pageKey(_ number: Int, view: PageView) -> String {
        var bytes = pageKeySeed
        _ = routes.pages[number].template.appendFingerprint(to: &bytes)
        view.appendContent(to: &bytes)
        return SHA256.hash(data: bytes).hexString
    }

    /// Keeps the search text a news page found, so the search index needs no body rendered again.
    private func recordSearchText(_ text: String, ofNews index: Int) {
        lock.withLock { self.newsSearchText[index] = text }
    }

    /// The pages up to the last news item's: once they are rendered, every news item has given its
    /// search text, so the closing files can be made while the remaining pages (pillars, tags, …) render.
    var pagesBeforeClosingFiles: Int {
        (routes.pages.lastIndex { if case .newsItem = $0.kind { true } else { false } } ?? -1) + 1
    }

    /// Data files, feeds, sitemap, search index and copied files: everything but the pages, in the order
    /// they follow the pages. Made once; a news item whose page was not rendered yet is rendered here for
    /// its search text.
    public var otherFiles: [OutputFile] {
        if let made = lock.withLock({ self.closing }) { return made }
        let model = context.model
        let searchText = lock.withLock { self.newsSearchText }.enumerated().map { index, text in
            text ?? {
                var reportedByThePage = Findings()
                return RenderContext.newsSearchText(model.news[index], plainText: context.renderNews(index, findings: &reportedByThePage).plainText)
            }()
        }
        var files: [OutputFile] = []
        if !model.indicators.isEmpty {
            files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.indicatorsCSV),
                                    body: .text(IndicatorCSV.make(model.indicators, groups: model.indicatorGroups))))
            for indicator in model.indicators {
                files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.indicatorCSV(slug: indicator.slug)),
                                        body: .text(IndicatorCSV.make([indicator], groups: model.indicatorGroups))))
            }
        }
        if !model.rankings.isEmpty {
            files += context.rankingFiles()
            files.append(context.rankingsFeed())
        }
        files += context.feedsAndSitemap()
        files += context.searchIndexFiles(newsSearchText: searchText)
        files += AliasRedirects(aliases: model.aliases, baseURL: context.baseURL).pages()
        files += model.copiedFiles.map { OutputFile(path: $0.outputPath, body: .copy($0)) }
        files += photoFiles
        lock.withLock { self.closing = files }
        return files
    }

    /// The nginx `map` for the old addresses only the server can answer, written beside the output.
    public var serverSnippet: String {
        AliasRedirects(aliases: context.model.aliases, baseURL: context.baseURL).nginxSnippet()
    }

    /// Every file of the site in memory, in the order `SiteRenderer.render` has always returned them:
    /// pages, then `otherFiles`. The findings of news bodies rendered with their pages are added.
    func allFiles(findings: inout Findings) -> [OutputFile] {
        let pages = Array(0..<pageCount).parallelMap { page($0) }
        findings.append(contentsOf: pages.flatMap(\.findings))
        return pages.map(\.file) + otherFiles
    }

    /// Every file of the site in memory; for a site prepared by `SiteBuilder.prepare`, whose findings
    /// were all reported then. Only tests need the whole site at once (to compare it with another
    /// build); `build` writes page by page and `serve` renders a page when it is asked for.
    func renderAll() -> [OutputFile] {
        var reportedAlready = Findings()
        return allFiles(findings: &reportedAlready)
    }

    /// Renders every page and throws it away: the findings of a build that writes nothing, with little
    /// memory.
    func renderPagesForFindings(findings: inout Findings) {
        let found = Array(0..<pageCount).parallelMap { page($0).findings }
        findings.append(contentsOf: found.joined())
    }
}
