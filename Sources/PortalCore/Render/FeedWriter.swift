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
            <title>\(XML.escape(title))</title>
            <link>\(XML.escape(baseURL))</link>
            <description>\(XML.escape(description))</description>
            <language>\(XML.escape(model.config.language))</language>
            <atom:link href="\(XML.escape(absolute(path)))" rel="self" type="application/rss+xml"/>

            """
        if let newest = items.first {
            xml += "<lastBuildDate>\(Self.rfc822(model.news[newest].date))</lastBuildDate>\n"
        }
        for index in items.prefix(Self.limit) {
            let item = model.news[index]
            let card = cards[index]
            xml += """
                <item>
                <title>\(XML.escape(item.title))</title>
                <link>\(XML.escape(absolute(item.url)))</link>
                <guid isPermaLink="true">\(XML.escape(absolute(item.url)))</guid>
                <pubDate>\(Self.rfc822(item.date))</pubDate>
                <category>\(XML.escape(card.categoryName))</category>
                <description>\(XML.escape(card.summary))</description>
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

enum XML {
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape or drop: no markup character, no control character, and no
        // 0xEF byte (the lead byte of U+FFFE and U+FFFF).
        let clean = text.utf8.allSatisfy { byte in
            byte >= 0x20 ? !(byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                             || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF)
                : (byte == 0x09 || byte == 0x0A || byte == 0x0D)
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
