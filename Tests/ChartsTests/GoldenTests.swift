import Charts
import Foundation
import Testing

/// One reviewed SVG per chart kind, compared byte for byte. After an intended change, re-record with
/// `RECORD_GOLDEN=1 swift test --filter GoldenTests`, look at the pictures, and review the diff.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    @Test(arguments: Samples.golden.map(\.name))
    func svgMatchesTheReviewedGoldenFile(name: String) throws {
        let spec = try #require(Samples.golden.first { $0.name == name }?.spec)
        let svg = ChartRenderer().render(spec) + "\n"
        let file = Self.folder.appendingPathComponent(name + ".svg")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: file)
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        if let difference = Self.firstDifference(svg, recorded) {
            let message = "\(name).svg differs at line \(difference.line):\n  now:      \(difference.now)\n  recorded: \(difference.recorded)\n"
                + "If the change is intended, re-record with RECORD_GOLDEN=1, look at the picture and review the diff."
            Issue.record(Comment(rawValue: message))
        }
    }

    static func firstDifference(_ now: String, _ recorded: String) -> (line: Int, now: String, recorded: String)? {
        let nowLines = now.split(separator: "\n", omittingEmptySubsequences: false)
        let recordedLines = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(nowLines.count, recordedLines.count) {
            let a = index < nowLines.count ? String(nowLines[index]) : "(end of file)"
            let b = index < recordedLines.count ? String(recordedLines[index]) : "(end of file)"
            if a != b { return (index + 1, a, b) }
        }
        return nil
    }

    @Test func everyChartKindHasAGoldenFile() {
        let kinds = Set(Samples.golden.map(\.spec.kind))
        #expect(kinds == Set(ChartSpec.Kind.allCases))
    }
}
