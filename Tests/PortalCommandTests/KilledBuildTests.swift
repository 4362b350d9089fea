import Foundation
import PortalCore
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `portal build` killed (SIGKILL, as the machine out of memory does) at random moments while it
/// rewrites the site: the output is each time either the whole previous site or the whole new one, never
/// a mix, and the next build removes what the killed ones left and writes the site a clean build would.
@Suite struct KilledBuildTests {
    static func newsFiles(version: Int) -> [String: String] {
        var files: [String: String] = [:]
        let body = String(repeating: "Tỉnh triển khai nền tảng số dùng chung cho các sở, ngành. ", count: 30)
        for index in 1...80 where !(version == 1 && index == 7) {
            let edited = version == 1 && index % 10 == 0
            files["news/tin-\(index).md"] = TestSite.news(title: "Tin số \(index)", date: "2024-03-\(10 + index % 18)",
                                                          body: (edited ? "Đã sửa. " : "") + body)
        }
        if version == 1 { files["news/tin-moi.md"] = TestSite.news(title: "Tin mới", date: "2024-03-28", body: body) }
        return files
    }

    static func write(version: Int, into site: TestSite) throws {
        for path in newsFiles(version: 1 - version).keys where newsFiles(version: version)[path] == nil {
            try? site.remove(path)
        }
        for (path, text) in newsFiles(version: version) { try site.write(path, text) }
    }

    static func run(in site: TestSite, killAfter delay: Duration?) throws -> Int32 {
        let process = Process()
        process.executableURL = PortalCommandTests.executable
        process.arguments = ["build"]
        process.currentDirectoryURL = site.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
            usleep(UInt32(nanoseconds / 1000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNew() throws {
        let site = try TestSite(Self.newsFiles(version: 0))
        var versions: [[String: Data]] = []
        for version in 0...1 {
            try Self.write(version: version, into: site)
            let clean = site.root.appendingPathComponent("clean-\(version)")
            #expect(site.build(clean: true, output: clean).succeeded)
            versions.append(site.snapshot(of: clean))
        }
        #expect(versions[0] != versions[1])

        try Self.write(version: 0, into: site)
        let started = ContinuousClock.now
        #expect(try Self.run(in: site, killAfter: nil) == 0)
        let firstDuration = ContinuousClock.now - started
        #expect(site.snapshot() == versions[0])

        // Kills spread over the whole build, each round asking for the site the output is not, so some
        // kills fall before, some during and some after the swap. Every fourth round runs to the end,
        // to measure the build again on a machine whose load changes.
        var generator = SystemRandomNumberGenerator()
        var duration = firstDuration
        var current = 0
        for round in 0..<12 {
            let target = 1 - current
            try Self.write(version: target, into: site)
            var delay: Duration?
            if round % 4 != 3 {
                // Every other kill near the end, where the changed files are swapped in.
                delay = duration * Double.random(in: round % 2 == 0 ? 0.05...1.3 : 0.8...1.1, using: &generator)
            }
            let started = ContinuousClock.now
            _ = try Self.run(in: site, killAfter: delay)
            if delay == nil { duration = ContinuousClock.now - started }
            let now = site.snapshot()
            guard let match = versions.firstIndex(of: now) else {
                Issue.record("round \(round): killed after \(delay.map { "\($0)" } ?? "none") the output is neither site (\(now.count) files)")
                return
            }
            if delay == nil { #expect(match == target, "round \(round): a build that was not killed did not swap its site in") }
            current = match
        }

        try Self.write(version: 1, into: site)
        #expect(try Self.run(in: site, killAfter: nil) == 0)
        #expect(site.snapshot() == versions[1])
        // The spare folder is kept on purpose: the next build patches it instead of linking every file anew.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".Public") && $0 != ".Public.spare" }
        #expect(leftovers == [], "left by killed builds and not removed: \(leftovers)")
    }
}
