import Foundation
import Mustache

/// Renders shared partials (the header, the footer, breadcrumbs, news cards) once per distinct input
/// instead of once per use, with the same bytes out.
///
/// swift-mustache gives no hook into partials, so `SharedPartials` rewrites the includes it can prove
/// equivalent into `{{{__cachedPartialM}}}`. On a page whose sections around those includes put nothing
/// on the context (`qualifies`), the include sees only the page, or a list item over the page; the
/// page's root (`CachingRoot`) answers the variable here, walking the list itself for an include that
/// was a whole section. The partial's
/// output is a function of the values it looked up: the first render records those lookups and their
/// values, and a later use whose values are byte for byte the same gets the recorded output. A value that
/// cannot be compared that way is simply rendered again; a page that does not qualify is rendered with
/// the templates as written.
///
/// Unchecked `Sendable`: the recorded entries, its only mutable state, are read and written under `lock`;
/// the library and the occurrences are immutable after `init`.
final class PartialCache: @unchecked Sendable {
    struct Entry {
        /// Names the partial looked up on the page (for an item: that the item did not answer), in order,
        /// and what each gave.
        var lookups: [(name: String, fingerprint: [UInt8])]
        var output: String
        /// The values themselves (and the list item the output was made for), kept alive so that an object
        /// written as its identity keeps its address.
        var values: [Any?]
    }

    static let variablePrefix = "__cachedPartial"
    /// At most this many different outputs are kept for one include on a page (a header has one per menu
    /// state), or for one item.
    static let maximumEntries = 64

    /// The library with the includes rewritten; partials themselves are as written.
    let library: MustacheLibrary
    let occurrences: [SharedPartials.Occurrence]
    private var pageEntries: [[Entry]]
    private var itemEntries: [[ItemKey: [Entry]]]
    private let lock = NSLock()
    /// By occurrence number, for an include that was a whole section: its section's name split at dots.
    private let wholeSectionParts: [Int: [String]]

    init(library: MustacheLibrary, shared: SharedPartials) {
        self.library = library
        occurrences = shared.occurrences
        pageEntries = Array(repeating: [], count: occurrences.count)
        itemEntries = Array(repeating: [:], count: occurrences.count)
        wholeSectionParts = Self.wholeSectionParts(occurrences)
        // A page renders its template, the templates that one extends or includes, and so on: only the
        // includes rewritten in those matter for it.
        var checks: [String: [(parts: [String], mayBeList: Bool)]] = [:]
        for template in shared.includes.keys {
            var seen: Set<String> = [template]
            var pending = [template]
            var numbers: [Int] = []
            while let next = pending.popLast() {
                numbers += shared.occurrencesByTemplate[next] ?? []
                for included in shared.includes[next] ?? [] where seen.insert(included).inserted { pending.append(included) }
            }
            if let made = Self.checks(for: numbers.sorted().map { shared.occurrences[$0] }) { checks[template] = made }
        }
        sectionChecks = checks
    }

    private init(library: MustacheLibrary, occurrences: [SharedPartials.Occurrence],
                 sectionChecks: [String: [(parts: [String], mayBeList: Bool)]]) {
        self.library = library
        self.occurrences = occurrences
        self.sectionChecks = sectionChecks
        pageEntries = Array(repeating: [], count: occurrences.count)
        itemEntries = Array(repeating: [:], count: occurrences.count)
        wholeSectionParts = Self.wholeSectionParts(occurrences)
    }

    private static func wholeSectionParts(_ occurrences: [SharedPartials.Occurrence]) -> [Int: [String]] {
        var parts: [Int: [String]] = [:]
        for (number, occurrence) in occurrences.enumerated() where occurrence.isWholeSection {
            if let name = occurrence.sections.last {
                parts[number] = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return parts
    }

    /// The same rewritten templates with no outputs recorded. The preview server keeps parsed templates
    /// between rebuilds (`RenderCache`), but each rebuild has a new site view: entries recorded for the
    /// old one would never match again, yet count towards `maximumEntries` and keep the old views alive.
    func emptied() -> PartialCache {
        PartialCache(library: library, occurrences: occurrences, sectionChecks: sectionChecks)
    }

    /// Whether every section around every rewritten include is absent or true on `page` (or, for the
    /// innermost section of a whole-section include, an array of views by its type), so that each include
    /// sees the page at the bottom of the context and nothing but a list item above it.
    func qualifies(_ page: any MustacheParent, template: String) -> Bool {
        guard let checks = sectionChecks[template] else { return false }
        for check in checks {
            guard let value = Self.resolve(check.parts, on: page) else { return false }
            // Nothing pushed, or text (which answers no name, so lookups pass it as if it were not there),
            // or, around a whole-section include, views that answer the include themselves.
            guard value == nil || value is Bool || value is TemplateText
                    || (check.mayBeList && (value is any TemplateViewList || value is any TemplateView)) else { return false }
        }
        return true
    }

    /// By template: the sections `qualifies` looks at, each once, its name split at dots; no entry when
    /// a name is one whose value cannot be known here (`.`, a transform, an empty part).
    private let sectionChecks: [String: [(parts: [String], mayBeList: Bool)]]

    static func checks(for occurrences: [SharedPartials.Occurrence]) -> [(parts: [String], mayBeList: Bool)]? {
        var checks: [(parts: [String], mayBeList: Bool)] = []
        for occurrence in occurrences {
            for (position, name) in occurrence.sections.enumerated() {
                let mayBeList = occurrence.isWholeSection && position == occurrence.sections.count - 1
                let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if name.isEmpty || name.hasPrefix(".") || name.contains("(") || parts.contains(where: \.isEmpty) { return nil }
                if let existing = checks.firstIndex(where: { $0.parts == parts }) {
                    checks[existing].mayBeList = checks[existing].mayBeList && mayBeList
                } else {
                    checks.append((parts, mayBeList))
                }
            }
        }
        return checks
    }

    /// A section's value as the library finds it from the page (a dotted name part by part):
    /// `.some(nil)` when absent, nil when a part is looked up on something that is not a `MustacheParent`.
    static func resolve(_ parts: [String], on page: any MustacheParent) -> Any?? {
        var value: Any? = page
        for part in parts {
            guard let found = value else { return .some(nil) }
            guard let parent = found as? any MustacheParent else { return nil }
            value = parent.child(named: part)
        }
        return .some(value)
    }

    /// Include `number` seen from the page itself.
    func render(_ number: Int, for page: any MustacheParent) -> String {
        let entries = lock.withLock { pageEntries[number] }
        var pageFingerprints: [String: [UInt8]?] = [:]
        let (output, recorded) = render(number, root: page, over: nil, entries: entries, pageFingerprints: &pageFingerprints)
        if let recorded {
            lock.withLock { if pageEntries[number].count < Self.maximumEntries { pageEntries[number].append(recorded) } }
        }
        return output
    }

    /// Include `number` seen from `item`, an element of the list its section walks, over the page.
    /// `pageFingerprints` keeps what the page's values looked up so far gave, for the next item.
    func render(_ number: Int, item: any TemplateView, for page: any MustacheParent,
                pageFingerprints: inout [String: [UInt8]?]) -> String {
        guard let fingerprint = Self.fingerprint(item) else {
            return render(number, root: page, over: item, entries: [], pageFingerprints: &pageFingerprints).0
        }
        let itemKey = ItemKey(bytes: fingerprint)
        let entries = lock.withLock { itemEntries[number][itemKey] ?? [] }
        let (output, recorded) = render(number, root: page, over: item, entries: entries, pageFingerprints: &pageFingerprints)
        if let recorded {
            lock.withLock {
                if itemEntries[number][itemKey, default: []].count < Self.maximumEntries { itemEntries[number][itemKey, default: []].append(recorded) }
            }
        }
        return output
    }

    /// A recorded output whose lookups give the same values on `root`, or a new render with its record
    /// (nil when some value could not be compared). `pageFingerprints`: the fingerprints of `root`'s
    /// values by name, as far as they are known.
    private func render(_ number: Int, root: any MustacheParent, over item: (any TemplateView)?, entries: [Entry],
                        pageFingerprints: inout [String: [UInt8]?]) -> (String, Entry?) {
        func fingerprint(_ name: String) -> [UInt8]? {
            if let made = pageFingerprints[name] { return made }
            let made = Self.fingerprint(root.child(named: name))
            pageFingerprints[name] = made
            return made
        }
        for entry in entries where entry.lookups.allSatisfy({ fingerprint($0.name) == $0.fingerprint }) {
            return (entry.output, nil)
        }
        let occurrence = occurrences[number]
        let tracer = LookupTracer(root)
        let context: any MustacheParent = item.map { ItemOverPage(item: $0, page: tracer) } ?? tracer
        var output = library.render(context, withTemplate: occurrence.partial) ?? ""
        if occurrence.dropsFinalLineFeed, output.hasSuffix("\n") { output.removeLast() }
        var lookups: [(name: String, fingerprint: [UInt8])] = []
        var values: [Any?] = []
        for name in tracer.names where !lookups.contains(where: { $0.name == name }) {
            guard let made = fingerprint(name) else { return (output, nil) }
            lookups.append((name, made))
            values.append(root.child(named: name))
        }
        if let item { values.append(item) }
        return (output, Entry(lookups: lookups, output: output, values: values))
    }

    /// Exact bytes of a value, or nil when the value is not one that can be compared this way.
    static func fingerprint(_ value: Any?) -> [UInt8]? {
        var bytes: [UInt8] = []
        guard let value else { return [0] }
        guard let known = value as? any TemplateFingerprint else { return nil }
        bytes.append(1)
        return known.appendFingerprint(to: &bytes) ? bytes : nil
    }

    /// The number in `__cachedPartialM`, nil for any other name.
    static func number(in name: String) -> Int? {
        guard name.utf8.first == UInt8(ascii: "_"), name.hasPrefix(variablePrefix) else { return nil }
        return Int(name.dropFirst(variablePrefix.count))
    }

    /// A whole-section include, `{{#list}}{{> p}}{{/list}}` rewritten to `{{{__cachedPartialM}}}`, walked
    /// as the library walks the section: once over each view of a list, once over a single view, once over
    /// the page for `true` or a text (which answers no name, so lookups pass it), and not at all for an
    /// absent, `false` or empty value. `qualifies` lets no other kind of value through.
    func renderWholeSection(_ number: Int, for page: any MustacheParent) -> String {
        guard let parts = wholeSectionParts[number], let resolved = Self.resolve(parts, on: page), let value = resolved else { return "" }
        switch value {
        case let flag as Bool:
            return flag ? render(number, for: page) : ""
        case is TemplateText:
            return render(number, for: page)
        case let list as any TemplateViewList:
            var output = ""
            var pageFingerprints: [String: [UInt8]?] = [:]
            list.forEachView { output += render(number, item: $0, for: page, pageFingerprints: &pageFingerprints) }
            return output
        case let view as any TemplateView:
            var pageFingerprints: [String: [UInt8]?] = [:]
            return render(number, item: view, for: page, pageFingerprints: &pageFingerprints)
        default:
            return ""
        }
    }
}

/// An item's fingerprint as a dictionary key, hashed in bulk (hashing an array of bytes feeds the
/// hasher one byte at a time).
private struct ItemKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// An array whose elements are all template views by their type, found with one cast (casting to
/// `[any TemplateView]` converted every element).
protocol TemplateViewList {
    func forEachView(_ body: (any TemplateView) -> Void)
}

extension Array: TemplateViewList where Element: TemplateView {
    func forEachView(_ body: (any TemplateView) -> Void) {
        for view in self { body(view) }
    }
}

/// The page as a partial sees it, recording every name looked up on it. (A partial that names `.` is
/// never cached, so how the tracer itself would print does not matter.)
private final class LookupTracer: MustacheParent {
    let page: any MustacheParent
    var names: [String] = []

    init(_ page: any MustacheParent) { self.page = page }

    func child(named name: String) -> Any? {
        names.append(name)
        return page.child(named: name)
    }
}

/// A list item over the page, as the context is inside `{{#list}}…{{/list}}`: a name is looked up on the
/// item first, then on the page.
private struct ItemOverPage: MustacheParent {
    let item: any TemplateView
    let page: any MustacheParent

    func child(named name: String) -> Any? {
        item.child(named: name) ?? page.child(named: name)
    }
}

/// The root of a page's context when includes are rewritten: the page, plus the includes it answers.
/// Described as the page is, so even `{{.}}` at the top shows the same text.
struct CachingRoot: MustacheParent, CustomStringConvertible {
    let page: any MustacheParent
    let cache: PartialCache

    var description: String { String(describing: page) }

    func child(named name: String) -> Any? {
        if let number = PartialCache.number(in: name), cache.occurrences.indices.contains(number) {
            return TemplateText(cache.occurrences[number].isWholeSection
                                ? cache.renderWholeSection(number, for: page) : cache.render(number, for: page))
        }
        return page.child(named: name)
    }
}

/// Values whose every byte that a template could show can be written out, so two are the same exactly
/// when their fingerprints are. `appendFingerprint` is false when part of the value cannot be written so
/// (a view not declared `TemplateFingerprint`): such a value is never compared.
protocol TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool
}

extension String: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(2)
        withUnsafeBytes(of: UInt64(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
        return true
    }
}

extension Bool: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(self ? 4 : 3)
        return true
    }
}

extension Int: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(5)
        withUnsafeBytes(of: Int64(self).littleEndian) { bytes.append(contentsOf: $0) }
        return true
    }
}

extension Optional: TemplateFingerprint where Wrapped: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        switch self {
        case .none:
            bytes.append(6)
            return true
        case .some(let value):
            bytes.append(7)
            return value.appendFingerprint(to: &bytes)
        }
    }
}

extension Array: TemplateFingerprint where Element: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(8)
        _ = count.appendFingerprint(to: &bytes)
        return allSatisfy { $0.appendFingerprint(to: &bytes) }
    }
}

extension TemplateText: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(9)
        return text.appendFingerprint(to: &bytes)
    }
}

/// An immutable view made once and shared by every page (the site, a news card): written as its
/// identity. The cache keeps the values it recorded alive, so no other view can take the same address
/// meanwhile.
protocol SharedTemplateView: TemplateView, TemplateFingerprint, AnyObject {}

extension SharedTemplateView {
    func appendFingerprint(to bytes: inout [UInt8]) -> Bool {
        bytes.append(10)
        withUnsafeBytes(of: UInt(bitPattern: ObjectIdentifier(self))) { bytes.append(contentsOf: $0) }
        return true
    }
}
