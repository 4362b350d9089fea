@testable import PortalCore
import Testing

@Suite struct HTMLEscapeTests {
    /// swift-mustache's own rule, character by character.
    static func libraryEscape(_ text: String) -> String {
        let entities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var out = ""
        for character in text { out += entities[character] ?? String(character) }
        return out
    }

    @Test func escapesLikeTheLibrary() {
        let samples = ["", "Tỉnh Bắc Kạn", "A <script>alert(1)</script> & \"B\" 'c'", "<<>>&&''\"\"", "đ & Đ — “trích” …",
                       "https://a.vn/?x=1&y=2", "👍🏽 < 🇻🇳", "o\u{302}\u{301} & a\u{300}"]
        for sample in samples {
            #expect(ByteHTMLContentType().escapeText(sample) == Self.libraryEscape(sample), "\(sample)")
        }
    }

    /// The one documented difference: the library keeps `<` that a combining mark joins; bytes escape it.
    @Test func escapesASpecialCharacterEvenWithACombiningMark() {
        #expect(ByteHTMLContentType().escapeText("<\u{338}") == "&lt;\u{338}")
    }
}
