import ArgumentParser
import Foundation
import PortalCore

@main
struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds a provincial digital-transformation portal from Content/ and Theme/.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )
}

/// `--content` and `--theme`, shared by every command.
struct SiteFolders: ParsableArguments {
    @Option(help: "The folder editors write in.")
    var content: String = "Content"

    @Option(help: "The folder designers write in (templates/ and assets/).")
    var theme: String = "Theme"

    var contentTree: FileTree { FileTree(root: Self.url(content), displayRoot: content) }
    var themeTree: FileTree { FileTree(root: Self.url(theme), displayRoot: theme) }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the whole site into the output folder, replaced only when the build succeeds.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "Where the site is written.")
    var output: String = "Public"

    @Flag(help: "Include items marked draft: true.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "The address the site is published at, instead of base_url in site.yaml.")
    var baseURL: String?

    @Flag(help: "Write every file anew instead of keeping the ones whose bytes did not change.")
    var clean = false

    @Flag(help: "Print each file added (+), changed (~) and removed (-) in the output folder.")
    var changes = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must start with http:// or https://")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let photos = PhotoProgressPrinter()
        var options = BuildOptions(
            content: folders.contentTree, theme: folders.themeTree,
            output: (SiteFolders.url(output), output), includeDrafts: drafts, baseURLOverride: baseURL,
            freesMemory: false, clean: clean)
        options.photoProgress = photos.report
        let report = SiteBuilder().build(options)
        photos.finish()
        FindingPrinter.print(report.findings)
        guard report.succeeded, report.wroteOutput else {
            FindingPrinter.printError("build failed: \(report.findings.errorCount) error(s); \(output)/ was not changed")
            throw ExitCode(1)
        }
        let changed = report.changes ?? OutputChanges()
        if changes {
            for line in changed.lines { print(line) }
        }
        let seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        print("built \(report.pagesRendered) pages and copied \(report.filesCopied) files into \(output)/ in "
              + String(format: "%.2f", seconds) + " s; \(changed.added.count) added, \(changed.changed.count) changed, "
              + "\(changed.removed.count) removed" + (report.findings.isEmpty ? "" : " (\(report.findings.warningCount) warning(s))"))
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every finding in the content and theme; write nothing.")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include items marked draft: true.")
    var drafts = false

    func run() throws {
        let photos = PhotoProgressPrinter()
        var options = BuildOptions(content: folders.contentTree, theme: folders.themeTree, output: nil, includeDrafts: drafts)
        options.photoProgress = photos.report
        var findings = SiteChecker().check(options)
        photos.finish()
        if strict {
            findings = findings.map { var finding = $0; finding.severity = .error; return finding }
        }
        FindingPrinter.print(findings)
        print("\(findings.errorCount) error(s), \(findings.warningCount) warning(s)")
        if findings.hasErrors { throw ExitCode(1) }
    }
}

enum FindingPrinter {
    static func print(_ findings: [Finding]) {
        for finding in findings { printError(finding.description) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
