/// The HTML escaper of the whole project, done on UTF-8 bytes: templates' values, charts' SVG, feeds,
/// the sitemap and the preview's error page all escape with it.
///
/// It writes swift-mustache's entities (`&lt;` `&gt;` `&amp;` `&quot;` `&#39;`) and copies everything
/// else unchanged. All five are escaped everywhere, so the same text is safe in element content and in
/// attributes quoted either way, and `]]>` or `</script>` can never close what it is embedded in. Going
/// byte by byte rather than `Character` by `Character` (the library looks each up in a dictionary, which
/// made escaping the largest single cost of rendering a page) has one visible difference: a `<`, `>`,
/// `&`, `"` or `'` followed by a combining mark forms a single `Character` that the library leaves
/// unescaped; here it is escaped like any other.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        if let escaped = text.utf8.withContiguousStorageIfAvailable({ escape(bytes: $0, original: text) }) {
            return escaped
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { escape(bytes: $0, original: copy) } ?? copy
    }

    private static func escape(bytes: UnsafeBufferPointer<UInt8>, original: String) -> String {
        var extra = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): extra += 3
            case UInt8(ascii: "&"), UInt8(ascii: "'"): extra += 4
            case UInt8(ascii: "\""): extra += 5
            default: continue
            }
        }
        guard extra > 0 else { return original }
        return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
            var position = 0
            func put(_ entity: StaticString) {
                entity.withUTF8Buffer { entityBytes in
                    for byte in entityBytes {
                        output[position] = byte
                        position += 1
                    }
                }
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): put("&lt;")
                case UInt8(ascii: ">"): put("&gt;")
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "\""): put("&quot;")
                case UInt8(ascii: "'"): put("&#39;")
                default:
                    output[position] = byte
                    position += 1
                }
            }
            return position
        }
    }
}
