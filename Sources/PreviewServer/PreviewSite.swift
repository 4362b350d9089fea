import Foundation
import PortalCore
import Synchronization

/// The site as the server currently serves it, replaced whole by each rebuild so a request never sees
/// half of one build and half of another.
struct SiteSnapshot: Sendable {
    /// Output path (`tin-tuc/index.html`) → file, from the last build that succeeded.
    var files: [String: OutputFile]
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
    private let current = Mutex(SiteSnapshot(files: [:], errorPage: nil, generation: 0))

    init(options: BuildOptions, output: (url: URL, display: String)?, broadcaster: ReloadBroadcaster) {
        var inMemory = options
        inMemory.output = nil
        self.options = inMemory
        self.output = output
        self.broadcaster = broadcaster
    }

    var snapshot: SiteSnapshot { current.withLock { $0 } }

    var buildID: String { "\(instance)-\(snapshot.generation)" }

    /// Builds the site in memory, swaps it in and tells every open tab; the last good files stay served
    /// for everything but HTML while the build has errors.
    @discardableResult
    func rebuild(changedPaths: [String] = []) -> RebuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        let (files, findings) = SiteBuilder().render(options)
        let failed = findings.hasErrors || files.isEmpty
        let errorPage = failed ? ErrorPage.render(findings, content: options.content, theme: options.theme) : nil
        var byPath: [String: OutputFile] = [:]
        if !failed {
            byPath.reserveCapacity(files.count)
            for file in files { byPath[file.path] = file }
        }
        let generation = current.withLock { snapshot in
            snapshot.generation += 1
            if !failed { snapshot.files = byPath }
            snapshot.errorPage = errorPage
            return snapshot.generation
        }
        broadcaster.send(event: "reload", data: "\(instance)-\(generation)")
        let duration = clock.now - started

        // Written after the browsers were told, so --output never slows the preview down.
        var writeFindings: [Finding] = []
        if !failed, let output {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            _ = writer.write(files, findings: &writeFindings)
        }
        let pages = files.filter { if case .text = $0.body { return true } else { return false } }.count
        return RebuildReport(findings: findings, succeeded: !failed, pageCount: pages, duration: duration,
                             changedPaths: changedPaths, writeFindings: writeFindings)
    }
}
