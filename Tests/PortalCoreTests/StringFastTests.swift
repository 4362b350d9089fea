import Foundation
@testable import PortalCore
import Testing

@Suite struct StringFastTests {
    @Test func containsASCIIAgreesWithFoundation() {
        let texts = ["", "/", "https://a.vn", "/tin-tuc/", "a..b", "a.b", "\\", "đường://x", "://", ":/", "Tỷ lệ / 2", "x" + String(repeating: "é", count: 50) + "://"]
        for text in texts {
            #expect(text.containsASCII("://") == text.contains("://"), "\(text)")
            #expect(text.containsASCII("/") == text.contains("/"), "\(text)")
            #expect(text.containsASCII("..") == text.contains(".."), "\(text)")
            #expect(text.containsASCII("\\") == text.contains("\\"), "\(text)")
            #expect(Substring(text).description.containsASCII("://") == text.contains("://"))
        }
    }

    @Test func trimmingFastAgreesWithFoundation() {
        for text in ["", " a ", "a", "abc", "\tabc\n", "\u{A0}x\u{A0}", "x\u{3000}", "Tỷ lệ", " Tỷ", "a b"] {
            #expect(text.trimmingCharactersFast(in: .whitespaces) == text.trimmingCharacters(in: .whitespaces), "\(text)")
            #expect(text.trimmingCharactersFast(in: .whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
        }
    }
}
