import ByteText

/// What `HTMLTagWalker` reports, in document order. Offsets are into the walked bytes.
protocol HTMLTagVisitor {
    /// Bytes between tags, `start..<end`; a lone `<` (as in "a < b") comes as text of its own.
    mutating func text(from start: Int, to end: Int)
    /// A start tag's lower-case name; `offset` is its `<`. Its attributes follow, then `startTagEnded`.
    mutating func startTag(_ name: String, at offset: Int)
    /// An attribute of the current start tag: lower-case name and its value's range without quotes,
    /// character references not decoded; nil for a bare attribute.
    mutating func attribute(_ name: String, value: Range<Int>?)
    mutating func startTagEnded()
    mutating func endTag(_ name: String, at offset: Int)
}

extension HTMLTagVisitor {
    mutating func text(from start: Int, to end: Int) {}
    mutating func startTag(_ name: String, at offset: Int) {}
    mutating func startTagEnded() {}
    mutating func endTag(_ name: String, at offset: Int) {}
}

/// The one reading of tags in our own pages, for the checks (`HTMLScanner`) and for publishing under a
/// base path (`BasePathRewriter`): start tags with their attributes' value ranges, end tags, and text.
///
/// One pass over the bytes, no regular expressions and no tree: pages are our own output, so a full HTML
/// parser would cost much and find nothing more. Comments, doctype and processing instructions are
/// skipped; the contents of `script` and `style` are raw text (they may hold `<` freely) and are skipped
/// too, so neither the checks nor the rewriter ever look inside them.
struct HTMLTagWalker {
    let bytes: UnsafeBufferPointer<UInt8>

    func walk<Visitor: HTMLTagVisitor>(_ visitor: inout Visitor) {
        let count = bytes.count
        var position = 0
        while position < count {
            guard bytes[position] == UInt8(ascii: "<") else {
                let end = ByteSearch.find(UInt8(ascii: "<"), in: bytes, from: position) ?? count
                visitor.text(from: position, to: end)
                position = end
                continue
            }
            let next = position + 1 < count ? bytes[position + 1] : 0
            if next == UInt8(ascii: "!") {
                if matches("<!--", at: position) {
                    position = find("-->", from: position + 4).map { $0 + 3 } ?? count
                } else {
                    position = find(">", from: position).map { $0 + 1 } ?? count
                }
            } else if next == UInt8(ascii: "?") {
                position = find(">", from: position).map { $0 + 1 } ?? count
            } else if next == UInt8(ascii: "/") {
                let tagStart = position
                var cursor = position + 2
                let name = readName(&cursor)
                position = find(">", from: cursor).map { $0 + 1 } ?? count
                if !name.isEmpty { visitor.endTag(name, at: tagStart) }
            } else if Self.isLetter(next) {
                var cursor = position + 1
                let name = readName(&cursor)
                visitor.startTag(name, at: position)
                readAttributes(&cursor, into: &visitor)
                visitor.startTagEnded()
                position = cursor
                if name == "script" || name == "style" {
                    position = endOfRawText(from: position, name: name)
                }
            } else {
                visitor.text(from: position, to: position + 1)
                position += 1
            }
        }
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

    /// The `<` of the end tag that closes raw text begun at `start`, found case-insensitively.
    private func endOfRawText(from start: Int, name: String) -> Int {
        let target = Array(name.utf8)
        var index = start
        while index + 2 + target.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var same = true
                for (offset, byte) in target.enumerated() where Self.lower(bytes[index + 2 + offset]) != byte {
                    same = false
                    break
                }
                if same { return index }
            }
            index += 1
        }
        return bytes.count
    }

    private func readName(_ cursor: inout Int) -> String {
        let start = cursor
        while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
              bytes[cursor] != UInt8(ascii: "/") {
            cursor += 1
        }
        return lowercased(start, cursor)
    }

    private func lowercased(_ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for index in start..<end { buffer[index - start] = Self.lower(bytes[index]) }
            return end - start
        }
    }

    /// Reads attributes up to and including the tag's closing `>`.
    private func readAttributes<Visitor: HTMLTagVisitor>(_ cursor: inout Int, into visitor: inout Visitor) {
        let count = bytes.count
        while cursor < count {
            while cursor < count, Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < count else { return }
            if bytes[cursor] == UInt8(ascii: ">") { cursor += 1; return }
            let nameStart = cursor
            while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
                  bytes[cursor] != UInt8(ascii: "="), !(bytes[cursor] == UInt8(ascii: "/") && cursor > nameStart) {
                cursor += 1
            }
            if cursor == nameStart { cursor += 1; continue }
            let name = lowercased(nameStart, cursor)
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else {
                visitor.attribute(name, value: nil)
                continue
            }
            cursor += 1
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count else {
                visitor.attribute(name, value: cursor..<cursor)
                return
            }
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = cursor + 1
                var end = valueStart
                while end < count, bytes[end] != quote { end += 1 }
                cursor = min(count, end + 1)
                visitor.attribute(name, value: valueStart..<end)
            } else {
                let valueStart = cursor
                while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                visitor.attribute(name, value: valueStart..<cursor)
            }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
