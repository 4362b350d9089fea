import ByteText

/// Puts each table in a labelled, focusable scroll box.
///
/// A wide table must scroll inside its own box on a phone rather than widen the page, and styling the
/// table itself as a block makes some screen readers stop treating it as a table; a wrapper that
/// keyboard users can focus and scroll avoids both.
enum TableWrapper {
    private static let open = Array("<table>".utf8)
    private static let close = Array("</table>".utf8)

    static func wrap(_ html: String, label: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            guard var found = ByteSearch.find(open, in: bytes) else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 128)
            var number = 0
            var position = 0
            while true {
                output.append(contentsOf: bytes[position..<found])
                number += 1
                output.append(contentsOf: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(label) \(number)\">\n<table>".utf8)
                position = found + open.count
                guard let end = ByteSearch.find(close, in: bytes, from: position) else { break }
                output.append(contentsOf: bytes[position..<(end + close.count)])
                output.append(contentsOf: "\n</div>".utf8)
                position = end + close.count
                guard let next = ByteSearch.find(open, in: bytes, from: position) else { break }
                found = next
            }
            output.append(contentsOf: bytes[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}
