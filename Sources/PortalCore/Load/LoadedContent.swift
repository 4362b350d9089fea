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
}

public struct LoadedNewsItem: Sendable {
    public var source: SourceFile
    public var bundleFolder: String?
    public var title: Located<String>
    public var date: Located<LocalDateTime>
    public var category: Located<String>
    public var tags: [Located<String>]
    public var summary: Located<String>?
    public var image: Located<String>?
    public var imageAlt: Located<String>?
    public var author: Located<String>?
    public var sourceLine: Located<String>?
    public var slug: Located<String>?
    public var draft: Bool
    public var featured: Bool
    /// Where the body begins in `source.text`, in UTF-8 bytes. The body is not kept beside the text:
    /// that would hold every item of a large archive in memory twice.
    public var bodyUTF8Offset: Int
    public var bodyFirstLine: Int

    /// The Markdown after the front matter.
    public var body: String { source.body(fromUTF8Offset: bodyUTF8Offset) }
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
}
