import Yams

/// The front matter almost every news item has, composed without libyaml: lines of `key: value`, where
/// the value is a double-quoted string, a plain word (`2024-03-14T09:30+07:00`, `chinh-quyen-so`,
/// `false`) or a flow list of double-quoted strings.
///
/// `compose` returns the `Node` Yams composes for such text, marks included, or nil for anything else
/// (comments, indentation, escapes other than `\"` and `\\`, characters YAML treats specially, repeated
/// keys, ...), which then goes to Yams. Composing with Yams cost as much as rendering the item's Markdown.
/// A self-check against Yams on a sample of every form runs once; if it ever disagrees (a newer Yams,
/// another libyaml), every file goes to Yams.
enum SimpleYAML {
    static func compose(_ yaml: String) -> Node? {
        guard agreesWithYams, let pairs = parse(yaml) else { return nil }
        return .mapping(Node.Mapping(pairs, tag(.implicit), .block, mark(1, 1)))
    }

    /// Parses without the self-check (for the self-check itself), on the UTF-8 bytes.
    static func parse(_ yaml: String) -> [(Node, Node)]? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> [(Node, Node)]? in
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            var lineStart = 0
            var lineNumber = 0
            while lineStart <= bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                guard let pair = parseLine(bytes, from: lineStart, to: lineEnd, number: lineNumber),
                      keys.insert(pair.0.scalar!.string).inserted else { return nil }
                pairs.append(pair)
                lineStart = lineEnd + 1
            }
            return pairs
        }
    }

    /// One `key: value` line, bytes `start..<end`; columns count Unicode scalars, as libyaml's do.
    private static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, number: Int) -> (Node, Node)? {
        func column(_ position: Int) -> Int {
            var scalars = 0
            for index in start..<position where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var position = start
        guard position < end, isKeyStart(bytes[position]) else { return nil }
        while position < end, isKeyStart(bytes[position]) || isDigit(bytes[position]) { position += 1 }
        let key = text(start..<position)
        guard position + 1 < end, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: " ") else { return nil }
        position += 1
        while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
        guard position < end else { return nil }
        // Yams tags a key as a string when it checks keys for duplicates, and a quoted scalar always.
        let keyNode = Node.scalar(.init(key, tag(.str), .plain, mark(number, 1)))
        let value: Node
        switch bytes[position] {
        case UInt8(ascii: "\""):
            guard let (string, after) = quoted(bytes, from: position, to: end) else { return nil }
            value = .scalar(.init(string, tag(.str), .doubleQuoted, mark(number, column(position))))
            position = after
        case UInt8(ascii: "["):
            let open = position
            position += 1
            var items: [Node] = []
            while true {
                while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
                guard position < end else { return nil }
                if bytes[position] == UInt8(ascii: "]") && items.isEmpty { break }
                guard bytes[position] == UInt8(ascii: "\""), let (string, after) = quoted(bytes, from: position, to: end) else { return nil }
                items.append(.scalar(.init(string, tag(.str), .doubleQuoted, mark(number, column(position)))))
                position = after
                while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
                guard position < end else { return nil }
                if bytes[position] == UInt8(ascii: "]") { break }
                guard bytes[position] == UInt8(ascii: ",") else { return nil }
                position += 1
            }
            position += 1
            value = .sequence(.init(items, tag(.implicit), .flow, mark(number, column(open))))
        default:
            let first = position
            guard isKeyStart(bytes[position]) && bytes[position] != UInt8(ascii: "_") || isDigit(bytes[position]) else { return nil }
            while position < end, bytes[position] != UInt8(ascii: " ") {
                let byte = bytes[position]
                if byte == UInt8(ascii: ":") {
                    guard position + 1 < end, isDigit(bytes[position + 1]) else { return nil }
                } else if !(isKeyStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")) {
                    return nil
                }
                position += 1
            }
            value = .scalar(.init(text(first..<position), tag(.implicit), .plain, mark(number, column(first))))
        }
        // Nothing but spaces may follow a value (no comment, no second value).
        while position < end {
            guard bytes[position] == UInt8(ascii: " ") else { return nil }
            position += 1
        }
        return (keyNode, value)
    }

    /// A double-quoted scalar whose opening quote is at `start`: its text and the position after its
    /// closing quote. Only `\"` and `\\` escapes, and only characters YAML takes as they are.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (String, Int)? {
        var output: [UInt8] = []
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                return (String(decoding: output, as: UTF8.self), position + 1)
            }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < end, bytes[position + 1] == UInt8(ascii: "\"") || bytes[position + 1] == UInt8(ascii: "\\") else { return nil }
                output.append(bytes[position + 1])
                position += 2
                continue
            }
            if byte < 0x80 {
                guard byte >= 0x20 && byte != 0x7F else { return nil }
                output.append(byte)
                position += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard position + length <= end else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            guard isPlainText(value) else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]))
            position += length
        }
        return nil
    }

    /// Printable, and no line break in YAML 1.1 (NEL, U+2028, U+2029), no byte-order mark.
    private static func isPlainText(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A tag as Yams' parser makes it, sharing one resolver and one constructor (a tag made with the
    /// defaults builds a new constructor, three dictionaries, every time).
    private static func tag(_ name: Tag.Name) -> Tag {
        Tag(name, .default, constructor)
    }

    nonisolated(unsafe) private static let constructor = Constructor.default

    /// `Mark` has no public initialiser; it is two `Int`s, line then column, which the self-check confirms.
    private static func mark(_ line: Int, _ column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    /// Whether this reading gives exactly what Yams gives on a sample of every accepted form.
    static let agreesWithYams: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let sample = """
            title: "Tỷ lệ \\"hồ sơ\\" \\\\ trực tuyến: 79,7% — đạt"
            date: 2024-03-14T09:30:00+07:00
            category: chinh-quyen-so
            tags: ["chuyển đổi số", "Đề án 06",  "VNeID" ]
            empty: []
            slug: 00001-ty-le_ho.so/x
            draft: false
            summary:   "x"\u{20}\u{20}
            """
        guard let simple = parse(sample), let composed = try? Yams.compose(yaml: sample, .basic, .default, .utf8),
              let mapping = composed.mapping, mapping.count == simple.count, composed.mark?.line == 1, composed.mark?.column == 1 else {
            return false
        }
        func same(_ lhs: Node, _ rhs: Node) -> Bool {
            guard lhs.mark?.line == rhs.mark?.line, lhs.mark?.column == rhs.mark?.column else { return false }
            switch (lhs, rhs) {
            case let (.scalar(left), .scalar(right)):
                return Array(left.string.utf8) == Array(right.string.utf8) && left.style == right.style
                    && left.tag.description == right.tag.description
            case let (.sequence(left), .sequence(right)):
                return left.count == right.count && zip(left, right).allSatisfy(same)
            default:
                return false
            }
        }
        return zip(simple, mapping).allSatisfy { pair, yams in same(pair.0, yams.key) && same(pair.1, yams.value) }
    }()
}
