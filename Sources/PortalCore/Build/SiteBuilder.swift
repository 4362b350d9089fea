import Foundation

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var content: FileTree
    public var theme: FileTree
    /// Nil for `check`: stages 1–3 only, nothing written.
    public var output: (url: URL, display: String)?
    public var includeDrafts: Bool
    public var baseURLOverride: String?

    public init(content: FileTree, theme: FileTree, output: (url: URL, display: String)?, includeDrafts: Bool = false,
                baseURLOverride: String? = nil) {
        self.content = content
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
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

/// Runs the stages in order: load → resolve → render → write. Any error stops the build before the
/// write stage, so the output folder only ever holds a complete site.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) -> BuildReport {
        var findings: [Finding] = []
        var report = BuildReport(findings: [], pagesRendered: 0, filesCopied: 0, wroteOutput: false)

        if let output = options.output {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            guard writer.checkDestination(findings: &findings) else { return finish(report, findings) }
        }
        guard let files = runStages(options, findings: &findings)?.files else { return finish(report, findings) }
        for file in files {
            if case .text = file.body { report.pagesRendered += 1 } else { report.filesCopied += 1 }
        }
        guard !findings.hasErrors, let output = options.output else { return finish(report, findings) }
        let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
        report.wroteOutput = writer.write(files, findings: &findings)
        return finish(report, findings)
    }

    private func finish(_ report: BuildReport, _ findings: [Finding]) -> BuildReport {
        var report = report
        report.findings = Array(Set(findings)).sorted()
        return report
    }
}
