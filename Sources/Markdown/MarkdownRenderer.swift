import CCmarkGFM
import Foundation
import VietnameseText

/// GitHub-flavoured Markdown with footnotes, through libcmark-gfm.
///
/// Safe to call from many threads at once: the one step of cmark-gfm that touches process-wide state
/// is serialised (see `CmarkGlobalState`).
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Equatable {
        /// Raw HTML in the source is passed through instead of omitted. Off unless the site opts in.
        public var allowRawHTML: Bool
        /// Heading ids start with this, so they never clash with the theme's own ids.
        public var headingIDPrefix: String
        /// The accessible name of each table's scroll box, numbered: "Bảng 1".
        public var tableLabel: String
        /// For a caller that keeps only the start of the plain text (a search index): `plainText` then
        /// holds at least its first `plainTextLimit` characters, all of it when shorter, and may stop soon
        /// after. Nil keeps all of it. Ignored for a body with shortcodes, whose placeholders are replaced
        /// by text of any length afterwards.
        public var plainTextLimit: Int?

        public init(allowRawHTML: Bool = false, headingIDPrefix: String = "", tableLabel: String = "Bảng", plainTextLimit: Int? = nil) {
            self.allowRawHTML = allowRawHTML
            self.headingIDPrefix = headingIDPrefix
            self.tableLabel = tableLabel
            self.plainTextLimit = plainTextLimit
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func render(_ source: String) -> RenderedMarkdown {
        CmarkGlobalState.registerExtensions()
        // No CMARK_OPT_VALIDATE_UTF8: the source is a Swift String, always valid UTF-8, so checking it
        // again only cost time.
        var cmarkOptions = CMARK_OPT_FOOTNOTES
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", plainText: "", links: [], images: [])
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        source.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = CmarkGlobalState.finish(parser) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", plainText: "", links: [], images: [])
        }
        defer { cmark_node_free(document) }

        let facts = DocumentWalker(allowRawHTML: options.allowRawHTML, idPrefix: options.headingIDPrefix,
                                   plainTextLimit: options.plainTextLimit).walk(document)
        guard let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", plainText: "", links: [], images: [])
        }
        let length = strlen(rendered)
        let html = rendered.withMemoryRebound(to: UInt8.self, capacity: length) {
            HeadingIDInserter.insert(ids: facts.headingSlots, into: UnsafeBufferPointer(start: $0, count: length))
        }
        free(rendered)
        return RenderedMarkdown(
            html: TableWrapper.wrap(html, label: options.tableLabel),
            headings: facts.headings,
            firstParagraph: facts.firstParagraph,
            plainText: facts.plainText,
            links: facts.links,
            images: facts.images,
            tables: facts.tables,
            shortcodes: facts.shortcodes
        )
    }
}

/// cmark-gfm keeps process-wide state: the extension registry, filled once, and a table of special
/// characters that `cmark_parser_finish` rewrites for the extensions attached to each parser. Two threads
/// finishing at once silently lose strikethrough and autolinks, so that call is taken under one lock.
enum CmarkGlobalState {
    private static let finishLock = NSLock()
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static func registerExtensions() { _ = registration }

    static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        finishLock.lock()
        defer { finishLock.unlock() }
        return cmark_parser_finish(parser)
    }
}
