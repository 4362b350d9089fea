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
    /// What a scalar below `tableEnd` is to the tokenizer, made once so the letters of Vietnamese text
    /// (and of the other scripts of the first blocks) need no Unicode property lookups: its kind, and its
    /// lower-case and folded UTF-8 as ranges of `pool`.
    private struct Table: Sendable {
        static let tableEnd: UInt32 = 0x2070
        static let other: UInt8 = 0, word: UInt8 = 1, mark: UInt8 = 2
        var kinds: [UInt8]
        /// For scalar v: lower case at pool[bounds[4v] ..< bounds[4v+1]], folded at pool[bounds[4v+2] ..< bounds[4v+3]].
        var bounds: [UInt32]
        var pool: [UInt8]

        init() {
            let count = Int(Self.tableEnd)
            kinds = [UInt8](repeating: Self.other, count: count)
            bounds = [UInt32](repeating: 0, count: count * 4)
            pool = []
            for value in 0..<Self.tableEnd {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let index = Int(value)
                if Slug.isCombiningMark(scalar) {
                    kinds[index] = Self.mark
                    continue
                }
                guard SearchTokenizer.isWordScalar(scalar) else { continue }
                kinds[index] = Self.word
                bounds[4 * index] = UInt32(pool.count)
                pool.append(contentsOf: SearchTokenizer.lowercased(scalar).utf8)
                bounds[4 * index + 1] = UInt32(pool.count)
                bounds[4 * index + 2] = UInt32(pool.count)
                pool.append(contentsOf: Slug.foldedByDecomposition(String(scalar)).utf8)
                bounds[4 * index + 3] = UInt32(pool.count)
            }
        }
    }

    private static let table = Table()

    static func lowercased(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
    }

    /// The words of `text` in order.
    public static func tokens(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        scan(text) { folded, marked in
            tokens.append(SearchToken(folded: String(decoding: folded, as: UTF8.self), marked: String(decoding: marked, as: UTF8.self)))
        }
        return tokens
    }

    /// Calls `body` with each word of `text` in order, as its folded and its marked UTF-8; the buffers
    /// are valid only during the call. Works on the text's UTF-8 bytes: no string is made for a word.
    public static func scan(_ text: String, _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ marked: UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in scan(bytes, body) }
    }

    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ marked: UnsafeBufferPointer<UInt8>) -> Void) {
        var folded: [UInt8] = []
        var marked: [UInt8] = []
        folded.reserveCapacity(64)
        marked.reserveCapacity(128)
        var hasCombining = false
        func flush() {
            if !folded.isEmpty {
                if hasCombining {
                    let composed = String(decoding: marked, as: UTF8.self).precomposedStringWithCanonicalMapping
                    let composedBytes = Array(composed.utf8)
                    folded.withUnsafeBufferPointer { f in composedBytes.withUnsafeBufferPointer { m in body(f, m) } }
                } else {
                    folded.withUnsafeBufferPointer { f in marked.withUnsafeBufferPointer { m in body(f, m) } }
                }
                folded.removeAll(keepingCapacity: true)
            }
            marked.removeAll(keepingCapacity: true)
            hasCombining = false
        }
        let table = Self.table
        table.kinds.withUnsafeBufferPointer { kinds in
        table.bounds.withUnsafeBufferPointer { bounds in
        table.pool.withUnsafeBufferPointer { pool in
            var index = 0
            let end = bytes.count
            while index < end {
                let lead = bytes[index]
                if lead < 0x80 {
                    var byte = lead
                    if byte >= 65 && byte <= 90 { byte += 32 }
                    if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                        folded.append(byte)
                        marked.append(byte)
                    } else if !folded.isEmpty || !marked.isEmpty {
                        flush()
                    }
                    index += 1
                    continue
                }
                // The input is a Swift string: valid UTF-8.
                let length: Int
                let value: UInt32
                if lead < 0xE0 {
                    length = 2
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                } else if lead < 0xF0 {
                    length = 3
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                } else {
                    length = 4
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                }
                let scalarBytes = UnsafeBufferPointer(rebasing: bytes[index ..< index + length])
                index += length
                if value < Table.tableEnd {
                    let slot = Int(value)
                    switch kinds[slot] {
                    case Table.word:
                        marked.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(bounds[4 * slot]) ..< Int(bounds[4 * slot + 1])]))
                        folded.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(bounds[4 * slot + 2]) ..< Int(bounds[4 * slot + 3])]))
                    case Table.mark:
                        // A mark belongs to the letter before it (decomposed text); alone it is no word.
                        if !marked.isEmpty {
                            marked.append(contentsOf: scalarBytes)
                            hasCombining = true
                        }
                    default:
                        flush()
                    }
                    continue
                }
                let scalar = Unicode.Scalar(value)!
                if Slug.isCombiningMark(scalar) {
                    if !marked.isEmpty {
                        marked.append(contentsOf: scalarBytes)
                        hasCombining = true
                    }
                } else if isWordScalar(scalar) {
                    marked.append(contentsOf: lowercased(scalar).utf8)
                    folded.append(contentsOf: Slug.foldedByDecomposition(String(scalar)).utf8)
                } else {
                    flush()
                }
            }
        }
        }
        }
        flush()
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
