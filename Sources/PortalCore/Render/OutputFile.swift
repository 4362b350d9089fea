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
}
