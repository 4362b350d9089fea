import Mustache
import Markdown
import VietnameseText

/// The render stage: the site model to output files in memory. No file I/O; pages render in parallel
/// and come back in a fixed order.
public struct SiteRenderer: Sendable {
    public var baseURL: String
    /// Shared partials (header, footer) rendered once per distinct input (`PartialCache`); off only in
    /// the test that checks it changes nothing.
    var cachesSharedPartials = true

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// When the news items' Markdown is rendered.
    enum NewsBodies: Sendable {
        /// All of it in `prepare`, its findings reported there: the preview server needs every finding
        /// before it serves anything, and its cache reuses bodies across rebuilds.
        case upFront
        /// Each item's with its own page, its findings reported by the page (`PreparedSite.page`), so a
        /// build never holds the archive's HTML at once.
        case withTheirPages
    }

    /// The whole site in memory, in a fixed order: pages, data downloads, feeds and the like, copied
    /// files. `build` streams the same files through `prepare` instead, so a large archive is never
    /// held at once.
    public func render(_ model: SiteModel, theme: Theme, findings: inout Findings) -> [OutputFile]? {
        guard let site = prepare(model, theme: theme, newsBodies: .withTheirPages, findings: &findings) else { return nil }
        return site.allFiles(findings: &findings)
    }

    /// Everything `render` does except building each page's view and running its template, which
    /// `PreparedSite` does per page: the preview server renders only the pages a browser asks for. With a
    /// cache, Markdown bodies and templates unchanged since the last call are not rendered or parsed again.
    public func prepare(_ model: SiteModel, theme: Theme, cache: RenderCache? = nil, findings: inout Findings) -> PreparedSite? {
        prepare(model, theme: theme, cache: cache, newsBodies: .upFront, findings: &findings)
    }

    /// Everything the pages share, made once: templates, the small bodies (pages, documents, reports),
    /// the cards of every news item, and the news bodies too when `newsBodies` is `.upFront`.
    /// - Parameter markdownStore: the folder of a `MarkdownStore`, for a build: news bodies rendered once
    ///   per text across builds.
    func prepare(_ model: SiteModel, theme: Theme, cache: RenderCache? = nil, newsBodies: NewsBodies, markdownStore: String? = nil,
                 findings: inout Findings) -> PreparedSite? {
        let markdown = MarkdownRenderer(options: .init(allowRawHTML: model.config.allowRawHTML))
        // The search index keeps every word of a news item's text.
        let newsMarkdown = markdown
        let store = markdownStore.map { MarkdownStore(folder: $0, renderer: newsMarkdown) }
        let renderNewsMarkdown: @Sendable (String) -> RenderedMarkdown = { body in
            store?.rendering(of: body) ?? newsMarkdown.render(body)
        }
        let templates: TemplateSet?
        let rawNews: [RenderedMarkdown]?
        let rawPages, rawDocuments: [RenderedMarkdown]
        if let cache {
            templates = cache.templates(theme, findings: &findings)
            // Found by file and compared by the file's text, so an unchanged body is never made again.
            rawNews = newsBodies == .upFront
                ? cache.markdown(model.news.map { item in .init(file: item.source, body: { item.body }) }, renderer: newsMarkdown) : nil
            rawPages = cache.markdown(model.pages.map { page in .init(file: page.source, body: { page.body }) }, renderer: markdown)
            rawDocuments = cache.markdown(model.documents.map { document in .init(file: document.source, body: { document.body }) },
                                          renderer: markdown)
            cache.keepOnly(Set(model.news.map(\.source.displayPath) + model.pages.map(\.source.displayPath)
                               + model.documents.map(\.source.displayPath)))
        } else {
            templates = TemplateSet.load(theme, findings: &findings, cachePartials: cachesSharedPartials)
            rawNews = newsBodies == .upFront ? model.news.parallelMap { newsMarkdown.render($0.body) } : nil
            rawPages = model.pages.parallelMap { markdown.render($0.body) }
            rawDocuments = model.documents.parallelMap { markdown.render($0.body) }
        }
        guard let templates else { return nil }
        findings += TemplateCheck(theme).findings(for: model.routes)
        let expander = ShortcodeExpander(model: model, charts: IndicatorCharts(), dataFiles: model.dataFiles)
        let renderedNews: [RenderedMarkdown]?
        let fallbackSummaries: [String?]
        if let rawNews {
            let expanded = Array(model.news.indices).parallelMap { index -> (RenderedMarkdown, Findings) in
                var local = Findings()
                let item = model.news[index]
                let html = expander.expand(rawNews[index], in: item.source, bodyFirstLine: item.bodyFirstLine, idPrefix: "", findings: &local)
                return (html, local)
            }
            findings.append(contentsOf: expanded.flatMap(\.1))
            let bodies = expanded.map(\.0)
            renderedNews = bodies
            fallbackSummaries = model.news.indices.map { model.news[$0].summary == nil ? Summary.cut(bodies[$0].firstParagraph) : nil }
        } else {
            renderedNews = nil
            // Cards show the first paragraph of an item without a summary, so those few are rendered ahead;
            // their findings are the ones the item's own page gives again, each kept once.
            let summaries = model.news.parallelMap { item -> (summary: String?, findings: Findings) in
                guard item.summary == nil else { return (nil, []) }
                var found = Findings()
                let rendered = expander.expand(renderNewsMarkdown(item.body), in: item.source, bodyFirstLine: item.bodyFirstLine,
                                               idPrefix: "", findings: &found)
                return (Summary.cut(rendered.firstParagraph), found)
            }
            fallbackSummaries = summaries.map(\.summary)
            for summary in summaries where !summary.findings.isEmpty { findings += summary.findings }
        }
        let renderedPages = Array(model.pages.indices).parallelMap { index -> (RenderedMarkdown, Findings) in
            var local = Findings()
            let page = model.pages[index]
            let html = expander.expand(rawPages[index], in: page.source, bodyFirstLine: page.bodyFirstLine, idPrefix: "", findings: &local)
            return (html, local)
        }
        let renderedDocuments = Array(model.documents.indices).parallelMap { index -> (RenderedMarkdown, Findings) in
            var local = Findings()
            let document = model.documents[index]
            let html = expander.expand(rawDocuments[index], in: document.source, bodyFirstLine: document.bodyFirstLine,
                                       idPrefix: "", findings: &local)
            return (html, local)
        }
        let reportRenderer = ReportRenderer(markdown: markdown, expander: expander)
        // A report's rendering reads its own files, the indicators and the data files for charts.
        let sharedInputs = [model.config.allowRawHTML ? "raw" : "safe"] + model.indicatorSources
            + model.dataFiles.keys.sorted().map { model.dataFiles[$0]!.text }
        let renderedReports = model.reports.parallelMap { report -> (ReportRenderer.Output, Findings) in
            let render = { () -> (ReportRenderer.Output, Findings) in
                var local = Findings()
                let output = reportRenderer.render(report, findings: &local)
                return (output, local)
            }
            guard let cache else { return render() }
            let inputs = [report.source.text] + report.sections.map(\.source.text) + sharedInputs
            return cache.report(report.id, inputs: inputs, render: render)
        }
        findings.append(contentsOf: renderedPages.flatMap(\.1) + renderedDocuments.flatMap(\.1) + renderedReports.flatMap(\.1))
        let context = RenderContext(model: model, baseURL: baseURL, markdown: markdown, newsMarkdown: newsMarkdown,
                                    renderNewsMarkdown: renderNewsMarkdown, expander: expander, newsHTML: renderedNews,
                                    newsFallbackSummaries: fallbackSummaries, pageHTML: renderedPages.map(\.0),
                                    documentHTML: renderedDocuments.map(\.0), reportOutput: renderedReports.map(\.0))
        return PreparedSite(context: context, templates: templates, theme: theme, markdownStore: store)
    }
}

extension SiteRenderer {
    /// The view a page of each kind gives its template under `PageView` (`RenderContext.page(for:)`),
    /// for the template check.
    static func contentSchema(for kind: Route.Kind) -> ViewSchema {
        switch kind {
        case .home: HomeView.schema
        case .newsList, .category, .tag: NewsListView.schema
        case .newsItem: NewsItemView.schema
        case .tagIndex: TagIndexView.schema
        case .page, .search, .notFound: StandaloneView.schema
        case .dashboard: DashboardView.schema
        case .indicator: IndicatorPageView.schema
        case .reports: ReportListView.schema
        case .report: ReportPageView.schema
        case .documents: DocumentListView.schema
        case .document: DocumentPageView.schema
        case .rankings: RankingsIndexView.schema
        case .rankingLevel, .rankingPeriod: RankingTableView.schema
        case .rankingUnit: RankingUnitView.schema
        }
    }
}

/// Everything the view builders share while one site renders.
struct RenderContext: Sendable {
    /// Changed only by `replacingNews`, for an edit that moves no item.
    private(set) var model: SiteModel
    let baseURL: String
    /// Where every address a page writes is published (`PreparedSite.page`).
    let publisher: BasePathRewriter
    let markdown: MarkdownRenderer
    /// What renders news bodies: `markdown`, kept apart so a news body's options can differ from a page's.
    let newsMarkdown: MarkdownRenderer
    /// `newsMarkdown`'s rendering of a body, through the build's `MarkdownStore` when there is one.
    let renderNewsMarkdown: @Sendable (String) -> RenderedMarkdown
    let expander: ShortcodeExpander
    let charts = IndicatorCharts()
    /// By news index, when the bodies were rendered up front (`SiteRenderer.NewsBodies`); nil when each
    /// is rendered with its page.
    private(set) var newsHTML: [RenderedMarkdown]?
    let pageHTML: [RenderedMarkdown]
    let documentHTML: [RenderedMarkdown]
    let reportOutput: [ReportRenderer.Output]
    let site: SiteView
    private(set) var cards: [NewsCardView]
    /// Where each news item stands in its pillar's list (`model.newsByCategory`), by news index.
    let categoryPosition: [Int: Int]

    /// - Parameter newsFallbackSummaries: by news index, the cut first paragraph of an item without a
    ///   summary, nil for the others.
    init(model: SiteModel, baseURL: String, markdown: MarkdownRenderer, newsMarkdown: MarkdownRenderer,
         renderNewsMarkdown: (@Sendable (String) -> RenderedMarkdown)? = nil, expander: ShortcodeExpander,
         newsHTML: [RenderedMarkdown]?,
         newsFallbackSummaries: [String?], pageHTML: [RenderedMarkdown], documentHTML: [RenderedMarkdown],
         reportOutput: [ReportRenderer.Output]) {
        self.newsHTML = newsHTML
        self.documentHTML = documentHTML
        self.reportOutput = reportOutput
        self.model = model
        self.baseURL = baseURL
        publisher = BasePathRewriter(basePath: URLScheme.BasePath(baseURL: baseURL))
        self.markdown = markdown
        self.newsMarkdown = newsMarkdown
        self.renderNewsMarkdown = renderNewsMarkdown ?? { newsMarkdown.render($0) }
        self.expander = expander
        self.pageHTML = pageHTML
        let config = model.config
        let agency = config.agency
        site = SiteView(
            title: config.title, province: config.province, tagline: config.tagline, baseURL: baseURL,
            language: config.language,
            agency: AgencyView(name: agency.name, role: agency.role, address: agency.address, phone: agency.phone,
                               email: agency.email, licence: agency.licence, responsible: agency.responsible),
            links: config.links.map { LinkView(title: $0.title, url: $0.url, isExternal: $0.url.containsASCII("://"), isCurrent: false) },
            categories: config.categories.map {
                CategoryView(id: $0.id, name: $0.name, url: URLScheme.category($0.id), count: model.newsByCategory[$0.id]?.count ?? 0)
            },
            banner: config.banner.map { LinkView(title: $0.title, url: $0.url, isExternal: $0.url.containsASCII("://"), isCurrent: false) })
        var categoryPosition: [Int: Int] = [:]
        for indexes in model.newsByCategory.values {
            for (offset, index) in indexes.enumerated() where categoryPosition[index] == nil { categoryPosition[index] = offset }
        }
        self.categoryPosition = categoryPosition
        let news = model.news
        cards = Array(news.indices).parallelMap { index in
            Self.card(news[index], config: config, photos: model.photos, fallbackSummary: newsFallbackSummaries[index])
        }
    }

    static func card(_ item: NewsItem, config: SiteConfig, photos: PhotoCatalog, fallbackSummary: String?) -> NewsCardView {
        let photo = item.image.flatMap { photos.photos[$0.contentPath] }
        let category = config.category(id: item.categoryID)
        return NewsCardView(
            title: item.title, url: item.url, dateShort: item.date.vietnameseShort, dateISO: item.date.iso8601,
            categoryName: category?.name ?? item.categoryID, categoryURL: URLScheme.category(item.categoryID),
            summary: item.summary ?? fallbackSummary ?? "",
            imageURL: photo.flatMap { PhotoMarkup.fallbackSource($0)?.url } ?? item.image?.url, imageAlt: item.imageAlt, photo: photo,
            featured: item.featured)
    }

    /// This context with news items replaced at their indexes, each with its rendered body, for items
    /// whose place in every list is unchanged (`NewsItem.isListedLike`). Bodies must have been rendered
    /// up front.
    func replacingNews(_ replacements: [(index: Int, item: NewsItem, body: RenderedMarkdown)]) -> RenderContext {
        var context = self
        for (index, item, body) in replacements {
            context.model.news[index] = item
            context.newsHTML?[index] = body
            context.cards[index] = Self.card(item, config: model.config, photos: model.photos,
                                             fallbackSummary: item.summary == nil ? Summary.cut(body.firstParagraph) : nil)
        }
        return context
    }

    /// The view of one page, for its route's template. A news item's body comes from `newsBody`: the
    /// caller decides whether it was rendered up front or is rendered now, and keeps its findings.
    func page(for route: Route, newsBody: (Int) -> RenderedMarkdown) -> PageView {
        let config = model.config
        let path = route.url
        let listed = NewsCardView.firstImageAtOnce([route.listedNews.map { cards[$0] }])[0]
        switch route.kind {
        case .home:
            let featured = model.news.indices.filter { model.news[$0].featured }.prefix(3)
            let latest = model.news.indices.filter { !featured.contains($0) }.prefix(6)
            let pillars = site.categories.compactMap { category -> HomeView.Pillar? in
                let items = (model.newsByCategory[category.id] ?? []).prefix(3).map { cards[$0] }
                return items.isEmpty ? nil : HomeView.Pillar(category: category, items: items)
            }
            // The order the home page shows them in: featured first.
            let shown = NewsCardView.firstImageAtOnce([featured.map { cards[$0] }, latest.map { cards[$0] }])
            let view = HomeView(featured: shown[0], latest: shown[1], pillars: pillars, indicators: highlights)
            return wrap(view, path: path, title: nil, description: config.tagline, crumbs: [])

        case .newsList(let number):
            let view = NewsListView(heading: "Tin tức", intro: nil, items: listed,
                                    pagination: pagination(list: URLScheme.news, current: number, count: model.news.count), feedURL: nil)
            return wrap(view, path: path, title: pagedTitle("Tin tức", number),
                        description: "Tin tức về chuyển đổi số \(config.province)", crumbs: [home])

        case .newsItem(let index):
            return newsItemPage(index, path: path, rendered: newsBody(index))

        case .category(let id, let number):
            let category = site.categories.first { $0.id == id }
            let name = category?.name ?? id
            let view = NewsListView(heading: name, intro: nil, items: listed,
                                    pagination: pagination(list: URLScheme.category(id), current: number,
                                                           count: model.newsByCategory[id]?.count ?? 0), feedURL: nil)
            return wrap(view, path: path, title: pagedTitle(name, number), description: "Tin tức chuyên mục \(name)",
                        crumbs: [home, link("Tin tức", URLScheme.news)],
                        feed: ("Tin tức chuyên mục \(name)", URLScheme.categoryFeed(id)))

        case .tag(let index, let number):
            let tag = model.tags[index]
            let view = NewsListView(heading: "Thẻ: \(tag.name)", intro: nil, items: listed,
                                    pagination: pagination(list: tag.url, current: number, count: tag.items.count), feedURL: nil)
            return wrap(view, path: path, title: pagedTitle("Thẻ: \(tag.name)", number), description: "Tin tức gắn thẻ \(tag.name)",
                        crumbs: [home, link("Thẻ", URLScheme.tags)])

        case .tagIndex:
            let tags = model.tags.sorted { $0.slug < $1.slug }
                .map { CategoryView(id: $0.slug, name: $0.name, url: $0.url, count: $0.items.count) }
            let view = TagIndexView(heading: "Thẻ", tags: tags)
            return wrap(view, path: path, title: "Thẻ", description: "Các thẻ của tin tức", crumbs: [home])

        case .page(let index):
            let page = model.pages[index]
            let rendered = pageHTML[index]
            let view = StandaloneView(title: page.title, summary: page.summary, contentHTML: rendered.html)
            return wrap(view, path: path, title: page.title, description: page.summary ?? Summary.cut(rendered.firstParagraph),
                        crumbs: [home], language: page.language)

        case .dashboard:
            return dashboardPage(path: path)

        case .indicator(let index):
            return indicatorPage(index, path: path)

        case .reports:
            return reportListPage(path: path)

        case .report(let index):
            return reportPage(index, path: path, rendered: reportOutput[index])

        case .documents(let filter):
            return documentListPage(filter, path: path)

        case .document(let index):
            return documentPage(index, path: path, body: documentHTML[index])

        case .rankings:
            return rankingsPage(path: path)

        case .rankingLevel(let level):
            return rankingTablePage(level: level, period: nil, path: path)

        case .rankingPeriod(let level, let period):
            return rankingTablePage(level: level, period: period, path: path)

        case .rankingUnit(let index):
            return rankingUnitPage(index, path: path)

        case .search:
            let view = StandaloneView(title: "Tìm kiếm", summary: nil, contentHTML: "")
            return wrap(view, path: path, title: "Tìm kiếm",
                        description: "Tìm tin tức, văn bản, báo cáo và chỉ số trên cổng thông tin", crumbs: [home])

        case .notFound:
            let view = StandaloneView(title: "Không tìm thấy trang", summary: nil, contentHTML: "")
            return wrap(view, path: path, title: "Không tìm thấy trang", description: "", crumbs: [])
        }
    }

    /// A news item's body: Markdown, then its shortcodes. Bodies rendered up front were reported then,
    /// so they add no findings here.
    func renderNews(_ index: Int, findings: inout Findings) -> RenderedMarkdown {
        if let newsHTML { return newsHTML[index] }
        let item = model.news[index]
        return expander.expand(renderNewsMarkdown(item.body), in: item.source, bodyFirstLine: item.bodyFirstLine, idPrefix: "",
                               findings: &findings)
    }

    func newsItemPage(_ index: Int, path: String, rendered: RenderedMarkdown) -> PageView {
        let item = model.news[index]
        let sameCategory = model.newsByCategory[item.categoryID] ?? []
        let position = categoryPosition[index] ?? 0
        // The nearest items in time from the same pillar, newer ones first when tied: walking out from
        // the item's own position, so a page costs the same however large its pillar is.
        var related: [NewsCardView] = []
        var distance = 0
        while related.count < 4 && (position - distance >= 0 || position + distance < sameCategory.count) {
            for offset in distance == 0 ? [position] : [position - distance, position + distance]
            where related.count < 4 && sameCategory.indices.contains(offset) && sameCategory[offset] != index {
                related.append(cards[sameCategory[offset]])
            }
            distance += 1
        }
        let tags = zip(item.tags, item.tagSlugs).map { link($0, URLScheme.tag(slug: $1)) }
        let view = NewsItemView(
            card: cards[index], dateLong: item.date.vietnameseLong, dateWithWeekday: item.date.vietnameseWithWeekday,
            contentHTML: rendered.html, tags: tags, author: item.author, sourceLine: item.sourceLine, related: related,
            newer: index > 0 ? cards[index - 1] : nil, older: index + 1 < cards.count ? cards[index + 1] : nil)
        let category = cards[index]
        let crumbs = [home, link("Tin tức", URLScheme.news), link(category.categoryName, category.categoryURL)]
        return wrap(view, path: path, title: item.title, description: cards[index].summary, crumbs: crumbs,
                    ogType: "article", image: cards[index].photo?.openGraph?.url ?? item.image?.url)
    }

    var home: LinkView { link("Trang chủ", URLScheme.home) }

    /// A link within the site, as breadcrumbs and tags show it.
    func link(_ title: String, _ url: String) -> LinkView { LinkView(title: title, url: url, isExternal: false, isCurrent: false) }

    func wrap(_ content: any TemplateView & Sendable, path: String, title: String?, description: String, crumbs: [LinkView],
              language: String? = nil, ogType: String = "website", image: String? = nil,
              feed: (title: String, url: String)? = nil) -> PageView {
        let menu = model.config.menu.map { link in
            let current = link.url == path || (link.url != URLScheme.home && !link.url.containsASCII("://") && path.hasPrefix(link.url))
            return LinkView(title: link.title, url: link.url, isExternal: link.url.containsASCII("://"), isCurrent: current)
        }
        let documentTitle = title.map { "\($0) | \(model.config.title)" } ?? model.config.title
        return PageView(site: site, menu: menu, documentTitle: documentTitle, description: description,
                        canonicalURL: baseURL + String(path.dropFirst()), path: path, breadcrumbs: crumbs,
                        language: language ?? model.config.language, ogType: ogType,
                        ogImage: image.map { $0.containsASCII("://") ? $0 : baseURL + String($0.dropFirst()) },
                        feedTitle: feed?.title, feedURL: feed?.url, content: content)
    }

    func pagedTitle(_ title: String, _ page: Int) -> String { page == 1 ? title : "\(title) (trang \(page))" }


    /// Page links: first, last, and two either side of the current page, gaps marked.
    func pagination(list: String, current: Int, count: Int) -> PaginationView? {
        let total = max(1, (count + model.config.newsPerPage - 1) / model.config.newsPerPage)
        guard total > 1 else { return nil }
        var entries: [PaginationView.Entry] = []
        var lastShown = 0
        for number in 1...total where number == 1 || number == total || abs(number - current) <= 2 {
            if number - lastShown > 1 { entries.append(.init(number: 0, url: "", isCurrent: false, isGap: true)) }
            entries.append(.init(number: number, url: URLScheme.listPage(list, page: number), isCurrent: number == current, isGap: false))
            lastShown = number
        }
        return PaginationView(current: current, total: total,
                              previousURL: current > 1 ? URLScheme.listPage(list, page: current - 1) : nil,
                              nextURL: current < total ? URLScheme.listPage(list, page: current + 1) : nil,
                              entries: entries)
    }
}
