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
