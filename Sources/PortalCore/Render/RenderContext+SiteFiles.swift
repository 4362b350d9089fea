import VietnameseText

/// The files around the pages: feeds, sitemap, robots.txt and the search index.
extension RenderContext {
    /// Feeds, sitemap and robots.txt: nothing in them comes from rendering a page.
    func feedsAndSitemap() -> [OutputFile] {
        let feeds = FeedWriter(model: model, baseURL: baseURL, cards: cards)
        var files: [OutputFile] = []
        files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.feed), body: .text(feeds.feed(
            title: model.config.title, path: URLScheme.feed, description: "Tin tức mới nhất của \(model.config.title)",
            items: Array(model.news.indices)))))
        for category in model.config.categories {
            let path = URLScheme.categoryFeed(category.id)
            files.append(OutputFile(path: URLScheme.outputPath(for: path), body: .text(feeds.feed(
                title: "\(category.name) | \(model.config.title)", path: path,
                description: "Tin tức chuyên mục \(category.name)", items: model.newsByCategory[category.id] ?? []))))
        }
        let sitemap = SitemapWriter(baseURL: baseURL)
        let entries = model.routes.pages.filter(\.isInSitemap).map { (path: $0.url, lastmod: $0.lastmod) }
        files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.sitemap), body: .text(sitemap.sitemap(entries))))
        files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.robots), body: .text(sitemap.robots())))
        return files
    }

    /// The search index's files (`SearchIndexWriter`), every address in them under the site's base path.
    /// - Parameter newsSearchText: by news index, the item's whole text (`newsSearchText(_:plainText:)`),
    ///   which its page found while rendering the body.
    func searchIndexFiles(newsSearchText: [String]) -> [OutputFile] {
        let documents = searchDocuments(newsSearchText: newsSearchText).map { document in
            var published = document
            published.url = publisher.basePath.address(document.url)
            return published
        }
        return SearchIndexWriter().files(documents, pillars: model.config.categories.map { .init(id: $0.id, name: $0.name) })
    }

    /// Everything of a news item a reader may look for: its own summary, every word of the body, its tags.
    static func newsSearchText(_ item: NewsItem, plainText: String) -> String {
        ([item.summary ?? ""] + [plainText] + [item.tags.joined(separator: ", ")]).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Every document the search finds, each with its whole text.
    func searchDocuments(newsSearchText: [String]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        documents.reserveCapacity(model.news.count + model.documents.count + model.indicators.count + model.pages.count + 16)
        for (index, item) in model.news.enumerated() {
            documents.append(.init(kind: .news, title: item.title, url: item.url, instant: item.date.epochSeconds, year: item.date.year,
                                   dateText: item.date.vietnameseShort, pillar: item.categoryID, text: newsSearchText[index]))
        }
        for (index, report) in model.reports.enumerated() {
            let instant = report.date.map { LocalDateTime(year: $0.year, month: $0.month, day: $0.day ?? 1, offsetMinutes: 0).epochSeconds }
            func add(_ title: String, _ url: String, _ text: String) {
                documents.append(.init(kind: .report, title: title, url: url, instant: instant, year: report.date?.year,
                                       dateText: report.date?.short ?? "", pillar: nil, text: text))
            }
            add(report.title, report.url, ([report.summary ?? "", report.number] + report.issuer).filter { !$0.isEmpty }.joined(separator: "\n"))
            // Each section at its own anchor: the main sections are the table of contents' first level, in order.
            let main = report.sections.filter { !$0.appendix }
            let toc = reportOutput[index].toc
            for section in report.sections {
                var unreported = Findings()
                let text = expander.expand(markdown.render(section.body), in: section.source, bodyFirstLine: section.bodyFirstLine,
                                           idPrefix: "", findings: &unreported).plainText
                if !section.appendix, toc.count == main.count, let position = main.firstIndex(where: { $0.source.displayPath == section.source.displayPath }) {
                    add("\(toc[position].number) \(toc[position].text) – \(report.title)", report.url + "#" + toc[position].id, text)
                } else {
                    add("\(section.title) – \(report.title)", report.url, text)
                }
            }
        }
        for (index, document) in model.documents.enumerated() {
            let text = [document.summary, document.issuer, document.field ?? "", document.signer ?? "", documentHTML[index].plainText]
            documents.append(.init(kind: .document, title: "\(document.type) số \(document.number)", url: document.url,
                                   instant: document.issued.epochSeconds, year: document.issued.year, dateText: document.issued.vietnameseShort,
                                   pillar: nil, text: text.filter { !$0.isEmpty }.joined(separator: "\n")))
        }
        for indicator in model.indicators {
            let row = row(indicator)
            let text = [row.periodText.map { "\($0): \(row.valueText)" } ?? row.valueText, row.targetText.map { "Mục tiêu \($0)" } ?? "",
                        indicator.formula ?? "", indicator.source ?? "", indicator.description ?? ""]
            documents.append(.init(kind: .indicator, title: "Chỉ tiêu \(indicator.id): \(indicator.name)", url: indicator.url,
                                   instant: nil, year: nil, dateText: "", pillar: nil, text: text.filter { !$0.isEmpty }.joined(separator: "\n")))
        }
        for (index, page) in model.pages.enumerated() {
            documents.append(.init(kind: .page, title: page.title, url: page.url, instant: nil, year: nil, dateText: "", pillar: nil,
                                   text: ([page.summary ?? ""] + [pageHTML[index].plainText]).filter { !$0.isEmpty }.joined(separator: "\n")))
        }
        documents += rankingSearchDocuments()
        return documents
    }
}
