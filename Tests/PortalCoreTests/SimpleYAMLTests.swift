import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing
import Yams

@Suite struct SimpleYAMLTests {
    /// Values, styles, tags and marks as Yams gives them, or nil.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let mark = "@\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)"
        switch node {
        case .scalar(let scalar): return "s(\(Array(scalar.string.unicodeScalars)),\(scalar.style),\(scalar.tag.description))\(mark)"
        case .sequence(let sequence): return "q[\(sequence.map(describe).joined(separator: ","))]\(mark)"
        case .mapping(let mapping): return "m{\(mapping.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ";"))}\(mark)"
        case .alias: return "alias"
        }
    }

    @Test func theSelfCheckPasses() {
        #expect(SimpleYAML.agreesWithYams)
    }

    /// Accepted text must compose exactly as Yams composes it; anything else must be left to Yams.
    @Test func composesAsYamsOrNotAtAll() throws {
        let samples = [
            "title: \"Tin\"\ndate: 2024-03-14\ncategory: chinh-quyen-so",
            "title: \"A <b> & \\\"B\\\" \\\\ C\"\ntags: [\"<b>x</b>\", \"Đề án 06\"]\ndraft: true",
            "tags: []\nslug: a.b/c_d+e-f",
            "title: \"Tỷ lệ đạt 79,7%\"   \nfeatured: false  ",
            "date: 2024-03-14T09:30+07:00",
            "tags: [ \"a\" , \"b\",\"c\" ]",
            // Left to Yams:
            "title: Tin tức", "title: \"a\" # note", "title: 'a'", "title: \"a\\nb\"", "title:", "title: \"a\tb\"",
            "a: 1\na: 2", "  title: x", "title: x: y", "title: http://x", "tags: [a, b]", "tags: [\"a\",]", "title: ~",
            "title: -x", "title: \"\u{2028}\"", "title: \"\u{85}\"", "", "# c\ntitle: x", "title: \"unclosed",
        ]
        for sample in samples {
            let simple = SimpleYAML.compose(sample)
            guard let simple else { continue }
            let yams = try Yams.compose(yaml: sample, .basic, .default, .utf8)
            #expect(Self.describe(simple) == Self.describe(yams), "\(sample)")
        }
        #expect(SimpleYAML.compose("title: Tin tức") == nil)
        #expect(SimpleYAML.compose("a: 1\na: 2") == nil)
    }

    /// Every news item of the bundled site.
    @Test func composesTheBundledNewsAsYams() throws {
        let news = TestSite.repositoryRoot.appendingPathComponent("Content/news")
        var compared = 0
        for case let url as URL in FileManager.default.enumerator(at: news, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            let yaml = String(parts[0].dropFirst(4))
            let yams = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            if let simple = SimpleYAML.compose(yaml) {
                #expect(Self.describe(simple) == Self.describe(yams), "\(url.lastPathComponent)")
                compared += 1
            }
        }
        #expect(compared > 0)
    }
}
