import Foundation
import PortalCore
import Synchronization

/// One good build as the server holds it: copied files by path, pages rendered from their templates the
/// first time a browser asks for them, and feeds, sitemap and search index made when one of them is first
/// asked for; all kept once made.
///
/// Rendering every page before telling the browsers to reload was most of a rebuild; the tab that
/// reloads needs one page.
final class ServedSite: Sendable {
    let prepared: PreparedSite
    private let copied: [String: OutputFile]
    private let rendered = Mutex<[String: OutputFile]>([:])
    private let generated = Mutex<[String: OutputFile]?>(nil)

    init(_ prepared: PreparedSite) {
        self.prepared = prepared
        var copied: [String: OutputFile] = [:]
        for file in prepared.copiedFiles { copied[file.path] = file }
        self.copied = copied
    }

    func contains(_ path: String) -> Bool {
        copied[path] != nil || prepared.hasPage(path) || generatedFiles()[path] != nil
    }

    func file(_ path: String) -> OutputFile? {
        if let file = copied[path] { return file }
        if prepared.hasPage(path) {
            if let file = rendered.withLock({ $0[path] }) { return file }
            // Rendered outside the lock: two requests for one new page may both render it, which is
            // harmless and better than making every request wait behind one render.
            guard let file = prepared.render(path: path) else { return nil }
            rendered.withLock { $0[path] = file }
            return file
        }
        return generatedFiles()[path]
    }

    /// Made under the lock (`otherFiles`, all at once): a second request waits for the first's.
    private func generatedFiles() -> [String: OutputFile] {
        generated.withLock { generated in
            if let generated { return generated }
            var files: [String: OutputFile] = [:]
            for file in prepared.otherFiles { files[file.path] = file }
            generated = files
            return files
        }
    }
}

/// The site as the server currently serves it, replaced whole by each rebuild so a request never sees
/// half of one build and half of another.
struct SiteSnapshot: Sendable {
    /// The last build that succeeded.
    var site: ServedSite?
    /// Set while the latest build has errors: the page every HTML request gets instead.
    var errorPage: String?
    /// Counts builds; sent to browsers so a tab can tell a new build from the one it shows.
    var generation: Int
}

/// What one rebuild did, for the terminal.
public struct RebuildReport: Sendable {
    public var findings: [Finding]
    public var succeeded: Bool
    public var pageCount: Int
    /// From the first event to the browsers being told, pages not rendered yet (see `ServedSite`).
    public var duration: Duration
    /// Paths under the watched folders that changed, when the watcher knows them.
    public var changedPaths: [String]
    /// Set when the site was also written to disk (`--output`) and that failed.
    public var writeFindings: [Finding]
}

/// Holds the served site and rebuilds it. Rebuilds run one at a time, on the watcher's thread.
final class PreviewSite: Sendable {
    let options: BuildOptions
    let output: (url: URL, display: String)?
    let broadcaster: ReloadBroadcaster
    /// Distinguishes this server process from a restarted one in the browser's `hello` check.
    let instance = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    private let current = Mutex(SiteSnapshot(site: nil, errorPage: nil, generation: 0))
    /// What the previous rebuild read and made: a save reads, checks and renders again only what it
    /// touched.
    private let cache = SiteCache()

    init(options: BuildOptions, output: (url: URL, display: String)?, broadcaster: ReloadBroadcaster) {
        var inMemory = options
        inMemory.output = nil
        self.options = inMemory
        self.output = output
        self.broadcaster = broadcaster
    }

    var snapshot: SiteSnapshot { current.withLock { $0 } }

    var buildID: String { "\(instance)-\(snapshot.generation)" }

    /// Builds the site in memory, swaps it in and tells every open tab; while the build has errors the
    /// last good site stays served for everything but HTML.
    @discardableResult
    func rebuild(changedPaths: [String] = []) -> RebuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        let changes = Self.changes(changedPaths, content: options.content.root, theme: options.theme.root)
        let (prepared, findings) = SiteBuilder().prepare(options, cache: cache, changes: changes)
        let good = findings.hasErrors ? nil : prepared
        let errorPage = good == nil ? ErrorPage.render(findings, content: options.content, theme: options.theme) : nil
        let served = good.map(ServedSite.init)
        let (generation, replaced) = current.withLock { snapshot in
            snapshot.generation += 1
            let replaced = served == nil ? nil : snapshot.site
            if let served { snapshot.site = served }
            snapshot.errorPage = errorPage
            return (snapshot.generation, replaced)
        }
        broadcaster.send(event: "reload", data: "\(instance)-\(generation)")
        let duration = clock.now - started
        // The replaced site is freed here, after the browsers were told: at tens of thousands of items
        // freeing it takes a while.
        withExtendedLifetime(replaced) {}

        // Written after the browsers were told, so --output never slows the preview down.
        var writeFindings = Findings()
        if let good, let output {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            _ = writer.write(good, findings: &writeFindings)
        }
        return RebuildReport(findings: findings, succeeded: good != nil, pageCount: prepared?.pageCount ?? 0,
                             duration: duration, changedPaths: changedPaths, writeFindings: writeFindings.sorted)
    }

    /// The watcher's absolute paths as paths under Content/ and Theme/; everything when it does not know
    /// (the first build, polling, lost events) or a path is one of the folders themselves.
    static func changes(_ paths: [String], content: URL, theme: URL) -> ContentChanges {
        guard !paths.isEmpty else { return .everything }
        var inContent: Set<String> = []
        var inTheme: Set<String> = []
        let contentRoot = content.path.hasSuffix("/") ? content.path : content.path + "/"
        let themeRoot = theme.path.hasSuffix("/") ? theme.path : theme.path + "/"
        for path in paths {
            if path.hasPrefix(contentRoot), path.count > contentRoot.count {
                inContent.insert(String(path.dropFirst(contentRoot.count)))
            } else if path.hasPrefix(themeRoot), path.count > themeRoot.count {
                inTheme.insert(String(path.dropFirst(themeRoot.count)))
            } else {
                return .everything
            }
        }
        return .paths(content: inContent, theme: inTheme)
    }
}
