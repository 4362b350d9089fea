import Foundation

/// The stages that every command shares, kept in memory: the preview server serves their files without
/// writing them, and `check` looks through them.
extension SiteBuilder {
    /// Load → resolve → render, nothing written. Findings are sorted; files are empty when loading or the
    /// templates failed, and may be partial when there are errors, so callers decide with `hasErrors`.
    public func render(_ options: BuildOptions) -> (files: [OutputFile], findings: [Finding]) {
        var findings: [Finding] = []
        let stages = runStages(options, findings: &findings)
        return (stages?.files ?? [], Array(Set(findings)).sorted())
    }

    /// What the stages made, for the callers inside PortalCore that need more than the files.
    struct Stages {
        var loaded: LoadedContent
        var model: SiteModel
        var files: [OutputFile]
        var baseURL: String
    }

    func runStages(_ options: BuildOptions, findings: inout [Finding]) -> Stages? {
        guard let (loaded, model, renderer) = loadAndResolve(options, findings: &findings),
              let files = renderer.render(model, theme: loaded.theme, findings: &findings) else { return nil }
        return Stages(loaded: loaded, model: model, files: files, baseURL: renderer.baseURL)
    }

    func loadAndResolve(_ options: BuildOptions, findings: inout [Finding]) -> (LoadedContent, SiteModel, SiteRenderer)? {
        guard let loaded = SiteLoader(content: options.content, theme: options.theme).load(findings: &findings) else {
            return nil
        }
        let model = SiteResolver(includeDrafts: options.includeDrafts).resolve(loaded, findings: &findings)
        return (loaded, model, SiteRenderer(baseURL: options.baseURLOverride ?? model.config.baseURL))
    }
}

extension SiteBuilder {
    /// Load → resolve → everything of render but the templates: for the preview server, which renders
    /// each page when it is asked for, and keeps a cache between rebuilds. Nil when loading or the
    /// templates failed.
    public func prepare(_ options: BuildOptions, cache: RenderCache? = nil) -> (site: PreparedSite?, findings: [Finding]) {
        var findings: [Finding] = []
        let site = loadAndResolve(options, findings: &findings).flatMap { loaded, model, renderer in
            renderer.prepare(model, theme: loaded.theme, cache: cache, findings: &findings)
        }
        return (site, Array(Set(findings)).sorted())
    }
}
