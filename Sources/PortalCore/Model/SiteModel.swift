/// The resolved site: every item checked, joined and ordered, ready to render. Built by `SiteResolver`.
public struct SiteModel: Sendable {
    public struct Tag: Sendable, Equatable {
        public var name: String
        public var slug: String
        /// Indexes into `news`, newest first.
        public var items: [Int]
        public var url: String { URLScheme.tag(slug: slug) }
    }

    public var config: SiteConfig
    /// Newest first; ties broken by slug so the order never depends on file order.
    public var news: [NewsItem]
    public var pages: [Page]
    /// Newest first.
    public var reports: [Report]
    /// Newest first by date of issue.
    public var documents: [DirectiveDocument]
    /// In the order first met in `news`.
    public var tags: [Tag]
    /// Category id → indexes into `news`, newest first.
    public var newsByCategory: [String: [Int]]
    public var indicatorGroups: [IndicatorGroup]
    /// In group order, then as listed in indicators.yaml.
    public var indicators: [Indicator]
    /// Small CSV files for data charts, by path under Content/.
    public var dataFiles: [String: SourceFile]
    /// Files copied as they are: content path → output path (both relative, `/`-separated).
    public var copiedFiles: [CopiedFile]
    /// The text of the indicator files the values came from (`LoadedIndicators.sourceTexts`): equal texts,
    /// equal indicators, for caches that keep what was made from them.
    public var indicatorSources: [String] = []
    /// The DTI rankings (SPEC §13), empty without `Content/rankings/`.
    public var rankings: Rankings = .empty
    /// The raster images to publish in their sizes (SPEC §10), by content path; made by resolve.
    public var photoSources: [PhotoSource] = []
    /// SVG files among `copiedFiles`, checked for scripts before they are published.
    public var svgFiles: [String] = []
    /// The photos as published, filled by `PhotoProcessor` between resolve and render.
    public var photos = PhotoCatalog()
    /// Every page, made from the rest once it is resolved (`RouteResolver`).
    public var routes: RouteTable = .empty
    /// Old addresses sent on to pages (`aliases:` in front matter), in the order of the pages.
    public var aliases: [Alias] = []
}

public struct CopiedFile: Sendable, Equatable {
    /// `photoCache`: `sourcePath` is a file's absolute path in `.portal-cache/` (a photo's size).
    public enum Root: Sendable, Equatable { case content, theme, photoCache }
    public var root: Root
    public var sourcePath: String
    public var outputPath: String
}
