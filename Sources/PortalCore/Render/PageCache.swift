import Crypto
import Foundation

/// `.portal-cache/pages-<output>.tsv`: for each page the last build wrote into one output folder, its
/// key (`PreparedSite.pageKey`) and the size and SHA-256 of the bytes that key gave. A build whose page
/// has the same key, and whose previous output's manifest still lists those bytes at that path, links the
/// page (and its `.gz` and `.br`) from the previous output instead of running its template, publishing
/// and compressing it (`OutputWriter`).
///
/// One table per output folder (named by a digest of its path), so builds into other folders from the
/// same content do not take each other's entries. Written whole after the build's output is in place,
/// under a temporary name and renamed; a table that cannot be read, or of which any line cannot, is
/// taken as empty: every page is rendered, as in a first build.
struct PageCache: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: String
        var output: OutputManifest.Entry
    }

    static let header = "portal pages 1"

    var entries: [String: Entry] = [:]

    static func url(cacheRoot: URL, output: URL) -> URL {
        let digest = SHA256.hash(data: Array(output.standardizedFileURL.path.utf8)).hexString.prefix(16)
        return cacheRoot.appendingPathComponent("pages-\(digest).tsv")
    }

    static func load(_ url: URL) -> PageCache {
        guard let text = try? String(contentsOf: url, encoding: .utf8), let table = parse(text) else { return PageCache() }
        return table
    }

    static func parse(_ text: String) -> PageCache? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var table = PageCache()
        for line in lines {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0].utf8.count == 64, fields[1].utf8.count == 64, let size = Int(fields[2]), size >= 0,
                  !fields[3].isEmpty else { return nil }
            table.entries[String(fields[3])] = Entry(key: String(fields[0]), output: .init(size: size, sha256: String(fields[1])))
        }
        return table
    }

    var text: String {
        var text = Self.header + "\n"
        for path in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where !path.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
            let entry = entries[path]!
            text += "\(entry.key)\t\(entry.output.sha256)\t\(entry.output.size)\t\(path)\n"
        }
        return text
    }

    /// Written under a temporary name and renamed, so a reader sees the old table or the new one.
    func write(to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}
