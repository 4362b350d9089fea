/// Paths inside a tree, as editors write them in front matter and shortcodes and as links on built
/// pages name files: the one place that works out `.` and `..`.
enum RelativePath {
    /// `news/./a/../b.png` → `news/b.png`: empty parts and `.` are dropped, `..` takes back the part
    /// before it; nil when `..` climbs above the root. A leading `/` is dropped like any empty part.
    ///
    /// - Parameter keepingFolderSlash: a link's trailing `/` means "the folder's index.html", so with
    ///   this a path ending as a folder (`/`, `/.` or `/..`) keeps one `/` after its last part
    ///   (`/a/./b/../c/` → `a/c/`); the root stays "".
    static func normalise(_ path: String, keepingFolderSlash: Bool = false) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        let endsAsFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        return keepingFolderSlash && endsAsFolder && !joined.isEmpty ? joined + "/" : joined
    }
}
