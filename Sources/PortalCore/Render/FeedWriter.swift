import Charts
import VietnameseText

/// RSS 2.0 feeds: the site's latest news and one per pillar. Dates are RFC 822 in the site's zone;
/// every text is escaped, never wrapped in CDATA, so `]]>` in a title cannot end anything early.
struct FeedWriter: Sendable {
    static let limit = 20

    let model: SiteModel
    let baseURL: String
    let cards: [NewsCardView]

    func feed(title: String, path: String, description: String, items: [Int]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(Markup.escape(title))</title>
            <link>\(Markup.escape(baseURL))</link>
            <description>\(Markup.escape(description))</description>
            <language>\(Markup.escape(model.config.language))</language>
            <atom:link href="\(Markup.escape(absolute(path)))" rel="self" type="application/rss+xml"/>

            """
        if let newest = items.first {
            xml += "<lastBuildDate>\(Self.rfc822(model.news[newest].date))</lastBuildDate>\n"
        }
        for index in items.prefix(Self.limit) {
            let item = model.news[index]
            let card = cards[index]
            xml += """
                <item>
                <title>\(Markup.escape(item.title))</title>
                <link>\(Markup.escape(absolute(item.url)))</link>
                <guid isPermaLink="true">\(Markup.escape(absolute(item.url)))</guid>
                <pubDate>\(Self.rfc822(item.date))</pubDate>
                <category>\(Markup.escape(card.categoryName))</category>
                <description>\(Markup.escape(card.summary))</description>
                </item>

                """
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    func absolute(_ path: String) -> String { baseURL + String(path.dropFirst()) }

    /// "Thu, 14 Mar 2024 09:30:00 +0700": RFC 822 keeps English day and month names.
    static func rfc822(_ date: LocalDateTime) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = abs(date.offsetMinutes)
        let sign = date.offsetMinutes < 0 ? "-" : "+"
        return "\(days[date.weekday]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(date.hour)):\(two(date.minute)):\(two(date.second)) \(sign)\(two(offset / 60))\(two(offset % 60))"
    }
}
