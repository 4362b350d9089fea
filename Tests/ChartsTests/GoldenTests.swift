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
        #expect(svg == recorded, "\(name).svg differs; if the change is intended, re-record with RECORD_GOLDEN=1 and review it")
    }

    @Test func everyChartKindHasAGoldenFile() {
        let kinds = Set(Samples.golden.map(\.spec.kind))
        #expect(kinds == Set(ChartSpec.Kind.allCases))
    }
}
