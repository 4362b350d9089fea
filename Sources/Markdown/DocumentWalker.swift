import CCmarkGFM
import Foundation
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
        var shortcodes: [ShortcodeCall] = []
    }

    let allowRawHTML: Bool
    let idPrefix: String
    /// `MarkdownRenderer.Options.plainTextLimit`.
    var plainTextLimit: Int? = nil

    func walk(_ document: OpaquePointer) -> Facts {
        var facts = Facts()
        var usedIDs: [String: Int] = [:]
        // The plain text as UTF-8, straight from cmark's literals (valid UTF-8: the parser validates its
        // input), joined without making a String per text node.
        var text: [UInt8] = []
        func appendLiteral(of node: OpaquePointer) {
            guard let literal = cmark_node_get_literal(node) else { return }
            literal.withMemoryRebound(to: UInt8.self, capacity: 1) { text.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(literal))) }
        }
        // Adjacent text nodes are merged first so that a shortcode split by cmark at a `<` or `[`
        // is seen whole.
        cmark_consolidate_text_nodes(document)
        // Shortcodes are taken out first, so that heading ids and plain text see placeholders.
        if let textIterator = cmark_iter_new(document) {
            while case let event = cmark_iter_next(textIterator), event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(textIterator), cmark_node_get_type(node) == CMARK_NODE_TEXT {
                    Self.extractShortcodes(from: node, into: &facts.shortcodes)
                }
            }
            cmark_iter_free(textIterator)
        }
        guard let iterator = cmark_iter_new(document) else { return facts }
        defer { cmark_iter_free(iterator) }

        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
                    || type == CMARK_NODE_CODE_BLOCK {
                    text.append(UInt8(ascii: "\n"))
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
                appendLiteral(of: node)
            case CMARK_NODE_CODE_BLOCK:
                appendLiteral(of: node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(UInt8(ascii: " "))
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
                if let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
                    let header = cmark_node_first_child(node)
                    facts.tables.append(.init(line: Int(cmark_node_get_start_line(node)),
                                              headerHasText: header.map { !Self.plainText(of: $0).isEmpty } ?? false))
                }
            }
        }
        facts.plainText = Self.plainText(text, keepingAtLeast: facts.shortcodes.isEmpty ? plainTextLimit : nil)
        return facts
    }

    /// The text with its whitespace folded (`normaliseSpaces`); with a limit, possibly only its start.
    ///
    /// Folding is local (a run of whitespace, a character and the marks joined to it), so the folded
    /// start of the bytes is the start of the folded whole, but for its last character, which may lack
    /// a following space or mark. When the folded start has more than `limit` characters, its first
    /// `limit` are those of the whole; otherwise the whole is folded.
    static func plainText(_ bytes: [UInt8], keepingAtLeast limit: Int?) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            if let limit, limit >= 0 {
                // Four bytes a character is more than Vietnamese text takes, spaces and all.
                var end = limit * 4 + 16
                if end < buffer.count {
                    // Cut before a scalar, never inside one.
                    while end > 0, buffer[end] & 0xC0 == 0x80 { end -= 1 }
                    let start = normaliseSpacesByScalar(UnsafeBufferPointer(rebasing: buffer[..<end]))
                        ?? normaliseSpacesByCharacter(String(decoding: buffer[..<end], as: UTF8.self))
                    if hasMoreCharacters(than: limit, start) { return start }
                }
            }
            return normaliseSpacesByScalar(buffer) ?? normaliseSpacesByCharacter(String(decoding: buffer, as: UTF8.self))
        }
    }

    private static func hasMoreCharacters(than limit: Int, _ text: String) -> Bool {
        guard text.utf8.count > limit else { return false }
        if startsOfCharacters(in: text, moreThan: limit) { return true }
        var count = 0
        for _ in text {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    /// Whether more than `limit` scalars certainly start a `Character`, counted without the grapheme
    /// rules: a scalar that joins nothing (`joinsNothing`: Grapheme_Cluster_Break Other or Control)
    /// right after another such scalar always does, but for LF after CR. A lower bound, so `false`
    /// proves nothing.
    static func startsOfCharacters(in text: String, moreThan limit: Int) -> Bool {
        var count = 0
        var previousJoinsNothing = true
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let joinsNothing = joinsNothing(value)
            if joinsNothing && previousJoinsNothing && !(previous == 0x0D && value == 0x0A) {
                count += 1
                if count > limit { return true }
            }
            previousJoinsNothing = joinsNothing
            previous = value
        }
        return false
    }

    /// Replaces each `{{< … >}}` in a text node with its placeholder and records the call.
    static func extractShortcodes(from node: OpaquePointer, into calls: inout [ShortcodeCall]) {
        // Looked for in the C string first: most text nodes have no shortcode and need no Swift String.
        guard let literal = cmark_node_get_literal(node), strstr(literal, ShortcodeCall.opening) != nil else { return }
        let text = String(cString: literal)
        var output = ""
        var rest = text[...]
        let (blockLine, lineOffset) = line(of: node)
        var changed = false
        while let open = rest.range(of: ShortcodeCall.opening) {
            let before = rest[..<open.lowerBound]
            output += before
            let afterOpen = rest[open.upperBound...]
            let placeholder = ShortcodeCall.placeholder(calls.count)
            let consumedBefore = text[..<open.lowerBound]
            let line = blockLine + lineOffset + consumedBefore.filter { $0 == "\n" }.count
            let column = consumedBefore.count - (consumedBefore.lastIndex(of: "\n").map { consumedBefore.distance(from: consumedBefore.startIndex, to: $0) + 1 } ?? 0) + 1
            guard let close = afterOpen.range(of: ShortcodeCall.closing) else {
                calls.append(ShortcodeCall(name: "", arguments: [], line: line, column: column, placeholder: placeholder,
                                           source: String(rest[open.lowerBound...].prefix(60)),
                                           syntaxError: "shortcode is not closed with >}} (keep the whole shortcode on one line, and avoid * or _ pairs inside it)",
                                           standsAlone: false))
                output += placeholder
                rest = afterOpen
                changed = true
                continue
            }
            let parsed = ShortcodeCall.parse(afterOpen[..<close.lowerBound])
            let remainder = afterOpen[close.upperBound...]
            let alone = isOnlyChildOfParagraph(node) && before.allSatisfy(\.isWhitespace) && output.allSatisfy(\.isWhitespace)
                && remainder.allSatisfy(\.isWhitespace)
            calls.append(ShortcodeCall(name: parsed.name, arguments: parsed.arguments, line: line, column: column,
                                       placeholder: placeholder, source: String(rest[open.lowerBound..<close.upperBound]),
                                       syntaxError: parsed.error, standsAlone: alone))
            output += placeholder
            rest = remainder
            changed = true
        }
        output += rest
        if changed { cmark_node_set_literal(node, output) }
    }

    /// The line a text node starts on: its block's first line plus the line breaks before it.
    static func line(of node: OpaquePointer) -> (Int, Int) {
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_start_line(current) == 0 || isInline(current) {
            block = cmark_node_parent(current)
        }
        guard let block else { return (0, 0) }
        var breaks = 0
        guard let iterator = cmark_iter_new(block) else { return (Int(cmark_node_get_start_line(block)), 0) }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            if current == node { break }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { breaks += 1 }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { breaks += literal(of: current).filter { $0 == "\n" }.count }
        }
        return (Int(cmark_node_get_start_line(block)), breaks)
    }

    static func isInline(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_TEXT: return true
        default: return false
        }
    }

    static func isOnlyChildOfParagraph(_ node: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { return false }
        return cmark_node_first_child(parent) == node && cmark_node_last_child(parent) == node
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

    /// Runs of whitespace become one space; leading and trailing whitespace goes. Whitespace is decided
    /// per `Character` (by its first scalar); the scalar-by-scalar pass gives the same result faster
    /// whenever no whitespace scalar can share a `Character` with a neighbour, which is all ordinary text.
    static func normaliseSpaces(_ text: String) -> String {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ normaliseSpacesByScalar($0) }), let fast {
            return fast
        }
        return normaliseSpacesByCharacter(text)
    }

    static func normaliseSpacesByCharacter(_ text: String) -> String {
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

    /// The scalar-level pass over valid UTF-8; nil when a whitespace scalar that is not a control
    /// (a control always stands alone as a `Character`) touches a scalar that might join it in one
    /// `Character` (a combining mark after it, a prepended mark before it), so the caller falls back.
    static func normaliseSpacesByScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        guard count > 0, let input = bytes.baseAddress else { return "" }
        @inline(__always) func scalar(at index: Int) -> (value: UInt32, length: Int) {
            let lead = input[index]
            if lead < 0x80 { return (UInt32(lead), 1) }
            if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F), 2) }
            if lead < 0xF0 {
                return (UInt32(lead & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6 | UInt32(input[index + 2] & 0x3F), 3)
            }
            return (UInt32(lead & 0x07) << 18 | UInt32(input[index + 1] & 0x3F) << 12 | UInt32(input[index + 2] & 0x3F) << 6
                    | UInt32(input[index + 3] & 0x3F), 4)
        }
        @inline(__always) func nextJoinsNothing(_ index: Int) -> Bool {
            index >= count || input[index] < 0x80 || joinsNothing(scalar(at: index).value)
        }
        var fellBack = false
        // The output is never longer than the input: runs of whitespace become at most one space.
        let result = String(unsafeUninitializedCapacity: count) { buffer -> Int in
            let out = buffer.baseAddress!
            var written = 0
            var pendingSpace = false
            var previousJoinsNothing = true
            var index = 0
            while index < count {
                let byte = input[index]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        if byte == 0x20 {
                            guard previousJoinsNothing, nextJoinsNothing(index + 1) else { fellBack = true; return 0 }
                        }
                        pendingSpace = true
                        previousJoinsNothing = true
                    } else {
                        if pendingSpace && written > 0 {
                            out[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        out[written] = byte
                        written += 1
                        previousJoinsNothing = true
                    }
                    index += 1
                    continue
                }
                let (value, length) = scalar(at: index)
                if isWhitespace(value) {
                    if !isControl(value) {
                        guard previousJoinsNothing, nextJoinsNothing(index + length) else { fellBack = true; return 0 }
                    }
                    pendingSpace = true
                    previousJoinsNothing = true
                } else {
                    if pendingSpace && written > 0 {
                        out[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    for offset in 0..<length { out[written + offset] = input[index + offset] }
                    written += length
                    previousJoinsNothing = joinsNothing(value)
                }
                index += length
            }
            return written
        }
        return fellBack ? nil : result
    }

    /// Unicode White_Space, which `Character.isWhitespace` tests on a character's first scalar.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whitespace with Grapheme_Cluster_Break=Control (or CR, LF): never part of a larger `Character`
    /// except CR LF, which are both whitespace.
    static func isControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Scalars known to be Grapheme_Cluster_Break=Other (or whitespace): ASCII, Latin letters with
    /// Vietnamese precomposed ones, general punctuation (dashes, quotes, ellipsis).
    static func joinsNothing(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E: true
        default: isWhitespace(value)
        }
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
