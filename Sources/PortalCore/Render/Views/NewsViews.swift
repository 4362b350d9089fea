import Mustache

/// A news item as a card in a list: `{{#items}}{{> partials/news-card}}{{/items}}`.
///
/// A class, made once per item and shared by every list, neighbour link and related list that shows it:
/// a card is on a list page twenty times and on every page near it, and a struct of nine strings was
/// copied, boxed and compared byte for byte (`PartialCache`) at each of those places.
final class NewsCardView: TemplateView, Sendable {
    let title: String
    let url: String
    let dateShort: String
    let dateISO: String
    let categoryName: String
    let categoryURL: String
    let summary: String
    let imageURL: String?
    let imageAlt: String?
    let featured: Bool

    init(title: String, url: String, dateShort: String, dateISO: String, categoryName: String, categoryURL: String, summary: String,
         imageURL: String?, imageAlt: String?, featured: Bool) {
        self.title = title
        self.url = url
        self.dateShort = dateShort
        self.dateISO = dateISO
        self.categoryName = categoryName
        self.categoryURL = categoryURL
        self.summary = summary
        self.imageURL = imageURL
        self.imageAlt = imageAlt
        self.featured = featured
    }

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "dateShort": dateShort
        case "dateISO": dateISO
        case "categoryName": categoryName
        case "categoryURL": categoryURL
        case "summary": summary.nilIfEmpty
        case "imageURL": imageURL
        case "imageAlt": imageAlt
        case "featured": featured
        default: nil
        }
    }
}

/// The page of one news item.
struct NewsItemView: TemplateView, Sendable {
    var card: NewsCardView
    var dateLong: String
    var dateWithWeekday: String
    var contentHTML: String
    var tags: [LinkView]
    var author: String?
    var sourceLine: String?
    var related: [NewsCardView]
    var newer: NewsCardView?
    var older: NewsCardView?

    func value(named name: String) -> Any? {
        switch name {
        case "dateLong": dateLong
        case "dateWithWeekday": dateWithWeekday
        case "contentHTML": contentHTML
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "author": author
        case "sourceLine": sourceLine
        case "related": related
        case "hasRelated": !related.isEmpty
        case "newer": newer
        case "older": older
        case "hasNeighbours": newer != nil || older != nil
        default: card.value(named: name)
        }
    }
}

/// A paginated list of news: all news, a pillar, a tag.
struct NewsListView: TemplateView, Sendable {
    var heading: String
    var intro: String?
    var items: [NewsCardView]
    var pagination: PaginationView?
    var feedURL: String?

    func value(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "items": items
        case "hasItems": !items.isEmpty
        case "isEmpty": items.isEmpty
        case "pagination": pagination
        case "feedURL": feedURL
        default: nil
        }
    }
}

struct PaginationView: TemplateView, Sendable {
    struct Entry: TemplateView, Sendable {
        var number: Int
        var url: String
        var isCurrent: Bool
        var isGap: Bool

        func value(named name: String) -> Any? {
            switch name {
            case "number": number
            case "url": url
            case "isCurrent": isCurrent
            case "isGap": isGap
            default: nil
            }
        }
    }

    var current: Int
    var total: Int
    var previousURL: String?
    var nextURL: String?
    var entries: [Entry]

    func value(named name: String) -> Any? {
        switch name {
        case "current": current
        case "total": total
        case "previousURL": previousURL
        case "nextURL": nextURL
        case "entries": entries
        default: nil
        }
    }
}

/// The home page.
struct HomeView: TemplateView, Sendable {
    struct Pillar: TemplateView, Sendable {
        var category: CategoryView
        var items: [NewsCardView]

        func value(named name: String) -> Any? {
            switch name {
            case "items": items
            default: category.value(named: name)
            }
        }
    }

    var featured: [NewsCardView]
    var latest: [NewsCardView]
    var pillars: [Pillar]
    var indicators: [IndicatorRowView]

    func value(named name: String) -> Any? {
        switch name {
        case "featured": featured
        case "hasFeatured": !featured.isEmpty
        case "latest": latest
        case "pillars": pillars
        case "hasPillars": !pillars.isEmpty
        case "indicators": indicators
        case "hasIndicators": !indicators.isEmpty
        default: nil
        }
    }
}

/// A stand-alone page (giới thiệu, liên hệ) and the 404 page.
struct StandaloneView: TemplateView, Sendable {
    var title: String
    var summary: String?
    var contentHTML: String

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "contentHTML": contentHTML
        default: nil
        }
    }
}

/// A list of tags with their counts: `/the/`.
struct TagIndexView: TemplateView, Sendable {
    var heading: String
    var tags: [CategoryView]

    func value(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "tags": tags
        default: nil
        }
    }
}
