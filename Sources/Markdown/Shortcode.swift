/// A `{{< name key="value" … >}}` call found in Markdown text.
///
/// Only text is searched: a shortcode written inside a code span or a fenced or indented code block
/// stays as it was written. In the HTML, each call is replaced by `placeholder`, a run of private-use
/// characters that Markdown leaves alone and that slugs drop, for the caller to substitute.
public struct ShortcodeCall: Sendable, Equatable {
    public var name: String
    /// In the order written; a key given twice is an error.
    public var arguments: [(key: String, value: String)]
    /// 1-based line in the Markdown source.
    public var line: Int
    public var column: Int
    public var placeholder: String
    /// The call as written, for messages.
    public var source: String
    /// Set when the call could not be read; `name` and `arguments` hold what could be.
    public var syntaxError: String?
    /// The call is the only thing in its paragraph, so it may be replaced by block content.
    public var standsAlone: Bool

    public func argument(_ key: String) -> String? {
        arguments.first { $0.key == key }?.value
    }

    public static func == (lhs: ShortcodeCall, rhs: ShortcodeCall) -> Bool {
        lhs.name == rhs.name && lhs.arguments.map(\.key) == rhs.arguments.map(\.key)
            && lhs.arguments.map(\.value) == rhs.arguments.map(\.value) && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.placeholder == rhs.placeholder && lhs.source == rhs.source && lhs.syntaxError == rhs.syntaxError
            && lhs.standsAlone == rhs.standsAlone
    }

    /// `{{<` … `>}}`.
    static let opening = "{{<"
    static let closing = ">}}"

    static func placeholder(_ index: Int) -> String {
        var text = "\u{E000}"
        for digit in String(index).unicodeScalars {
            text.unicodeScalars.append(Unicode.Scalar(0xE010 + digit.value - 48)!)
        }
        return text + "\u{E001}"
    }

    /// Reads the inside of a call: `name key="value" key='value' key=value`.
    static func parse(_ inner: Substring) -> (name: String, arguments: [(key: String, value: String)], error: String?) {
        var rest = inner.drop { $0 == " " || $0 == "\t" }
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        guard !name.isEmpty else { return ("", [], "a shortcode needs a name: {{< indicator id=\"1.1\" >}}") }
        rest = rest.dropFirst(name.count)
        var arguments: [(String, String)] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            if rest.isEmpty { break }
            let key = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            guard !key.isEmpty else { return (name, arguments, "cannot read the arguments near \"\(rest.prefix(20))\": write key=\"value\"") }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else { return (name, arguments, "argument \"\(key)\" needs a value: \(key)=\"…\"") }
            rest = rest.dropFirst()
            var value = ""
            if let quote = rest.first, quote == "\"" || quote == "'" || quote == "“" {
                let close: Character = quote == "“" ? "”" : quote
                rest = rest.dropFirst()
                guard let end = rest.firstIndex(of: close) else { return (name, arguments, "the value of \"\(key)\" has no closing quote") }
                value = String(rest[..<end])
                rest = rest[rest.index(after: end)...]
            } else {
                value = String(rest.prefix { $0 != " " && $0 != "\t" })
                rest = rest.dropFirst(value.count)
            }
            if arguments.contains(where: { $0.0 == key }) { return (name, arguments, "argument \"\(key)\" is given twice") }
            arguments.append((key, value))
        }
        return (name, arguments, nil)
    }
}
