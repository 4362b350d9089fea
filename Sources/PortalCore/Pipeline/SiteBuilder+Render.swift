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
        let model = SiteResolver(includeDrafts: options.includeDrafts).resolve(loaded, findings: &findings)
        return (loaded, model, SiteRenderer(baseURL: options.baseURLOverride ?? model.config.baseURL))
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
        var findings = snapshot.findings
        guard let loaded = snapshot.content else { return (nil, findings.sorted) }
        let model = SiteResolver(includeDrafts: options.includeDrafts, cache: cache?.resolve).resolve(loaded, findings: &findings)
        let renderer = SiteRenderer(baseURL: options.baseURLOverride ?? model.config.baseURL)
        let site = renderer.prepare(model, theme: loaded.theme, cache: cache?.render, findings: &findings)
        return (site, findings.sorted)
    }
}

/// What one `prepare` hands to the next: each stage's memo, every entry kept with the exact input it was
/// made from (the files loaded, each news item's resolution, each body's rendering), so a save does again
/// only what its files feed.
public final class SiteCache: Sendable {
    private let last = Mutex<LoadSnapshot?>(nil)
    let resolve = ResolveCache()
    let render = RenderCache()

    public init() {}

    var lastLoad: LoadSnapshot? {
        get { last.withLock { $0 } }
        set { last.withLock { $0 = newValue } }
    }
}
