/// A request path, percent-decoded and checked before it is looked up among the built files.
///
/// The server only ever answers from the site it holds in memory, so no request can read a file outside
/// the output; still, a path that tries (`..`, `%2e%2e`, an encoded `/` or `\`, NUL) is refused outright
/// with 400 instead of being "cleaned" into some other path, which is how traversal bugs start.
enum RequestPath: Equatable {
    /// Decoded segments joined by `/`, no leading `/`; `isFolder` when the request ended with `/`.
    case file(path: String, isFolder: Bool)
    case bad

    static func decode(_ raw: String) -> RequestPath {
        guard raw.hasPrefix("/") else { return .bad }
        var segments: [String] = []
        let parts = raw.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        for part in parts {
            guard let bytes = percentDecode(part) else { return .bad }
            // Control bytes (NUL among them), `\` and a decoded `/` never name a file of the site.
            if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
                return .bad
            }
            guard let segment = String(validating: bytes, as: UTF8.self) else { return .bad }
            if segment == "." || segment == ".." { return .bad }
            if !segment.isEmpty { segments.append(segment) }
        }
        let isFolder = raw.hasSuffix("/")
        return .file(path: segments.joined(separator: "/"), isFolder: isFolder || segments.isEmpty)
    }

    private static func percentDecode(_ bytes: Substring.UTF8View.SubSequence) -> [UInt8]? {
        percentDecode(Array(bytes))
    }

    private static func percentDecode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            output.append(high << 4 | low)
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
