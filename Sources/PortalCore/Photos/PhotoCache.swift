import Foundation
import Images

/// `.portal-cache/images/` beside `Content/`: each photo's sizes, made once per source bytes and
/// settings. Never inside the output, never committed.
///
/// Layout: one folder per key (`<key>/`, each size a file, and `entry.txt` listing them), made in a
/// temporary folder and renamed into place, so a killed build never leaves half an entry; `usage.tsv`
/// says which build last used each key, so entries no build used for `cache_builds` builds are removed;
/// `sources.tsv` remembers each source's digest with its size, modification time and inode, so a
/// rebuild reads no unchanged photo again (as git's index does; the digest, not the time, is the key).
///
/// Unchecked `Sendable`: the memo of sources is read-only after `init` and the used keys are guarded
/// by `lock`; entry folders are written once each, by the job that made them.
final class PhotoCache: @unchecked Sendable {
    let folder: URL
    private let knownSources: [String: SourceStamp]
    private var seenSources: [String: SourceStamp] = [:]
    private var usedKeys: Set<String> = []
    private let lock = NSLock()

    struct SourceStamp: Equatable {
        var size: Int
        var modified: Int
        var inode: UInt64
        var digest: String
    }

    /// The cache of a content folder: `.portal-cache/` in the folder that holds it.
    static func folder(forContent content: URL) -> URL {
        content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".portal-cache/images", isDirectory: true)
    }

    init(folder: URL) {
        self.folder = folder
        var known: [String: SourceStamp] = [:]
        if let text = try? String(contentsOf: folder.appendingPathComponent("sources.tsv"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5, let size = Int(fields[1]), let modified = Int(fields[2]), let inode = UInt64(fields[3]) else { continue }
                known[fields[0]] = SourceStamp(size: size, modified: modified, inode: inode, digest: fields[4])
            }
        }
        knownSources = known
    }

    /// The stamp of a file as it is now, without its digest; nil when it cannot be read.
    static func stamp(of path: String) -> SourceStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        return SourceStamp(size: Int(info.st_size), modified: modified, inode: UInt64(info.st_ino), digest: "")
    }

    /// The digest remembered for a file whose size, time and inode are unchanged.
    func knownDigest(of contentPath: String, stamp: SourceStamp) -> String? {
        guard let known = knownSources[contentPath], known.size == stamp.size, known.modified == stamp.modified,
              known.inode == stamp.inode else { return nil }
        return known.digest
    }

    func remember(_ contentPath: String, _ stamp: SourceStamp) {
        lock.withLock { seenSources[contentPath] = stamp }
    }

    struct Entry {
        var width: Int
        var height: Int
        var sourceByteCount: Int
        /// Name in the entry's folder, size, format, width, height.
        var files: [(name: String, format: ImageCodec.Format, width: Int, height: Int, byteCount: Int, openGraph: Bool)]
    }

    func entryFolder(_ key: String) -> URL { folder.appendingPathComponent(key, isDirectory: true) }

    func entry(_ key: String) -> Entry? {
        guard let text = try? String(contentsOf: entryFolder(key).appendingPathComponent("entry.txt"), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard let first = lines.first, first.count == 3, let width = Int(first[0]), let height = Int(first[1]),
              let sourceBytes = Int(first[2]) else { return nil }
        lines.removeFirst()
        var files: Entry = Entry(width: width, height: height, sourceByteCount: sourceBytes, files: [])
        for fields in lines {
            guard fields.count == 6, let format = ImageCodec.Format(rawValue: fields[1]), let w = Int(fields[2]), let h = Int(fields[3]),
                  let count = Int(fields[4]) else { return nil }
            files.files.append((fields[0], format, w, h, count, fields[5] == "og"))
        }
        use(key)
        return files
    }

    /// Writes an entry's files and its list, then renames the folder into place; an entry another build
    /// finished first is kept (same key, same bytes).
    func store(_ key: String, width: Int, height: Int, sourceByteCount: Int,
               outputs: [(encoded: ImageCodec.Encoded, openGraph: Bool)]) throws -> Entry {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(key)-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? fileManager.removeItem(at: temporary)
        try fileManager.createDirectory(at: temporary, withIntermediateDirectories: true)
        var entry = Entry(width: width, height: height, sourceByteCount: sourceByteCount, files: [])
        var listing = "\(width) \(height) \(sourceByteCount)\n"
        for output in outputs {
            let size = output.openGraph ? "og" : "\(output.encoded.width)"
            let name = "\(size).\(output.encoded.format.fileExtension)"
            try Data(output.encoded.bytes).write(to: temporary.appendingPathComponent(name))
            entry.files.append((name, output.encoded.format, output.encoded.width, output.encoded.height, output.encoded.bytes.count,
                                output.openGraph))
            listing += "\(name) \(output.encoded.format.rawValue) \(output.encoded.width) \(output.encoded.height) \(output.encoded.bytes.count) \(output.openGraph ? "og" : "-")\n"
        }
        try Data(listing.utf8).write(to: temporary.appendingPathComponent("entry.txt"))
        if rename(temporary.path, entryFolder(key).path) != 0 {
            try? fileManager.removeItem(at: temporary)
            if self.entry(key) == nil { throw CocoaError(.fileWriteUnknown) }
        }
        use(key)
        return entry
    }

    private func use(_ key: String) {
        lock.withLock { _ = usedKeys.insert(key) }
    }

    /// After a build: this build's number and its keys into `usage.tsv`, the sources seen into
    /// `sources.tsv`, and the entries no build used for `keepFor` builds removed.
    func finish(keepFor builds: Int) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: folder.path) else { return }
        let (used, seen) = lock.withLock { (usedKeys, seenSources) }
        var lastUse: [String: Int] = [:]
        var build = 0
        if let text = try? String(contentsOf: folder.appendingPathComponent("usage.tsv"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: "\t")
                guard fields.count == 2, let number = Int(fields[1]) else { continue }
                if fields[0] == "build" { build = number } else { lastUse[String(fields[0])] = number }
            }
        }
        build += 1
        for key in used { lastUse[key] = build }
        let entries = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".tsv") }
        for name in entries {
            // An entry without a line (its build was killed before writing one) counts as used now.
            let last = lastUse[name] ?? build
            lastUse[name] = last
            if build - last >= builds {
                try? fileManager.removeItem(at: entryFolder(name))
                lastUse[name] = nil
            }
        }
        for key in lastUse.keys where !entries.contains(key) { lastUse[key] = nil }
        var usage = "build\t\(build)\n"
        for key in lastUse.keys.sorted() { usage += "\(key)\t\(lastUse[key]!)\n" }
        var sources = ""
        for path in seen.keys.sorted() {
            let stamp = seen[path]!
            sources += "\(path)\t\(stamp.size)\t\(stamp.modified)\t\(stamp.inode)\t\(stamp.digest)\n"
        }
        writeReplacing("usage.tsv", usage)
        writeReplacing("sources.tsv", sources)
    }

    private func writeReplacing(_ name: String, _ text: String) {
        let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier)")
        guard (try? Data(text.utf8).write(to: temporary)) != nil else { return }
        if rename(temporary.path, folder.appendingPathComponent(name).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
