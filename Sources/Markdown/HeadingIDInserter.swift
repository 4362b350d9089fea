/// Writes `id` attributes onto the heading tags cmark-gfm emitted.
///
/// cmark-gfm has no option for heading ids. It emits every Markdown heading as a bare `<hN>`, and in safe
/// mode no other heading tag can reach the output (raw HTML is omitted, code is escaped); with raw HTML
/// allowed, the walker counted the author's own heading tags so they are skipped, not renamed.
enum HeadingIDInserter {
    static func insert(ids: [String?], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + ids.count * 24)
        var slot = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), slot < ids.count, index + 3 < count,
               bytes[index + 1] | 0x20 == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
               [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[index + 3]) {
                output.append(contentsOf: bytes[index..<(index + 3)])
                if let id = ids[slot] {
                    output.append(contentsOf: Array(" id=\"\(id)\"".utf8))
                }
                slot += 1
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        bytes = output
        return String(decoding: bytes, as: UTF8.self)
    }
}
