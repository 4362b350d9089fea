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
    /// For each scalar of `Slug.blocks`: whether it is a word character, its lower-case UTF-8 and its
    /// folded UTF-8, made once, so the letters of Vietnamese text need no Unicode property lookups.
    private struct Entry: Sendable {
        var isWord: Bool
        var lower: [UInt8]
        var folded: [UInt8]
    }

    private static let table: [[Entry]] = Slug.blocks.enumerated().map { block, range in
        range.map { value in
            let scalar = Unicode.Scalar(value)!
            return Entry(isWord: isWordScalar(scalar), lower: Array(lowercased(scalar).utf8),
                         folded: Array(Slug.folds[block][Int(value - range.lowerBound)].utf8))
        }
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
    }

    /// The words of `text` in order.
    public static func tokens(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var folded: [UInt8] = []
        var marked: [UInt8] = []
        folded.reserveCapacity(32)
        marked.reserveCapacity(64)
        var hasCombining = false
        func flush() {
            if !folded.isEmpty {
                let markedText = String(decoding: marked, as: UTF8.self)
                tokens.append(SearchToken(folded: String(decoding: folded, as: UTF8.self),
                                          marked: hasCombining ? markedText.precomposedStringWithCanonicalMapping : markedText))
                folded.removeAll(keepingCapacity: true)
            }
            marked.removeAll(keepingCapacity: true)
            hasCombining = false
        }
        let blocks = Slug.blocks
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(value)
                if byte >= 65 && byte <= 90 { byte += 32 }
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    folded.append(byte)
                    marked.append(byte)
                } else {
                    flush()
                }
                continue
            }
            if Slug.isCombiningMark(scalar) {
                // A mark belongs to the letter before it (decomposed text); alone it is no word.
                if !marked.isEmpty {
                    marked.append(contentsOf: String(scalar).utf8)
                    hasCombining = true
                }
                continue
            }
            var entry: Entry?
            for (index, block) in blocks.enumerated() where block.contains(value) {
                entry = table[index][Int(value - block.lowerBound)]
                break
            }
            if let entry {
                guard entry.isWord else { flush(); continue }
                marked.append(contentsOf: entry.lower)
                folded.append(contentsOf: entry.folded)
                continue
            }
            guard isWordScalar(scalar) else {
                flush()
                continue
            }
            marked.append(contentsOf: lowercased(scalar).utf8)
            folded.append(contentsOf: Slug.foldedByDecomposition(String(scalar)).utf8)
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
