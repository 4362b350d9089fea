import Foundation
@testable import Markdown
import Testing

/// `plainTextLimit`: a news item's search entry keeps the first 300 characters of its text, so only the
/// start of the text is folded; what the entry keeps must be the same as from the whole text.
@Suite struct PlainTextLimitTests {
    let limit = 40

    func plainTexts(_ source: String) -> (whole: String, limited: String) {
        (MarkdownRenderer().render(source).plainText,
         MarkdownRenderer(options: .init(plainTextLimit: limit)).render(source).plainText)
    }

    func expectSameStart(_ source: String, cut: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        let (whole, limited) = plainTexts(source)
        #expect(whole.count > limit, "the case needs a text longer than the limit", sourceLocation: sourceLocation)
        #expect(limited.count > limit, sourceLocation: sourceLocation)
        #expect(String(limited.prefix(limit)) == String(whole.prefix(limit)), sourceLocation: sourceLocation)
        // By bytes: the last character of the start may lack a mark that follows it in the whole.
        #expect(whole.utf8.starts(with: limited.utf8) || !cut, sourceLocation: sourceLocation)
        #expect((limited.count < whole.count) == cut, sourceLocation: sourceLocation)
    }

    @Test func aLongTextKeepsItsStartOnly() {
        let paragraph = "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 54,4%, tăng so với quý trước. "
        expectSameStart(String(repeating: paragraph, count: 20), cut: true)
    }

    @Test func aShortTextIsKeptWhole() {
        let source = "Ngắn gọn: 07 dịch vụ công."
        let (whole, limited) = plainTexts(source)
        #expect(limited == whole)
    }

    @Test func spacesAndBreaksAtTheCutFoldAsInTheWhole() {
        // Runs of spaces, line breaks and headings fall at every position around the cut.
        for padding in 0..<12 {
            let source = String(repeating: "x", count: padding) + "# Mục tiêu\n\nChỉ   tiêu   số   một,\nhai  và ba.  \n\n"
                + String(repeating: "Đoạn  văn   có    nhiều  khoảng   trắng.\n", count: 40)
            expectSameStart(source, cut: true)
        }
    }

    @Test func decomposedLettersAreCountedAsCharacters() {
        // "ệ" written as e + U+0323 + U+0302: three scalars, one character; never split at the cut.
        let word = "Vie\u{0323}\u{0302}t Nam "
        for padding in 0..<6 {
            expectSameStart(String(repeating: "a", count: padding) + String(repeating: word, count: 200), cut: true)
        }
    }

    @Test func longCharactersStillGiveTheLimit() {
        // Five and eight bytes a character (a letter with two marks, a flag): the bytes that usually
        // hold the limit fall short, and the whole text is folded.
        for character in ["e\u{0323}\u{0302}", "🇻🇳"] {
            let source = String(repeating: character, count: 200)
            let (whole, limited) = plainTexts(source)
            #expect(limited == whole)
        }
    }

    @Test func characterStartsAreNeverOvercounted() {
        // The quick count must never exceed the real number of characters, whatever the text.
        let texts = ["Việt Nam", "Vie\u{0323}\u{0302}t", "a\r\nb\r\n", "🇻🇳🇻🇳", "👩‍💻 x", "\u{0600}a", "e\u{0301}\u{0301}", "x\u{00AD}y", "क्षि"]
        for text in texts {
            for limit in 0...text.unicodeScalars.count {
                if DocumentWalker.startsOfCharacters(in: text, moreThan: limit) {
                    #expect(text.count > limit, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(limit)")
                }
            }
        }
    }

    @Test func aBodyWithShortcodesKeepsAllItsText() {
        let source = String(repeating: "Chỉ tiêu {{< chi-so id=\"1.1\" >}} trong quý. ", count: 40)
        let (whole, limited) = plainTexts(source)
        #expect(limited == whole)
    }
}
