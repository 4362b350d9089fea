import Mustache

/// A view the templates read. Its fields are declared once, in `fields`; the lookup below, the partial
/// cache's fingerprint and the template check are made from that list.
///
/// swift-mustache renders a plain `String` after several failed casts (template, custom renderable,
/// lambda, optional) and `String(describing:)`, and looks names up on a `String` pushed by a section
/// (`{{#summary}}…{{/summary}}`) through `Mirror`; a value that is a `MustacheCustomRenderable` and a
/// `MustacheParent` takes the short path in both, with the same bytes out.
protocol TemplateView: MustacheParent {
    static var fields: ViewFields<Self> { get }
}

extension TemplateView {
    func value(named name: String) -> Any? {
        Self.fields.value(named: name, of: self)
    }

    func child(named name: String) -> Any? {
        guard let found = value(named: name) else { return nil }
        if let text = found as? String { return TemplateText(text) }
        return found
    }

    static var schema: ViewSchema { fields.schema }

    /// Every value a template can read from this view, written out (`ViewFields.appendContent`).
    func appendContent(to bytes: inout [UInt8]) {
        Self.fields.appendContent(of: self, to: &bytes)
    }
}

/// A view that shared partials may be cached by: its fingerprint is every field it declares.
extension TemplateFingerprint where Self: TemplateView {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        Self.fields.appendFingerprint(of: self, to: &bytes)
    }
}

/// Text for the templates: rendered as itself (escaped unless written with three braces), truthy in a
/// section like any present value, and with the library's string transforms (`{{uppercased(title)}}`).
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }

    /// A string has no fields, so a name inside `{{#text}}…{{/text}}` is looked up further out.
    func child(named name: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { text.transform(name) }
}
