import VietnameseText

/// Everything read from `Content/` and `Theme/`, each value still carrying where it was written.
/// Nothing here has been checked against anything in another file.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var news: [LoadedNewsItem]
    public var pages: [LoadedPage]
    public var reports: [LoadedReport]
    public var documents: [LoadedDocument]
    /// Every file under `Content/`, relative to it: for resolving image paths without touching the disk.
    public var contentFiles: Set<String>
    public var mediaFiles: [String]
    public var indicators: LoadedIndicators
    /// Small CSV files beside Markdown files, for `{{< chart data="…" >}}`, by path under Content/.
    public var dataFiles: [String: SourceFile]
    public var theme: Theme
    /// `Content/rankings/` (SPEC §13).
    public var rankings: LoadedRankings = .empty
}

/// A class for the reason `NewsItem` is one.
public final class LoadedNewsItem: Sendable {
    public let source: SourceFile
    public let bundleFolder: String?
    public let title: Located<String>
    public let date: Located<LocalDateTime>
    public let category: Located<String>
    public let tags: [Located<String>]
    public let summary: Located<String>?
    public let image: Located<String>?
    public let imageAlt: Located<String>?
    public let author: Located<String>?
    public let sourceLine: Located<String>?
    public let slug: Located<String>?
    public let draft: Bool
    public let featured: Bool
    /// Old addresses of the item (`aliases:`), sent on to its page (`AliasResolver`).
    public let aliases: [Located<String>]
    /// Where the body begins in `source.text`, in UTF-8 bytes. The body is not kept beside the text:
    /// that would hold every item of a large archive in memory twice.
    public let bodyUTF8Offset: Int
    public let bodyFirstLine: Int

    /// The Markdown after the front matter, made anew at each use.
    public var body: String { source.body(fromUTF8Offset: bodyUTF8Offset) }

    public init(source: SourceFile, bundleFolder: String?, title: Located<String>, date: Located<LocalDateTime>,
                category: Located<String>, tags: [Located<String>], summary: Located<String>?, image: Located<String>?,
                imageAlt: Located<String>?, author: Located<String>?, sourceLine: Located<String>?, slug: Located<String>?,
                draft: Bool, featured: Bool, bodyUTF8Offset: Int, bodyFirstLine: Int, aliases: [Located<String>] = []) {
        self.aliases = aliases
        self.source = source
        self.bundleFolder = bundleFolder
        self.title = title
        self.date = date
        self.category = category
        self.tags = tags
        self.summary = summary
        self.image = image
        self.imageAlt = imageAlt
        self.author = author
        self.sourceLine = sourceLine
        self.slug = slug
        self.draft = draft
        self.featured = featured
        self.bodyUTF8Offset = bodyUTF8Offset
        self.bodyFirstLine = bodyFirstLine
    }
}

public struct LoadedPage: Sendable {
    public var source: SourceFile
    public var title: Located<String>
    public var summary: Located<String>?
    public var slug: Located<String>?
    public var layout: Located<String>?
    public var language: String?
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int
    /// Old addresses of the page (`aliases:`).
    public var aliases: [Located<String>] = []
}
