import Synchronization
import VietnameseText

/// What one resolve hands to the next: each news item's resolution and each body's prose-check
/// findings, and the slugs made so far. After a save in the preview server only the saved file is
/// resolved and checked again, not the whole archive. A build uses one for a single resolve, where the
/// slugs alone pay: tags repeat across thousands of items.
///
/// Entries are found by file and used only when the file's text is the same (and the settings, and the
/// indicator files for a body that prints indicator values). Unchanged files are the very strings the
/// previous load read, and equal strings that share storage compare in constant time.
final class ResolveCache: Sendable {
    private struct ProseEntry {
        /// The whole text of the file the body came from.
        var source: String
        var firstLine: Int
        var usesShortcodes: Bool
        var findings: Findings
    }

    struct NewsEntry {
        var text: String
        var settings: String
        var item: NewsItem?
        var findings: Findings
    }

    private struct State {
        var prose: [String: ProseEntry] = [:]
        var indicatorSources: [String] = []
        var news: [String: NewsEntry] = [:]
        var slugs: [String: String] = [:]
    }

    private let state = Mutex(State())

    init() {}

    /// The findings of every body, checking with `check` only those not seen before; keeps only this
    /// call's bodies, so the cache never grows beyond one site.
    func proseFindings(for bodies: [ProseBody], indicatorSources: [String], check: @Sendable (ProseBody, _ text: String) -> Findings) -> Findings {
        let (known, indicatorsSame) = state.withLock { state in
            (state.prose, state.indicatorSources == indicatorSources)
        }
        let entries = bodies.parallelMap { body -> ProseEntry in
            if let entry = known[body.file.displayPath], entry.firstLine == body.firstLine, entry.source == body.file.text,
               indicatorsSame || !entry.usesShortcodes {
                return entry
            }
            // Made once: a news item's body is cut from its file's text at each use.
            let text = body.text()
            return ProseEntry(source: body.file.text, firstLine: body.firstLine, usesShortcodes: text.containsASCII("{{<"),
                              findings: check(body, text))
        }
        var kept: [String: ProseEntry] = [:]
        kept.reserveCapacity(bodies.count)
        for (body, entry) in zip(bodies, entries) { kept[body.file.displayPath] = entry }
        state.withLock { state in
            state.prose = kept
            state.indicatorSources = indicatorSources
        }
        return Findings(entries.flatMap(\.findings))
    }

    /// The previous resolutions of news items, by path under Content/; `keepNews` replaces them.
    var news: [String: NewsEntry] { state.withLock { $0.news } }

    func keepNews(_ entries: [String: NewsEntry]) {
        state.withLock { $0.news = entries }
    }

    /// A snapshot of the slug memo for one resolve, and where it goes back when the resolve ends.
    var slugs: SlugMemo { SlugMemo(state.withLock { $0.slugs }) }

    func keep(_ slugs: SlugMemo) {
        state.withLock { $0.slugs = slugs.used }
    }
}

/// `Slug.make` with the answers remembered; news items are resolved on every core, so it takes a lock
/// (held for the lookups only: two threads may make the same slug at once, and both get the same answer).
final class SlugMemo: Sendable {
    private let known: [String: String]
    private let remembered = Mutex<[String: String]>([:])

    init(_ known: [String: String]) {
        self.known = known
    }

    /// Every text this memo made a slug for, with its slug.
    var used: [String: String] { remembered.withLock { $0 } }

    func make(_ text: String) -> String {
        if let slug = remembered.withLock({ $0[text] }) { return slug }
        let slug = known[text] ?? Slug.make(text)
        remembered.withLock { $0[text] = slug }
        return slug
    }
}
