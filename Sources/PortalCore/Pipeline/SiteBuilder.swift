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
    /// The preview server serves the site at its own root, so a `base_url` with a path is published
    /// there at the root of its host instead (`https://backan.gov.vn/chuyendoiso/` → `https://backan.gov.vn/`).
    public var publishesAtRoot = false
    /// Whether what the build made is freed before `build` returns. The command line turns it off: its
    /// process ends right after, and freeing a large archive's objects one by one took a tenth of a
    /// second on one core, where the system takes back the whole process at once.
    public var freesMemory: Bool
    /// `--clean`: every file written anew, as into an empty folder, instead of keeping the unchanged ones.
    public var clean: Bool
    /// Where photos' sizes are kept between builds; nil: `.portal-cache/images/` beside the content folder.
    public var photoCache: URL?
    /// Where a build keeps news bodies' renderings and pages' keys between builds (`MarkdownStore`,
    /// `PageCache`); nil: `.portal-cache/` beside the content folder, the photos' cache's folder.
    public var renderCache: URL?
    /// Told after each photo, for a progress line.
    public var photoProgress: (@Sendable (PhotoProgress) -> Void)?

    public init(content: FileTree, theme: FileTree, output: (url: URL, display: String)?, includeDrafts: Bool = false,
                baseURLOverride: String? = nil, freesMemory: Bool = true, clean: Bool = false) {
        self.content = content
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.freesMemory = freesMemory
        self.clean = clean
    }
}

public struct BuildReport: Sendable {
    /// Sorted by file, line and column.
    public var findings: [Finding]
    public var pagesRendered: Int
    /// Pages whose key was the last build's (`PageCache`): linked from the previous output, their
    /// templates not run.
    public var pagesReused = 0
    public var filesCopied: Int
    public var wroteOutput: Bool
    /// What the build added, changed and removed in the output folder (nil when it wrote nothing).
    public var changes: OutputChanges?

    public var succeeded: Bool { !findings.hasErrors }
}

extension BuildOptions {
    /// `renderCache`, else `.portal-cache/` beside the content folder.
    var renderCacheRoot: URL {
        renderCache ?? content.root.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".portal-cache", isDirectory: true)
    }

    /// The address the site is published at: `--base-url`, else `base_url`, without its path when the
    /// preview server serves it at the root.
    func baseURL(_ config: SiteConfig) -> String {
        let base = baseURLOverride ?? config.baseURL
        guard publishesAtRoot else { return base }
        let path = URLScheme.BasePath(baseURL: base).path
        return base.hasSuffix(path) ? String(base.dropLast(path.count - 1)) : base
    }
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
              let site = renderer.prepare(model, theme: loaded.theme, newsBodies: .withTheirPages,
                                          // A build stopped by a finding leaves nothing beside the content.
                                          markdownStore: options.output == nil || findings.hasErrors ? nil
                                              : MarkdownStore.folder(forCacheRoot: options.renderCacheRoot).path,
                                          findings: &findings) else {
            return finish(report, findings)
        }
        // Pages are rendered as they are written (or, without an output, rendered for their findings and
        // dropped), so the site is never in memory as a whole; an error on any page still leaves the
        // output untouched.
        if let output = options.output, !findings.hasErrors {
            let writer = OutputWriter(output: output.url, displayOutput: output.display, content: options.content, theme: options.theme)
            let pagesURL = PageCache.url(cacheRoot: options.renderCacheRoot, output: output.url)
            let written = writer.write(site, clean: options.clean, pages: PageCache.load(pagesURL), findings: &findings)
            report.changes = written?.changes
            report.wroteOutput = written != nil
            report.pagesReused = written?.reusedPages ?? 0
            if let written {
                written.pages.write(to: pagesURL)
                site.markdownStore?.removeUnused()
            }
            if report.wroteOutput { Self.writeServerSnippet(site.serverSnippet, beside: output, findings: &findings) }
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

    /// `Public.nginx-aliases.conf` beside `Public/`: server configuration, not a file of the site, so
    /// never published and never uploaded with it.
    public static func serverSnippetURL(beside output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + ".nginx-aliases.conf")
    }

    private static func writeServerSnippet(_ text: String, beside output: (url: URL, display: String), findings: inout Findings) {
        let url = serverSnippetURL(beside: output.url)
        if (try? Data(contentsOf: url)) == Data(text.utf8) { return }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            findings.append(Finding(file: output.display + ".nginx-aliases.conf",
                                    message: "cannot write the redirects of the old addresses (\(error.localizedDescription))"))
        }
    }

    /// What builds asked not to free (`BuildOptions.freesMemory`), kept until the process ends.
    private static let leftForTheSystem = Mutex<[any Sendable]>([])

    private func finish(_ report: BuildReport, _ findings: Findings) -> BuildReport {
        var report = report
        report.findings = findings.sorted
        return report
    }
}
