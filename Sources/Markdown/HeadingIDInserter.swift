import ByteText

/// Writes `id` attributes onto the heading tags cmark-gfm emitted.
///
/// cmark-gfm has no option for heading ids. It emits every Markdown heading as a bare `<hN>`, and in safe
/// mode no other heading tag can reach the output (raw HTML is omitted, code is escaped); with raw HTML
/// allowed, the walker counted the author's own heading tags so they are skipped, not renamed.
enum HeadingIDInserter {
    static func insert(ids: [String?], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var source = html
        return source.withUTF8 { insert(ids: ids, into: $0) }
    }

    /// The same, straight from the renderer's bytes: the HTML becomes a String once, with the ids in,
    /// instead of being copied and checked as UTF-8 once before and once after.
    static func insert(ids: [String?], into bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !ids.isEmpty, bytes.count > 0 else { return String(decoding: bytes, as: UTF8.self) }
        let attributes = ids.map { $0.map { Array(" id=\"\($0)\"".utf8) } }
        let count = bytes.count
        let capacity = count + attributes.reduce(0) { $0 + ($1?.count ?? 0) }
        return String(unsafeUninitializedCapacity: capacity) { output -> Int in
            var written = 0
            var copied = 0
            var slot = 0
            var index = 0
            func copy(upTo end: Int) {
                guard end > copied else { return }
                UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: bytes.baseAddress! + copied, byteCount: end - copied)
                written += end - copied
                copied = end
            }
            while slot < attributes.count, index + 3 < count {
                // Only a `<` can start a heading tag, and not in the last 3 bytes (`<h1` and what ends
                // its name); the byte search skips the text between tags.
                guard let hit = ByteSearch.find(UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: bytes[..<(count - 3)]), from: index)
                else { break }
                index = hit
                if bytes[index + 1] | 0x20 == UInt8(ascii: "h"),
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
                   Self.endsTagName(bytes[index + 3]) {
                    copy(upTo: index + 3)
                    if let attribute = attributes[slot] {
                        for byte in attribute {
                            output[written] = byte
                            written += 1
                        }
                    }
                    slot += 1
                    index += 3
                    continue
                }
                index += 1
            }
            copy(upTo: count)
            return written
        }
    }

    /// A space, `>`, tab or line feed: a switch, because an array literal here was made for every `<`.
    @inline(__always) static func endsTagName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "\n"): true
        default: false
        }
    }
}
