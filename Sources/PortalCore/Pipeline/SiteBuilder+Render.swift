import Foundation
import Markdown
import Synchronization

/// The stages that every command shares, kept in memory: the preview server serves their files without
/// writing them, and `check` looks through them.
extension SiteBuilder {
    /// Load → resolve → render, nothing written. Findings are sorted; files are empty when loading or the
    /// templates failed, and may be partial when there are errors, so callers decide with `hasErrors`.
    public func render(_ options: BuildOptions) -> (files: [OutputFile], findings: [Finding]) {
        var findings = Findings()
        let stages = runStages(options, findings: &findings)
        return (stages?.files ?? [], findings.sorted)
    }

    /// What the stages made, for the callers inside PortalCore that need more than the files.
    struct Stages {
        var loaded: LoadedContent
        var model: SiteModel
        var files: [OutputFile]
        var baseURL: String
    }

    func runStages(_ options: BuildOptions, findings: inout Findings) -> Stages? {
        guard let (loaded, model, renderer) = loadAndResolve(options, findings: &findings),
              let files = renderer.render(model, theme: loaded.theme, findings: &findings) else { return nil }
        return Stages(loaded: loaded, model: model, files: files, baseURL: renderer.baseURL)
    }

    func loadAndResolve(_ options: BuildOptions, findings: inout Findings) -> (LoadedContent, SiteModel, SiteRenderer)? {
        guard let loaded = SiteLoader(content: options.content, theme: options.theme).load(findings: &findings) else {
            return nil
        }
        var model = SiteResolver(includeDrafts: options.includeDrafts).resolve(loaded, findings: &findings)
        processPhotos(&model, options, findings: &findings)
        return (loaded, model, SiteRenderer(baseURL: options.baseURL(model.config)))
    }

    /// The photo stage, between resolve and render, for every command (`serve` too: it makes the sizes
    /// while it prepares, so the first request for one finds it in the cache).
    func processPhotos(_ model: inout SiteModel, _ options: BuildOptions, findings: inout Findings) {
        PhotoProcessor(content: options.content, cacheFolder: options.photoCache, progress: options.photoProgress)
            .process(&model, findings: &findings)
    }
}

extension SiteBuilder {
    /// Load → resolve → everything of render but the templates: for the preview server, which renders
    /// each page when it is asked for. With a cache from the previous call and the paths changed since,
    /// only what those paths touch is read, checked and rendered again; the result is what a call
    /// without them gives. Nil when loading or the templates failed.
    public func prepare(_ options: BuildOptions, cache: SiteCache? = nil,
                        changes: ContentChanges = .everything) -> (site: PreparedSite?, findings: [Finding]) {
        let loader = SiteLoader(content: options.content, theme: options.theme)
        let snapshot = loader.load(changes: changes, previous: cache?.lastLoad)
        cache?.lastLoad = snapshot
        if let cache, let replaced = replaceNews(snapshot, options: options, cache: cache) {
            cache.lastPrepared = replaced
            cache.lastReplacedNews = true
            return replaced
        }
        cache?.lastReplacedNews = false
        var findings = snapshot.findings
        guard let loaded = snapshot.content else {
            cache?.lastPrepared = nil
            return (nil, findings.sorted)
        }
        var model = SiteResolver(includeDrafts: options.includeDrafts, cache: cache?.resolve).resolve(loaded, findings: &findings)
        processPhotos(&model, options, findings: &findings)
        let renderer = SiteRenderer(baseURL: options.baseURL(model.config))
        let site = renderer.prepare(model, theme: loaded.theme, cache: cache?.render, findings: &findings)
        let result = (site: site, findings: findings.sorted)
        cache?.lastPrepared = result
        return result
    }

    /// The usual save: the text of news items changed, and nothing that decides where they are listed.
    /// The previous site is taken with those items replaced (resolved, checked and rendered again, and
    /// their cards made again) instead of resolving and preparing the whole archive. Nil whenever more
    /// than that changed, or the previous site had errors (an error may involve other files).
    private func replaceNews(_ snapshot: LoadSnapshot, options: BuildOptions,
                             cache: SiteCache) -> (site: PreparedSite?, findings: [Finding])? {
        guard let paths = snapshot.rereadNews, !paths.isEmpty, let loaded = snapshot.content,
              let previous = cache.lastPrepared, let site = previous.site, !previous.findings.hasErrors,
              site.context.newsHTML != nil else { return nil }
        let context = site.context
        let model = context.model
        let resolver = SiteResolver(includeDrafts: options.includeDrafts, cache: cache.resolve)
        let prose = ProseFigureCheck(indicators: model.indicators)
        var replacements: [(index: Int, item: NewsItem, body: RenderedMarkdown)] = []
        var findings = Findings()
        for path in paths {
            guard let part = snapshot.parts?.news[path], let loadedItem = part.value,
                  let index = model.news.firstIndex(where: { $0.source.relativePath == path }) else { return nil }
            var local = part.findings
            guard let item = resolver.resolveNews(loadedItem, loaded: loaded, findings: &local),
                  item.isListedLike(model.news[index]) else { return nil }
            prose.check(body: item.body, file: item.source, bodyFirstLine: item.bodyFirstLine, findings: &local)
            let raw = cache.render.markdown([.init(file: item.source, body: { item.body })], renderer: context.newsMarkdown)[0]
            let body = context.expander.expand(raw, in: item.source, bodyFirstLine: item.bodyFirstLine, idPrefix: "", findings: &local)
            replacements.append((index, item, body))
            findings += local
        }
        let replacedFiles = Set(replacements.map(\.item.source.displayPath))
        findings += previous.findings.filter { !replacedFiles.contains($0.file) }
        return (site.replacingContext(context.replacingNews(replacements)), findings.sorted)
    }
}

/// What one `prepare` hands to the next: the files it read, the prose check's findings and the
/// renderings, each used again only for input that has not changed.
public final class SiteCache: Sendable {
    private struct Last {
        var load: LoadSnapshot?
        var prepared: (site: PreparedSite?, findings: [Finding])?
        var replacedNews = false
    }

    private let last = Mutex(Last())
    let resolve = ResolveCache()
    let render = RenderCache()

    public init() {}

    var lastLoad: LoadSnapshot? {
        get { last.withLock { $0.load } }
        set { last.withLock { $0.load = newValue } }
    }

    /// What the last `prepare` returned.
    var lastPrepared: (site: PreparedSite?, findings: [Finding])? {
        get { last.withLock { $0.prepared } }
        set { last.withLock { $0.prepared = newValue } }
    }

    /// Whether the last `prepare` took the previous site with news items replaced: for tests, which
    /// must know the shortcut was taken as well as that its result is right.
    var lastReplacedNews: Bool {
        get { last.withLock { $0.replacedNews } }
        set { last.withLock { $0.replacedNews = newValue } }
    }
}
