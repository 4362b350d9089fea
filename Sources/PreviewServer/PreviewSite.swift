import Foundation
import PortalCore
import Synchronization

/// One good build as the server holds it: data and copied files by path, and pages rendered from their
/// templates the first time a browser asks for them, then kept.
///
/// Rendering every page before telling the browsers to reload was most of a rebuild; the tab that
/// reloads needs one page.
final class ServedSite: Sendable {
    let prepared: PreparedSite
    private let others: [String: OutputFile]
    private let rendered = Mutex<[String: OutputFile]>([:])

    init(_ prepared: PreparedSite) {
        self.prepared = prepared
        var others: [String: OutputFile] = [:]
        for file in prepared.otherFiles { others[file.path] = file }
        self.others = others
    }

    func contains(_ path: String) -> Bool {
        others[path] != nil || prepared.hasPage(path)
    }

    func file(_ path: String) -> OutputFile? {
        if let file = others[path] { return file }
        if let file = rendered.withLock({ $0[path] }) { return file }
        // Rendered outside the lock: two requests for one new page may both render it, which is harmless
        // and better than making every request wait behind one render.
        guard let file = prepared.render(path: path) else { return nil }
        rendered.withLock { $0[path] = file }
        return file
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
    /// Unchanged Markdown bodies and templates are not rendered or parsed again on the next save.
    private let cache = RenderCache()

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
        let (prepared, findings) = SiteBuilder().prepare(options, cache: cache)
        let good = findings.hasErrors ? nil : prepared
        let errorPage = good == nil ? ErrorPage.render(findings, content: options.content, theme: options.theme) : nil
        let served = good.map(ServedSite.init)
        let generation = current.withLock { snapshot in
            snapshot.generation += 1
            if let served { snapshot.site = served }
            snapshot.errorPage = errorPage
            return snapshot.generation
        }
        broadcaster.send(event: "reload", data: "\(instance)-\(generation)")
        let duration = clock.now - started

        // Written after the browsers were told, so --output never slows the preview down.
        var writeFindings: [Finding] = []
        if let good, let output {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            _ = writer.write(good, findings: &writeFindings)
        }
        return RebuildReport(findings: findings, succeeded: good != nil, pageCount: prepared?.pagePaths.count ?? 0,
                             duration: duration, changedPaths: changedPaths, writeFindings: writeFindings)
    }
}
