import Charts
import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// The search index a build writes under `/tim-kiem/chi-muc/`, read back as the search script reads it:
/// the directory, the shard a key's first key points to, the postings, the document store.
struct BuiltSearchIndex {
    var directory: [String: Any]
    var shards: [[[Any]]]
    var store: [[Any]]

    init(_ site: TestSite) throws {
        func json(_ path: String) throws -> Any {
            let text = try #require(site.page("tim-kiem/chi-muc/" + path), "no \(path)")
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        }
        directory = try #require(try json("muc-luc.json") as? [String: Any])
        let firstKeys = try #require(directory["shards"] as? [String])
        shards = try firstKeys.indices.map { try #require(try json("t/\($0).json") as? [[Any]]) }
        let count = try #require(directory["docs"] as? Int)
        let chunk = try #require(directory["chunk"] as? Int)
        store = try stride(from: 0, to: count, by: chunk).flatMap { try #require(try json("d/\($0 / chunk).json") as? [[Any]]) }
    }

    var firstKeys: [String] { directory["shards"] as? [String] ?? [] }

    /// The entry of a folded key, found only in the shard the directory points to (as the script does).
    func entry(_ key: String) -> [Any]? {
        let shard = firstKeys.lastIndex { !key.utf8.lexicographicallyPrecedes($0.utf8) } ?? 0
        return shards[shard].first { $0[0] as? String == key }
    }

    /// Document numbers of a word (or pair) entry, with each word posting's code and mask.
    func postings(_ key: String) -> [(document: Int, code: Int, mask: Int)] {
        entry(key).map(SearchEntryReader.postings) ?? []
    }

    func forms(_ key: String) -> [String] { entry(key)?[1] as? [String] ?? [] }

    /// Store rows: [kind, title, url, date, pillar, text].
    func title(_ document: Int) -> String { store[document][1] as? String ?? "" }
    func url(_ document: Int) -> String { store[document][2] as? String ?? "" }
    func text(_ document: Int) -> String { store[document][5] as? String ?? "" }
    func titles(_ key: String) -> [String] { postings(key).map { title($0.document) } }
}

@Suite struct SearchIndexTests {
    static let longBody = (1...3_000).map { "Đoạn \($0) nói về chuyển đổi số của tỉnh." }.joined(separator: " ")
        + "\n\nCuối bài mới nhắc đến VssID."

    static func site(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = [
            "news/a.md": TestSite.news(title: "Chuyển đổi số ở Đắk Lắk", date: "2024-03-14", category: "kinh-te-so", body: "Nội dung về **đổi mới** và đường dây nóng."),
            "news/b.md": TestSite.news(title: "Tin dài", date: "2024-02-01", body: longBody),
            "news/c.md": TestSite.news(title: "Bản tin cũ", date: "2023-12-30", extra: "tags: [\"dương tính\"]", body: "Xét nghiệm."),
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nBan Chỉ đạo.\n",
            "documents/833.md": "---\nnumber: \"833/KH-UBND\"\ntype: Kế hoạch\nissuer: UBND tỉnh\nissued: 2023-12-20\nsummary: Kế hoạch năm 2024\n---\n",
            "indicators/indicators.yaml": "groups: [{ id: g, name: Nhóm }]\nindicators: [{ id: \"1.1\", group: g, name: Tỷ lệ DVCTT, unit: percent, targets: { 2024: \">= 80\" } }]\n",
            "indicators/values.csv": "indicator,period,value,numerator,denominator,status,as_of,note\n1.1,2024-Q1,100,,,,,\n",
            "reports/q1/_index.md": "---\ntitle: Báo cáo Quý I\ndate: 2024-03-20\n---\n",
            "reports/q1/01-a.md": "---\ntitle: Kết quả\n---\n## Hạ tầng số\n\nPhủ sóng cáp quang.\n",
            "reports/q1/02-b.md": "## Nhiệm vụ\n\nTriển khai LGSP.\n",
        ]
        for (path, text) in extra { files[path] = text }
        return try TestSite(files, templates: MinimalTheme.templates)
    }

    @Test func everyKindOfContentIsFoundByEveryWord() throws {
        let site = try Self.site()
        #expect(site.build().findings.isEmpty)
        let index = try BuiltSearchIndex(site)
        // Newest first: the report (20 March), news a (14 March), b, c, the document; undated after.
        #expect(index.url(0) == "/bao-cao/q1/")
        #expect((0..<index.store.count).map(index.url).prefix(7) == [
            "/bao-cao/q1/", "/bao-cao/q1/#ket-qua", "/bao-cao/q1/#nhiem-vu", "/tin-tuc/chuyen-doi-so-o-dak-lak/",
            "/tin-tuc/tin-dai/", "/tin-tuc/ban-tin-cu/", "/van-ban/833-kh-ubnd/"])
        // The word at the very end of a 3,000-sentence body.
        #expect(index.titles("vssid") == ["Tin dài"])
        #expect(index.text(index.postings("vssid")[0].document).hasSuffix("VssID."))
        #expect(index.titles("lgsp") == ["II. Nhiệm vụ – Báo cáo Quý I"])
        #expect(index.titles("cap quang") == ["I. Kết quả – Báo cáo Quý I"])
        #expect(index.titles("ubnd").contains("Kế hoạch số 833/KH-UBND"))
        #expect(index.titles("dvctt") == ["Chỉ tiêu 1.1: Tỷ lệ DVCTT"])
        #expect(index.text(index.postings("dvctt")[0].document).contains("100%"))
        #expect(index.titles("ban").contains("Giới thiệu"))
        // Tags are searched too.
        #expect(Set(index.titles("tinh")) == ["Bản tin cũ", "Tin dài", "Kế hoạch số 833/KH-UBND"])
        // Kind, date and pillar of a result.
        let a = try #require(index.postings("lak").first).document
        #expect(index.store[a][0] as? Int == 0)
        #expect(index.store[a][3] as? String == "14/03/2024")
        let pillars = try #require(index.directory["pillars"] as? [[String]])
        #expect(pillars[index.store[a][4] as? Int ?? -1][0] == "kinh-te-so")
        let years = try #require(index.directory["years"] as? [[Int]])
        #expect(years == [[2024, 0, 5], [2023, 5, 7]])
        let filterText = try #require(site.page("tim-kiem/chi-muc/loc.json"))
        let filters = try #require(try JSONSerialization.jsonObject(with: Data(filterText.utf8)) as? [String: String])
        #expect(filters["k"] == "3330001" + "2" + "4")
        #expect(filters["p"]?.count == index.store.count)
    }

    @Test func marksAreFoldedForMatchingAndEachFormIsKept() throws {
        let site = try Self.site()
        site.build()
        let index = try BuiltSearchIndex(site)
        // "đường" (news a) and "dương" (a tag of news c) are one folded word with two forms.
        #expect(index.forms("duong") == ["dương", "đường"] || index.forms("duong") == ["đường", "dương"])
        let forms = index.forms("duong")
        let byTitle = Dictionary(uniqueKeysWithValues: index.postings("duong").map { (index.title($0.document), $0.mask) })
        #expect(byTitle["Chuyển đổi số ở Đắk Lắk"] == 1 << forms.firstIndex(of: "đường")!)
        #expect(byTitle["Bản tin cũ"] == 1 << forms.firstIndex(of: "dương")!)
        // A title word carries the title flag; the pair of neighbouring words is indexed as a phrase.
        #expect(index.postings("lak").allSatisfy { $0.code & 1 == 1 })
        #expect(index.postings("doi moi").map { index.title($0.document) } == ["Chuyển đổi số ở Đắk Lắk"])
        #expect(index.postings("duong day").count == 1)
    }

    @Test func shardsAreCutByFoldedKeyAndEachKeyIsInTheShardItsFirstKeyNames() throws {
        let documents = (0..<300).map { number in
            SearchDocument(kind: .news, title: "Tin \(number) về đường", url: "/tin-tuc/\(number)/", instant: 1_700_000_000 + number, year: 2023,
                           dateText: "", pillar: nil, text: "Chữ \(number * 7919 % 1000) và từ \(number % 13) cuối.")
        }
        let writer = SearchIndexWriter(shardBudget: 1_000, chunkSize: 3)
        let files = writer.files(documents, pillars: [])
        let shards = files.filter { $0.path.hasPrefix("tim-kiem/chi-muc/t/") }
        #expect(shards.count > 20)
        var previousLast: String?
        for shard in shards {
            guard case .text(let text) = shard.body else { Issue.record("not text"); continue }
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]])
            let keys = entries.compactMap { $0[0] as? String }
            #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            if let previousLast, let first = keys.first { #expect(previousLast.utf8.lexicographicallyPrecedes(first.utf8)) }
            previousLast = keys.last
            #expect(text.utf8.count <= 1_000 + 3 || entries.count == 1, "\(shard.path): \(text.utf8.count) bytes")
        }
        #expect(files.filter { $0.path.hasPrefix("tim-kiem/chi-muc/d/") }.count == 100)
        // The same documents in another order give the same bytes.
        let again = writer.files(documents.reversed(), pillars: [])
        #expect(again.map(\.path) == files.map(\.path))
        func text(_ file: OutputFile) -> String? { if case .text(let text) = file.body { text } else { nil } }
        #expect(zip(again, files).allSatisfy { text($0) == text($1) && text($0) != nil })
    }

    @Test func aWordInNearlyEveryDocumentListsTheDocumentsWithoutIt() throws {
        // Twenty items, newest first: all but item 7 say "số", item 3 in its title, item 12 only as "sổ".
        let documents = (0..<20).map { number in
            SearchDocument(kind: .news, title: "Tin \(number)" + (number == 3 ? " số" : ""), url: "/tin-tuc/\(number)/",
                           instant: 1_700_000_000 + number, year: 2023, dateText: "", pillar: nil,
                           text: number == 7 ? "Không có." : number == 12 ? "Sổ tay." : "Chuyển đổi số.")
        }
        let files = SearchIndexWriter().files(documents, pillars: [])
        var entries: [[Any]] = []
        for file in files where file.path.hasPrefix("tim-kiem/chi-muc/t/") {
            guard case .text(let text) = file.body else { continue }
            entries += try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]])
        }
        let entry = try #require(entries.first { $0[0] as? String == "so" })
        #expect(entry[2] is [Any], "listed by the documents without it: \(entry)")
        let postings = SearchEntryReader.postings(entry)
        let number = { (item: Int) in 19 - item }
        #expect(postings.map(\.document) == (0..<20).filter { $0 != number(7) })
        #expect(postings.filter { $0.code & 1 == 1 }.map(\.document) == [number(3)])
        let forms = try #require(entry[1] as? [String])
        #expect(forms == ["số", "sổ"])
        #expect(postings.first { $0.document == number(12) }?.mask == 2)
        #expect(postings.filter { $0.mask != 1 }.map(\.document) == [number(12)])
        // A word in fewer documents keeps a weight for each.
        let khong = try #require(entries.first { $0[0] as? String == "khong" })
        #expect(khong[2] is String)
    }

    @Test func indexWritesMarkupCharactersOnlyEscaped() throws {
        let site = try TestSite([
            "news/a.md": TestSite.news(title: "Mã <script> & thẻ <b>", body: "Dùng `<script>` & `a > b` trong bài."),
        ], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let store = try #require(site.page("tim-kiem/chi-muc/d/0.json"))
        #expect(!store.contains("<") && !store.contains(">") && !store.contains("&"), "\(store)")
        #expect(store.contains(#""Mã \u003cscript\u003e \u0026 thẻ \u003cb\u003e""#), "\(store)")
        let index = try BuiltSearchIndex(site)
        #expect(index.title(0) == "Mã <script> & thẻ <b>")
        #expect(index.text(0).contains("<script> & a > b"))
        #expect(index.titles("script") == ["Mã <script> & thẻ <b>"])
    }

    /// The hand-written JSON strings are what JSONEncoder writes, but for `<`, `>` and `&`, which it
    /// writes as Go's encoder does (`\u003c`, `\u003e`, `\u0026`).
    @Test func jsonStringsAreWhatJSONEncoderWritesWithMarkupEscaped() throws {
        var tricky = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }.joined()
        tricky += "\"\\/ \u{7F} \u{2028}\u{2029} 👍🏽 Tỷ lệ <b>&amp;</b> 'x' https://a.vn/b?c=d&e"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in [tricky, "", "chữ"] {
            var json: [UInt8] = []
            SearchIndexWriter.appendJSONString(text, to: &json)
            let expected = String(decoding: try encoder.encode([text]), as: UTF8.self).dropFirst().dropLast()
                .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026")
            #expect(String(decoding: json, as: UTF8.self) == expected)
        }
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
