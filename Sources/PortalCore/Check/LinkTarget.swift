import Foundation

/// Where an `href` or `src` written on a built page leads, worked out the way a browser would.
enum LinkTarget: Equatable {
    /// Another site, `mailto:`, `tel:`, `data:` …: not ours to check.
    case external
    /// A file of the built site (`tin-tuc/index.html`), relative to the output root, and the fragment.
    case site(path: String, fragment: String?)
    /// `..` climbs above the site's root, or the percent-encoding is broken.
    case outside

    /// - Parameters:
    ///   - pageURL: the page the link is on, `/tin-tuc/a/` or `/404.html`.
    ///   - baseURL: the site's published address, ending with `/`; links to it count as internal.
    ///   - basePath: the path of `baseURL`; a root-relative address not under it leads outside the site.
    static func resolve(_ raw: String, pageURL: String, baseURL: String, basePath: URLScheme.BasePath = .root) -> LinkTarget {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if !baseURL.isEmpty, value.hasPrefix(baseURL) {
            value = "/" + value.dropFirst(baseURL.count)
        } else if value.hasPrefix("//") || hasScheme(value) {
            return .external
        } else if URLScheme.BasePath.isSitePath(value) {
            guard let path = basePath.sitePath(ofAddress: value) else { return .outside }
            value = path
        }
        var fragment: String?
        if let hash = value.firstIndex(of: "#") {
            fragment = String(value[value.index(after: hash)...])
            value = String(value[..<hash])
        }
        if let question = value.firstIndex(of: "?") {
            value = String(value[..<question])
        }
        let absolute: String
        if value.isEmpty {
            absolute = pageURL
        } else if value.hasPrefix("/") {
            absolute = value
        } else {
            let folder = pageURL.hasSuffix("/") ? pageURL : String(pageURL[...(pageURL.lastIndex(of: "/") ?? pageURL.startIndex)])
            absolute = folder + value
        }
        guard let decoded = absolute.removingPercentEncoding, !decoded.contains("\0"),
              let normalised = RelativePath.normalise(decoded, keepingFolderSlash: true) else { return .outside }
        return .site(path: normalised, fragment: fragment.map { $0.removingPercentEncoding ?? $0 })
    }

    /// `https:`, `mailto:`, `tel:`, `javascript:`: a scheme is letters, digits, `+`, `-`, `.` before the
    /// first `:`, and comes before any `/`, `?` or `#`.
    static func hasScheme(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        let scheme = value[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The output file a site path names: a folder means its `index.html`; a folder written without its
    /// slash is accepted too, as web servers redirect it. Nil when nothing is there.
    static func file(for path: String, in files: Set<String>) -> String? {
        if path.isEmpty { return files.contains("index.html") ? "index.html" : nil }
        if path.hasSuffix("/") {
            let index = path + "index.html"
            return files.contains(index) ? index : nil
        }
        if files.contains(path) { return path }
        let index = path + "/index.html"
        return files.contains(index) ? index : nil
    }
}
