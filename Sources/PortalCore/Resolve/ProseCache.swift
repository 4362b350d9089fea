import Synchronization

/// The prose check's findings for each body, kept from one resolve to the next: after a save in the
/// preview server only the saved body is checked again, not the whole archive.
///
/// An entry is used only for the same file with the same text at the same line; a body that prints
/// indicator values is checked again whenever the indicator files changed.
final class ProseCache: Sendable {
    private struct Entry {
        var text: String
        var firstLine: Int
        var usesShortcodes: Bool
        var findings: [Finding]
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var indicatorSources: [String] = []
    }

    private let state = Mutex(State())

    init() {}

    /// The findings of every body, checking with `check` only those not seen before; keeps only this
    /// call's bodies, so the cache never grows beyond one site.
    func findings(for bodies: [ProseBody], indicatorSources: [String], check: @Sendable (ProseBody) -> [Finding]) -> [Finding] {
        let (known, indicatorsSame) = state.withLock { state in
            // Equal strings that share storage compare in constant time: unchanged files are the very
            // strings the previous load read.
            (state.entries, state.indicatorSources == indicatorSources)
        }
        let entries = bodies.parallelMap { body -> Entry in
            if let entry = known[body.file.displayPath], entry.firstLine == body.firstLine, entry.text == body.text,
               indicatorsSame || !entry.usesShortcodes {
                return entry
            }
            return Entry(text: body.text, firstLine: body.firstLine, usesShortcodes: body.text.contains("{{<"), findings: check(body))
        }
        var kept: [String: Entry] = [:]
        kept.reserveCapacity(bodies.count)
        for (body, entry) in zip(bodies, entries) { kept[body.file.displayPath] = entry }
        state.withLock { state in
            state.entries = kept
            state.indicatorSources = indicatorSources
        }
        return entries.flatMap(\.findings)
    }
}
