/// What the checks need from one built HTML page, gathered in one pass of `HTMLScanner`.
struct PageScan: Sendable {
    struct Reference: Sendable {
        /// As written in the attribute, character references decoded.
        var value: String
        var line: Int
        var isImage: Bool
    }

    struct Heading: Sendable {
        var level: Int
        var id: String?
        var line: Int
    }

    struct Table: Sendable {
        var line: Int
        var hasHeader: Bool
        /// 0-based among the tables the Markdown renderer wrapped in a scroll box (content tables); nil
        /// for tables the theme wrote.
        var contentOrdinal: Int?
    }

    var ids: Set<String> = []
    var references: [Reference] = []
    /// Lines of `<img>` tags with no `alt` attribute at all.
    var imagesWithoutAlt: [(src: String, line: Int)] = []
    var headings: [Heading] = []
    var tables: [Table] = []

    /// Attributes that point at another resource. `srcset` and inline styles are left out: the theme
    /// does not use them and they need a parser of their own.
    static let referenceAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "link": ["href"],
        "img": ["src"], "script": ["src"], "iframe": ["src"], "source": ["src"], "video": ["src", "poster"],
        "audio": ["src"], "track": ["src"], "embed": ["src"], "object": ["data"], "form": ["action"],
    ]

    init(html: String) {
        // A stack, because a table may sit inside another table's cell.
        struct OpenTable {
            var line: Int
            var row = 0
            var inHeaderCell = false
            var hasHeader = false
            var contentOrdinal: Int?
        }
        var openTables: [OpenTable] = []
        var wrappedTables = 0
        var nextTableIsWrapped = false

        HTMLScanner.scan(html) { token in
            switch token {
            case .start(let tag):
                let wrapped = nextTableIsWrapped
                nextTableIsWrapped = false
                if let id = tag.value("id"), !id.isEmpty { ids.insert(id) }
                if tag.name == "a", let name = tag.value("name"), !name.isEmpty { ids.insert(name) }
                if let attributes = Self.referenceAttributes[tag.name] {
                    for attribute in attributes {
                        if let value = tag.value(attribute) {
                            references.append(Reference(value: value, line: tag.line, isImage: tag.name == "img"))
                        }
                    }
                }
                switch tag.name {
                case "img":
                    if tag.attribute("alt") == nil { imagesWithoutAlt.append((tag.value("src") ?? "", tag.line)) }
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    if let level = Int(String(tag.name.dropFirst())) {
                        headings.append(Heading(level: level, id: tag.value("id"), line: tag.line))
                    }
                case "div":
                    nextTableIsWrapped = tag.value("class")?.split(separator: " ").contains("table-scroll") ?? false
                case "table":
                    var table = OpenTable(line: tag.line)
                    if wrapped {
                        table.contentOrdinal = wrappedTables
                        wrappedTables += 1
                    }
                    openTables.append(table)
                case "tr":
                    if !openTables.isEmpty { openTables[openTables.count - 1].row += 1 }
                case "th":
                    if let last = openTables.indices.last, openTables[last].row <= 1 { openTables[last].inHeaderCell = true }
                default:
                    break
                }
            case .end(let name, _):
                switch name {
                case "th":
                    if let last = openTables.indices.last { openTables[last].inHeaderCell = false }
                case "table":
                    if let table = openTables.popLast() {
                        tables.append(Table(line: table.line, hasHeader: table.hasHeader, contentOrdinal: table.contentOrdinal))
                    }
                default:
                    break
                }
            case .text(let hasContent):
                if hasContent, let last = openTables.indices.last, openTables[last].inHeaderCell {
                    openTables[last].hasHeader = true
                }
            }
        }
    }
}
