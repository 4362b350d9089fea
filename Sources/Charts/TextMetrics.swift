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
            return isVietnameseCapital(scalar.value) ? 0.7 : 0.56
        }
    }

    /// Precomposed capitals with marks (À, Đ, Ư, Ơ, Ấ …) by code point: the Unicode property lookup costs
    /// a tenth of all chart rendering, and these blocks alternate capital and small letter regularly.
    private static func isVietnameseCapital(_ value: UInt32) -> Bool {
        switch value {
        case 0xC0...0xDE: value != 0xD7
        case 0x100...0x17F, 0x1EA0...0x1EF9: value % 2 == 0
        case 0x1A0, 0x1AF: true
        default: false
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

    /// Like `wrap`, but with the lines as even as possible ("Chưa có / số liệu", not "Chưa có số / liệu"):
    /// the narrowest width that still needs no more lines than the widest does.
    static func wrapBalanced(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let greedy = wrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines)
        guard greedy.lines.count > 1, !greedy.truncated else { return greedy }
        var best = greedy
        var low = width(text, fontSize: fontSize) / Double(greedy.lines.count)
        var high = maxWidth
        // A handful of halvings gets within a unit or so, which is all the estimate is worth.
        for _ in 0..<8 {
            let middle = (low + high) / 2
            let attempt = wrap(text, maxWidth: middle, fontSize: fontSize, maxLines: greedy.lines.count)
            if attempt.truncated {
                low = middle
            } else {
                best = attempt
                high = middle
            }
        }
        return best
    }

    /// Every how many ticks a label can be written along a horizontal axis without labels touching
    /// (1 = all). The ticks stay; only their numbers are thinned.
    static func tickLabelStride(_ labels: [String], spacing: Double, fontSize: Double) -> Int {
        guard spacing > 0 else { return 1 }
        let widest = labels.reduce(0.0) { Swift.max($0, width($1, fontSize: fontSize)) }
        return Swift.max(1, Int(((widest + 8) / spacing).rounded(.up)))
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
