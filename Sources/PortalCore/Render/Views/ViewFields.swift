/// A view's fields, declared once: the Mustache lookup (`TemplateView.value(named:)`), the shared
/// partials' fingerprint (`PartialCache`) and the template check (`TemplateCheck`) are all made from this
/// list, so a field cannot be seen by a template and missed by the others.
struct ViewFields<View>: Sendable {
    let fields: [ViewField<View>]
    private let positions: [String: Int]
    /// The view that answers the names this one does not have: a news item's page answers with its card.
    let fallback: (@Sendable (View) -> any TemplateView)?
    /// Made once per view type (each type's `fields` is a static constant).
    let schema: ViewSchema

    init(_ fields: [ViewField<View>]) {
        self.init(fields, fallback: nil, schema: nil)
    }

    /// - Parameter fallback: the nested view that answers every other name.
    init<Inner: TemplateView>(_ fields: [ViewField<View>], otherNamesFrom fallback: @escaping @Sendable (View) -> Inner) {
        self.init(fields, fallback: { fallback($0) }, schema: { Inner.schema })
    }

    /// - Parameter fallback: the view, known only when the page is made, that answers every other name
    ///   (a page's content); the template check is told its type separately.
    init(_ fields: [ViewField<View>], otherNamesFromContent fallback: @escaping @Sendable (View) -> any TemplateView) {
        self.init(fields, fallback: fallback, schema: nil)
    }

    private init(_ fields: [ViewField<View>], fallback: (@Sendable (View) -> any TemplateView)?, schema: (@Sendable () -> ViewSchema)?) {
        self.fields = fields
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name] == nil { positions[field.name] = position }
        self.positions = positions
        self.fallback = fallback
        self.schema = ViewSchema(typeName: String(describing: View.self),
                                 fields: Dictionary(fields.map { ($0.name, $0.shape) }, uniquingKeysWith: { first, _ in first }),
                                 fallback: schema)
    }

    func value(named name: String, of view: View) -> Any? {
        if let position = positions[name] { return fields[position].read(view) }
        return fallback?(view).value(named: name)
    }

    /// Every field's value by content, in order, then the fallback's: the same bytes for the same values in
    /// any process (no addresses), so a digest of them can key a cache kept on disk.
    func appendContent(of view: View, to bytes: inout [UInt8]) {
        _ = schema.typeName.appendFingerprint(to: &bytes)
        for field in fields { field.content(view, &bytes) }
        guard let fallback else { return bytes.append(11) }
        bytes.append(12)
        fallback(view).appendContent(to: &bytes)
    }

    /// Every field's value in order, then the fallback's; false when one cannot be compared byte for byte.
    func appendFingerprint(of view: View, to bytes: inout [UInt8]) -> Bool {
        withUnsafeBytes(of: UInt(bitPattern: ObjectIdentifier(View.self))) { bytes.append(contentsOf: $0) }
        for field in fields {
            guard field.fingerprint(view, &bytes) else { return false }
        }
        guard let fallback else { return true }
        guard let inner = fallback(view) as? any TemplateFingerprint else { return false }
        return inner.appendFingerprint(to: &bytes)
    }
}

/// One field of a view: its name, what a template finds there, and how it is read.
struct ViewField<View>: Sendable {
    let name: String
    let shape: FieldShape
    let read: @Sendable (View) -> Any?
    /// Writes the value for `PartialCache`; false when it is not a value that can be compared that way.
    let fingerprint: @Sendable (View, inout [UInt8]) -> Bool
    /// Writes the value itself, shared views too, the same in every process: the page cache's key
    /// (`PageCache`) is a digest of these bytes.
    let content: @Sendable (View, inout [UInt8]) -> Void

    /// - Parameter content: nil for a value that cannot be written out: the view's key is then this
    ///   process's own, so no other build's page is taken for it.
    init(name: String, shape: FieldShape, read: @escaping @Sendable (View) -> Any?,
         fingerprint: @escaping @Sendable (View, inout [UInt8]) -> Bool,
         content: (@Sendable (View, inout [UInt8]) -> Void)? = nil) {
        self.name = name
        self.shape = shape
        self.read = read
        self.fingerprint = fingerprint
        self.content = content ?? { _, bytes in bytes += ExecutableIdentity.processNonce }
    }

    /// Text, shown escaped with `{{name}}` or as HTML with `{{{name}}}`; nil (absent) is false in a section.
    static func text(_ name: String, _ read: @escaping @Sendable (View) -> String?) -> ViewField {
        ViewField(name: name, shape: .value, read: { read($0) }, fingerprint: { view, bytes in read(view).appendFingerprint(to: &bytes) },
                  content: { view, bytes in _ = read(view).appendFingerprint(to: &bytes) })
    }

    /// A list of texts, each shown with `{{.}}` inside the section.
    static func texts(_ name: String, _ read: @escaping @Sendable (View) -> [String]) -> ViewField {
        ViewField(name: name, shape: .value, read: { read($0) }, fingerprint: { view, bytes in read(view).appendFingerprint(to: &bytes) },
                  content: { view, bytes in _ = read(view).appendFingerprint(to: &bytes) })
    }

    static func flag(_ name: String, _ read: @escaping @Sendable (View) -> Bool) -> ViewField {
        ViewField(name: name, shape: .value, read: { read($0) }, fingerprint: { view, bytes in read(view).appendFingerprint(to: &bytes) },
                  content: { view, bytes in _ = read(view).appendFingerprint(to: &bytes) })
    }

    static func number(_ name: String, _ read: @escaping @Sendable (View) -> Int) -> ViewField {
        ViewField(name: name, shape: .value, read: { read($0) }, fingerprint: { view, bytes in read(view).appendFingerprint(to: &bytes) },
                  content: { view, bytes in _ = read(view).appendFingerprint(to: &bytes) })
    }

    /// A nested view, or nil: `{{#pagination}}…{{/pagination}}` looks names up on it first.
    static func view<Inner: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> Inner?) -> ViewField {
        ViewField(name: name, shape: .view { Inner.schema }, read: { read($0) }, fingerprint: { view, bytes in
            guard let inner = read(view) else {
                bytes.append(6)
                return true
            }
            guard let known = inner as? any TemplateFingerprint else { return false }
            bytes.append(7)
            return known.appendFingerprint(to: &bytes)
        }, content: { view, bytes in
            guard let inner = read(view) else { return bytes.append(6) }
            bytes.append(7)
            Inner.fields.appendContent(of: inner, to: &bytes)
        })
    }

    /// A list of views: `{{#items}}…{{/items}}` is drawn once for each, names looked up on it first.
    static func list<Inner: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> [Inner]) -> ViewField {
        ViewField(name: name, shape: .list { Inner.schema }, read: { read($0) }, fingerprint: { view, bytes in
            let list = read(view)
            bytes.append(8)
            list.count.appendFingerprint(to: &bytes)
            for inner in list {
                guard let known = inner as? any TemplateFingerprint, known.appendFingerprint(to: &bytes) else { return false }
            }
            return true
        }, content: { view, bytes in
            let list = read(view)
            bytes.append(8)
            _ = list.count.appendFingerprint(to: &bytes)
            for inner in list { Inner.fields.appendContent(of: inner, to: &bytes) }
        })
    }
}

/// What a template finds under a name, as far as the template check needs to know.
enum FieldShape: Sendable {
    /// Text, a number or a flag: inside its section, names are looked up further out.
    case value
    /// A view: inside its section, names are looked up on it first.
    case view(@Sendable () -> ViewSchema)
    /// A list of views: inside its section, names are looked up on each first.
    case list(@Sendable () -> ViewSchema)
}

/// A view type's field names, for the template check.
struct ViewSchema: Sendable {
    let typeName: String
    let fields: [String: FieldShape]
    let fallback: (@Sendable () -> ViewSchema)?

    func shape(of name: String) -> FieldShape? {
        fields[name] ?? fallback?().shape(of: name)
    }

    /// Every name this view answers, for a finding that lists them.
    var allNames: [String] {
        (Array(fields.keys) + (fallback?().allNames ?? [])).sorted()
    }
}
