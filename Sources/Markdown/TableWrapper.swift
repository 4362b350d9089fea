/// Puts each table in a labelled, focusable scroll box.
///
/// A wide table must scroll inside its own box on a phone rather than widen the page, and styling the
/// table itself as a block makes some screen readers stop treating it as a table; a wrapper that
/// keyboard users can focus and scroll avoids both.
enum TableWrapper {
    static func wrap(_ html: String, label: String) -> String {
        guard html.contains("<table>") else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + 128)
        var number = 0
        var rest = html[...]
        while let open = rest.range(of: "<table>") {
            output += rest[..<open.lowerBound]
            number += 1
            output += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(label) \(number)\">\n<table>"
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "</table>") else { break }
            output += rest[..<close.upperBound]
            output += "\n</div>"
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }
}
