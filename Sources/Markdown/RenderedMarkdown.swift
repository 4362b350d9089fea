/// What one Markdown body becomes: its HTML and the facts later stages need from it.
///
/// A class, not a struct: every body of a large archive is held by the render cache, the site's pages
/// and the views at once, and copying eight fields at each of those was a large part of a preview
/// rebuild. Never changed once made; `replacing` makes a new one.
public final class RenderedMarkdown: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The `id` written on the heading element, unique within the document.
        public var id: String
        /// Line in the Markdown source, 1-based.
        public var line: Int = 0
    }

    public struct Image: Sendable, Equatable {
        public var source: String
        public var alt: String
        public var line: Int
    }

    public struct Link: Sendable, Equatable {
        public var destination: String
        public var line: Int
    }

    public let html: String
    public let headings: [Heading]
    /// The first paragraph as plain text: the default summary of a news item.
    public let firstParagraph: String
    /// All text, without markup, for search and descriptions.
    public let plainText: String
    public let links: [Link]
    public let images: [Image]
    /// GFM tables in source order, so checks can name the line of a table with an empty header row.
    public let tables: [Table]

    public struct Table: Sendable, Equatable {
        public var line: Int
        /// False when every cell of the header row is empty: the table has no real header.
        public var headerHasText: Bool
    }
    /// Shortcode calls in the order written; `html`, `plainText` and `firstParagraph` hold their
    /// placeholders.
    public let shortcodes: [ShortcodeCall]

    public init(html: String, headings: [Heading], firstParagraph: String, plainText: String, links: [Link], images: [Image],
                tables: [Table] = [], shortcodes: [ShortcodeCall] = []) {
        self.html = html
        self.headings = headings
        self.firstParagraph = firstParagraph
        self.plainText = plainText
        self.links = links
        self.images = images
        self.tables = tables
        self.shortcodes = shortcodes
    }

    /// The same facts with other text: shortcodes expanded, say.
    public func replacing(html: String, plainText: String, firstParagraph: String) -> RenderedMarkdown {
        RenderedMarkdown(html: html, headings: headings, firstParagraph: firstParagraph, plainText: plainText, links: links,
                         images: images, tables: tables, shortcodes: shortcodes)
    }

    public static func == (lhs: RenderedMarkdown, rhs: RenderedMarkdown) -> Bool {
        lhs === rhs || (lhs.html == rhs.html && lhs.headings == rhs.headings && lhs.firstParagraph == rhs.firstParagraph
                        && lhs.plainText == rhs.plainText && lhs.links == rhs.links && lhs.images == rhs.images
                        && lhs.tables == rhs.tables && lhs.shortcodes == rhs.shortcodes)
    }
}
