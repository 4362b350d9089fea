import Foundation
import Synchronization

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var content: FileTree
    public var theme: FileTree
    /// Nil for `check`: stages 1–3 only, nothing written.
    public var output: (url: URL, display: String)?
    public var includeDrafts: Bool
    public var baseURLOverride: String?
    /// Whether what the build made is freed before `build` returns. The command line turns it off: its
    /// process ends right after, and freeing a large archive's objects one by one took a tenth of a
    /// second on one core, where the system takes back the whole process at once.
    public var freesMemory: Bool
    /// Where photos' sizes are kept between builds; nil: `.portal-cache/images/` beside the content folder.
    public var photoCache: URL?
    /// Told after each photo, for a progress line.
    public var photoProgress: (@Sendable (PhotoProgress) -> Void)?

    public init(content: FileTree, theme: FileTree, output: (url: URL, display: String)?, includeDrafts: Bool = false,
                baseURLOverride: String? = nil, freesMemory: Bool = true) {
        self.content = content
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.freesMemory = freesMemory
    }
}

public struct BuildReport: Sendable {
    /// Sorted by file, line and column.
    public var findings: [Finding]
    public var pagesRendered: Int
    public var filesCopied: Int
    public var wroteOutput: Bool

    public var succeeded: Bool { !findings.hasErrors }
}

/// Runs the stages in order: load → resolve → render → write. Rendering the pages and writing them are
/// interleaved (`PreparedSite`, `OutputWriter.write(_:findings:)`), into a staging folder that is only
/// swapped in when there is no error, so the output folder only ever holds a complete site.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) -> BuildReport {
        var findings = Findings()
        var report = BuildReport(findings: [], pagesRendered: 0, filesCopied: 0, wroteOutput: false)

        if let output = options.output {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            guard writer.checkDestination(findings: &findings) else { return finish(report, findings) }
            // Before anything can fail: a build that stops at a content error cleans up after a killed
            // one too, and puts back the previous site a kill during the swap left aside.
            writer.removeLeftoversOfKilledBuilds()
        }
        guard let (loaded, model, renderer) = loadAndResolve(options, findings: &findings),
              let site = renderer.prepare(model, theme: loaded.theme, newsBodies: .withTheirPages, findings: &findings) else {
            return finish(report, findings)
        }
        // Pages are rendered as they are written (or, without an output, rendered for their findings and
        // dropped), so the site is never in memory as a whole; an error on any page still leaves the
        // output untouched.
        if let output = options.output, !findings.hasErrors {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            report.wroteOutput = writer.write(site, findings: &findings)
        } else {
            site.renderPagesForFindings(findings: &findings)
        }
        report.pagesRendered = site.pageCount
        for file in site.otherFiles {
            if case .text = file.body { report.pagesRendered += 1 } else { report.filesCopied += 1 }
        }
        if !options.freesMemory { Self.leftForTheSystem.withLock { $0.append((loaded, site)) } }
        return finish(report, findings)
    }

    /// What builds asked not to free (`BuildOptions.freesMemory`), kept until the process ends.
    private static let leftForTheSystem = Mutex<[any Sendable]>([])

    private func finish(_ report: BuildReport, _ findings: Findings) -> BuildReport {
        var report = report
        report.findings = findings.sorted
        return report
    }
}
