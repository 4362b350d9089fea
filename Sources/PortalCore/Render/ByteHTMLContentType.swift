import Mustache

/// swift-mustache's HTML escaping, done on UTF-8 bytes.
///
/// The library's own escaper looks every `Character` up in a dictionary, which made escaping the largest
/// single cost of rendering a page. This one writes the same entities (`&lt;` `&gt;` `&amp;` `&quot;`
/// `&#39;`) and copies everything else unchanged. The one difference: a `<`, `>`, `&`, `"` or `'` followed
/// by a combining mark forms a single `Character` that the library leaves unescaped; here it is escaped
/// like any other.
///
/// Registered with the library as `PORTAL_HTML` and selected by the pragma `TemplateSet` puts in front
/// of every template (the library starts each template, partials included, in its own default HTML type).
struct ByteHTMLContentType: MustacheContentType {
    static let name = "PORTAL_HTML"

    /// Registers the type once per process; `MustacheContentTypes` is the library's global registry.
    static let registered: Void = { MustacheContentTypes.register(ByteHTMLContentType(), named: name) }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
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
