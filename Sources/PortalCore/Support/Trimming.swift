import Foundation

extension String {
    /// `trimmingCharacters(in:)` for the whitespace sets, without the trip through `NSString` when there
    /// is nothing to trim: text that starts and ends with a printable ASCII character is returned as it
    /// is (no whitespace or newline character is printable ASCII).
    func trimmingCharactersFast(in set: CharacterSet) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: set)
    }
}
