import Mustache

/// A news item as a card in a list: `{{#items}}{{> partials/news-card}}{{/items}}`.
///
/// A class, made once per item and shared by every list, neighbour link and related list that shows it:
/// a card is on a list page twenty times and on every page near it, and a struct of nine strings was
/// copied, boxed and compared byte for byte (`PartialCache`) at each of those places.
final class NewsCardView: SharedTemplateView, Sendable {
    let title: String
    let url: String
    let dateShort: String
    let dateISO: String
    let categoryName: String
    let categoryURL: String
    let summary: String
    let imageURL: String?
    let imageAlt: String?
    /// The published sizes of the item's `image` when it is a photo of the site (SPEC §10).
    let photo: Photo?
    let featured: Bool
    /// False on the one card whose image is the first of its page (SPEC §10: lazy loading for all but the
    /// first image of a page, which a reader sees at once). Which card that is depends on the page, not
    /// the item: `firstImageAtOnce` makes that card's twin for the page.
    let imageLoadsLazily: Bool

    init(title: String, url: String, dateShort: String, dateISO: String, categoryName: String, categoryURL: String, summary: String,
         imageURL: String?, imageAlt: String?, photo: Photo? = nil, featured: Bool, imageLoadsLazily: Bool = true) {
        self.title = title
        self.url = url
        self.dateShort = dateShort
        self.dateISO = dateISO
        self.categoryName = categoryName
        self.categoryURL = categoryURL
        self.summary = summary
        self.imageURL = imageURL
        self.imageAlt = imageAlt
        self.photo = photo
        self.featured = featured
        self.imageLoadsLazily = imageLoadsLazily
    }

    /// The lists of cards a page shows, in the order it shows them, with the first card that has an image
    /// replaced by a twin that loads it at once. For pages whose first image is a card's: the home page
    /// and news lists (a news item's related cards come after its own image and text, so they stay lazy).
    static func firstImageAtOnce(_ lists: [[NewsCardView]]) -> [[NewsCardView]] {
        var lists = lists
        for listIndex in lists.indices {
            guard let cardIndex = lists[listIndex].firstIndex(where: { $0.imageURL != nil }) else { continue }
            let card = lists[listIndex][cardIndex]
            lists[listIndex][cardIndex] = NewsCardView(
                title: card.title, url: card.url, dateShort: card.dateShort, dateISO: card.dateISO, categoryName: card.categoryName,
                categoryURL: card.categoryURL, summary: card.summary, imageURL: card.imageURL, imageAlt: card.imageAlt, photo: card.photo,
                featured: card.featured, imageLoadsLazily: false)
            break
        }
        return lists
    }

    static let fields = ViewFields<NewsCardView>([
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("dateShort") { $0.dateShort },
        .text("dateISO") { $0.dateISO },
        .text("categoryName") { $0.categoryName },
        .text("categoryURL") { $0.categoryURL },
        .text("summary") { $0.summary.nilIfEmpty },
        .text("imageURL") { $0.imageURL },
        .text("imageAlt") { $0.imageAlt },
        // A photo's sizes for `srcset` (its own format, and WebP for a `<source>`), and the largest size's
        // width and height, so the page keeps the photo's room before it arrives.
        .text("imageSrcset") { $0.photo.map { PhotoMarkup.srcset($0.fallback) } },
        .text("imageWebpSrcset") { $0.photo.flatMap { $0.fallback.first?.format == .webp ? nil : PhotoMarkup.srcset($0.webp).nilIfEmpty } },
        .text("imageWidth") { $0.photo?.largest.map { String($0.width) } },
        .text("imageHeight") { $0.photo?.largest.map { String($0.height) } },
        .flag("featured") { $0.featured },
        // `loading="lazy"` unless this card's image is the first of its page.
        .flag("imageLazy") { $0.imageLoadsLazily },
    ])
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

    static let fields = ViewFields<NewsItemView>([
        .text("dateLong") { $0.dateLong },
        .text("dateWithWeekday") { $0.dateWithWeekday },
        .text("contentHTML") { $0.contentHTML },
        .list("tags") { $0.tags },
        .flag("hasTags") { !$0.tags.isEmpty },
        .text("author") { $0.author },
        .text("sourceLine") { $0.sourceLine },
        .list("related") { $0.related },
        .flag("hasRelated") { !$0.related.isEmpty },
        .view("newer") { $0.newer },
        .view("older") { $0.older },
        .flag("hasNeighbours") { $0.newer != nil || $0.older != nil },
    ], otherNamesFrom: { $0.card })
}

/// A paginated list of news: all news, a pillar, a tag.
struct NewsListView: TemplateView, Sendable {
    var heading: String
    var intro: String?
    var items: [NewsCardView]
    var pagination: PaginationView?
    var feedURL: String?

    static let fields = ViewFields<NewsListView>([
        .text("heading") { $0.heading },
        .text("intro") { $0.intro },
        .list("items") { $0.items },
        .flag("hasItems") { !$0.items.isEmpty },
        .flag("isEmpty") { $0.items.isEmpty },
        .view("pagination") { $0.pagination },
        .text("feedURL") { $0.feedURL },
    ])
}

struct PaginationView: TemplateView, Sendable {
    struct Entry: TemplateView, Sendable {
        var number: Int
        var url: String
        var isCurrent: Bool
        var isGap: Bool

        static let fields = ViewFields<PaginationView.Entry>([
            .number("number") { $0.number },
            .text("url") { $0.url },
            .flag("isCurrent") { $0.isCurrent },
            .flag("isGap") { $0.isGap },
        ])
    }

    var current: Int
    var total: Int
    var previousURL: String?
    var nextURL: String?
    var entries: [Entry]

    static let fields = ViewFields<PaginationView>([
        .number("current") { $0.current },
        .number("total") { $0.total },
        .text("previousURL") { $0.previousURL },
        .text("nextURL") { $0.nextURL },
        .list("entries") { $0.entries },
    ])
}

/// The home page.
struct HomeView: TemplateView, Sendable {
    struct Pillar: TemplateView, Sendable {
        var category: CategoryView
        var items: [NewsCardView]

        static let fields = ViewFields<HomeView.Pillar>([
            .list("items") { $0.items },
        ], otherNamesFrom: { $0.category })
    }

    var featured: [NewsCardView]
    var latest: [NewsCardView]
    var pillars: [Pillar]
    var indicators: [IndicatorRowView]

    static let fields = ViewFields<HomeView>([
        .list("featured") { $0.featured },
        .flag("hasFeatured") { !$0.featured.isEmpty },
        .list("latest") { $0.latest },
        .list("pillars") { $0.pillars },
        .flag("hasPillars") { !$0.pillars.isEmpty },
        .list("indicators") { $0.indicators },
        .flag("hasIndicators") { !$0.indicators.isEmpty },
    ])
}

/// A stand-alone page (giới thiệu, liên hệ) and the 404 page.
struct StandaloneView: TemplateView, Sendable {
    var title: String
    var summary: String?
    var contentHTML: String

    static let fields = ViewFields<StandaloneView>([
        .text("title") { $0.title },
        .text("summary") { $0.summary },
        .text("contentHTML") { $0.contentHTML },
    ])
}

/// A list of tags with their counts: `/the/`.
struct TagIndexView: TemplateView, Sendable {
    var heading: String
    var tags: [CategoryView]

    static let fields = ViewFields<TagIndexView>([
        .text("heading") { $0.heading },
        .list("tags") { $0.tags },
    ])
}
