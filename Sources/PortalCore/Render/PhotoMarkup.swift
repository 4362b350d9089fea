import ByteText
import Foundation
import Markdown

/// How a photo is written into a page: a `<picture>` with the WebP sizes first, then an `<img>` with the
/// source's own format, its largest size's `width` and `height` (so the page keeps its room before it
/// arrives), `srcset`, `sizes`, `alt` and lazy loading unless it is the first image of the page.
enum PhotoMarkup {
    static func srcset(_ variants: [Photo.Variant]) -> String {
        variants.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
    }

    /// The size a browser without `srcset` gets: the middle one, near 960 px by default.
    static func fallbackSource(_ photo: Photo) -> Photo.Variant? {
        let sizes = photo.fallback
        return sizes.isEmpty ? nil : sizes[(sizes.count - 1) / 2]
    }

    /// `altHTML` and `extraAttributes` are already escaped.
    static func picture(_ photo: Photo, altHTML: String, extraAttributes: String = "", sizes: String, lazy: Bool) -> String {
        guard let largest = photo.largest, let fallback = fallbackSource(photo) else { return "" }
        var html = "<picture>"
        if photo.fallback.first?.format != .webp, !photo.webp.isEmpty {
            html += "<source type=\"image/webp\" srcset=\"\(srcset(photo.webp))\" sizes=\"\(HTMLEscaping.escape(sizes))\">"
        }
        html += "<img src=\"\(fallback.url)\" srcset=\"\(srcset(photo.fallback))\" sizes=\"\(HTMLEscaping.escape(sizes))\""
        html += " width=\"\(largest.width)\" height=\"\(largest.height)\" alt=\"\(altHTML)\"\(extraAttributes)"
        html += lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">"
        return html + "</picture>"
    }

    /// The `<img>` elements cmark-gfm wrote for `![alt](src)` (`<img src="…" alt="…" />`, with ` title="…"`
    /// when given), each whose source is a photo replaced by its `<picture>`. A source that is a file
    /// that cannot be published, or no file at all, is an error at the Markdown line that uses it.
    static func rewrite(_ rendered: RenderedMarkdown, catalog: PhotoCatalog, sizes: String, findings: inout Findings,
                        locate: (Int, Int) -> (SourceFile, SourceLocation)) -> RenderedMarkdown {
        let html = rendered.html
        let opening = "<img src=\""
        guard html.contains(opening) else { return rendered }
        var output = ""
        output.reserveCapacity(html.utf8.count + rendered.images.count * 400)
        var rest = html[...]
        var usedFacts = Set<Int>()
        var photosWritten = 0
        while let start = rest.range(of: opening) {
            output += rest[..<start.lowerBound]
            let afterSource = rest[start.upperBound...]
            guard let quote = afterSource.firstIndex(of: "\""), let close = afterSource[quote...].range(of: " />") else {
                output += rest[start.lowerBound...]
                rest = rest[rest.endIndex...]
                break
            }
            let sourceHTML = String(afterSource[..<quote])
            let attributes = String(afterSource[afterSource.index(after: quote)..<close.lowerBound])
            rest = afterSource[close.upperBound...]
            let source = unescape(sourceHTML)
            let factIndex = rendered.images.indices.first { !usedFacts.contains($0) && (rendered.images[$0].source == source
                || unescape(rendered.images[$0].source) == source) }
            guard let factIndex else {
                // Not from `![…](…)`: raw HTML the site allows, left as written.
                output += opening + sourceHTML + "\"" + attributes + " />"
                continue
            }
            usedFacts.insert(factIndex)
            let fact = rendered.images[factIndex]
            let (file, location) = locate(fact.line, 1)
            switch lookUp(source, besides: file.relativePath, catalog: catalog) {
            case .photo(let photo):
                // ` alt="…"` and an optional ` title="…"`, as cmark-gfm escaped them.
                var altHTML = ""
                var extra = attributes
                if let altStart = attributes.range(of: " alt=\""), let altEnd = attributes[altStart.upperBound...].firstIndex(of: "\"") {
                    altHTML = String(attributes[altStart.upperBound..<altEnd])
                    extra = String(attributes[..<altStart.lowerBound]) + String(attributes[attributes.index(after: altEnd)...])
                }
                let lazy = photosWritten > 0 || catalog.filesWithLeadImage.contains(file.relativePath)
                output += picture(photo, altHTML: altHTML, extraAttributes: extra, sizes: sizes, lazy: lazy)
                photosWritten += 1
            case .problem(let path, let problem):
                findings.append(.error("image \"\(fact.source)\" (Content/\(path)) cannot be published: \(problem)", at: location))
                output += opening + sourceHTML + "\"" + attributes + " />"
            case .missing(let looked):
                findings.append(.error("image file \"\(fact.source)\" not found (looked for \(looked))", at: location))
                output += opening + sourceHTML + "\"" + attributes + " />"
            case .notOurs:
                output += opening + sourceHTML + "\"" + attributes + " />"
            }
        }
        output += rest
        return rendered.replacing(html: output, plainText: rendered.plainText, firstParagraph: rendered.firstParagraph)
    }

    enum Found {
        case photo(Photo)
        case problem(path: String, String)
        case missing(looked: String)
        /// Another site's image, a theme asset, a page's address: for `check`'s link tests, not for this.
        case notOurs
    }

    /// An image source as a Markdown file writes it: relative to the file, relative to `Content/media/`,
    /// or `/media/…` from the site's root.
    static func lookUp(_ source: String, besides filePath: String, catalog: PhotoCatalog) -> Found {
        if source.isEmpty || source.contains("://") || source.hasPrefix("//") || source.hasPrefix("data:") || source.hasPrefix("#") {
            return .notOurs
        }
        let path = source.split(separator: "?").first.map(String.init) ?? source
        let candidates: [String]
        if path.hasPrefix("/") {
            guard path.hasPrefix(URLScheme.media) else { return .notOurs }
            candidates = [RelativePath.normalise(String(path.dropFirst()))].compactMap { $0 }
        } else {
            let folder = filePath.split(separator: "/").dropLast().joined(separator: "/")
            candidates = [RelativePath.normalise(folder.isEmpty ? path : folder + "/" + path), RelativePath.normalise("media/" + path)]
                .compactMap { $0 }
        }
        for candidate in candidates {
            if let problem = catalog.problems[candidate] { return .problem(path: candidate, problem) }
            if let photo = catalog.photos[candidate] { return .photo(photo) }
            if catalog.contentFiles.contains(candidate) { return .notOurs }
        }
        return .missing(looked: candidates.map { "Content/" + $0 }.joined(separator: " and "))
    }

    /// cmark-gfm writes a source percent-encoded and HTML-escaped.
    static func unescape(_ text: String) -> String {
        let html = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        return html.removingPercentEncoding ?? html
    }
}
