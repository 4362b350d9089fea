import Mustache

/// Site-wide values every page template can use: `{{site.title}}`, `{{#site.menu}}…{{/site.menu}}`.
struct SiteView: TemplateView, Sendable {
    var title: String
    var province: String
    var tagline: String
    var baseURL: String
    var language: String
    var agency: AgencyView
    var links: [LinkView]
    var categories: [CategoryView]
    var banner: LinkView?

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
