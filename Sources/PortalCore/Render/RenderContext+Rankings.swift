import Charts
import VietnameseText

/// The ranking pages (SPEC §13): the overview, a level's table by period, one unit over the periods.
extension RenderContext {
    var rankingCharts: RankingCharts { RankingCharts() }

    func rankingRows(_ level: RankingLevel, _ period: RankingPeriod) -> [RankingRowView] {
        let units = model.rankings.units
        return period.entries.map { entry in
            RankingRowView(rank: entry.rank, unitName: units[entry.unit].name, unitURL: units[entry.unit].url,
                           totalText: RankingTable.number(entry.total, decimals: entry.decimals),
                           scores: entry.scores.map { $0.map { RankingTable.number($0, decimals: entry.decimals) } ?? "–" },
                           bandName: entry.band.map { level.bands[$0].name },
                           changeText: entry.change?.text, changeWords: entry.change?.words, changeSlug: entry.change?.slug)
        }
    }

    /// Text fit for an id attribute: a period's own text, lower case (`2024-q1`).
    static func idPart(_ text: String) -> String { text.lowercased() }

    func rankingTablePage(level index: Int, period number: Int?, path: String) -> PageView {
        let rankings = model.rankings
        let level = rankings.levels[index]
        let shown = number.map { level.periods[$0] } ?? level.latest
        let tableURL = number.map { URLScheme.rankingPeriod(level: level.id, period: level.periods[$0].period.description) } ?? level.url
        let idBase = "\(level.id)-\(shown.map { Self.idPart($0.period.description) } ?? "")"
        let periods = level.periods.reversed().map { period in
            LinkView(title: period.period.vietnamese, url: URLScheme.rankingPeriod(level: level.id, period: period.period.description),
                     isExternal: false, isCurrent: number != nil && period.period == shown?.period)
        }
        let view = RankingTableView(
            levelName: level.name, levelURL: level.url, periodText: shown?.period.vietnamese, periods: Array(periods),
            pillars: level.pillars.map { RankingPillarView(name: $0.name, maxText: RankingTable.maxText($0.max)) },
            maxTotalText: RankingTable.maxText(level.maxTotal),
            rows: shown.map { rankingRows(level, $0) } ?? [],
            tableHTML: shown.map { RankingTable.html(level, $0, units: rankings.units, id: "bang-\(idBase)") },
            chartHTML: shown.flatMap { rankingCharts.totals(level, $0, units: rankings.units, id: "tong-diem-\(idBase)") },
            mapHTML: RankingMap.html(level, shown, units: rankings.units, id: "ban-do-\(idBase)"),
            csvURL: URLScheme.rankingCSV(table: tableURL))
        let title = "Xếp hạng chuyển đổi số \(level.name)" + (shown.map { ", \($0.period.vietnamese)" } ?? "")
        var crumbs = [home, link("Xếp hạng chuyển đổi số", URLScheme.rankings)]
        if number != nil { crumbs.append(link(level.name, level.url)) }
        return wrap(view, path: path, title: title,
                    description: "Tổng điểm, thứ hạng, xếp loại và điểm từng trụ cột của các đơn vị thuộc \(level.name)",
                    crumbs: crumbs, feed: ("Các kỳ xếp hạng chuyển đổi số", URLScheme.rankingsFeed))
    }

    func nationalRows() -> [NationalRowView] {
        model.rankings.national.map { row in
            let sourceURL = row.source.flatMap { source -> String? in
                if source.hasPrefix("https://") || source.hasPrefix("http://") { return source }
                return nil
            }
            return NationalRowView(
                periodText: row.period.vietnamese, indexName: row.name ?? (row.index == "dti" ? "Chỉ số DTI" : row.index),
                isOverall: row.index == "dti", rankText: "\(row.rank)/\(row.of)",
                scoreText: row.score.map { VietnameseNumber.format($0.value, decimals: $0.decimals) },
                source: row.source, sourceURL: sourceURL, note: row.note)
        }
    }

    func rankingsPage(path: String) -> PageView {
        let rankings = model.rankings
        let levels = rankings.levels.map { level in
            RankingLevelSummaryView(
                name: level.name, url: level.url, periodText: level.latest?.period.vietnamese,
                unitCount: rankings.units.filter { rankings.levels[$0.level].id == level.id }.count,
                tableHTML: level.latest.map { RankingTable.html(level, $0, units: rankings.units, id: "tong-quan-\(level.id)") })
        }
        let view = RankingsIndexView(
            levels: levels, national: nationalRows(),
            nationalChartHTML: rankingCharts.national(rankings.national, province: model.config.province, id: "dti-quoc-gia"),
            feedURL: URLScheme.rankingsFeed)
        return wrap(view, path: path, title: "Xếp hạng chuyển đổi số",
                    description: "Chỉ số đánh giá chuyển đổi số (DTI) của các sở, ngành, huyện, xã và thứ hạng của \(model.config.province) trong cả nước",
                    crumbs: [home], feed: ("Các kỳ xếp hạng chuyển đổi số", URLScheme.rankingsFeed))
    }

    func rankingUnitPage(_ index: Int, path: String) -> PageView {
        let rankings = model.rankings
        let unit = rankings.units[index]
        let level = rankings.levels[unit.level]
        let history = rankings.history(ofUnit: index)
        let counts = history.map { item in level.periods.first { $0.period == item.period }?.entries.count ?? 0 }
        let parent = unit.parent.flatMap { id in rankings.units.first { $0.id == id } }
        let rows = zip(history, counts).reversed().map { item, count in
            RankingHistoryView(
                periodText: item.period.vietnamese, periodURL: URLScheme.rankingPeriod(level: level.id, period: item.period.description),
                totalText: RankingTable.number(item.entry.total, decimals: item.entry.decimals), rank: item.entry.rank, count: count,
                bandName: item.entry.band.map { level.bands[$0].name }, changeText: item.entry.change?.text,
                changeWords: item.entry.change?.words)
        }
        let latest = history.last
        let view = RankingUnitView(
            name: unit.name, levelName: level.name, levelURL: level.url, parentName: parent?.name, parentURL: parent?.url,
            history: Array(rows),
            rankChartHTML: history.count > 1 ? rankingCharts.rankHistory(history, unitName: unit.name, of: counts, id: "thu-hang-\(unit.id)") : nil,
            pillarChartHTML: latest.map { rankingCharts.pillars(level, $0.period, entry: $0.entry, unitName: unit.name, id: "tru-cot-\(unit.id)") })
        let summary = latest.map { "\(unit.name): \(RankingTable.number($0.entry.total, decimals: $0.entry.decimals)) điểm, hạng \($0.entry.rank), \($0.period.vietnamese)" }
            ?? "\(unit.name): chưa có số liệu xếp hạng"
        return wrap(view, path: path, title: "\(unit.name): xếp hạng chuyển đổi số", description: summary,
                    crumbs: [home, link("Xếp hạng chuyển đổi số", URLScheme.rankings), link(level.name, level.url)])
    }

    /// Search entries for the ranking pages: the overview, each level, each unit.
    func rankingSearchDocuments() -> [SearchDocument] {
        let rankings = model.rankings
        guard !rankings.isEmpty else { return [] }
        func document(_ title: String, _ url: String, period: Period?, text: [String]) -> SearchDocument {
            SearchDocument(kind: .ranking, title: title, url: url, instant: nil, year: period?.year,
                           dateText: period?.vietnamese ?? "", pillar: nil, text: text.filter { !$0.isEmpty }.joined(separator: "\n"))
        }
        var documents = [
            document("Xếp hạng chuyển đổi số", URLScheme.rankings, period: nil,
                     text: ["Chỉ số DTI của các đơn vị và thứ hạng của \(model.config.province) trong cả nước"]
                         + nationalRows().map { "\($0.periodText) \($0.indexName) \($0.rankText)" }),
        ]
        for level in rankings.levels {
            documents.append(document("Xếp hạng chuyển đổi số \(level.name)", level.url, period: level.latest?.period,
                                      text: level.pillars.map(\.name)))
        }
        for (index, unit) in rankings.units.enumerated() {
            let latest = rankings.history(ofUnit: index).last
            documents.append(document(unit.name, unit.url, period: latest?.period,
                                      text: [latest.map { "\(RankingTable.number($0.entry.total, decimals: $0.entry.decimals)) điểm, hạng \($0.entry.rank)" } ?? "Chưa có số liệu",
                                             rankings.levels[unit.level].name]))
        }
        return documents
    }

    /// The CSV downloads beside each level's table and each period's.
    func rankingFiles() -> [OutputFile] {
        let rankings = model.rankings
        var files: [OutputFile] = []
        for level in rankings.levels {
            files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.rankingCSV(table: level.url)),
                                    body: .text(RankingTable.csv(level, periods: level.periods, units: rankings.units))))
            for period in level.periods {
                let table = URLScheme.rankingPeriod(level: level.id, period: period.period.description)
                files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.rankingCSV(table: table)),
                                        body: .text(RankingTable.csv(level, periods: [period], units: rankings.units))))
            }
        }
        return files
    }
}

extension RenderContext {
    /// `/xep-hang/rss.xml`: one item per level and period, newest period first. Periods carry no date of
    /// publication, so the items have no pubDate rather than an invented one.
    func rankingsFeed() -> OutputFile {
        let feeds = FeedWriter(model: model, baseURL: baseURL, cards: [])
        var items: [(period: Period, level: RankingLevel, url: String)] = []
        for level in model.rankings.levels {
            for period in level.periods {
                items.append((period.period, level, URLScheme.rankingPeriod(level: level.id, period: period.period.description)))
            }
        }
        items.sort { $0.period != $1.period ? $0.period > $1.period : $0.level.id < $1.level.id }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(Markup.escape("Các kỳ xếp hạng chuyển đổi số | \(model.config.title)"))</title>
            <link>\(Markup.escape(feeds.absolute(URLScheme.rankings)))</link>
            <description>\(Markup.escape("Kết quả xếp hạng chuyển đổi số mới công bố"))</description>
            <language>\(Markup.escape(model.config.language))</language>
            <atom:link href="\(Markup.escape(feeds.absolute(URLScheme.rankingsFeed)))" rel="self" type="application/rss+xml"/>

            """
        for item in items.prefix(FeedWriter.limit) {
            let first = item.level.periods.first { $0.period == item.period }?.entries.first
            let leader = first.map { "Dẫn đầu: \(model.rankings.units[$0.unit].name), \(RankingTable.number($0.total, decimals: $0.decimals)) điểm." } ?? ""
            xml += """
                <item>
                <title>\(Markup.escape("Xếp hạng chuyển đổi số \(item.level.name), \(item.period.vietnamese)"))</title>
                <link>\(Markup.escape(feeds.absolute(item.url)))</link>
                <guid isPermaLink="true">\(Markup.escape(feeds.absolute(item.url)))</guid>
                <description>\(Markup.escape(leader))</description>
                </item>

                """
        }
        xml += "</channel>\n</rss>\n"
        return OutputFile(path: URLScheme.outputPath(for: URLScheme.rankingsFeed), body: .text(xml))
    }
}
