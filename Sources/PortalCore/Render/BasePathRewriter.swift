import ByteText

/// Publishes a rendered page under the site's base path: every address attribute whose value is a site
/// path (`href="/tin-tuc/"`, `src="/media/…"`, each candidate of a `srcset`) gets the base path in
/// front (`href="/chuyendoiso/tin-tuc/"`).
///
/// Done once over the finished page rather than in each view, so the templates' own addresses
/// (`/assets/css/portal.css`), links editors wrote root-relative in Markdown, charts and shortcodes are
/// all published the same way without knowing where the site lives (Eleventy's HTML base plugin works
/// so too). Tags are read by `HTMLTagWalker`, as the checks read them: comments and the raw text of
/// `script` and `style` are left alone, and text between tags is never touched (an escaped `href="/x"`
/// in a code sample stays as written). A site at a host's root skips the pass entirely.
struct BasePathRewriter: Sendable {
    let basePath: URLScheme.BasePath

    func publish(_ html: String) -> String {
        guard !basePath.isRoot else { return html }
        let bytes = Array(html.utf8)
        let insertions = bytes.withUnsafeBufferPointer { buffer in
            var finder = SitePathFinder(bytes: buffer)
            HTMLTagWalker(bytes: buffer).walk(&finder)
            return finder.offsets
        }
        guard !insertions.isEmpty else { return html }
        let prefix = basePath.path.utf8.dropLast()
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + insertions.count * prefix.count)
        var copied = 0
        for offset in insertions {
            output.append(contentsOf: bytes[copied..<offset])
            output.append(contentsOf: prefix)
            copied = offset
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}

/// The offsets, in order, of each site path (`/…`, not `//host`) that starts an address attribute's
/// value or a `srcset` candidate.
private struct SitePathFinder: HTMLTagVisitor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offsets: [Int] = []

    /// The attributes whose value is one address; `srcset` holds several and is treated apart.
    /// `data-search-index` is where the search page tells its script the index's address (SPEC §12).
    private static let addressAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "xlink:href",
                                                         "data-search-index"]

    mutating func attribute(_ name: String, value: Range<Int>?) {
        guard let value else { return }
        if name == "srcset" {
            // Candidates are separated by commas; each starts, after spaces, with its address.
            var position = value.lowerBound
            while position < value.upperBound {
                position = afterSpaces(position, value.upperBound)
                noteSitePath(at: position, before: value.upperBound)
                while position < value.upperBound, bytes[position] != UInt8(ascii: ",") { position += 1 }
                position += 1
            }
        } else if Self.addressAttributes.contains(name) {
            noteSitePath(at: afterSpaces(value.lowerBound, value.upperBound), before: value.upperBound)
        }
    }

    private func afterSpaces(_ start: Int, _ end: Int) -> Int {
        var position = start
        while position < end, HTMLTagWalker.isSpace(bytes[position]) { position += 1 }
        return position
    }

    private mutating func noteSitePath(at position: Int, before end: Int) {
        if position < end && bytes[position] == UInt8(ascii: "/") && (position + 1 == end || bytes[position + 1] != UInt8(ascii: "/")) {
            offsets.append(position)
        }
    }
}
