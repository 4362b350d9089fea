/// Estimated text widths and word wrapping, for laying out labels without a font engine.
///
/// The estimate errs wide for a typical sans-serif, so a label that "fits" here fits in the browser;
/// Vietnamese marks sit above or below the letter and add no width.
enum TextMetrics {
    /// Width in user units of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            em += advance(scalar)
        }
        return em * fontSize
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ", ".", ",", ":", ";", "'", "|", "!", "i", "l", "j", "I", "(", ")", "[", "]": return 0.3
        case "f", "t", "r", "/", "-", "–": return 0.4
        case "m", "w", "M", "W", "%", "…": return 0.9
        case "0"..."9": return 0.58
        case "A"..."Z": return 0.7
        default:
            // Combining marks (from decomposed input) take no room of their own.
            if scalar.value >= 0x300 && scalar.value <= 0x36F { return 0 }
            // Precomposed capitals with marks: Đ, Ư, Ơ, Ấ …
            if scalar.properties.isUppercase { return 0.7 }
            return 0.56
        }
    }

    /// A label broken at spaces into at most `maxLines` lines of at most `maxWidth`. When it cannot fit,
    /// the last line ends in `…` and `truncated` is true, so the caller keeps the full text in a `<title>`.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard !words.isEmpty else { return ([], false) }
        let lineLimit = Swift.max(1, maxLines)
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, fontSize: fontSize) <= maxWidth {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty {
                // A single word wider than the line: it cannot be broken at a space, so it is cut.
                return (lines + [shorten(word, maxWidth: maxWidth, fontSize: fontSize)], true)
            }
            lines.append(current)
            current = ""
            if lines.count == lineLimit {
                let rest = words[index...].joined(separator: " ")
                let last = lines.removeLast()
                lines.append(shorten(last + " " + rest, maxWidth: maxWidth, fontSize: fontSize))
                return (lines, true)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return (lines, false)
    }

    /// `text` cut so that it, plus `…`, fits in `maxWidth`; preferably at a space.
    static func shorten(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        let budget = maxWidth - width("…", fontSize: fontSize)
        var kept = ""
        var used = 0.0
        for character in text {
            var characterWidth = 0.0
            for scalar in character.unicodeScalars { characterWidth += advance(scalar) * fontSize }
            if used + characterWidth > budget { break }
            kept.append(character)
            used += characterWidth
        }
        // Cutting at the last space reads better, unless that throws away most of the line.
        if let space = kept.lastIndex(of: " "), kept.distance(from: kept.startIndex, to: space) * 3 >= kept.count * 2 {
            kept = String(kept[..<space])
        }
        while kept.last == " " || kept.last == "," || kept.last == ";" { kept.removeLast() }
        return kept + "…"
    }
}
