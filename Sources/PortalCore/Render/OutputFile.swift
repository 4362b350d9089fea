import Foundation

/// One file of the built site, in memory or as a file to copy.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case text(String)
        case copy(CopiedFile)
    }

    /// Relative to the output folder: `tin-tuc/index.html`.
    public var path: String
    public var body: Body

    public init(path: String, body: Body) {
        self.path = path
        self.body = body
    }

    /// `/tin-tuc/` → `tin-tuc/index.html`; `/404.html` → `404.html`.
    static func path(forURL url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
