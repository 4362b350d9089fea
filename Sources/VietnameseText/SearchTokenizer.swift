import Foundation

/// A word of text as search sees it: Vietnamese is written in syllables separated by spaces, so a word
/// here is a run of letters, digits and combining marks (`chuyển`, `79`, `VssID`), and the search matches
/// syllables. `folded` is what matching compares (`Slug.folded`: no marks, `đ` → `d`, lower case);
/// `marked` keeps the marks, lower-cased and composed (NFC), for ranking exact-mark matches first.
///
/// The search script (`Theme/assets/js/search.js`) splits and folds a query by the same rule:
/// `/[^\p{L}\p{N}\p{M}]+/u`, NFD without marks, `đ` → `d`, lower case.
public struct SearchToken: Sendable, Equatable {
    public var folded: String
    public var marked: String

    public init(folded: String, marked: String) {
        self.folded = folded
        self.marked = marked
    }
}

public enum SearchTokenizer {
    /// The words of `text` in order.
    public static func tokens(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var folded: [UInt8] = []
        var marked = String.UnicodeScalarView()
        var hasCombining = false
        func flush() {
            if !folded.isEmpty {
                let markedText = hasCombining ? String(marked).precomposedStringWithCanonicalMapping : String(marked)
                tokens.append(SearchToken(folded: String(decoding: folded, as: UTF8.self), marked: markedText))
            }
            folded.removeAll(keepingCapacity: true)
            marked.removeAll(keepingCapacity: true)
            hasCombining = false
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(value)
                if byte >= 65 && byte <= 90 { byte += 32 }
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    folded.append(byte)
                    marked.append(Unicode.Scalar(byte))
                } else {
                    flush()
                }
                continue
            }
            if Slug.isCombiningMark(scalar) {
                // A mark belongs to the letter before it (decomposed text); alone it is no word.
                if !marked.isEmpty {
                    marked.append(scalar)
                    hasCombining = true
                }
                continue
            }
            guard isWordScalar(scalar) else {
                flush()
                continue
            }
            if scalar.properties.changesWhenLowercased {
                marked.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                marked.append(scalar)
            }
            if let block = Slug.blocks.firstIndex(where: { $0.contains(value) }) {
                folded.append(contentsOf: Slug.folds[block][Int(value - Slug.blocks[block].lowerBound)].utf8)
            } else {
                folded.append(contentsOf: Slug.foldedByDecomposition(String(scalar)).utf8)
            }
        }
        flush()
        return tokens
    }

    /// Letters and digits of any script (`\p{L}` and `\p{N}` in the search script).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
