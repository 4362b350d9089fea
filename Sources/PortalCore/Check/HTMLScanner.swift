import ByteText

/// A small, forgiving HTML tokenizer for checking built pages: start tags with their attributes, end
/// tags, and whether text between tags has anything but white space.
///
/// One pass over the bytes, no regular expressions and no tree: checks run over every page of the site,
/// and pages are our own output, so a full HTML parser would cost much and find nothing more. Comments,
/// doctype and processing instructions are skipped; the contents of `script` and `style` are skipped
/// (they are raw text and may hold `<` freely); `title` and `textarea` content counts as text.
struct HTMLScanner {
    struct Tag {
        /// Lower case.
        var name: String
        /// Names lower case, values with character references decoded; nil for a bare attribute.
        var attributes: [(name: String, value: String?)]
        /// 1-based line of the `<`.
        var line: Int

        func attribute(_ name: String) -> String?? {
            for attribute in attributes where attribute.name == name { return .some(attribute.value) }
            return nil
        }

        func value(_ name: String) -> String? {
            attribute(name).flatMap { $0 }
        }
    }

    enum Token {
        case start(Tag)
        case end(name: String, line: Int)
        /// Text between tags; `hasContent` when it holds something other than white space.
        case text(hasContent: Bool)
    }

    private let bytes: [UInt8]
    private var position = 0
    /// Newlines are counted lazily up to `countedTo`, so asking for lines stays linear overall.
    private var line = 1
    private var countedTo = 0

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    static func scan(_ html: String, _ visit: (Token) -> Void) {
        var scanner = HTMLScanner(html)
        scanner.run(visit)
    }

    private mutating func lineAt(_ offset: Int) -> Int {
        while countedTo < offset {
            if bytes[countedTo] == UInt8(ascii: "\n") { line += 1 }
            countedTo += 1
        }
        return line
    }

    private mutating func run(_ visit: (Token) -> Void) {
        let count = bytes.count
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                var hasContent = false
                while position < count, bytes[position] != UInt8(ascii: "<") {
                    if !Self.isSpace(bytes[position]) { hasContent = true }
                    position += 1
                }
                if position > start { visit(.text(hasContent: hasContent)) }
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
                let tagLine = lineAt(position)
                var cursor = position + 2
                let name = readName(&cursor)
                position = find(">", from: cursor).map { $0 + 1 } ?? count
                if !name.isEmpty { visit(.end(name: name, line: tagLine)) }
            } else if Self.isLetter(next) {
                let tagLine = lineAt(position)
                var cursor = position + 1
                let name = readName(&cursor)
                let attributes = readAttributes(&cursor)
                position = cursor
                visit(.start(Tag(name: name, attributes: attributes, line: tagLine)))
                if name == "script" || name == "style" {
                    skipRawText(until: name)
                }
            } else {
                // A lone `<` in text, as in "a < b".
                position += 1
                visit(.text(hasContent: true))
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
        bytes.withUnsafeBufferPointer { ByteSearch.find(literal, in: $0, from: offset) }
    }

    /// Skips to the matching end tag, found case-insensitively, and leaves `position` on its `<`.
    private mutating func skipRawText(until name: String) {
        let target = Array(name.utf8)
        var index = position
        while index + 2 + target.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var same = true
                for (offset, byte) in target.enumerated() where Self.lower(bytes[index + 2 + offset]) != byte {
                    same = false
                    break
                }
                if same { position = index; return }
            }
            index += 1
        }
        position = bytes.count
    }

    private func readName(_ cursor: inout Int) -> String {
        let start = cursor
        while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
              bytes[cursor] != UInt8(ascii: "/") {
            cursor += 1
        }
        return String(decoding: bytes[start..<cursor].map(Self.lower), as: UTF8.self)
    }

    /// Reads attributes up to and including the closing `>`.
    private func readAttributes(_ cursor: inout Int) -> [(name: String, value: String?)] {
        var attributes: [(name: String, value: String?)] = []
        let count = bytes.count
        while cursor < count {
            while cursor < count, Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < count else { break }
            if bytes[cursor] == UInt8(ascii: ">") { cursor += 1; break }
            let nameStart = cursor
            while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
                  bytes[cursor] != UInt8(ascii: "="), !(bytes[cursor] == UInt8(ascii: "/") && cursor > nameStart) {
                cursor += 1
            }
            if cursor == nameStart { cursor += 1; continue }
            let name = String(decoding: bytes[nameStart..<cursor].map(Self.lower), as: UTF8.self)
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else {
                attributes.append((name, nil))
                continue
            }
            cursor += 1
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count else { attributes.append((name, "")); break }
            let quote = bytes[cursor]
            let valueStart: Int
            let valueEnd: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = cursor + 1
                var end = valueStart
                while end < count, bytes[end] != quote { end += 1 }
                valueEnd = end
                cursor = min(count, end + 1)
            } else {
                valueStart = cursor
                while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                valueEnd = cursor
            }
            attributes.append((name, Self.decodeReferences(bytes[valueStart..<valueEnd])))
        }
        return attributes
    }

    /// Decodes the character references templates and cmark-gfm write in attribute values.
    static func decodeReferences(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        let text = String(decoding: slice, as: UTF8.self)
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";") else {
                output += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let name = rest[afterAmpersand..<semicolon]
            if let decoded = decodeReference(name) {
                output.unicodeScalars.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        output += rest
        return output
    }

    private static func decodeReference(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            return value.flatMap(Unicode.Scalar.init)
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
