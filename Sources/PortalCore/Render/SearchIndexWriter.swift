import Foundation
import VietnameseText

/// The search index at `/tim-kiem/chi-muc.json`, fetched by the search page only when a reader
/// searches. Each entry is an array, not an object, to keep the file small:
/// `[kind, title, url, date, summary, text]`; `text` is the start of the body (`textLimit`
/// characters), enough to find an item by its subject without shipping the whole archive.
struct SearchIndexWriter: Sendable {
    static let textLimit = 300

    struct Entry: Sendable {
        var kind: String
        var title: String
        var url: String
        var date: String
        var summary: String
        var text: String
    }

    func index(_ entries: [Entry]) -> String {
        // Written in slices on every core and joined in order: the index is made after the last page,
        // when nothing else is left to keep the other cores busy.
        let sliceSize = 256
        let slices = Array(stride(from: 0, to: entries.count, by: sliceSize)).parallelMap { start -> [UInt8] in
            var json: [UInt8] = []
            json.reserveCapacity(sliceSize * 600)
            for index in start..<min(start + sliceSize, entries.count) {
                let entry = entries[index]
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "["))
                for (field, text) in [entry.kind, entry.title, entry.url, entry.date, entry.summary, Self.clip(entry.text)].enumerated() {
                    if field > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendJSONString(text, to: &json)
                }
                json.append(UInt8(ascii: "]"))
            }
            return json
        }
        var json: [UInt8] = Array("{\"v1\":[".utf8)
        json.reserveCapacity(slices.reduce(16) { $0 + $1.count })
        for slice in slices { json.append(contentsOf: slice) }
        json.append(contentsOf: "]}\n".utf8)
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON string as Go's encoder (and so Hugo's `jsonify`) writes it: `"` and `\` escaped, the control
    /// characters as \b \t \n \f \r or \u00xx, `<`, `>` and `&` as \u003c \u003e \u0026 so that markup in
    /// the content never appears raw in the file (a host or proxy that sniffs it as HTML finds none), and
    /// everything else as it is (UTF-8). Written by hand: JSONEncoder boxed every string of the archive's
    /// index first.
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                json.append(contentsOf: Array("\\u00".utf8))
                json.append(hex[Int(byte >> 4)])
                json.append(hex[Int(byte & 0x0F)])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// Counts no further than it needs to: a body's text is thousands of scalars long.
    private static func hasMoreScalars(than limit: Int, _ text: String) -> Bool {
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    static func clip(_ text: String) -> String {
        // No more bytes than the limit means no more characters; otherwise `prefix` walks at most
        // `textLimit` characters, where `count` would walk the whole body.
        // Nor do no more scalars: a news item's text arrives clipped already (`newsSearchText`), and
        // counting its scalars is much cheaper than walking its characters again.
        if text.utf8.count <= textLimit || !hasMoreScalars(than: textLimit, text) { return text }
        let head = text.prefix(textLimit)
        return head.endIndex == text.endIndex ? text : String(head)
    }
}
