import Foundation

/// Substring search over UTF-8 bytes, for the ASCII markers this module looks for (`<table>`).
///
/// Foundation's `range(of:)` and `contains(_:)` on `String` go through `NSString` and UTF-16 on Linux,
/// which costs more than the Markdown parse itself on a large archive; a byte search finds the same
/// ASCII needles at the same places.
enum UTF8Search {
    /// The byte offset of the first `needle` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start }
        guard start <= haystack.count, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        let first = Int32(needle[0])
        let last = haystack.count - needle.count
        var position = start
        while position <= last {
            // memchr finds the candidates; only they are compared in full.
            guard let hit = memchr(base + position, first, last - position + 1) else { return nil }
            position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needle, needle.count) == 0 { return position }
            position += 1
        }
        return nil
    }
}
