import Mustache

/// What every page template receives: the site, the page's own head values, and one content view.
struct PageView: MustacheParent, Sendable {
    var site: SiteView
    var menu: [LinkView]
    /// The text of `<title>`.
    var documentTitle: String
    var description: String
    var canonicalURL: String
    /// Root-relative path of this page: `/tin-tuc/`.
    var path: String
    var breadcrumbs: [LinkView]
    var content: any MustacheParent & Sendable

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "menu": menu
        case "documentTitle": documentTitle
        case "description": description.nilIfEmpty
        case "canonicalURL": canonicalURL
        case "path": path
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": !breadcrumbs.isEmpty
        case "isHome": path == "/"
        default: content.child(named: name)
        }
    }
}
