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
struct SearchAnalysis: Sendable {
    struct Term: Sendable {
        var key: String
        var titleCount: Int32
        var bodyCount: Int32
        /// Marked forms and their counts, sorted by form.
        var variants: [(form: String, count: Int32)]
    }

    /// Sorted by the key's UTF-8 bytes.
    var terms: [Term]
    /// Folded word pairs ("chuyen doi"), sorted by their UTF-8 bytes, with whether the title has them.
    var pairs: [(key: String, inTitle: Bool)]
    var length: Int

    init(_ document: SearchDocument) {
        let title = SearchTokenizer.tokens(document.title)
        let body = SearchTokenizer.tokens(document.text)
        length = title.count + body.count
        var slots: [String: Int] = [:]
        var found: [(key: String, title: Int32, body: Int32, variants: [String: Int32])] = []
        func count(_ tokens: [SearchToken], inTitle: Bool) {
            for token in tokens {
                let slot: Int
                if let known = slots[token.folded] {
                    slot = known
                } else {
                    slot = found.count
                    slots[token.folded] = slot
                    found.append((token.folded, 0, 0, [:]))
                }
                if inTitle { found[slot].title += 1 } else { found[slot].body += 1 }
                found[slot].variants[token.marked, default: 0] += 1
            }
        }
        count(title, inTitle: true)
        count(body, inTitle: false)
        terms = found.map { entry in
            Term(key: entry.key, titleCount: entry.title, bodyCount: entry.body,
                 variants: entry.variants.map { ($0.key, $0.value) }.sorted { $0.form.utf8.lexicographicallyPrecedes($1.form.utf8) })
        }
        terms.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var pairFlags: [String: Bool] = [:]
        for (tokens, inTitle) in [(title, true), (body, false)] where tokens.count > 1 {
            for index in 1..<tokens.count {
                let key = tokens[index - 1].folded + " " + tokens[index].folded
                pairFlags[key] = (pairFlags[key] ?? false) || inTitle
            }
        }
        pairs = pairFlags.map { ($0.key, $0.value) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
