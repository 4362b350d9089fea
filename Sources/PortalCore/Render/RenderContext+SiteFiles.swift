import VietnameseText

/// The files around the pages: feeds, sitemap, robots.txt and the search index.
extension RenderContext {
    /// Feeds, sitemap and robots.txt: nothing in them comes from rendering a page.
    func feedsAndSitemap(jobs: [SiteRenderer.Job]) -> [OutputFile] {
        let feeds = FeedWriter(model: model, baseURL: baseURL, cards: cards)
        var files: [OutputFile] = []
        files.append(OutputFile(path: "rss.xml", body: .text(feeds.feed(
            title: model.config.title, path: "/rss.xml", description: "Tin tức mới nhất của \(model.config.title)",
            items: Array(model.news.indices)))))
        for category in model.config.categories {
            let path = "/chuyen-muc/\(category.id)/rss.xml"
            files.append(OutputFile(path: String(path.dropFirst()), body: .text(feeds.feed(
                title: "\(category.name) | \(model.config.title)", path: path,
                description: "Tin tức chuyên mục \(category.name)", items: model.newsByCategory[category.id] ?? []))))
        }
        let sitemap = SitemapWriter(baseURL: baseURL)
        let entries = jobs.compactMap { job -> (path: String, lastmod: String?)? in
            if case .notFound = job { return nil }
            return (url(for: job), lastmod(for: job))
        }
        files.append(OutputFile(path: "sitemap.xml", body: .text(sitemap.sitemap(entries))))
        files.append(OutputFile(path: "robots.txt", body: .text(sitemap.robots())))
        return files
    }

    /// - Parameter newsSearchText: by news index, the text the search index keeps for the item (its tags,
    ///   then its body as plain text, clipped), which its page found while rendering the body.
    func searchIndexFile(newsSearchText: [String]) -> OutputFile {
        OutputFile(path: "tim-kiem/chi-muc.json", body: .text(SearchIndexWriter().index(searchEntries(newsSearchText: newsSearchText))))
    }

    /// Where a page is published, without building its view.
    func url(for job: SiteRenderer.Job) -> String {
        switch job {
        case .home: return "/"
        case .newsList(let number): return Self.listURL(base: "/tin-tuc/", page: number)
        case .newsItem(let index): return model.news[index].url
        case .category(let id, let number): return Self.listURL(base: "/chuyen-muc/\(id)/", page: number)
        case .tag(let index, let number): return Self.listURL(base: model.tags[index].url, page: number)
        case .tagIndex: return "/the/"
        case .page(let index): return model.pages[index].url
        case .dashboard: return "/chi-so/"
        case .indicator(let index): return model.indicators[index].url
        case .reports: return "/bao-cao/"
        case .report(let index): return model.reports[index].url
        case .documents(let filter): return Self.documentFilterURL(filter)
        case .document(let index): return model.documents[index].url
        case .search: return "/tim-kiem/"
        case .notFound: return "/404.html"
        }
    }

    /// The newest content date a page shows, as `YYYY-MM-DD`.
    func lastmod(for job: SiteRenderer.Job) -> String? {
        func newest(_ indexes: [Int]) -> String? { indexes.first.map { model.news[$0].date.isoDate } }
        switch job {
        case .home, .newsList, .tagIndex: return model.news.first?.date.isoDate
        case .newsItem(let index): return model.news[index].date.isoDate
        case .category(let id, _): return newest(model.newsByCategory[id] ?? [])
        case .tag(let index, _): return newest(model.tags[index].items)
        case .dashboard: return model.indicators.compactMap(\.latest?.asOf).max()
        case .indicator(let index): return model.indicators[index].observations.compactMap(\.asOf).max()
        case .reports: return model.reports.first.flatMap { $0.date.day == nil ? nil : $0.date.iso }
        case .report(let index): return model.reports[index].date.day == nil ? nil : model.reports[index].date.iso
        case .documents: return model.documents.first?.issued.isoDate
        case .document(let index): return model.documents[index].issued.isoDate
        case .page, .search, .notFound: return nil
        }
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
            entries.append(.init(kind: "Báo cáo", title: report.title, url: report.url, date: report.date.short,
                                 summary: report.summary ?? "", text: reportOutput[index].plainText))
            for section in reportOutput[index].toc {
                for entry in [section] + section.children {
                    entries.append(.init(kind: "Mục báo cáo", title: "\(entry.number) \(entry.text)", url: report.url + "#" + entry.id,
                                         date: report.date.short, summary: report.title, text: ""))
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
        return entries
    }
}
