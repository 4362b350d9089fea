import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalCore
import PortalTestSupport
import Testing

/// Text that would run as script, end an attribute, close a CDATA section or a script element, written
/// into every field an editor fills in, must come out of every file the build writes as the same text:
/// escaped once in HTML (body and attributes) and inline SVG, quoted in CSV, never as markup. Every file is
/// checked with both themes (the minimal inline one and the bundled one that ships); where a reader meets
/// each field is checked here with the minimal theme and in `BundledThemeTests` with the bundled one.
@Suite struct EscapingTests {
    /// The theme a site is built with.
    enum Theme: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case minimal, bundled

        var templates: [String: String]? { self == .minimal ? MinimalTheme.templates : nil }
        var testDescription: String { rawValue }
    }

    static let hostile = #"<script>alert("x")</script> & 'y' ]]> </script>"#
    /// As a single-quoted YAML scalar.
    static let yaml = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
    /// As a quoted CSV cell.
    static let csv = "\"" + hostile.replacingOccurrences(of: "\"", with: "\"\"") + "\""

    static func site(_ theme: Theme = .minimal) throws -> TestSite {
        let y = yaml
        return try TestSite([
            "site.yaml": """
                title: "Cổng thông tin thử"
                tagline: \(y)
                base_url: "https://cds.example.gov.vn/"
                agency:
                  name: \(y)
                  address: \(y)
                categories:
                  - { id: chinh-quyen-so, name: \(y) }
                menu:
                  - { title: \(y), url: "/" }
                links:
                  - { title: \(y), url: "https://dichvucong.gov.vn/?a=1&b=2" }
                """,
            "media/anh.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
            "news/h.md": """
                ---
                title: \(y)
                slug: tin-nguy-hiem
                date: 2024-03-14
                category: chinh-quyen-so
                tags: [\(y), "thường"]
                summary: \(y)
                image: anh.svg
                image_alt: \(y)
                author: \(y)
                source: \(y)
                ---
                Văn bản có \(hostile) trong đoạn.

                {{< chart data="so-lieu.csv" type="bar" >}}
                """,
            "news/so-lieu.csv": "\(csv),\(csv)\n\(csv),5\nNăm 2024,7\n",
            "indicators/indicators.yaml": """
                groups:
                  - { id: chinh-quyen-so, name: \(y) }
                indicators:
                  - id: "1.1"
                    group: chinh-quyen-so
                    name: \(y)
                    unit: percent
                    formula: \(y)
                    source: \(y)
                    description: \(y)
                    highlight: true
                    targets: { 2024: ">= 80" }
                """,
            "indicators/values.csv": """
                indicator,period,value,numerator,denominator,status,as_of,note
                1.1,2023-Q4,70,,,,2023-12-31,\(csv)
                1.1,2024-Q1,90,,,,2024-03-10,\(csv)
                """,
            "reports/2024-q1/_index.md": """
                ---
                title: \(y)
                number: "01/BC-BCĐ"
                issuer: [\(y)]
                date: 2024-03-29
                period: 2024-Q1
                recipients: [\(y)]
                summary: \(y)
                signer: { on_behalf: \(y), position: \(y), name: \(y) }
                ---
                """,
            "reports/2024-q1/01-ket-qua.md": """
                ---
                title: \(y)
                ---
                Kết quả {{< indicator id="1.1" >}}: \(hostile).

                {{< chart indicator="1.1" type="line" >}}

                {{< chart indicators="1.1" type="horizontal-bar" period="2024-Q1" >}}
                """,
            "documents/h.md": """
                ---
                number: "99/KH-UBND"
                type: \(y)
                issuer: \(y)
                issued: 2024-01-10
                summary: \(y)
                signer: \(y)
                field: \(y)
                slug: van-ban-h
                ---
                \(hostile)
                """,
            "pages/h.md": """
                ---
                title: \(y)
                summary: \(y)
                slug: trang-h
                ---
                \(hostile)
                """,
        ], templates: theme.templates)
    }

    // MARK: Every file the build writes, by kind

    /// How each kind of output must carry the text. Feeds and the sitemap (`.xml`), the search index
    /// (`.json`) and `robots.txt` are covered by these rules as soon as the build writes them; a new
    /// kind of file is one more line here.
    static let rules: [(suffix: String, problems: @Sendable (String) -> [String])] = [
        (".html", htmlProblems),
        (".csv", csvProblems),
        (".xml", xmlProblems),
        (".svg", xmlProblems),
        (".json", jsonProblems),
        (".txt", { _ in [] }),
    ]

    @Test(arguments: Theme.allCases)
    func hostileTextComesOutAsTextInEveryFile(_ theme: Theme) throws {
        let site = try Self.site(theme)
        let report = site.build()
        try #require(report.succeeded, "\(report.findings)")
        let files = site.snapshot()
        var carriers: Set<String> = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("assets/") && path != ".portal-output"
            // The manifest lists paths, and each .gz and .br decompresses to a file checked here
            // (PrecompressionTests).
            && path != OutputManifest.fileName && !path.hasSuffix(".gz") && !path.hasSuffix(".br") {
            let text = String(decoding: data, as: UTF8.self)
            guard let rule = Self.rules.first(where: { path.hasSuffix($0.suffix) }) else {
                #expect(!text.contains("alert"), "\(path): no escaping rule for this kind of file; add one to EscapingTests.rules")
                continue
            }
            let problems = rule.problems(text)
            #expect(problems.isEmpty, "\(path):\n\(problems.joined(separator: "\n"))")
            if text.contains("alert") { carriers.insert(rule.suffix) }
        }
        // Not a vacuous pass: the text reached each kind of output the site has.
        #expect(carriers.isSuperset(of: [".html", ".csv"]), "\(carriers)")
    }

    static func htmlProblems(_ html: String) -> [String] {
        var problems: [String] = []
        // The theme's own scripts (external files, empty elements) are the only ones, and every
        // </script> closes one of them.
        let scripts = html.ranges(of: "<script").count
        let themeScripts = html.ranges(of: #/<script src="/assets/js/[a-z-]+\.js"( defer)?></script>/#).count
        if scripts != themeScripts { problems.append("\(scripts - themeScripts) <script> tag(s) besides the theme's") }
        if html.ranges(of: "</script>").count != themeScripts { problems.append("a </script> besides the theme's") }
        for raw in ["alert(\"x\")", "]]>"] where html.contains(raw) {
            problems.append("\"\(raw)\" written unescaped")
        }
        // Escaped once, not twice.
        if let double = html.firstMatch(of: #/&amp;(lt|gt|quot|amp|#39|#x27);/#) {
            problems.append("escaped twice: \(html[double.range])")
        }
        // Every & starts a character reference.
        for match in html.matches(of: #/&(?![a-zA-Z][a-zA-Z0-9]*;|#[0-9]+;|#x[0-9a-fA-F]+;)/#) {
            let context = html[match.range.lowerBound...].prefix(30)
            problems.append("bare & at \"\(context)\"")
        }
        return problems
    }

    static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("/") || text.hasPrefix("https://") || text.hasPrefix("http://")
    }

    static func csvProblems(_ csv: String) -> [String] {
        // Inside a quoted cell the text is written as it is, with quotes doubled.
        guard csv.contains("alert") else { return [] }
        return csv.contains(Self.csv) ? [] : ["the text is not one quoted cell: \(csv.prefix(300))"]
    }

    static func xmlProblems(_ xml: String) -> [String] {
        guard let texts = xmlTexts(xml) else { return ["not well-formed XML"] }
        // Addresses are made from the text on purpose (slugs), so only the other texts must carry it whole.
        return texts.filter { $0.contains("alert") && !$0.contains(hostile) && !isAddress($0) }.map { "text changed: \($0)" }
    }

    /// Text nodes and attribute values in document order; nil when the XML is not well-formed.
    static func xmlTexts(_ xml: String, attributes: Bool = true) -> [String]? {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = TextCollector(attributes: attributes)
        parser.delegate = collector
        return parser.parse() ? collector.texts : nil
    }

    static func jsonProblems(_ json: String) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return ["not JSON"]
        }
        var strings: [String] = []
        func walk(_ node: Any) {
            if let string = node as? String { strings.append(string) }
            if let array = node as? [Any] { array.forEach(walk) }
            if let object = node as? [String: Any] { object.values.forEach(walk) }
        }
        walk(value)
        // As Go's and Hugo's JSON: markup characters only as \u003c, \u003e and \u0026, never raw.
        let raw = ["<", ">", "&"].filter { json.contains($0) }.map { "\"\($0)\" written raw, not as \\u00…" }
        return raw + strings.filter { $0.contains("alert") && !$0.contains(hostile) && !isAddress($0) && !isSearchWord($0) }
            .map { "text changed: \($0)" }
    }

    /// A key or marked form of the search index (`alert`, `script alert`): words of the text, letters and
    /// digits with one space between the two words of a pair, so it can carry no markup.
    static func isSearchWord(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    // MARK: Where a reader meets it

    /// The text of the first element matching `pattern` (its first capture), with character references
    /// decoded: what a browser shows.
    static func shown(_ html: String, _ pattern: Regex<(Substring, Substring)>) -> String? {
        html.firstMatch(of: pattern).map { decode(stripTags(String($0.1))) }
    }

    @Test func readersSeeTheTextWhereTheyExpectIt() throws {
        let site = try Self.site()
        try #require(site.build().succeeded)
        let h = Self.hostile

        let item = try #require(site.page("tin-tuc/tin-nguy-hiem/index.html"))
        #expect(Self.shown(item, #/<h1>(.*?)</h1>/#) == h)
        #expect(Self.shown(item, #/<title>(.*?)</title>/#) == "\(h) | Cổng thông tin thử")
        #expect(Self.shown(item, #/<meta name="description" content="(.*?)">/#) == h, "attribute")
        #expect(Self.shown(item, #/<img src="/media/anh.svg" alt="(.*?)">/#) == h, "attribute")
        #expect(Self.shown(item, #/<p>Nguồn: (.*?)</p>/#) == h)
        #expect(Self.shown(item, #/<ul class="tags"><li><a href="/the/[a-z-]+/">(.*?)</a>/#) == h)
        #expect(Self.shown(item, #/<p>(.*?)</p>\n<nav>/#) == h, "tagline")
        // Markdown text: raw HTML left out, the rest escaped.
        #expect(Self.shown(item, #/<p>Văn bản có (.*?) trong đoạn.</p>/#) == #"alert("x") & 'y' ]]> "#)
        // Inline SVG drawn from the CSV beside the item: title, category labels and series name.
        let svg = try #require(item.firstMatch(of: #/<svg[^>]*class="chart chart--bar"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(Self.shown(svg, #/<title[^>]*>(.*?)</title>/#) == h)
        // A long label is wrapped into lines (<tspan>s) at spaces; read together they are the text.
        let svgText = try #require(Self.xmlTexts(svg, attributes: false), "inline SVG is well-formed XML").joined(separator: " ")
        #expect(svgText.ranges(of: h).count == 3, "title, description and category label: \(svgText)")

        let indicator = try #require(site.page("chi-so/1-1/index.html"))
        #expect(Self.shown(indicator, #/<ul class="notes"><li>(.*?)</li>/#) == h)
        #expect(Self.shown(indicator, #/<dt>formula</dt><dd>(.*?)</dd>/#) == h)
        let line = try #require(indicator.firstMatch(of: #/<svg[^>]*class="chart chart--line"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(Self.xmlTexts(line) != nil, "inline SVG is well-formed XML")

        let dashboard = try #require(site.page("chi-so/index.html"))
        #expect(Self.shown(dashboard, #/<li><a href="/chi-so/1-1/">1\.1 (.*?)</a>/#) == h)
        let home = try #require(site.page("index.html"))
        #expect(Self.shown(home, #/<p><a href="/chi-so/1-1/">(.*?)</a>: /#) == h)
        #expect(Self.shown(home, #/<a href="/" aria-current="page">(.*?)</a>/#) == h, "menu")
        #expect(Self.shown(home, #/<a href="https://dichvucong.gov.vn/\?a=1&amp;b=2" rel="external">(.*?)</a>/#) == h, "link block, & in the URL")

        let report = try #require(site.page("bao-cao/2024-q1/index.html"))
        #expect(Self.shown(report, #/<h1>(.*?)</h1>/#) == h)
        #expect(Self.shown(report, #/<ul class="recipients"><li>(.*?)</li>/#) == h)
        let comparison = try #require(report.firstMatch(of: #/<svg[^>]*class="chart chart--horizontal-bar"[\s\S]*?</svg>/#).map { String($0.0) })
        #expect(Self.shown(comparison, #/<desc[^>]*>(.*?)</desc>/#) == "1.1. \(h): 90%.", "indicator name in a comparison chart")
        #expect(Self.xmlTexts(comparison) != nil, "inline SVG is well-formed XML")

        let document = try #require(site.page("van-ban/van-ban-h/index.html"))
        #expect(Self.shown(document, #/</h1><p>(.*?)</p>/#) == h, "summary")
        #expect(Self.shown(document, #/<dt>signer</dt><dd>(.*?)</dd>/#) == h)
        let page = try #require(site.page("trang-h/index.html"))
        #expect(Self.shown(page, #/<h1>(.*?)</h1>/#) == h)

        let download = try #require(site.page("chi-so/1-1/du-lieu.csv"))
        #expect(download.contains(",\(Self.csv)\n") || download.hasSuffix(",\(Self.csv)"), "note cell, quoted")
    }

    static func stripTags(_ html: String) -> String {
        html.replacing(#/<!--[\s\S]*?-->|<[^>]*>/#, with: "")
    }

    static func decode(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            if let value = named[String(name)] {
                out += value
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}

private final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    private var current = ""
    private let attributes: Bool

    init(attributes: Bool) {
        self.attributes = attributes
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flush()
        if self.attributes { texts.append(contentsOf: attributes.values.sorted()) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) { flush() }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, foundCDATA block: Data) { current += String(decoding: block, as: UTF8.self) }

    private func flush() {
        if !current.isEmpty { texts.append(current) }
        current = ""
    }
}
