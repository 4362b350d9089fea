import Testing
import VietnameseText

@Suite struct SearchTokenizerTests {
    private func folded(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.folded) }
    private func marked(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.marked) }

    @Test func syllablesAreWordsWithMarksFoldedForMatchingAndKeptForRanking() {
        #expect(folded("Chuyển đổi số: ĐƯỜNG dây 5G!") == ["chuyen", "doi", "so", "duong", "day", "5g"])
        #expect(marked("Chuyển đổi số: ĐƯỜNG dây 5G!") == ["chuyển", "đổi", "số", "đường", "dây", "5g"])
    }

    @Test func punctuationAndNumbersSplitAsTheSearchScriptSplitsThem() {
        #expect(folded("79,7% (1.013/1.861) — VssID, e-mail") == ["79", "7", "1", "013", "1", "861", "vssid", "e", "mail"])
        #expect(folded("") == [])
        #expect(folded(" … – ") == [])
    }

    @Test func decomposedTextGivesTheComposedMarkedForm() {
        let decomposed = "đu\u{031B}o\u{031B}\u{0300}ng"  // đường written with combining marks
        #expect(SearchTokenizer.tokens(decomposed) == [SearchToken(folded: "duong", marked: "đường")])
        #expect(folded("\u{0301}a") == ["a"])
    }

    @Test func otherScriptsAreWordsToo() {
        #expect(folded("Ελλάδα 東京") == ["ελλαδα", "東京"])
    }
}
