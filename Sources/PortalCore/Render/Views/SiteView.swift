import Mustache

/// Site-wide values every page template can use: `{{site.title}}`, `{{#site.menu}}…{{/site.menu}}`.
///
/// A class, made once per build and shared by every page, so `PartialCache` can tell that two pages
/// show the same site by identity instead of comparing every field.
final class SiteView: SharedTemplateView, Sendable {
    let title: String
    let province: String
    let tagline: String
    let baseURL: String
    let language: String
    let agency: AgencyView
    let links: [LinkView]
    let categories: [CategoryView]
    let banner: LinkView?

    init(title: String, province: String, tagline: String, baseURL: String, language: String, agency: AgencyView, links: [LinkView],
         categories: [CategoryView], banner: LinkView?) {
        self.title = title
        self.province = province
        self.tagline = tagline
        self.baseURL = baseURL
        self.language = language
        self.agency = agency
        self.links = links
        self.categories = categories
        self.banner = banner
    }

    static let fields = ViewFields<SiteView>([
        .text("title") { $0.title },
        .text("province") { $0.province },
        .text("tagline") { $0.tagline },
        .text("baseURL") { $0.baseURL },
        .text("language") { $0.language },
        .view("agency") { $0.agency },
        .list("links") { $0.links },
        .flag("hasLinks") { !$0.links.isEmpty },
        .list("categories") { $0.categories },
        .view("banner") { $0.banner },
    ])
}

struct AgencyView: TemplateView, TemplateFingerprint, Sendable {
    var name: String
    var role: String
    var address: String
    var phone: String
    var email: String
    var licence: String
    var responsible: String

    static let fields = ViewFields<AgencyView>([
        .text("name") { $0.name.nilIfEmpty },
        .text("role") { $0.role.nilIfEmpty },
        .text("address") { $0.address.nilIfEmpty },
        .text("phone") { $0.phone.nilIfEmpty },
        .text("email") { $0.email.nilIfEmpty },
        .text("licence") { $0.licence.nilIfEmpty },
        .text("responsible") { $0.responsible.nilIfEmpty },
    ])
}

struct LinkView: TemplateView, TemplateFingerprint, Sendable {
    var title: String
    var url: String
    var isExternal: Bool
    /// `aria-current="page"` belongs on this menu entry.
    var isCurrent: Bool

    static let fields = ViewFields<LinkView>([
        .text("title") { $0.title },
        .text("url") { $0.url },
        .flag("isExternal") { $0.isExternal },
        .flag("isCurrent") { $0.isCurrent },
    ])
}

struct CategoryView: TemplateView, TemplateFingerprint, Sendable {
    var id: String
    var name: String
    var url: String
    var count: Int

    static let fields = ViewFields<CategoryView>([
        .text("id") { $0.id },
        .text("name") { $0.name },
        .text("url") { $0.url },
        .number("count") { $0.count },
    ])
}

extension String {
    /// Mustache treats an empty string as present; templates test presence with `{{#field}}`.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
