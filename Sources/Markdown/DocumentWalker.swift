import CCmarkGFM
import VietnameseText

/// One pass over a parsed document that collects headings, text, links and images.
struct DocumentWalker {
    struct Facts {
        var headings: [RenderedMarkdown.Heading] = []
        /// One entry per `<hN` the HTML renderer will emit, in order: an id for a Markdown heading,
        /// nil for a heading tag inside raw HTML (left as the author wrote it).
        var headingSlots: [String?] = []
        var firstParagraph = ""
        var plainText = ""
        var links: [RenderedMarkdown.Link] = []
        var images: [RenderedMarkdown.Image] = []
        var tables: [RenderedMarkdown.Table] = []
    }

    let allowRawHTML: Bool
    let idPrefix: String

    func walk(_ document: OpaquePointer) -> Facts {
        var facts = Facts()
        var usedIDs: [String: Int] = [:]
        var textParts: [String] = []
        guard let iterator = cmark_iter_new(document) else { return facts }
        defer { cmark_iter_free(iterator) }

        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
                    || type == CMARK_NODE_CODE_BLOCK {
                    textParts.append("\n")
                }
                continue
            }
            switch type {
            case CMARK_NODE_HEADING:
                let text = Self.plainText(of: node)
                let base = idPrefix + (Slug.make(text).isEmpty ? "muc" : Slug.make(text))
                let count = usedIDs[base, default: 0]
                usedIDs[base] = count + 1
                let id = count == 0 ? base : "\(base)-\(count)"
                facts.headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text, id: id,
                                            line: Int(cmark_node_get_start_line(node))))
                facts.headingSlots.append(id)
            case CMARK_NODE_PARAGRAPH:
                if facts.firstParagraph.isEmpty, !Self.isInsideFootnote(node) {
                    facts.firstParagraph = Self.plainText(of: node)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                textParts.append(Self.literal(of: node))
            case CMARK_NODE_CODE_BLOCK:
                textParts.append(Self.literal(of: node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                textParts.append(" ")
            case CMARK_NODE_LINK:
                facts.links.append(.init(destination: String(cString: cmark_node_get_url(node)),
                                         line: Int(cmark_node_get_start_line(node))))
            case CMARK_NODE_IMAGE:
                facts.images.append(.init(source: String(cString: cmark_node_get_url(node)),
                                          alt: Self.plainText(of: node),
                                          line: Int(cmark_node_get_start_line(node))))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if allowRawHTML {
                    let count = Self.headingTagCount(in: Self.literal(of: node))
                    facts.headingSlots.append(contentsOf: Array(repeating: nil, count: count))
                }
            default:
                // Table nodes belong to the table extension, whose type constants are not importable.
                if let name = cmark_node_get_type_string(node), String(cString: name) == "table" {
                    let header = cmark_node_first_child(node)
                    facts.tables.append(.init(line: Int(cmark_node_get_start_line(node)),
                                              headerHasText: header.map { !Self.plainText(of: $0).isEmpty } ?? false))
                }
            }
        }
        facts.plainText = Self.normaliseSpaces(textParts.joined())
        return facts
    }

    static func literal(of node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    /// Text of a node's inline content, with breaks as spaces and markup dropped.
    static func plainText(of node: OpaquePointer) -> String {
        var parts: [String] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: parts.append(literal(of: child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: parts.append(" ")
            default: break
            }
        }
        return normaliseSpaces(parts.joined())
    }

    static func isInsideFootnote(_ node: OpaquePointer) -> Bool {
        var current = cmark_node_parent(node)
        while let parent = current {
            if cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION { return true }
            current = cmark_node_parent(parent)
        }
        return false
    }

    static func normaliseSpaces(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// How many heading start tags (`<h1`…`<h6` followed by space or `>`) raw HTML holds.
    static func headingTagCount(in html: String) -> Int {
        let bytes = Array(html.utf8)
        var count = 0
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
               [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[index + 3]) {
                count += 1
            }
            index += 1
        }
        return count
    }
}
