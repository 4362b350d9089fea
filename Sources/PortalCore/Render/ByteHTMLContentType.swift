import ByteText
import Mustache

/// swift-mustache's HTML escaping, done by the project's byte escaper (`HTMLEscaping`): the library's
/// own escaper looks every `Character` up in a dictionary, which made escaping the largest single cost
/// of rendering a page.
///
/// Registered with the library as `PORTAL_HTML` and selected by the pragma `TemplateSet` puts in front
/// of every template (the library starts each template, partials included, in its own default HTML type).
struct ByteHTMLContentType: MustacheContentType {
    static let name = "PORTAL_HTML"

    /// Registers the type once per process; `MustacheContentTypes` is the library's global registry.
    static let registered: Void = { MustacheContentTypes.register(ByteHTMLContentType(), named: name) }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
