import Mustache

/// Site-wide values every page template can use: `{{site.title}}`, `{{#site.menu}}…{{/site.menu}}`.
///
/// A class, made once per build and shared by every page, so `PartialCache` can tell that two pages
/// show the same site by identity instead of comparing every field.
final class SiteView: TemplateView, Sendable {
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

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "province": province
        case "tagline": tagline
        case "baseURL": baseURL
        case "language": language
        case "agency": agency
        case "links": links
        case "hasLinks": !links.isEmpty
        case "categories": categories
        case "banner": banner
        default: nil
        }
    }
}

struct AgencyView: TemplateView, Sendable {
    var name: String
    var role: String
    var address: String
    var phone: String
    var email: String
    var licence: String
    var responsible: String

    func value(named name: String) -> Any? {
        switch name {
        case "name": self.name.nilIfEmpty
        case "role": role.nilIfEmpty
        case "address": address.nilIfEmpty
        case "phone": phone.nilIfEmpty
        case "email": email.nilIfEmpty
        case "licence": licence.nilIfEmpty
        case "responsible": responsible.nilIfEmpty
        default: nil
        }
    }
}

struct LinkView: TemplateView, Sendable {
    var title: String
    var url: String
    var isExternal: Bool
    /// `aria-current="page"` belongs on this menu entry.
    var isCurrent: Bool

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isExternal": isExternal
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

struct CategoryView: TemplateView, Sendable {
    var id: String
    var name: String
    var url: String
    var count: Int

    func value(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "url": url
        case "count": count
        default: nil
        }
    }
}

extension String {
    /// Mustache treats an empty string as present; templates test presence with `{{#field}}`.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
