import ByteText

/// The tokens the checks read from a built page: start tags with their attributes (values decoded), end
/// tags with their lines, and whether text between tags has anything but white space. Tags are read by
/// `HTMLTagWalker`, as the base-path rewriter reads them; `title` and `textarea` content counts as text.
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

    static func scan(_ html: String, _ visit: (Token) -> Void) {
        let bytes = Array(html.utf8)
        withoutActuallyEscaping(visit) { visit in
            bytes.withUnsafeBufferPointer { buffer in
                var tokens = TokenMaker(bytes: buffer, visit: visit)
                HTMLTagWalker(bytes: buffer).walk(&tokens)
            }
        }
    }

    /// Turns the walker's reports into tokens: values decoded, lines counted.
    private struct TokenMaker: HTMLTagVisitor {
        let bytes: UnsafeBufferPointer<UInt8>
        let visit: (Token) -> Void
        var tag: Tag?
        /// Newlines are counted lazily up to `countedTo`, so asking for lines stays linear overall.
        var line = 1
        var countedTo = 0

        init(bytes: UnsafeBufferPointer<UInt8>, visit: @escaping (Token) -> Void) {
            self.bytes = bytes
            self.visit = visit
        }

        mutating func lineAt(_ offset: Int) -> Int {
            while countedTo < offset {
                if bytes[countedTo] == UInt8(ascii: "\n") { line += 1 }
                countedTo += 1
            }
            return line
        }

        mutating func text(from start: Int, to end: Int) {
            var hasContent = false
            for index in start..<end where !HTMLScanner.isSpace(bytes[index]) {
                hasContent = true
                break
            }
            visit(.text(hasContent: hasContent))
        }

        mutating func startTag(_ name: String, at offset: Int) {
            tag = Tag(name: name, attributes: [], line: lineAt(offset))
        }

        mutating func attribute(_ name: String, value: Range<Int>?) {
            tag?.attributes.append((name, value.map { HTMLScanner.decodeReferences(bytes[$0]) }))
        }

        mutating func startTagEnded() {
            if let tag { visit(.start(tag)) }
            tag = nil
        }

        mutating func endTag(_ name: String, at offset: Int) {
            visit(.end(name: name, line: lineAt(offset)))
        }
    }

    /// Decodes the character references templates and cmark-gfm write in attribute values.
    static func decodeReferences<Bytes: Collection<UInt8>>(_ slice: Bytes) -> String {
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

    static func isSpace(_ byte: UInt8) -> Bool { HTMLTagWalker.isSpace(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { HTMLTagWalker.isLetter(byte) }
    static func lower(_ byte: UInt8) -> UInt8 { HTMLTagWalker.lower(byte) }
}
