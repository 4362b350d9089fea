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

    /// - Parameter newsSearchText: by news index, the text the search index keeps for the item (its tags,
    ///   then its body as plain text, clipped), which its page found while rendering the body.
    func searchIndexFile(newsSearchText: [String]) -> OutputFile {
        OutputFile(path: URLScheme.outputPath(for: URLScheme.searchIndex), body: .text(SearchIndexWriter().index(searchEntries(newsSearchText: newsSearchText).map { entry in
            var published = entry
            published.url = publisher.basePath.address(entry.url)
            return published
        })))
    }

    /// What the search index keeps of a news item's text.
    static func newsSearchText(_ item: NewsItem, plainText: String) -> String {
        SearchIndexWriter.clip((item.tags + [plainText]).joined(separator: " "))
    }

    func searchEntries(newsSearchText: [String]) -> [SearchIndexWriter.Entry] {
        var entries: [SearchIndexWriter.Entry] = []
        for (index, item) in model.news.enumerated() {
            entries.append(.init(kind: "Tin tức", title: item.title, url: item.url, date: item.date.vietnameseShort,
                                 summary: cards[index].summary, text: newsSearchText[index]))
        }
        for (index, report) in model.reports.enumerated() {
            entries.append(.init(kind: "Báo cáo", title: report.title, url: report.url, date: report.date?.short ?? "",
                                 summary: report.summary ?? "", text: reportOutput[index].plainText))
            for section in reportOutput[index].toc {
                for entry in [section] + section.children {
                    entries.append(.init(kind: "Mục báo cáo", title: "\(entry.number) \(entry.text)", url: report.url + "#" + entry.id,
                                         date: report.date?.short ?? "", summary: report.title, text: ""))
                }
            }
        }
        for document in model.documents {
            entries.append(.init(kind: "Văn bản", title: "\(document.type) số \(document.number)", url: document.url,
                                 date: document.issued.vietnameseShort, summary: document.summary,
                                 text: [document.issuer, document.field ?? ""].joined(separator: " ")))
        }
        for indicator in model.indicators {
            let row = row(indicator)
            entries.append(.init(kind: "Chỉ số", title: "Chỉ tiêu \(indicator.id): \(indicator.name)", url: indicator.url,
                                 date: row.periodText ?? "", summary: "\(row.valueText)\(row.targetText.map { " (mục tiêu \($0))" } ?? "")",
                                 text: indicator.formula ?? ""))
        }
        for (index, page) in model.pages.enumerated() {
            entries.append(.init(kind: "Trang", title: page.title, url: page.url, date: "",
                                 summary: page.summary ?? "", text: pageHTML[index].plainText))
        }
        entries += rankingSearchEntries()
        return entries
    }
}
