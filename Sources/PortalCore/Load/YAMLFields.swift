import Foundation
import Yams

/// Typed reading of a YAML mapping, every value located in its file, every problem a finding.
///
/// Yams' decoding errors carry only a coding path; composing to `Node` keeps the line and column of each
/// value, so a wrong field is reported where the editor wrote it.
public struct YAMLFields {
    public let file: SourceFile
    /// Added to the lines Yams reports: the line in the file where this YAML text begins, minus one.
    public let lineOffset: Int
    public let mapping: Node.Mapping?
    private(set) var consumed: Set<String> = []
    /// Each key's value (the first, when a key repeats), made at the first look-up: walking Yams' pairs
    /// for every field copied every node of the mapping a dozen times per news item.
    private var valuesByKey: [String: Node]?
    public var mappingLocation: SourceLocation

    /// Parses YAML text that starts at `firstLine` of `file`. Returns nil, with a finding, when the text
    /// is not YAML or is not a mapping of field names to values.
    public static func parse(_ yaml: String, in file: SourceFile, firstLine: Int, findings: inout Findings) -> YAMLFields? {
        let offset = firstLine - 1
        let node: Node?
        do {
            // The encoding given, not `.default`: Yams reads the process environment for the default on
            // every call, which cost more than parsing a news item's front matter. No tag patterns
            // (`.basic`): Yams resolves an untagged scalar's tag by trying its patterns through
            // NSRegularExpression, for every key it checks for duplicates too; the one tag read here,
            // null, is decided by `isNull` the way the default patterns decide it.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            findings.append(finding(for: error, in: file, lineOffset: offset))
            return nil
        } catch {
            findings.append(.error("cannot read YAML: \(error)", at: file.location(line: firstLine)))
            return nil
        }
        guard let node else {
            return YAMLFields(file: file, lineOffset: offset, mapping: Node.Mapping([]),
                              mappingLocation: file.location(line: firstLine, column: 1))
        }
        guard let mapping = node.mapping else {
            findings.append(.error("expected fields as \"name: value\" lines", at: location(of: node, file: file, offset: offset)))
            return nil
        }
        return YAMLFields(file: file, lineOffset: offset, mapping: mapping, mappingLocation: location(of: node, file: file, offset: offset))
    }

    init(file: SourceFile, lineOffset: Int, mapping: Node.Mapping?, mappingLocation: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.mappingLocation = mappingLocation
    }

    /// A nested mapping (`agency:` in site.yaml) read with the same file and offset.
    public func nested(_ node: Node, findings: inout Findings) -> YAMLFields? {
        guard let mapping = node.mapping else {
            findings.append(.error("expected fields as \"name: value\" lines", at: location(of: node)))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, mappingLocation: location(of: node))
    }

    public func location(of node: Node) -> SourceLocation {
        Self.location(of: node, file: file, offset: lineOffset)
    }

    static func location(of node: Node, file: SourceFile, offset: Int) -> SourceLocation {
        guard let mark = node.mark else { return file.location(line: offset + 1) }
        return file.location(line: mark.line + offset, column: mark.column)
    }

    /// The value node of `key`, marking the key as known. A null value (`image:` with nothing after it)
    /// counts as absent.
    public mutating func node(_ key: String) -> Node? {
        consumed.insert(key)
        guard let mapping else { return nil }
        if valuesByKey == nil {
            var values: [String: Node] = [:]
            values.reserveCapacity(mapping.count)
            for (keyNode, value) in mapping {
                if let name = keyNode.scalar?.string, values[name] == nil { values[name] = value }
            }
            valuesByKey = values
        }
        guard let value = valuesByKey?[key] else { return nil }
        if let scalar = value.scalar, Self.isNull(scalar) || (scalar.string.isEmpty && scalar.style == .plain) {
            return nil
        }
        return value
    }

    /// Whether the value's tag is null, as Yams' default resolver decides it: an explicit `!!null` tag,
    /// or no tag and text that Yams' null pattern `^(?:~|null|Null|NULL|)$` matches (with
    /// NSRegularExpression, whose `$` also matches before a line end that closes the text).
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        switch scalar.tag.description {
        case Tag.Name.implicit.rawValue: return matchesNullPattern(scalar.string)
        case Tag.Name.null.rawValue: return true
        default: return false
        }
    }

    private static let nullTexts: [[UInt8]] = ["", "~", "null", "Null", "NULL"].flatMap { word in
        ["", "\n", "\u{B}", "\u{C}", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\r\n"].map { Array((word + $0).utf8) }
    }

    static func matchesNullPattern(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 7 else { return false }
        return nullTexts.contains { $0.elementsEqual(utf8) }
    }

    public mutating func string(_ key: String, required: Bool = false, findings: inout Findings) -> Located<String>? {
        guard let value = node(key) else {
            if required {
                findings.append(.error("missing required field \"\(key)\": add a line \"\(key): …\"", at: mappingLocation))
            }
            return nil
        }
        guard let scalar = value.scalar else {
            findings.append(.error("field \"\(key)\" must be a single text value", at: location(of: value)))
            return nil
        }
        let text = scalar.string.trimmingCharactersFast(in: .whitespacesAndNewlines)
        if required && text.isEmpty {
            findings.append(.error("field \"\(key)\" is empty", at: location(of: value)))
            return nil
        }
        return Located(text, at: location(of: value))
    }

    public mutating func bool(_ key: String, findings: inout Findings) -> Located<Bool>? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else {
            findings.append(.error("field \"\(key)\" must be true or false", at: location(of: value)))
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return Located(true, at: location(of: value))
        case "false", "no", "off": return Located(false, at: location(of: value))
        default:
            findings.append(.error("field \"\(key)\" must be true or false, not \"\(scalar.string)\"", at: location(of: value)))
            return nil
        }
    }

    public mutating func integer(_ key: String, in range: ClosedRange<Int>, findings: inout Findings) -> Located<Int>? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string, let number = Int(text), range.contains(number) else {
            findings.append(.error("field \"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                                   at: location(of: value)))
            return nil
        }
        return Located(number, at: location(of: value))
    }

    /// A list of strings; a single string is taken as a list of one (`tags: chuyển đổi số`).
    public mutating func stringList(_ key: String, findings: inout Findings) -> [Located<String>] {
        guard let value = node(key) else { return [] }
        if let scalar = value.scalar {
            return scalar.string.isEmpty ? [] : [Located(scalar.string, at: location(of: value))]
        }
        guard let sequence = value.sequence else {
            findings.append(.error("field \"\(key)\" must be a list, e.g. [\"a\", \"b\"]", at: location(of: value)))
            return []
        }
        var result: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                findings.append(.error("each entry of \"\(key)\" must be text", at: location(of: item)))
                continue
            }
            let text = scalar.string.trimmingCharactersFast(in: .whitespacesAndNewlines)
            if !text.isEmpty { result.append(Located(text, at: location(of: item))) }
        }
        return result
    }

    /// A list of mappings (`categories:` in site.yaml), each read by `read`.
    public mutating func list<T>(_ key: String, findings: inout Findings, read: (inout YAMLFields, inout Findings) -> T?) -> [T]? {
        guard let value = node(key) else { return nil }
        guard let sequence = value.sequence else {
            findings.append(.error("field \"\(key)\" must be a list of entries (lines starting with \"- \")", at: location(of: value)))
            return []
        }
        var result: [T] = []
        for item in sequence {
            guard var fields = nested(item, findings: &findings) else { continue }
            if let entry = read(&fields, &findings) { result.append(entry) }
            fields.reportUnknownKeys(severity: .error, findings: &findings)
        }
        return result
    }

    /// Every key that no reader asked for. In site.yaml that is an error (a typo must not pass
    /// silently); in front matter a warning naming the key.
    public func reportUnknownKeys(severity: Finding.Severity, findings: inout Findings) {
        guard let mapping else { return }
        for (keyNode, _) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            if !consumed.contains(key) {
                let known = consumed.sorted().joined(separator: ", ")
                let location = location(of: keyNode)
                findings.append(Finding(file: location.file, line: location.line, column: location.column, severity: severity,
                                        message: "unknown field \"\(key)\" (known fields: \(known))"))
            }
        }
    }

    /// What libyaml was reading when it found the end of a quote or bracket missing, and what to tell the
    /// editor, at the place it began.
    private static let unclosedThing = [
        "while scanning a quoted scalar":
            "the quoted text that starts here is not closed: end it with the same quote mark (\" or ') on this line",
        "while parsing a flow sequence": "the list that opens with [ here is not closed: end it with ] on this line, as in tags: [a, b]",
        "while parsing a flow mapping": "the group that opens with { here is not closed: end it with } on this line",
    ]

    /// The scalar libyaml's mark points at (line and column from 1, the column in scalars), nil past the end.
    private static func character(at mark: Yams.Mark, lineOffset: Int, in file: SourceFile) -> Unicode.Scalar? {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = mark.line + lineOffset - 1
        guard lines.indices.contains(lineIndex), mark.column >= 1 else { return nil }
        let scalars = Array(lines[lineIndex].unicodeScalars)
        return scalars.count >= mark.column ? scalars[mark.column - 1] : nil
    }

    static func finding(for error: YamlError, in file: SourceFile, lineOffset: Int) -> Finding {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // The mistakes editors make most, said in their words and shown where they are to be mended:
            // an unclosed quote or bracket where it was opened (libyaml notices it lines later).
            if let context, let unclosed = unclosedThing[context.text] {
                return .error("malformed YAML: \(unclosed)", at: file.location(line: context.mark.line + lineOffset, column: context.mark.column))
            }
            switch problem {
            case "mapping values are not allowed in this context":
                return .error("malformed YAML: a colon and a space inside a value, or a line indented more than the line above: "
                              + "put the value in quotes (title: \"Hội nghị: tổng kết\") or take out the extra spaces",
                              at: file.location(line: mark.line + lineOffset, column: mark.column))
            case "found character that cannot start any token" where Self.character(at: mark, lineOffset: lineOffset, in: file) == "\t":
                return .error("malformed YAML: a tab in the indentation: indent with spaces", at: file.location(line: mark.line + lineOffset, column: mark.column))
            default:
                var message = "malformed YAML: \(problem)"
                if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
                message += "; check quotes, colons and indentation"
                return .error(message, at: file.location(line: mark.line + lineOffset, column: mark.column))
            }
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("field \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) is written twice: keep one",
                          at: file.location(line: context.mark.line + lineOffset, column: context.mark.column))
        case let .reader(problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: file.location(line: lineOffset + 1))
        default:
            return .error("cannot read YAML: \(error)", at: file.location(line: lineOffset + 1))
        }
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
