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
        let rows = entries.map { [$0.kind, $0.title, $0.url, $0.date, $0.summary, Self.clip($0.text)] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(["v1": rows]) else { return "{\"v1\":[]}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func clip(_ text: String) -> String {
        // `prefix` walks at most `textLimit` characters; `count` would walk the whole body.
        let head = text.prefix(textLimit)
        return head.endIndex == text.endIndex ? text : String(head)
    }
}
