import Foundation

/// The write stage: the whole site into a fresh folder beside the output, then swapped in, so a build
/// that fails part-way leaves the last good site exactly as it was.
public struct OutputWriter: Sendable {
    /// Marks a folder as ours; a folder without it is never replaced, so a mistyped `--output` cannot
    /// wipe someone's files.
    public static let markerName = ".portal-output"
    static let markerText = "Built by portal. This folder is replaced by every build: edit Content/ and Theme/ instead.\n"

    public var output: URL
    public var displayOutput: String
    public var content: FileTree
    public var theme: FileTree

    public init(output: URL, displayOutput: String, content: FileTree, theme: FileTree) {
        self.output = output.standardizedFileURL
        self.displayOutput = displayOutput
        self.content = content
        self.theme = theme
    }

    /// Refuses output folders that would overwrite what people wrote.
    public func checkDestination(findings: inout Findings) -> Bool {
        let outputPath = output.resolvingSymlinksInPath().path
        for tree in [content, theme] {
            let treePath = tree.root.resolvingSymlinksInPath().path
            if outputPath == treePath || outputPath.hasPrefix(treePath + "/") || treePath.hasPrefix(outputPath + "/") {
                findings.append(Finding(file: displayOutput, message:
                    "the output folder overlaps \(tree.displayRoot): choose a separate folder such as Public"))
                return false
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            let isOurs = entries.contains(Self.markerName)
            if !isDirectory.boolValue || (!entries.isEmpty && !isOurs) {
                findings.append(Finding(file: displayOutput, message:
                    "this folder exists and was not made by portal build, so it is left alone: choose a new or empty folder"))
                return false
            }
        }
        return true
    }

    /// Renders and writes the site page by page, on every core, so only the pages being made are in
    /// memory. The findings of the pages' Markdown are added to `findings`; when one is an error, or the
    /// disk refuses, nothing is swapped in and the old output stays as it was.
    ///
    /// Incremental unless `clean`: a file whose bytes the previous build's manifest already lists is
    /// hard-linked from the previous output into the staging folder instead of written (and its `.gz` and
    /// `.br` with it, never compressed again), so it keeps its inode and modification time through the
    /// swap. A page whose key (`PreparedSite.pageKey`) is the one `pages` recorded for bytes the previous
    /// output still has is linked so without running its template. Returns what changed against the
    /// previous manifest and the pages' keys for the next build, or nil when nothing was swapped in.
    public func write(_ site: PreparedSite, clean: Bool = false, findings: inout Findings) -> OutputChanges? {
        write(site, clean: clean, pages: PageCache(), findings: &findings)?.changes
    }

    func write(_ site: PreparedSite, clean: Bool, pages: PageCache,
               findings: inout Findings) -> (changes: OutputChanges, pages: PageCache, reusedPages: Int)? {
        var pageFindings = Findings()
        var keys = PageCache()
        var reusedPages = 0
        let changes = writeSite(clean: clean, precompresses: site.precompresses, findings: &findings) { staging, emitter in
            // The folders that hold page folders first; each page then makes its own folder, so folders
            // too are made while other pages render. A reused staging folder has them already: a file
            // whose folder is missing makes it when written.
            let pageFolders = site.pagePaths.map(Self.folder(of:))
            let makesFolders = emitter.spare == nil
            if makesFolders { try createFolders(for: pageFolders, in: staging) }
            let base = staging.path + "/"
            let renderAndWrite = { @Sendable (number: Int) -> PageResult in
                let (view, found) = site.pageView(number)
                let path = site.routes.pages[number].outputPath
                let key = site.pageKey(number, view: view)
                if let cached = pages.entries[path], cached.key == key, let reused = emitter.reuse(path, cached.output) {
                    return PageResult(findings: found, emitted: reused, failure: nil, key: .init(key: key, output: cached.output),
                                      reused: true)
                }
                let file = site.renderPage(number, view: view)
                do {
                    let folder = pageFolders[number]
                    if makesFolders && !folder.isEmpty && mkdir(base + folder, 0o777) != 0 && errno != EEXIST {
                        throw WriteFailure(message: "\(folder): \(String(cString: strerror(errno)))")
                    }
                    let emitted = try write(file, with: emitter)
                    return PageResult(findings: found, emitted: emitted, failure: nil,
                                      key: emitted.entries.first.map { .init(key: key, output: $0.entry) })
                } catch {
                    return PageResult(findings: found, emitted: Emitted(), failure: Self.message(for: error, path: file.path), key: nil)
                }
            }
            // Two rounds: the pages up to the last news item's, then the rest with the closing files as one
            // more job among them (the search index needs every news item's text, which its page gives).
            let split = site.pagesBeforeClosingFiles
            var results = Array(0..<split).parallelMap(threads: threadsForPages, renderAndWrite)
            let rest: [Int?] = [nil] + Array(split..<site.pageCount)
            results += rest.parallelMap(threads: threadsForPages) { number in
                guard let number else {
                    _ = site.otherFiles
                    return PageResult(findings: [], emitted: Emitted(), failure: nil, key: nil)
                }
                return renderAndWrite(number)
            }.dropFirst()
            pageFindings = Findings(results.flatMap(\.findings))
            if let failure = results.lazy.compactMap(\.failure).first { throw WriteFailure(message: failure) }
            if pageFindings.hasErrors { throw Abandoned() }
            for (number, result) in results.enumerated() {
                if let key = result.key { keys.entries[site.routes.pages[number].outputPath] = key }
            }
            reusedPages = results.count { $0.reused }
            let closing = site.otherFiles
            try createFolders(for: closing.map(\.path), in: staging)
            var emitted = Emitted(results.map(\.emitted))
            emitted.merge(try write(closing, with: emitter))
            return emitted
        }
        findings.append(contentsOf: pageFindings)
        return changes.map { ($0, keys, reusedPages) }
    }

    private struct PageResult: Sendable {
        var findings: Findings
        var emitted: Emitted
        var failure: String?
        /// The page's key and the bytes it gave, for the next build's `PageCache`.
        var key: PageCache.Entry?
        /// Linked from the previous output without running its template.
        var reused = false
    }

    /// The manifest entries of the files one job wrote or linked, and how many it wrote.
    struct Emitted: Sendable {
        var entries: [(path: String, entry: OutputManifest.Entry)] = []
        var written = 0

        init() {}

        init(_ parts: [Emitted]) {
            for part in parts { merge(part) }
        }

        mutating func merge(_ other: Emitted) {
            entries += other.entries
            written += other.written
        }
    }

    /// A staging folder that was a complete site before: the output the build before last swapped out,
    /// kept beside the output (`spareName`) instead of removed, so a rebuild patches what differs in it
    /// instead of linking every file anew.
    struct Spare: Sendable {
        /// What the folder holds: its own manifest.
        var manifest: OutputManifest
        /// Paths the last build changed, added or removed: there the folder may hold other bytes than the
        /// output. Every other path it holds is the output's very file (a hard link to it) when both
        /// manifests give it the same entry. Nil: none can be trusted so (the output was built `--clean`).
        var stale: Set<String>?

        /// The folder's file at `path` is the output's, as the previous manifest lists it.
        func isInStep(_ path: String, with output: OutputManifest) -> Bool {
            guard let stale, !stale.contains(path), let own = manifest.entries[path] else { return false }
            return own == output.entries[path]
        }
    }

    /// Puts one file and its precompressed siblings into the staging folder: linked from the previous
    /// output when the manifest says its bytes are there already, written otherwise.
    struct Emitter: Sendable {
        /// The staging folder, with a final `/`.
        let staging: String
        /// The previous output folder with a final `/`, and its manifest; nil for a clean build.
        let previous: (folder: String, manifest: OutputManifest)?
        let precompresses: Bool
        /// Set when the staging folder is a reused one (`Spare`): a file there may be a link to the
        /// output's, so it is unlinked before anything is written at its path.
        let spare: Spare?

        func emit(_ path: String, _ bytes: UnsafeRawBufferPointer) throws -> Emitted {
            var emitted = Emitted()
            let entry = OutputManifest.entry(for: bytes)
            emitted.entries.append((path, entry))
            let unchanged = previous?.manifest.entries[path] == entry && place(path, size: entry.size)
            if !unchanged {
                try write(path, bytes)
                emitted.written += 1
            }
            guard precompresses && Precompression.applies(to: path, size: bytes.count) else { return emitted }
            for suffix in Precompression.suffixes {
                let sibling = path + suffix
                if unchanged, let old = previous?.manifest.entries[sibling], place(sibling, size: old.size) {
                    emitted.entries.append((sibling, old))
                    continue
                }
                guard let compressed = Precompression.compress(bytes, suffix: suffix) else {
                    throw WriteFailure(message: "\(sibling): out of memory while compressing")
                }
                try compressed.withUnsafeBytes { compressed in
                    try write(sibling, compressed)
                    emitted.entries.append((sibling, OutputManifest.entry(for: compressed)))
                }
                emitted.written += 1
            }
            return emitted
        }

        /// A page whose bytes are known without making them (its key matched, `PageCache`): the previous
        /// output's file and siblings, when the previous manifest still lists those bytes there and the
        /// files are still in place; nil otherwise, and the page is rendered.
        func reuse(_ path: String, _ entry: OutputManifest.Entry) -> Emitted? {
            guard let previous, previous.manifest.entries[path] == entry else { return nil }
            var emitted = Emitted()
            var siblings: [(String, OutputManifest.Entry)] = []
            if precompresses && Precompression.applies(to: path, size: entry.size) {
                for suffix in Precompression.suffixes {
                    guard let old = previous.manifest.entries[path + suffix] else { return nil }
                    siblings.append((path + suffix, old))
                }
            }
            for (file, old) in [(path, entry)] + siblings {
                guard place(file, size: old.size) else { return nil }
                emitted.entries.append((file, old))
            }
            return emitted
        }

        /// Makes the staging folder's file at `path` the previous output's, when that is still a regular
        /// file of the size the manifest gives (one edited by hand to another size is written again).
        private func place(_ path: String, size: Int) -> Bool {
            guard let previous else { return false }
            let old = previous.folder + path
            var status = stat()
            guard lstat(old, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == size else { return false }
            if let spare {
                if spare.isInStep(path, with: previous.manifest) { return true }
                unlink(staging + path)
            }
            if OutputWriter.hardLink(old, staging + path) == 0 { return true }
            guard errno == ENOENT, OutputWriter.makeParents(of: path, in: staging) else { return false }
            return OutputWriter.hardLink(old, staging + path) == 0
        }

        private func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
            if spare != nil { unlink(staging + path) }
            try OutputWriter.writeFile(staging + path, bytes, display: path, makingParentsIn: spare == nil ? nil : staging)
        }
    }

    /// The site swapped out by the last build, kept to be the next build's staging folder (`Spare`).
    static func spareName(for output: String) -> String { ".\(output).spare" }
    /// In a spare folder: the paths where it may differ from the output, one a line, or `*` for all.
    static let staleListName = ".portal-spare-stale"

    /// Makes a staging folder beside the output, lets `fill` put the site into it, marks it, writes the
    /// manifest and swaps it in. On any failure the staging folder is removed and the output left as it
    /// was; when every file is the previous one, nothing is swapped and the output is not touched at all.
    ///
    /// The staging folder is the spare one (`Spare`) when there is one in order: taken by renaming it to
    /// this build's staging name (so two builds cannot both take it), patched, and after the swap the
    /// site swapped out is renamed to the spare name in its turn, with the list of what this build
    /// changed. A build killed meanwhile leaves a staging folder of a process that is gone, removed by the
    /// next build like any other.
    private func writeSite(clean: Bool, precompresses: Bool, findings: inout Findings, fill: (URL, Emitter) throws -> Emitted) -> OutputChanges? {
        guard checkDestination(findings: &findings) else { return nil }
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(Self.stagingName(for: name, pid: pid))
        let retired = parent.appendingPathComponent(Self.retiredName(for: name, pid: pid))
        let spareFolder = parent.appendingPathComponent(Self.spareName(for: name))
        removeLeftoversOfKilledBuilds()
        try? fileManager.removeItem(at: staging)
        let previousManifest = (try? String(contentsOfFile: output.path + "/" + OutputManifest.fileName, encoding: .utf8))
            .flatMap(OutputManifest.parse)
        var spare: Spare?
        if rename(spareFolder.path, staging.path) == 0 {
            spare = clean || previousManifest == nil ? nil : Self.spareState(of: staging.path)
            if spare == nil { try? fileManager.removeItem(at: staging) }
        }
        let emitter = Emitter(staging: staging.path + "/",
                              previous: clean ? nil : previousManifest.map { (output.path + "/", $0) },
                              precompresses: precompresses, spare: spare)
        do {
            if spare != nil {
                // From here the folder is not a site anyone can rely on until its manifest is written again.
                unlink(staging.path + "/" + Self.staleListName)
            } else {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            var emitted = try fill(staging, emitter)
            var marker = Self.markerText
            try marker.withUTF8 { marker in
                emitted.merge(try Emitter(staging: emitter.staging, previous: emitter.previous, precompresses: false, spare: spare)
                    .emit(Self.markerName, UnsafeRawBufferPointer(marker)))
            }
            var manifest = OutputManifest()
            for (path, entry) in emitted.entries { manifest.add(path, entry) }
            let changes = manifest.changes(since: previousManifest ?? OutputManifest())
            if let spare { Self.removeFiles(of: spare, notIn: manifest, from: staging.path) }

            var manifestText = manifest.text
            unlink(staging.path + "/" + OutputManifest.fileName)
            try manifestText.withUTF8 { text in
                try Self.writeFile(staging.path + "/" + OutputManifest.fileName, UnsafeRawBufferPointer(text),
                                   display: OutputManifest.fileName)
            }

            let outputExists = fileManager.fileExists(atPath: output.path)
            if outputExists, !clean, emitted.written == 0, manifest == previousManifest {
                // The staging folder now holds the output's very files: the next build's spare, in step.
                keepAsSpare(staging, stale: [], at: spareFolder)
                return changes
            }

            if !outputExists {
                try fileManager.moveItem(at: staging, to: output)
            } else if Self.exchange(staging.path, output.path) {
                // The previous site is now at the staging name; a kill before it is renamed leaves it for
                // the next build to remove.
                keepAsSpare(staging, stale: clean ? nil : Set(changes.added + changes.changed + changes.removed), at: spareFolder)
            } else {
                try fileManager.moveItem(at: output, to: retired)
                do {
                    try fileManager.moveItem(at: staging, to: output)
                } catch {
                    try? fileManager.moveItem(at: retired, to: output)
                    throw error
                }
                try? fileManager.removeItem(at: retired)
            }
            return changes
        } catch is Abandoned {
            try? fileManager.removeItem(at: staging)
            return nil
        } catch {
            try? fileManager.removeItem(at: staging)
            let reason = (error as? WriteFailure)?.message ?? error.localizedDescription
            findings.append(Finding(file: displayOutput, message: "cannot write the site (\(reason)); the previous site is left as it was"))
            return nil
        }
    }

    /// The manifest and stale list of a folder kept by `keepAsSpare`; nil when either is missing or
    /// cannot be read (the folder is then removed and a new one made).
    static func spareState(of folder: String) -> Spare? {
        guard let manifestText = try? String(contentsOfFile: folder + "/" + OutputManifest.fileName, encoding: .utf8),
              let manifest = OutputManifest.parse(manifestText),
              let staleText = try? String(contentsOfFile: folder + "/" + staleListName, encoding: .utf8),
              staleText.isEmpty || staleText.hasSuffix("\n") else { return nil }
        if staleText == "*\n" { return Spare(manifest: manifest, stale: nil) }
        return Spare(manifest: manifest, stale: Set(staleText.split(separator: "\n").map(String.init)))
    }

    /// Writes the stale list into the folder, then gives it the spare name; a folder that cannot be kept
    /// is removed.
    private func keepAsSpare(_ folder: URL, stale: Set<String>?, at spare: URL) {
        let text = stale.map { $0.sorted().map { $0 + "\n" }.joined() } ?? "*\n"
        let listed = (try? Data(text.utf8).write(to: folder.appendingPathComponent(Self.staleListName))) != nil
        if !listed || rename(folder.path, spare.path) != 0 { try? FileManager.default.removeItem(at: folder) }
    }

    /// In a reused staging folder: the files the site no longer has (and folders left empty by them).
    private static func removeFiles(of spare: Spare, notIn manifest: OutputManifest, from folder: String) {
        var paths = Set(spare.manifest.entries.keys)
        if let stale = spare.stale { paths.formUnion(stale) }
        for path in paths.sorted() where manifest.entries[path] == nil && path != OutputManifest.fileName {
            guard unlink(folder + "/" + path) == 0 else { continue }
            var parent = Substring(path)
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                if rmdir(folder + "/" + parent) != 0 { break }
            }
        }
    }

    /// Makes the folders above `path` inside `root` (with a final `/`).
    fileprivate static func makeParents(of path: String, in root: String) -> Bool {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += (folder.isEmpty ? "" : "/") + component
            if mkdir(root + folder, 0o777) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    fileprivate static func hardLink(_ existing: String, _ new: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.link(existing, new)
        #else
        Darwin.link(existing, new)
        #endif
    }

    /// Swaps two folders in one step (Linux's `renameat2` with `RENAME_EXCHANGE`), so there is no moment
    /// without a site at the output's name; false where the system or file system cannot, and the caller
    /// then renames twice.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let renameat2 = renameat2 else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// glibc declares `renameat2` only with `_GNU_SOURCE`, which Swift's Glibc module is not built with,
    /// so it is looked up by name (glibc 2.28 and later); `RENAME_EXCHANGE` is `1 << 1` in <linux/fs.h>.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif

    /// `.Public.building-1234`: where build 1234 writes the site before swapping it in.
    static func stagingName(for output: String, pid: Int32) -> String { ".\(output).building-\(pid)" }
    /// `.Public.old-1234`: where build 1234 moves the previous site while it swaps the new one in.
    static func retiredName(for output: String, pid: Int32) -> String { ".\(output).old-\(pid)" }

    /// A build killed part-way (Ctrl-C, a closed terminal, the machine out of memory) leaves its staging
    /// folder, about as large as the site, beside the output; one killed during the swap leaves the
    /// previous site in its retired folder, possibly with no output at all. The next build removes the
    /// folders of builds whose process is gone, first putting a retired site back when the output is
    /// missing, so a killed build leaves the previous site as it was. Only names of exactly this output's
    /// pattern are touched, and never those of a process that is still running (another build of the
    /// same folder, or one whose number was given again to some other process: it is kept, to be safe).
    func removeLeftoversOfKilledBuilds() {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        var outputExists = FileManager.default.fileExists(atPath: output.path)
        for entry in entries.sorted() {
            guard let (kind, pid) = Self.leftover(entry, output: name), !Self.isRunning(pid) else { continue }
            let folder = parent.appendingPathComponent(entry)
            if kind == .retired && !outputExists, (try? FileManager.default.moveItem(at: folder, to: output)) != nil {
                outputExists = true
                continue
            }
            // A folder that cannot be removed now is tried again by the next build.
            try? FileManager.default.removeItem(at: folder)
        }
    }

    enum LeftoverKind { case staging, retired }

    /// The kind and process number of a folder named by `stagingName` or `retiredName` for `output`;
    /// nil for any other name.
    static func leftover(_ entry: String, output: String) -> (LeftoverKind, pid_t)? {
        for (kind, prefix) in [(LeftoverKind.staging, ".\(output).building-"), (.retired, ".\(output).old-")] {
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  let pid = pid_t(digits), pid > 0 else { return nil }
            return (kind, pid)
        }
        return nil
    }

    /// Whether a process with this number exists: kill with signal 0 checks without sending anything, and
    /// fails with ESRCH only when there is no such process (EPERM means it exists but is not ours).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Every folder the files need, parents first.
    private func createFolders(for paths: [String], in staging: URL) throws {
        var folders: Set<String> = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        // Level by level, parents before children, each level on every core (a large archive has a
        // folder per item).
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for depth in byDepth.keys.sorted() {
            let base = staging.path + "/"
            let failures = byDepth[depth]!.sorted().parallelMap { folder -> String? in
                mkdir(base + folder, 0o777) == 0 || errno == EEXIST ? nil : "\(folder): \(String(cString: strerror(errno)))"
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw WriteFailure(message: failure) }
        }
    }

    private func write(_ files: [OutputFile], with emitter: Emitter) throws -> Emitted {
        let results = files.parallelMap { file -> Result<Emitted, WriteFailure> in
            do {
                return .success(try write(file, with: emitter))
            } catch {
                return .failure(WriteFailure(message: Self.message(for: error, path: file.path)))
            }
        }
        var emitted = Emitted()
        for result in results {
            switch result {
            case .success(let part): emitted.merge(part)
            case .failure(let failure): throw failure
            }
        }
        return emitted
    }

    /// `tin-tuc/a/index.html` → `tin-tuc/a`; "" for a file at the top. (NSString's
    /// `deletingLastPathComponent` bridged every path of a large archive.)
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    private static func message(for error: Error, path: String) -> String {
        (error as? WriteFailure)?.message ?? "\(path): \(error.localizedDescription)"
    }

    private func write(_ file: OutputFile, with emitter: Emitter) throws -> Emitted {
        switch file.body {
        case .text(var text):
            return try text.withUTF8 { try emitter.emit(file.path, UnsafeRawBufferPointer($0)) }
        case .copy(let copied):
            let tree = copied.root == .content ? content : theme
            let data: Data
            do {
                data = copied.root == .photoCache ? try Data(contentsOf: URL(fileURLWithPath: copied.sourcePath))
                    : try tree.readData(copied.sourcePath)
            } catch {
                throw WriteFailure(message: "cannot read \(copied.root == .photoCache ? copied.sourcePath : tree.displayPath(copied.sourcePath))")
            }
            return try data.withUnsafeBytes { try emitter.emit(file.path, $0) }
        }
    }

    /// open, write, close: Foundation's `Data.write` also calls fsync for every file, which made writing
    /// the slowest stage on a large site. Like Hugo's, the build does not fsync: the staging folder and
    /// the swap protect the output from a build that fails, not from a power cut just after one.
    fileprivate static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer, display: String,
                                      makingParentsIn root: String? = nil) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT, let root, makeParents(of: display, in: root) {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw WriteFailure(message: "\(display): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(message: "\(display): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    struct WriteFailure: Error, Sendable {
        var message: String
    }

    /// A page reported an error: the site is not swapped in, and the error is already a finding.
    struct Abandoned: Error {}
}
