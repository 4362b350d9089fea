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
        return .mapping(Node.Mapping(pairs, Tag(.implicit), .block, mark(1, 1)))
    }

    /// Parses without the self-check (for the self-check itself).
    static func parse(_ yaml: String) -> [(Node, Node)]? {
        var pairs: [(Node, Node)] = []
        var keys: Set<String> = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let scalars = Array(line.unicodeScalars)
            var position = 0
            guard let first = scalars.first, isKeyStart(first) else { return nil }
            while position < scalars.count, isKeyCharacter(scalars[position]) { position += 1 }
            let key = String(String.UnicodeScalarView(scalars[0..<position]))
            guard position + 1 < scalars.count, scalars[position] == ":", scalars[position + 1] == " ",
                  keys.insert(key).inserted else { return nil }
            position += 1
            while position < scalars.count, scalars[position] == " " { position += 1 }
            guard position < scalars.count else { return nil }
            // Yams tags a key as a string when it checks keys for duplicates, and a quoted scalar always.
            let keyNode = Node.scalar(.init(key, Tag(.str), .plain, mark(lineNumber, 1)))
            let value: Node
            switch scalars[position] {
            case "\"":
                guard let (text, end) = quoted(scalars, from: position) else { return nil }
                value = .scalar(.init(text, Tag(.str), .doubleQuoted, mark(lineNumber, position + 1)))
                position = end
            case "[":
                let start = position
                position += 1
                var items: [Node] = []
                while true {
                    while position < scalars.count, scalars[position] == " " { position += 1 }
                    guard position < scalars.count else { return nil }
                    if scalars[position] == "]" && items.isEmpty { break }
                    guard scalars[position] == "\"", let (text, end) = quoted(scalars, from: position) else { return nil }
                    items.append(.scalar(.init(text, Tag(.str), .doubleQuoted, mark(lineNumber, position + 1))))
                    position = end
                    while position < scalars.count, scalars[position] == " " { position += 1 }
                    guard position < scalars.count else { return nil }
                    if scalars[position] == "]" { break }
                    guard scalars[position] == "," else { return nil }
                    position += 1
                }
                position += 1
                value = .sequence(.init(items, Tag(.implicit), .flow, mark(lineNumber, start + 1)))
            default:
                let start = position
                guard isPlainStart(scalars[position]) else { return nil }
                while position < scalars.count, scalars[position] != " " {
                    let character = scalars[position]
                    if character == ":" {
                        guard position + 1 < scalars.count, ("0"..."9").contains(scalars[position + 1]) else { return nil }
                    } else if !isPlainCharacter(character) {
                        return nil
                    }
                    position += 1
                }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                value = .scalar(.init(text, Tag(.implicit), .plain, mark(lineNumber, start + 1)))
            }
            // Nothing but spaces may follow a value (no comment, no second value).
            guard scalars[position...].allSatisfy({ $0 == " " }) else { return nil }
            pairs.append((keyNode, value))
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// A double-quoted scalar starting at `start`: its text and the position after its closing quote.
    /// Only `\"` and `\\` escapes, and only characters YAML takes as they are.
    private static func quoted(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var text = String.UnicodeScalarView()
        var position = start + 1
        while position < scalars.count {
            let character = scalars[position]
            switch character {
            case "\"":
                return (String(text), position + 1)
            case "\\":
                guard position + 1 < scalars.count, scalars[position + 1] == "\"" || scalars[position + 1] == "\\" else { return nil }
                text.append(scalars[position + 1])
                position += 2
                continue
            default:
                guard isPlainText(character) else { return nil }
                text.append(character)
            }
            position += 1
        }
        return nil
    }

    /// Printable, and no line break in YAML 1.1 (NEL, U+2028, U+2029), no byte-order mark, no tab.
    private static func isPlainText(_ character: Unicode.Scalar) -> Bool {
        switch character.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func isKeyStart(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
    }

    private static func isKeyCharacter(_ character: Unicode.Scalar) -> Bool {
        isKeyStart(character) || ("0"..."9").contains(character)
    }

    private static func isPlainStart(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || ("0"..."9").contains(character)
    }

    private static func isPlainCharacter(_ character: Unicode.Scalar) -> Bool {
        isPlainStart(character) || character == "-" || character == "_" || character == "." || character == "+" || character == "/"
    }

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
