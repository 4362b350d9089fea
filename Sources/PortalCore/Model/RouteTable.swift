/// One page of the site: what it shows, where it is published, which template draws it and how recent
/// its content is. Made by `RouteResolver`; render, write, check, the sitemap and the preview server all
/// ask the table instead of working addresses out again.
public struct Route: Sendable {
    public enum Kind: Sendable, Equatable {
        case home
        case notFound
        case search
        case newsList(page: Int)
        /// An index into `SiteModel.news`.
        case newsItem(Int)
        case category(String, page: Int)
        /// An index into `SiteModel.tags`.
        case tag(Int, page: Int)
        case tagIndex
        /// An index into `SiteModel.pages`.
        case page(Int)
        case dashboard
        /// An index into `SiteModel.indicators`.
        case indicator(Int)
        case reports
        /// An index into `SiteModel.reports`.
        case report(Int)
        case documents(DocumentFilter)
        /// An index into `SiteModel.documents`.
        case document(Int)
        case rankings
        /// An index into `SiteModel.rankings.levels`: the level's latest period.
        case rankingLevel(Int)
        /// A level and an index into its `periods`.
        case rankingPeriod(level: Int, period: Int)
        /// An index into `SiteModel.rankings.units`.
        case rankingUnit(Int)
    }

    public let kind: Kind
    /// Root-relative address: `/tin-tuc/trang/2/`.
    public let url: String
    /// Relative to the output folder: `tin-tuc/trang/2/index.html`.
    public let outputPath: String
    /// The template under `Theme/templates/` (without `.mustache`).
    public let template: String
    /// The newest content date the page shows, `YYYY-MM-DD`; nil when it shows none.
    public let lastmod: String?
    /// For a list page (all news, a pillar, a tag): the news items on this page, by index into
    /// `SiteModel.news`, in order.
    public let listedNews: ArraySlice<Int>

    /// Every page is in the sitemap but the not-found page.
    public var isInSitemap: Bool { kind != .notFound }
}

/// The filters of the document list a reader can apply without JavaScript: one page per type and year.
public enum DocumentFilter: Sendable, Equatable {
    case all
    /// A type's slug (`ke-hoach`).
    case type(String)
    case year(Int)
}

/// Every page of the site, in a fixed order (the order pages are rendered and written in).
public struct RouteTable: Sendable {
    public let pages: [Route]
    private let numberByOutputPath: [String: Int]

    init(_ pages: [Route]) {
        self.pages = pages
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(pages.count)
        for (number, route) in pages.enumerated() where numbers[route.outputPath] == nil { numbers[route.outputPath] = number }
        numberByOutputPath = numbers
    }

    /// The position in `pages` of the page written at an output path (`tin-tuc/index.html`).
    public func pageNumber(at outputPath: String) -> Int? { numberByOutputPath[outputPath] }

    public static let empty = RouteTable([])
}
