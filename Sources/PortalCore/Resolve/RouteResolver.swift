/// Makes the route table: every page the resolved site has, with its address, template and lastmod.
/// The order is fixed (the site's pages, then each kind's in the model's order), so output never depends
/// on anything but the content.
struct RouteResolver {
    let model: SiteModel

    func routes() -> RouteTable {
        var routes: [Route] = []
        let newestNews = model.news.first?.date.isoDate
        func add(_ kind: Route.Kind, _ url: String, _ template: String, lastmod: String?, listing: ArraySlice<Int> = []) {
            routes.append(Route(kind: kind, url: url, outputPath: URLScheme.outputPath(for: url), template: template,
                                lastmod: lastmod, listedNews: listing))
        }
        /// One route per page of a list, at least one even when the list is empty.
        func addList(_ list: String, items: [Int], lastmod: String?, kind: (Int) -> Route.Kind) {
            let perPage = model.config.newsPerPage
            let count = max(1, (items.count + perPage - 1) / perPage)
            for page in 1...count {
                let start = min(items.count, (page - 1) * perPage)
                add(kind(page), URLScheme.listPage(list, page: page), "news-list", lastmod: lastmod,
                    listing: items[start..<min(items.count, start + perPage)])
            }
        }

        add(.home, URLScheme.home, "home", lastmod: newestNews)
        add(.notFound, URLScheme.notFound, "404", lastmod: nil)
        add(.tagIndex, URLScheme.tags, "tag-index", lastmod: newestNews)
        add(.search, URLScheme.search, "search", lastmod: nil)
        addList(URLScheme.news, items: Array(model.news.indices), lastmod: newestNews) { .newsList(page: $0) }
        for (index, item) in model.news.enumerated() {
            add(.newsItem(index), item.url, "news-item", lastmod: item.date.isoDate)
        }
        for category in model.config.categories {
            let items = model.newsByCategory[category.id] ?? []
            addList(URLScheme.category(category.id), items: items, lastmod: newest(items)) { .category(category.id, page: $0) }
        }
        for (index, tag) in model.tags.enumerated() {
            addList(tag.url, items: tag.items, lastmod: newest(tag.items)) { .tag(index, page: $0) }
        }
        for (index, page) in model.pages.enumerated() {
            add(.page(index), page.url, page.layout, lastmod: nil)
        }
        if !model.indicators.isEmpty {
            add(.dashboard, URLScheme.dashboard, "dashboard", lastmod: model.indicators.compactMap(\.latest?.asOf).max())
            for (index, indicator) in model.indicators.enumerated() {
                add(.indicator(index), indicator.url, "indicator", lastmod: indicator.observations.compactMap(\.asOf).max())
            }
        }
        if !model.reports.isEmpty {
            add(.reports, URLScheme.reports, "reports", lastmod: model.reports.first.flatMap(Self.lastmod))
            for (index, report) in model.reports.enumerated() {
                add(.report(index), report.url, "report", lastmod: Self.lastmod(of: report))
            }
        }
        if !model.documents.isEmpty {
            let newestDocument = model.documents.first?.issued.isoDate
            add(.documents(.all), URLScheme.documents, "documents", lastmod: newestDocument)
            for type in Set(model.documents.map(\.typeSlug)).sorted() {
                add(.documents(.type(type)), URLScheme.documentType(slug: type), "documents", lastmod: newestDocument)
            }
            for year in Set(model.documents.map(\.issued.year)).sorted() {
                add(.documents(.year(year)), URLScheme.documentYear(year), "documents", lastmod: newestDocument)
            }
            for (index, document) in model.documents.enumerated() {
                add(.document(index), document.url, "document", lastmod: document.issued.isoDate)
            }
        }
        let rankings = model.rankings
        if !rankings.isEmpty {
            add(.rankings, URLScheme.rankings, "rankings", lastmod: nil)
            for (index, level) in rankings.levels.enumerated() {
                add(.rankingLevel(index), level.url, "ranking-table", lastmod: nil)
                for (number, period) in level.periods.enumerated() {
                    add(.rankingPeriod(level: index, period: number),
                        URLScheme.rankingPeriod(level: level.id, period: period.period.description), "ranking-table", lastmod: nil)
                }
            }
            for (index, unit) in rankings.units.enumerated() {
                add(.rankingUnit(index), unit.url, "ranking-unit", lastmod: nil)
            }
        }
        return RouteTable(routes)
    }

    private func newest(_ items: [Int]) -> String? { items.first.map { model.news[$0].date.isoDate } }

    /// A draft report whose day is still blank, or that has no date at all, has no date to give.
    private static func lastmod(of report: Report) -> String? { report.date.flatMap { $0.day == nil ? nil : $0.iso } }
}
