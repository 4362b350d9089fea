/// A stand-alone page (`Content/pages/*.md`): giới thiệu, liên hệ, …
public struct Page: Sendable {
    public var source: SourceFile
    public var title: String
    public var summary: String?
    public var slug: String
    /// A template under `Theme/templates/` other than the default `page`, e.g. `contact`.
    public var layout: String
    /// `en` for the English page; nil means the site's language.
    public var language: String?
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int

    public var url: String { URLScheme.page(slug: slug) }
}
