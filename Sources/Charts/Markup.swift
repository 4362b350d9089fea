import ByteText

/// Escaping for text and attribute values in SVG and HTML.
///
/// One function serves both places because the output is inline SVG inside HTML and may also be read as
/// stand-alone XML: the project's HTML escaper escapes all five special characters, which is correct in
/// both, so `]]>` or `</script>` can then never close anything they are embedded in. XML also forbids
/// most control characters, which HTML escaping leaves alone, so they are dealt with first.
public enum Markup {
    public static func escape(_ text: String) -> String {
        HTMLEscaping.escape(withoutXMLControls(text))
    }

    static func escape(_ text: String, into out: inout String) {
        out += escape(text)
    }

    /// Tab, line feed and carriage return become spaces; other C0 controls and U+FFFE/U+FFFF are not
    /// allowed in XML 1.0 at all, so they are dropped: a stray one from a spreadsheet would make a
    /// stand-alone SVG unreadable.
    private static func withoutXMLControls(_ text: String) -> String {
        // Most labels hold none; returning them whole is much cheaper than going scalar by scalar.
        guard text.utf8.contains(where: mayBeXMLControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func mayBeXMLControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0xEF  // 0xEF: the first byte of U+FFFE and U+FFFF
    }

    /// An id safe inside `aria-labelledby` (space-separated) and `url(#…)`.
    static func identifier(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        if out.isEmpty { return "chart" }
        if let first = out.unicodeScalars.first, !(first >= "a" && first <= "z") && !(first >= "A" && first <= "Z") {
            return "chart-" + out
        }
        return out
    }
}
