import Foundation
import PortalTestSupport
import Testing

/// The `portal` executable as an editor runs it: arguments, exit status, what it prints.
@Suite struct PortalCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("portal")
    }

    func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildWithNoArgumentsBuildsContentAndThemeIntoPublic() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin đầu tiên")])
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#/built \d+ pages and copied \d+ files into Public/ in \d+\.\d\d s/#))
        #expect(site.exists("tin-tuc/tin-dau-tien/index.html"))
    }

    @Test func contentErrorsExitOneWithCompilerStyleLines() throws {
        let site = try TestSite(["news/a.md": "---\ntitle: Tin\ndate: 2024-03-14\ncategory: kinh-te\n---\n"])
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/news/a.md:4:11: error: unknown category \"kinh-te\""))
        #expect(result.stderr.contains("build failed"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func foldersCanBeNamedOnTheCommandLine() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin")])
        let elsewhere = site.root.appendingPathComponent("dau-ra")
        let result = try run(["build", "--content", site.content.path, "--theme", site.theme.path, "--output", elsewhere.path,
                              "--base-url", "https://thu.example.vn"],
                             in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        let home = try String(contentsOf: elsewhere.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("https://thu.example.vn/"))
    }

    @Test func badUsageExitsWithAnotherNonZeroStatus() throws {
        let site = try TestSite()
        let unknownFlag = try run(["build", "--no-such-flag"], in: site.root)
        #expect(unknownFlag.status != 0 && unknownFlag.status != 1)
        let badURL = try run(["build", "--base-url", "cds.example.vn"], in: site.root)
        #expect(badURL.status != 0 && badURL.status != 1)
        #expect(badURL.stderr.contains("--base-url"))
    }

    @Test func checkWritesNothingAndStrictTurnsWarningsIntoErrors() throws {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin", extra: "categroy: x")])
        let check = try run(["check"], in: site.root)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("Content/news/a.md:5:1: warning: unknown field \"categroy\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let strict = try run(["check", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Content/news/a.md:5:1: error: unknown field \"categroy\""))
    }
}
