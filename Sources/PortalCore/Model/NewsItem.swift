import VietnameseText

/// A news item (tin tức) as loaded and resolved: every field of SPEC §3 in its final form.
public struct NewsItem: Sendable {
    public var source: SourceFile
    /// For a bundle (`news/<name>/index.md`), the folder whose other files travel with the item.
    public var bundleFolder: String?
    public var title: String
    public var date: LocalDateTime
    public var categoryID: String
    public var tags: [String]
    /// As written; when absent the renderer uses the body's first paragraph.
    public var summary: String?
    public var image: ResolvedResource?
    public var imageAlt: String?
    public var author: String?
    public var sourceLine: String?
    public var slug: String
    public var draft: Bool
    public var featured: Bool
    /// Where the body begins in `source.text`, in UTF-8 bytes (the body is not stored twice).
    public var bodyUTF8Offset: Int
    public var bodyFirstLine: Int

    /// The Markdown after the front matter.
    public var body: String { source.body(fromUTF8Offset: bodyUTF8Offset) }

    /// `/tin-tuc/<slug>/`.
    public var url: String { "/tin-tuc/\(slug)/" }
}

/// A file an item refers to (its image), with where it lands in the output.
public struct ResolvedResource: Sendable, Equatable {
    /// Under `Content/`.
    public var contentPath: String
    /// Root-relative URL in the built site.
    public var url: String
}
