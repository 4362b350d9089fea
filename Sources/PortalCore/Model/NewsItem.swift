import VietnameseText

/// A news item (tin tức) as loaded and resolved: every field of SPEC §3 in its final form.
///
/// A class, not a struct: the site model, the caches and the views hold the same item in many places, and
/// at tens of thousands of items copying every field at each of them was most of a preview rebuild.
public final class NewsItem: Sendable {
    public let source: SourceFile
    /// For a bundle (`news/<name>/index.md`), the folder whose other files travel with the item.
    public let bundleFolder: String?
    public let title: String
    public let date: LocalDateTime
    public let categoryID: String
    public let tags: [String]
    /// The address part of each tag, in the order of `tags`: `/the/<slug>/`.
    public let tagSlugs: [String]
    /// As written; when absent the renderer uses the body's first paragraph.
    public let summary: String?
    public let image: ResolvedResource?
    public let imageAlt: String?
    public let author: String?
    public let sourceLine: String?
    public let slug: String
    public let draft: Bool
    public let featured: Bool
    /// Where the body begins in `source.text`, in UTF-8 bytes (the body is not stored twice).
    public let bodyUTF8Offset: Int
    public let bodyFirstLine: Int

    /// The Markdown after the front matter, made anew at each use.
    public var body: String { source.body(fromUTF8Offset: bodyUTF8Offset) }

    /// `/tin-tuc/<slug>/`.
    public let url: String

    public init(source: SourceFile, bundleFolder: String?, title: String, date: LocalDateTime, categoryID: String, tags: [String], tagSlugs: [String], summary: String?, image: ResolvedResource?, imageAlt: String?, author: String?, sourceLine: String?, slug: String, draft: Bool, featured: Bool, bodyUTF8Offset: Int, bodyFirstLine: Int) {
        self.source = source
        self.bundleFolder = bundleFolder
        self.title = title
        self.date = date
        self.categoryID = categoryID
        self.tags = tags
        self.tagSlugs = tagSlugs
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
        url = URLScheme.newsItem(slug: slug)
    }
}

/// A file an item refers to (its image), with where it lands in the output.
public struct ResolvedResource: Sendable, Equatable {
    /// Under `Content/`.
    public var contentPath: String
    /// Root-relative URL in the built site.
    public var url: String
}

extension NewsItem {
    /// Whether `other` stands where this item stands in every list, feed and index of the site: same
    /// address, date, pillar, tags, flags and files. Title, summary and body may differ: they show only
    /// in the item's own card and page.
    func isListedLike(_ other: NewsItem) -> Bool {
        slug == other.slug && date == other.date && categoryID == other.categoryID && tags == other.tags && draft == other.draft
            && featured == other.featured && image == other.image && bundleFolder == other.bundleFolder
            && source.relativePath == other.source.relativePath
    }
}

