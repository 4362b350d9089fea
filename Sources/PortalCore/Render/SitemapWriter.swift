import Charts
/// `sitemap.xml` and `robots.txt`. `lastmod` comes from the content's own dates, never from the build,
/// so a rebuild of unchanged content changes nothing.
struct SitemapWriter: Sendable {
    let baseURL: String

    func sitemap(_ entries: [(path: String, lastmod: String?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(Markup.escape(baseURL + String(entry.path.dropFirst())))</loc>"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)\(URLScheme.sitemap.dropFirst())\n"
    }
}
