/// Escaping for text and attribute values in SVG and HTML.
///
/// One function serves both places because the output is inline SVG inside HTML and may also be read as
/// stand-alone XML: escaping all five special characters is correct in both, and `]]>` or `</script>` can
/// then never close anything they are embedded in.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    static func escape(_ text: String, into out: inout String) {
        // Most labels need no escaping at all; copying them whole is much cheaper than scalar by scalar.
        if !text.utf8.contains(where: needsWork) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                // Other C0 controls, lone surrogates' replacements aside, are not allowed in XML 1.0 at all,
                // so a stray one from a spreadsheet would make a stand-alone SVG unreadable.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0xEF: true  // the first byte of U+FFFE and U+FFFF
        default: byte < 0x20
        }
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
