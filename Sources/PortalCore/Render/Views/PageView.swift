import Mustache

/// What every page template receives: the site, the page's own head values, and one content view.
struct PageView: TemplateView, Sendable {
    var site: SiteView
    var menu: [LinkView]
    /// The text of `<title>`.
    var documentTitle: String
    var description: String
    var canonicalURL: String
    /// Root-relative path of this page: `/tin-tuc/`.
    var path: String
    var breadcrumbs: [LinkView]
    /// `lang` of the page: the site's language unless the page says otherwise (the English page).
    var language: String
    /// Open Graph `og:type`: "article" for news, reports and documents.
    var ogType: String
    /// Absolute URL of the page's image, for link previews.
    var ogImage: String?
    /// A feed for this page's list (a pillar), besides the site's own.
    var feedTitle: String?
    var feedURL: String?
    var content: any TemplateView & Sendable

    static let fields = ViewFields<PageView>([
        .view("site") { $0.site },
        .list("menu") { $0.menu },
        .text("documentTitle") { $0.documentTitle },
        .text("description") { $0.description.nilIfEmpty },
        .text("canonicalURL") { $0.canonicalURL },
        .text("path") { $0.path },
        .list("breadcrumbs") { $0.breadcrumbs },
        .flag("hasBreadcrumbs") { !$0.breadcrumbs.isEmpty },
        .flag("isHome") { $0.path == URLScheme.home },
        .text("language") { $0.language },
        .text("ogType") { $0.ogType },
        .text("ogImage") { $0.ogImage },
        .text("feedTitle") { $0.feedTitle },
        .text("feedURL") { $0.feedURL },
        .text("searchIndexURL") { _ in URLScheme.searchDirectory },
    ], otherNamesFromContent: { $0.content })
}
