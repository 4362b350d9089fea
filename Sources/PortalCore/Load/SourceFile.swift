import Foundation

/// A file read from `Content/` or `Theme/`, decoded as UTF-8 text.
public struct SourceFile: Sendable {
    /// Path relative to its root folder, with `/` separators: `news/2024-03-14-tin.md`.
    public var relativePath: String
    /// What findings print: the root as the person named it, joined with the relative path.
    public var displayPath: String
    public var text: String

    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    /// The text from a UTF-8 offset to the end (a body after its front matter).
    public func body(fromUTF8Offset offset: Int) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: offset)...])
    }

    public func location(line: Int = 0, column: Int = 0) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
