import ByteText

/// Publishes a rendered page under the site's base path: every address attribute whose value is a site
/// path (`href="/tin-tuc/"`, `src="/media/…"`, each candidate of a `srcset`) gets the base path in
/// front (`href="/chuyendoiso/tin-tuc/"`).
///
/// Done once over the finished page rather than in each view, so the templates' own addresses
/// (`/assets/css/portal.css`), links editors wrote root-relative in Markdown, charts and shortcodes are
/// all published the same way without knowing where the site lives (Eleventy's HTML base plugin works
/// so too). Tags are found the way `HTMLScanner` finds them: comments and the raw text of `script` and
/// `style` are left alone, and text between tags is never touched (an escaped `href="/x"` in a code
/// sample stays as written). A site at a host's root skips the pass entirely.
struct BasePathRewriter: Sendable {
    let basePath: URLScheme.BasePath

    /// The attributes whose value is one address; `srcset` holds several and is treated apart.
    /// `data-search-index` is where the search page tells its script the index's address (SPEC §12).
    private static let addressAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "xlink:href",
                                                         "data-search-index"]

    func publish(_ html: String) -> String {
        guard !basePath.isRoot else { return html }
        let prefix = Array(basePath.path.utf8.dropLast())
        var bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 64)
        var copied = 0
        /// Copies up to `offset` and puts the base path there, before the value's `/`.
        func insertPrefix(at offset: Int) {
            output.append(contentsOf: bytes[copied..<offset])
            output.append(contentsOf: prefix)
            copied = offset
        }
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = TagWalker(bytes: buffer)
            scanner.walk { name, valueStart, valueEnd in
                if name == "srcset" {
                    // Candidates are separated by commas; each starts, after spaces, with its address.
                    var position = valueStart
                    while position < valueEnd {
                        while position < valueEnd, HTMLScanner.isSpace(buffer[position]) { position += 1 }
                        if Self.startsSitePath(buffer, position, valueEnd) { insertPrefix(at: position) }
                        while position < valueEnd, buffer[position] != UInt8(ascii: ",") { position += 1 }
                        position += 1
                    }
                } else if Self.addressAttributes.contains(name) {
                    var position = valueStart
                    while position < valueEnd, HTMLScanner.isSpace(buffer[position]) { position += 1 }
                    if Self.startsSitePath(buffer, position, valueEnd) { insertPrefix(at: position) }
                }
            }
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        bytes = []
        return String(decoding: output, as: UTF8.self)
    }

    private static func startsSitePath(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
        position < end && bytes[position] == UInt8(ascii: "/") && (position + 1 == end || bytes[position + 1] != UInt8(ascii: "/"))
    }
}

/// The start tags of a page and the byte range of each attribute's value, in order.
private struct TagWalker {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `visit` with each attribute's lower-case name and its value's range (quotes excluded).
    mutating func walk(_ visit: (String, Int, Int) -> Void) {
        let count = bytes.count
        while let open = ByteSearch.find(UInt8(ascii: "<"), in: bytes, from: position) {
            position = open + 1
            guard position < count else { return }
            let next = bytes[position]
            if next == UInt8(ascii: "!") {
                if matches("<!--", at: open) {
                    position = find("-->", from: open + 4).map { $0 + 3 } ?? count
                } else {
                    position = find(">", from: open).map { $0 + 1 } ?? count
                }
                continue
            }
            guard HTMLScanner.isLetter(next) else { continue }
            let name = readName()
            readAttributes(visit)
            if name == "script" || name == "style" { skipRawText(until: name) }
        }
        position = count
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            for index in 0..<length where bytes[offset + index] != pattern[index] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from offset: Int) -> Int? {
        ByteSearch.find(literal, in: bytes, from: offset)
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, !HTMLScanner.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
              bytes[position] != UInt8(ascii: "/") {
            position += 1
        }
        return String(decoding: bytes[start..<position].map(HTMLScanner.lower), as: UTF8.self)
    }

    /// Up to and including the tag's `>`, as `HTMLScanner.readAttributes` reads them.
    private mutating func readAttributes(_ visit: (String, Int, Int) -> Void) {
        let count = bytes.count
        while position < count {
            while position < count, HTMLScanner.isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
            guard position < count else { return }
            if bytes[position] == UInt8(ascii: ">") { position += 1; return }
            let nameStart = position
            while position < count, !HTMLScanner.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
                  bytes[position] != UInt8(ascii: "="), !(bytes[position] == UInt8(ascii: "/") && position > nameStart) {
                position += 1
            }
            if position == nameStart { position += 1; continue }
            let nameEnd = position
            while position < count, HTMLScanner.isSpace(bytes[position]) { position += 1 }
            guard position < count, bytes[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < count, HTMLScanner.isSpace(bytes[position]) { position += 1 }
            guard position < count else { return }
            let quote = bytes[position]
            let valueStart, valueEnd: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = position + 1
                var end = valueStart
                while end < count, bytes[end] != quote { end += 1 }
                valueEnd = end
                position = min(count, end + 1)
            } else {
                valueStart = position
                while position < count, !HTMLScanner.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                valueEnd = position
            }
            let name = String(decoding: bytes[nameStart..<nameEnd].map(HTMLScanner.lower), as: UTF8.self)
            visit(name, valueStart, valueEnd)
        }
    }

    /// Leaves `position` on the `<` of the matching end tag, found case-insensitively.
    private mutating func skipRawText(until name: String) {
        let target = Array(name.utf8)
        var index = position
        while index + 2 + target.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var same = true
                for (offset, byte) in target.enumerated() where HTMLScanner.lower(bytes[index + 2 + offset]) != byte {
                    same = false
                    break
                }
                if same { position = index; return }
            }
            index += 1
        }
        position = bytes.count
    }
}
