/// What one Markdown body becomes: its HTML and the facts later stages need from it.
public struct RenderedMarkdown: Sendable, Equatable {
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

    public var html: String
    public var headings: [Heading]
    /// The first paragraph as plain text: the default summary of a news item.
    public var firstParagraph: String
    /// All text, without markup, for search and descriptions.
    public var plainText: String
    public var links: [Link]
    public var images: [Image]
    /// GFM tables in source order, so checks can name the line of a table with an empty header row.
    public var tables: [Table] = []

    public struct Table: Sendable, Equatable {
        public var line: Int
        /// False when every cell of the header row is empty: the table has no real header.
        public var headerHasText: Bool
    }
    /// Shortcode calls in the order written; `html`, `plainText` and `firstParagraph` hold their
    /// placeholders.
    public var shortcodes: [ShortcodeCall] = []
}
