import VietnameseText

/// One thing the search finds: a page, or a part of one with its own anchor (a report's section), with
/// its whole text as a reader reads it.
struct SearchDocument: Sendable {
    /// The `loai` filter's values (SPEC §12), in the order the filter lists them.
    enum Kind: Int, CaseIterable, Sendable {
        case news, document, indicator, report, page, ranking

        var slug: String {
            switch self {
            case .news: "tin-tuc"
            case .document: "van-ban"
            case .indicator: "chi-so"
            case .report: "bao-cao"
            case .page: "trang"
            case .ranking: "xep-hang"
            }
        }

        var label: String {
            switch self {
            case .news: "Tin tức"
            case .document: "Văn bản"
            case .indicator: "Chỉ số"
            case .report: "Báo cáo"
            case .page: "Trang"
            case .ranking: "Xếp hạng"
            }
        }
    }

    var kind: Kind
    var title: String
    var url: String
    /// The instant the results are ordered by (newer first on equal scores); nil for undated pages,
    /// which come after every dated one.
    var instant: Int?
    /// The year of the `nam` filter.
    var year: Int?
    /// As the result shows it: "14/03/2024".
    var dateText: String
    /// A pillar id (`chuyen-muc` filter), for news.
    var pillar: String?
    var text: String

    /// Dated first, newest first, then by kind and address: the order of document numbers in the index,
    /// so a lower number is a newer item and each year's items are one range of numbers.
    static func precedes(_ a: SearchDocument, _ b: SearchDocument) -> Bool {
        switch (a.instant, b.instant) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.url.utf8.lexicographicallyPrecedes(b.url.utf8)
    }
}

/// What the index needs of one document's words: each folded word with how often it occurs in the
/// title and the text and the marked forms it was written in, the folded pairs of neighbouring words
/// (phrases), and the number of words. Made on the thread that has the document.
///
/// Words and pairs are grouped by `SearchIndexWriter.partition(of:)` (`termStarts`, `pairStarts`: where
/// each partition's run begins), in the order they first occur within a partition; the writer sorts
/// only the distinct keys of the whole site.
struct SearchAnalysis: Sendable {
    struct Term: Sendable {
        var key: String
        var titleCount: Int32
        var bodyCount: Int32
        /// Marked forms and their counts, in the order first written.
        var variants: [(form: String, count: Int32)]
    }

    var terms: [Term]
    var termStarts: [Int]
    /// Folded word pairs ("chuyen doi") with whether the title has them.
    var pairs: [(key: String, inTitle: Bool)]
    var pairStarts: [Int]
    var length: Int

    init(_ document: SearchDocument) {
        let title = SearchTokenizer.tokens(document.title)
        let body = SearchTokenizer.tokens(document.text)
        length = title.count + body.count
        var slots: [String: Int] = [:]
        slots.reserveCapacity(length / 2)
        var found: [Term] = []
        var pairFlags: [Int: Bool] = [:]
        var pairOrder: [Int] = []
        for (tokens, inTitle) in [(title, true), (body, false)] {
            var previous = -1
            for token in tokens {
                let slot: Int
                if let known = slots[token.folded] {
                    slot = known
                } else {
                    slot = found.count
                    slots[token.folded] = slot
                    found.append(Term(key: token.folded, titleCount: 0, bodyCount: 0, variants: []))
                }
                if inTitle { found[slot].titleCount += 1 } else { found[slot].bodyCount += 1 }
                if let form = found[slot].variants.firstIndex(where: { $0.form == token.marked }) {
                    found[slot].variants[form].count += 1
                } else {
                    found[slot].variants.append((token.marked, 1))
                }
                if previous >= 0 {
                    let pair = previous << 32 | slot
                    if let seen = pairFlags[pair] {
                        if inTitle && !seen { pairFlags[pair] = true }
                    } else {
                        pairFlags[pair] = inTitle
                        pairOrder.append(pair)
                    }
                }
                previous = slot
            }
        }
        let count = SearchIndexWriter.partitionCount
        func grouped<T>(_ items: [T], key: (T) -> String) -> ([T], [Int]) {
            var sizes = [Int](repeating: 0, count: count + 1)
            let partitions = items.map { SearchIndexWriter.partition(of: key($0)) }
            for partition in partitions { sizes[partition + 1] += 1 }
            for index in 1...count { sizes[index] += sizes[index - 1] }
            var next = sizes
            var result: [T?] = Array(repeating: nil, count: items.count)
            for (index, item) in items.enumerated() {
                result[next[partitions[index]]] = item
                next[partitions[index]] += 1
            }
            return (result.map { $0! }, sizes)
        }
        (terms, termStarts) = grouped(found) { $0.key }
        let pairList = pairOrder.map { pair in (key: found[pair >> 32].key + " " + found[pair & 0xFFFF_FFFF].key, inTitle: pairFlags[pair]!) }
        (pairs, pairStarts) = grouped(pairList) { $0.key }
    }
}
