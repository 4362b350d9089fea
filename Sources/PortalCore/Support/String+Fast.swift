import ByteText

extension String {
    /// Whether `needle` (ASCII) occurs in the text: what Foundation's `contains(_:)` answers for an ASCII
    /// needle, without converting the text to UTF-16 first.
    func containsASCII(_ needle: StaticString) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.find(needle, in: $0) != nil }) {
            return found
        }
        return Array(utf8).withUnsafeBufferPointer { ByteSearch.find(needle, in: $0) != nil }
    }
}
