import Charts
import Foundation
@testable import PortalCore
import Testing

@Suite struct SearchIndexTests {
    /// The hand-written index must be byte for byte what JSONEncoder wrote before, but for `<`, `>` and
    /// `&`, which it writes as Go's encoder does (`\u003c`, `\u003e`, `\u0026`): JSONEncoder writes
    /// those three only inside strings, so replacing them in its output gives the expected bytes.
    @Test func indexIsWhatJSONEncoderWritesWithMarkupEscaped() throws {
        var tricky = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }.joined()
        tricky += "\"\\/ \u{7F} \u{2028}\u{2029} 👍🏽 Tỷ lệ <b>&amp;</b> 'x' https://a.vn/b?c=d&e"
        let entries = [
            SearchIndexWriter.Entry(kind: "Tin tức", title: tricky, url: "/tin-tuc/a/", date: "14/03/2024", summary: "", text: tricky),
            SearchIndexWriter.Entry(kind: "Trang", title: "", url: "/", date: "", summary: "Tóm tắt", text: String(repeating: "chữ ", count: 200)),
        ]
        let rows = entries.map { [$0.kind, $0.title, $0.url, $0.date, $0.summary, SearchIndexWriter.clip($0.text)] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func encoded(_ rows: [[String]]) throws -> String {
            String(decoding: try encoder.encode(["v1": rows]), as: UTF8.self)
                .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026") + "\n"
        }
        let index = SearchIndexWriter().index(entries)
        #expect(index == (try encoded(rows)))
        #expect(!index.contains("<") && !index.contains(">") && !index.contains("&"))
        // JSON.parse in the search script reads the escapes back as the characters.
        let decoded = try JSONSerialization.jsonObject(with: Data(index.utf8)) as? [String: [[String]]]
        #expect(decoded?["v1"] == rows)
        #expect(SearchIndexWriter().index([]) == (try encoded([])))
        // Enough entries for the index to be written in several slices, joined in order.
        let many = (0..<1_000).map { number in
            SearchIndexWriter.Entry(kind: "Tin tức", title: "Tin \(number)", url: "/tin-tuc/\(number)/", date: "", summary: "",
                                    text: number.isMultiple(of: 7) ? tricky : "chữ \(number)")
        }
        let manyRows = many.map { [$0.kind, $0.title, $0.url, $0.date, $0.summary, SearchIndexWriter.clip($0.text)] }
        #expect(SearchIndexWriter().index(many) == (try encoded(manyRows)))
    }

    /// Feeds and the sitemap escape with `Markup.escape`, whose fast path copies clean text whole.
    @Test func xmlEscapeFastPathAgreesWithTheRule() {
        for text in ["plain text", "a & b", "<tag>", "\"q\" 'a'", "tab\tline\nreturn\r", "bell\u{7}", "\u{FFFE}x\u{FFFF}", "ĐƯỜNG – “x”", ""] {
            var slow = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": slow += "&amp;"
                case "<": slow += "&lt;"
                case ">": slow += "&gt;"
                case "\"": slow += "&quot;"
                case "'": slow += "&#39;"
                case "\t", "\n", "\r": slow += " "
                case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
                default: slow.unicodeScalars.append(scalar)
                }
            }
            #expect(Markup.escape(text) == slow, "\(text)")
        }
    }
}
