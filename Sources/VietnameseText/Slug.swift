import Foundation

/// Vietnamese text folded to ASCII for URLs and for mark-insensitive matching.
///
/// Foundation's diacritic folding leaves `đ` alone and depends on the platform's ICU, so the rules
/// are written out here: decompose, drop every combining mark, map `đ`/`Đ` to `d`.
public enum Slug {
    /// `"Chuyển đổi số: Đắk Lắk 2024!"` → `"chuyen-doi-so-dak-lak-2024"`.
    /// Lower case ASCII letters and digits; every run of anything else becomes one `-`.
    public static func make(_ text: String) -> String {
        // On the folded text's UTF-8: word characters are ASCII, and every byte of any other scalar only
        // marks a separator, as the scalar itself did.
        let folded = folded(text)
        var result: [UInt8] = []
        result.reserveCapacity(folded.utf8.count)
        var pendingDash = false
        for byte in folded.utf8 {
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Lower-cased text with Vietnamese marks removed and `đ` → `d`; other characters kept as they are.
    /// "Chuyển Đổi số" → "chuyen doi so".
    public static func folded(_ text: String) -> String {
        foldedByTable(text) ?? foldedByDecomposition(text)
    }

    /// The fold of each scalar in the blocks titles are written with (Latin-1, Latin Extended A and B,
    /// Latin Extended Additional: every Vietnamese letter; general punctuation: dashes, quotes), made once
    /// with `foldedByDecomposition`. Decomposing a string decomposes each scalar and then reorders only
    /// combining marks, which the fold drops, so folding scalar by scalar gives the same text.
    static let blocks: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF, 0x2000...0x206F]
    static let folds: [[String]] = blocks.map { block in
        block.map { foldedByDecomposition(String(Unicode.Scalar($0)!)) }
    }

    /// Nil when the text has a scalar outside ASCII, those blocks and the dropped marks: then
    /// Foundation decomposes it (`foldedByDecomposition`).
    static func foldedByTable(_ text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(UInt8(ascii: scalar).lowercasedASCII)
            } else if isCombiningMark(scalar) {
                continue
            } else if let block = blocks.firstIndex(where: { $0.contains(value) }) {
                output.append(contentsOf: folds[block][Int(value - blocks[block].lowerBound)].utf8)
            } else {
                return nil
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The rule itself: decompose, drop every combining mark, map `đ`/`Đ` to `d`, lower-case.
    static func foldedByDecomposition(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            switch scalar {
            case "\u{0110}", "\u{0111}", "\u{0189}": output.append("d")  // Đ, đ, and the look-alike Ɖ
            default:
                if scalar.isASCII {
                    output.append(Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII))
                } else {
                    output.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            }
        }
        return String(output)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }
}

extension UInt8 {
    fileprivate init(ascii scalar: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: scalar.value) }
    fileprivate var lowercasedASCII: UInt8 { (self >= 65 && self <= 90) ? self + 32 : self }
}
