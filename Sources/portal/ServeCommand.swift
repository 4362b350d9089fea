import ArgumentParser
import Foundation
import PortalCore
import PreviewServer
import Synchronization

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it, rebuild on every save and reload the open browser tabs.",
        discussion: """
            A failed build shows its findings in the browser, and the server keeps running: the next good \
            save brings the site back. Nothing is written to disk unless --output is given.
            """)

    @OptionGroup var folders: SiteFolders

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Flag(help: "Include items marked draft: true.")
    var drafts = false

    @Option(help: "Also write each good build into this folder (the files never contain the reload script).")
    var output: String?

    @Flag(help: "Watch for changes by polling every 500 ms, for folders on network drives where change notifications do not arrive.")
    var poll = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host is empty: use 127.0.0.1") }
    }

    func run() async throws {
        let content = folders.contentTree
        let theme = folders.themeTree
        var build = BuildOptions(content: content, theme: theme, output: nil, includeDrafts: drafts)
        build.publishesAtRoot = true
        let server = PreviewServer(PreviewServer.Configuration(
            host: host, port: port, build: build,
            writeTo: output.map { (SiteFolders.url($0), $0) },
            watchMode: poll ? .polling : .automatic))
        let terminal = ServeTerminal(content: content, theme: theme)
        do {
            try await server.run(handleSignals: true, onStarted: { started in
                terminal.report(started.firstBuild, first: true)
                let folders = "\(content.displayRoot) and \(theme.displayRoot)"
                terminal.say("serving \(started.url) (watching \(folders) with \(started.watching); press Ctrl-C to stop)")
            }, onRebuild: { report in
                terminal.report(report, first: false)
            })
        } catch let error as PreviewServer.StartError {
            FindingPrinter.printError("error: \(error.description)")
            throw ExitCode(2)
        }
        terminal.say("stopped")
    }
}

/// What `serve` prints: findings when they change (not the same warnings after every save), a line per
/// rebuild. Output is flushed at once, since a terminal or a test may be waiting for the address.
final class ServeTerminal: Sendable {
    let content: FileTree
    let theme: FileTree
    private let lastFindings = Mutex<[Finding]?>(nil)

    init(content: FileTree, theme: FileTree) {
        self.content = content
        self.theme = theme
    }

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func report(_ report: RebuildReport, first: Bool) {
        let changed = lastFindings.withLock { last in
            defer { last = report.findings }
            return last != report.findings
        }
        if changed || !report.succeeded { FindingPrinter.print(report.findings) }
        FindingPrinter.print(report.writeFindings)
        let milliseconds = Int((Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18) * 1000)
        // Editors' temporary files come and go within the burst; the file that is still there is the one saved.
        let paths = report.changedPaths.filter { FileManager.default.fileExists(atPath: $0) }
            + report.changedPaths.filter { !FileManager.default.fileExists(atPath: $0) }
        let cause = paths.first.map { " after \(display($0)) changed" + (report.changedPaths.count > 1 ? " (and \(report.changedPaths.count - 1) more)" : "") } ?? ""
        if report.succeeded {
            let warnings = report.findings.warningCount
            say("\(first ? "built" : "rebuilt") \(report.pageCount) pages in \(milliseconds) ms\(cause)"
                + (warnings > 0 ? " (\(warnings) warning(s))" : ""))
        } else {
            FindingPrinter.printError("build failed\(cause): \(report.findings.errorCount) error(s); the browser shows them until a save fixes them")
        }
    }

    func display(_ path: String) -> String {
        for tree in [content, theme] {
            let root = tree.root.path
            if path == root { return tree.displayRoot }
            if path.hasPrefix(root + "/") { return tree.displayPath(String(path.dropFirst(root.count + 1))) }
        }
        return path
    }
}
