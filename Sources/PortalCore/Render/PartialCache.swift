import Foundation
import Mustache

/// Renders the partials every page shares (the header, the footer) once per distinct input instead of
/// once per page, with the same bytes out.
///
/// swift-mustache gives no hook into partials, so `TemplateSet` rewrites, in the templates rendered with
/// the page itself at the top of the context, each line that is nothing but `{{> name}}` of a simple
/// partial into `{{{__cachedPartialN}}}`; `CachingRoot` answers that name with the partial's output.
/// That output is a function of the values the partial looked up on the page (a partial called at the
/// top of the context sees the page and what the page's values hold, nothing else), so the first render
/// records those lookups and their values, and any later page whose values are byte for byte the same
/// gets the recorded output. A page with a value that cannot be compared that way is rendered as before.
final class PartialCache: @unchecked Sendable {
    struct Entry {
        /// Names the partial looked up on the page, in order, and what each gave.
        var lookups: [(name: String, fingerprint: [UInt8])]
        var output: String
        /// The values themselves, kept alive so that an object written as its identity keeps its address.
        var values: [Any?]
    }

    static let variablePrefix = "__cachedPartial"
    /// At most this many different outputs are kept for one partial (a header has one per menu state).
    static let maximumEntries = 64

    let library: MustacheLibrary
    /// By the number in `__cachedPartialN`: the partial's template name.
    let partials: [String]
    private var entries: [[Entry]]
    private let lock = NSLock()

    init(library: MustacheLibrary, partials: [String]) {
        self.library = library
        self.partials = partials
        entries = Array(repeating: [], count: partials.count)
    }

    /// The output of partial `number` for `page`, without its final line feed (the rewritten line keeps
    /// its own).
    func render(_ number: Int, for page: any MustacheParent) -> String {
        let known = lock.withLock { entries[number] }
        var fingerprints: [String: [UInt8]?] = [:]
        func fingerprint(_ name: String) -> [UInt8]? {
            if let made = fingerprints[name] { return made }
            let made = Self.fingerprint(page.child(named: name))
            fingerprints[name] = made
            return made
        }
        for entry in known where entry.lookups.allSatisfy({ fingerprint($0.name) == $0.fingerprint }) {
            return entry.output
        }
        let tracer = LookupTracer(page)
        let output = String((library.render(tracer, withTemplate: partials[number]) ?? "").dropLast())
        var lookups: [(name: String, fingerprint: [UInt8])] = []
        var values: [Any?] = []
        for name in tracer.names where !lookups.contains(where: { $0.name == name }) {
            guard let made = fingerprint(name) else { return output }
            lookups.append((name, made))
            values.append(page.child(named: name))
        }
        lock.withLock {
            if entries[number].count < Self.maximumEntries {
                entries[number].append(Entry(lookups: lookups, output: output, values: values))
            }
        }
        return output
    }

    /// Exact bytes of a value, or nil when the value is not one that can be compared this way.
    static func fingerprint(_ value: Any?) -> [UInt8]? {
        var bytes: [UInt8] = []
        guard let value else { return [0] }
        guard let known = value as? any TemplateFingerprint else { return nil }
        bytes.append(1)
        known.appendFingerprint(to: &bytes)
        return bytes
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

/// The root of a page's context when partials are cached: the page, plus the rewritten partial lines.
/// Described as the page is, so even `{{.}}` at the top shows the same text.
struct CachingRoot: MustacheParent, CustomStringConvertible {
    let page: any MustacheParent
    let cache: PartialCache

    var description: String { String(describing: page) }

    func child(named name: String) -> Any? {
        if name.utf8.first == UInt8(ascii: "_"), name.hasPrefix(PartialCache.variablePrefix),
           let number = Int(name.dropFirst(PartialCache.variablePrefix.count)), cache.partials.indices.contains(number) {
            return TemplateText(cache.render(number, for: page))
        }
        return page.child(named: name)
    }
}

/// Values whose every byte that a template could show can be written out, so two are the same exactly
/// when their fingerprints are.
protocol TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8])
}

extension String: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(2)
        withUnsafeBytes(of: UInt64(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }
}

extension Bool: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) { bytes.append(self ? 4 : 3) }
}

extension Int: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(5)
        withUnsafeBytes(of: Int64(self).littleEndian) { bytes.append(contentsOf: $0) }
    }
}

extension Optional: TemplateFingerprint where Wrapped: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        switch self {
        case .none: bytes.append(6)
        case .some(let value):
            bytes.append(7)
            value.appendFingerprint(to: &bytes)
        }
    }
}

extension Array: TemplateFingerprint where Element: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(8)
        count.appendFingerprint(to: &bytes)
        for element in self { element.appendFingerprint(to: &bytes) }
    }
}

extension TemplateText: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(9)
        text.appendFingerprint(to: &bytes)
    }
}
