#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The byte search of the whole project: a byte or an ASCII marker (`<table>`, `-->`, `://`) in UTF-8
/// text.
///
/// Foundation's `range(of:)` and `contains(_:)` on `String` go through `NSString` and UTF-16 on Linux,
/// which costs more than the Markdown parse itself on a large archive; a byte search finds the same
/// ASCII needles at the same places. Inlinable, because the callers' scanning loops (other modules) run
/// it for every tag or line of every page.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`.
    @inlinable
    public static func find(_ byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start >= 0, start < haystack.count, let base = haystack.baseAddress,
              let hit = memchr(base + start, Int32(byte), haystack.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `needle` at or after `start`; `start` itself for an empty needle.
    @inlinable
    public static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from start: Int = 0) -> Int? {
        guard let needleBase = needle.baseAddress, !needle.isEmpty else { return start }
        guard start >= 0, start <= haystack.count, haystack.count - start >= needle.count,
              let base = haystack.baseAddress else { return nil }
        let first = Int32(needle[0])
        let last = haystack.count - needle.count
        var position = start
        while position <= last {
            // memchr finds the candidates; only they are compared in full.
            guard let hit = memchr(base + position, first, last - position + 1) else { return nil }
            position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needleBase, needle.count) == 0 { return position }
            position += 1
        }
        return nil
    }

    @inlinable
    public static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: haystack, from: start) }
    }

    @inlinable
    public static func find(_ needle: StaticString, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUTF8Buffer { find($0, in: haystack, from: start) }
    }
}
