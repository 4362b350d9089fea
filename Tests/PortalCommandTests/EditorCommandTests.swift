import Foundation
import PortalTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `portal serve`, `portal new` and `portal check` as an editor runs them.
@Suite struct EditorCommandTests {
    /// A `portal` process whose output is collected as it comes, so a test can wait for a line.
    final class RunningCommand: Sendable {
        let process: Process
        final class Output: Sendable {
            let text = Mutex((stdout: "", stderr: ""))
        }
        private let output = Output()

        init(_ arguments: [String], in folder: URL) throws {
            process = Process()
            process.executableURL = PortalCommandTests.executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [output] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                output.text.withLock { $0.stdout += text }
            }
            err.fileHandleForReading.readabilityHandler = { [output] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                output.text.withLock { $0.stderr += text }
            }
            try process.run()
        }

        var stdout: String { output.text.withLock { $0.stdout } }
        var stderr: String { output.text.withLock { $0.stderr } }

        /// The first match of `pattern` in stdout, waiting up to `timeout`.
        func waitFor(_ pattern: Regex<(Substring, Substring)>, timeout: Duration = .seconds(30)) async throws -> String? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let match = stdout.firstMatch(of: pattern) { return String(match.1) }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            return stdout.firstMatch(of: pattern).map { String($0.1) }
        }

        func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32? {
            let deadline = ContinuousClock.now + timeout
            while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            // Let the readability handlers take the last output.
            try await Task.sleep(for: .milliseconds(100))
            return process.terminationStatus
        }
    }

    func run(_ arguments: [String], in folder: URL) async throws -> (status: Int32?, stdout: String, stderr: String) {
        let command = try RunningCommand(arguments, in: folder)
        let status = try await command.waitForExit(timeout: .seconds(60))
        return (status, command.stdout, command.stderr)
    }

    @Test func serveStopsCleanlyOnCtrlC() async throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        let serve = try RunningCommand(["serve", "--port", "0"], in: site.root)
        let port = try await serve.waitFor(/serving http:\/\/127\.0\.0\.1:(\d+)\//)
        #expect(port != nil, "stdout: \(serve.stdout) stderr: \(serve.stderr)")
        #expect(serve.stdout.contains("built "))
        serve.process.interrupt()
        let status = try await serve.waitForExit()
        #expect(status == 0, "stderr: \(serve.stderr)")
        #expect(serve.stdout.hasSuffix("stopped\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "serve wrote Public/ without --output")
    }

    @Test func serveOnABusyPortSaysSoInOneLineAndExitsNonZero() async throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        // Hold a port the way another server would.
        let holder = TestSocket.open()
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0
                && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let result = try await run(["serve", "--port", "\(port)"], in: site.root)
        #expect(result.status != nil && result.status != 0 && result.status != 1)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errorLines == ["error: port \(port) on 127.0.0.1 is already in use: stop the program using it, or choose another port with --port"],
                "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("backtrace"))
    }

    @Test func newPrintsThePathItCreatedAndNeverOverwrites() async throws {
        let site = try TestSite()
        let first = try await run(["new", "news", "Tiêu đề có dấu"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let path = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.wholeMatch(of: /Content\/news\/\d{4}-\d\d-\d\d-tieu-de-co-dau\.md/) != nil, "\(path)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path))

        let second = try await run(["new", "news", "Tiêu đề có dấu"], in: site.root)
        #expect(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == path.replacingOccurrences(of: ".md", with: "-2.md"))

        let page = try await run(["new", "page", "Liên hệ"], in: site.root)
        #expect(page.stdout == "Content/pages/lien-he.md\n")
        let document = try await run(["new", "document", "Quyết định số 1"], in: site.root)
        #expect(document.stdout.hasPrefix("Content/documents/"))
        // Its number and issuer are the editor's to write; remove it so the build below checks the rest.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(document.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))

        let reserved = try await run(["new", "page", "Tin tức"], in: site.root)
        #expect(reserved.status == 1)
        #expect(reserved.stderr.contains("error: the address /tin-tuc/ is used by the portal itself"))
        let unknownKind = try await run(["new", "bai-viet", "Tiêu đề"], in: site.root)
        #expect(unknownKind.status != 0 && unknownKind.status != 1)
        let noTitle = try await run(["new", "news", " "], in: site.root)
        #expect(noTitle.status != 0 && noTitle.status != 1)

        let build = try await run(["build", "--drafts"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func checkReportsBrokenLinksCompilerStyleWithASummaryAndExitsOne() async throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin", body: "Xem [văn bản](/van-ban/).\n")])
        let result = try await run(["check"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/news/a.md:7: error: link \"/van-ban/\" leads to no page or file of the site"),
                "\(result.stderr)")
        #expect(result.stdout.contains("1 error(s), 0 warning(s)"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))

        try site.write("news/a.md", TestSite.news(title: "Tin", body: "## Mục\n\n#### Chi tiết\n"))
        let warning = try await run(["check"], in: site.root)
        #expect(warning.status == 0)
        #expect(warning.stderr.contains("Content/news/a.md:9: warning: heading level 4 follows level 2"))
        let strict = try await run(["check", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("1 error(s), 0 warning(s)"))
    }
}
