/// An old address of a page (`aliases:` in front matter), sent on to the page: the province's previous
/// subsite is still linked from documents and social media.
public struct Alias: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A path a static file can answer (`/tin-tuc/ten-cu/`, `/tin-cu.html`): a redirect page is
        /// written at this output path.
        case page(outputPath: String)
        /// A query form or a script's name (`/index.php?com=tintuc_ct&id_news=170`): only the server can
        /// answer it, from the snippet the build writes beside the output (`AliasRedirects`).
        case server
    }

    /// The old site path, with its query: `/index.php?com=tintuc_ct&id_news=170`.
    public let address: String
    public let form: Form
    /// The site path of the page it leads to.
    public let target: String
    public let targetTitle: String
    public let location: SourceLocation
}
