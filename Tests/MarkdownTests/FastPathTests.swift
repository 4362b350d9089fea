@testable import Markdown
import Testing

/// The byte- and scalar-level fast paths must give exactly what the character-level code gives.
@Suite struct FastPathTests {
    /// Scalars chosen to meet every case: ASCII and Unicode spaces, controls, CR LF, Vietnamese in both
    /// composed and decomposed form, combining marks and joiners next to spaces, a prepended mark, emoji.
    static let pieces: [String] = [
        " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}", "a", "Z", "1", ",", ".",
        "đ", "Đ", "ố", "ư", "ạ", "o\u{302}\u{301}", "\u{301}", "\u{300}", "\u{200D}", "\u{200C}", "\u{600}", "–", "—", "“", "”",
        "…", "₫", "👍🏽", "🇻🇳", "<", "&", "\"", "'", ">",
    ]

    @Test func normaliseSpacesMatchesTheCharacterLevelRule() {
        var generator = SplitMix(seed: 20_240_601)
        for _ in 0..<20_000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            #expect(DocumentWalker.normaliseSpaces(text) == DocumentWalker.normaliseSpacesByCharacter(text), "\(Array(text.unicodeScalars))")
        }
        #expect(DocumentWalker.normaliseSpaces("  Tỉnh  Bắc\n\tKạn  ") == "Tỉnh Bắc Kạn")
    }

    @Test func tableWrapperNumbersEveryTable() {
        let html = "<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>b</p>\n<table>\n</table>\n"
        #expect(TableWrapper.wrap(html, label: "Bảng") == """
            <p>a</p>
            <div class="table-scroll" role="region" tabindex="0" aria-label="Bảng 1">
            <table>
            <tr><td>1</td></tr>
            </table>
            </div>
            <p>b</p>
            <div class="table-scroll" role="region" tabindex="0" aria-label="Bảng 2">
            <table>
            </table>
            </div>

            """)
        #expect(TableWrapper.wrap("<p>không có bảng</p>", label: "Bảng") == "<p>không có bảng</p>")
        #expect(TableWrapper.wrap("<table>\nchưa đóng", label: "B") == "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"B 1\">\n<table>\nchưa đóng")
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
