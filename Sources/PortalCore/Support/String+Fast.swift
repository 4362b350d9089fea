import Foundation

extension String {
    /// Whether `needle` (ASCII) occurs in the text: what Foundation's `contains(_:)` answers for an ASCII
    /// needle, without converting the text to UTF-16 first.
    func containsASCII(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let pattern = needle.utf8Start
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= count else { return false }
            var position = 0
            while position <= bytes.count - count,
                  let hit = memchr(base + position, Int32(pattern[0]), bytes.count - count - position + 1) {
                position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, pattern, count) == 0 { return true }
                position += 1
            }
            return false
        }) {
            return found
        }
        return Array(utf8).withUnsafeBufferPointer { bytes in
            bytes.indices.contains { start in start + count <= bytes.count && memcmp(bytes.baseAddress! + start, pattern, count) == 0 }
        }
    }
}
