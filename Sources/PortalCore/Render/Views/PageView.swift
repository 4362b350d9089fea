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

    func value(named name: String) -> Any? {
        switch name {
        case "site": site
        case "menu": menu
        case "documentTitle": documentTitle
        case "description": description.nilIfEmpty
        case "canonicalURL": canonicalURL
        case "path": path
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": !breadcrumbs.isEmpty
        case "isHome": path == URLScheme.home
        case "language": language
        case "ogType": ogType
        case "ogImage": ogImage
        case "feedTitle": feedTitle
        case "feedURL": feedURL
        default: content.value(named: name)
        }
    }
}
