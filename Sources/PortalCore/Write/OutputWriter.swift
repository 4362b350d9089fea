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
    public func write(_ site: PreparedSite, findings: inout Findings) -> Bool {
        var pageFindings = Findings()
        let wrote = writeSite(findings: &findings) { staging in
            // The folders that hold page folders first; each page then makes its own folder, so folders
            // too are made while other pages render.
            let pageFolders = site.pagePaths.map(Self.folder(of:))
            try createFolders(for: pageFolders, in: staging)
            let base = staging.path + "/"
            let renderAndWrite = { @Sendable (number: Int) -> PageResult in
                let (file, found) = site.page(number)
                do {
                    let folder = pageFolders[number]
                    if !folder.isEmpty && mkdir(base + folder, 0o777) != 0 && errno != EEXIST {
                        throw WriteFailure(message: "\(folder): \(String(cString: strerror(errno)))")
                    }
                    try write(file, into: staging)
                    return PageResult(findings: found, failure: nil)
                } catch {
                    return PageResult(findings: found, failure: Self.message(for: error, path: file.path))
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
                    return PageResult(findings: [], failure: nil)
                }
                return renderAndWrite(number)
            }
            pageFindings = Findings(results.flatMap(\.findings))
            if let failure = results.lazy.compactMap(\.failure).first { throw WriteFailure(message: failure) }
            if pageFindings.hasErrors { throw Abandoned() }
            let closing = site.otherFiles
            try createFolders(for: closing.map(\.path), in: staging)
            try write(closing, into: staging)
        }
        findings.append(contentsOf: pageFindings)
        return wrote
    }

    private struct PageResult: Sendable {
        var findings: Findings
        var failure: String?
    }

    /// Makes a staging folder beside the output, lets `fill` write the site into it, marks it and swaps
    /// it in. On any failure the staging folder is removed and the output left as it was.
    private func writeSite(findings: inout Findings, fill: (URL) throws -> Void) -> Bool {
        guard checkDestination(findings: &findings) else { return false }
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(Self.stagingName(for: name, pid: pid))
        let retired = parent.appendingPathComponent(Self.retiredName(for: name, pid: pid))
        removeLeftoversOfKilledBuilds()
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try fill(staging)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))

            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
                do {
                    try fileManager.moveItem(at: staging, to: output)
                } catch {
                    try? fileManager.moveItem(at: retired, to: output)
                    throw error
                }
                try? fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
            return true
        } catch is Abandoned {
            try? fileManager.removeItem(at: staging)
            return false
        } catch {
            try? fileManager.removeItem(at: staging)
            let reason = (error as? WriteFailure)?.message ?? error.localizedDescription
            findings.append(Finding(file: displayOutput, message: "cannot write the site (\(reason)); the previous site is left as it was"))
            return false
        }
    }

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

    private func write(_ files: [OutputFile], into staging: URL) throws {
        let failures = files.parallelMap { file -> String? in
            do {
                try write(file, into: staging)
                return nil
            } catch {
                return Self.message(for: error, path: file.path)
            }
        }.compactMap { $0 }
        if let failure = failures.first {
            throw WriteFailure(message: failure)
        }
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

    private func write(_ file: OutputFile, into folder: URL) throws {
        let destination = folder.path + "/" + file.path
        switch file.body {
        case .text(var text):
            try text.withUTF8 { try Self.writeFile(destination, UnsafeRawBufferPointer($0), display: file.path) }
        case .copy(let copied):
            let tree = copied.root == .content ? content : theme
            let data: Data
            do {
                data = copied.root == .photoCache ? try Data(contentsOf: URL(fileURLWithPath: copied.sourcePath))
                    : try tree.readData(copied.sourcePath)
            } catch {
                throw WriteFailure(message: "cannot read \(copied.root == .photoCache ? copied.sourcePath : tree.displayPath(copied.sourcePath))")
            }
            try data.withUnsafeBytes { try Self.writeFile(destination, $0, display: file.path) }
        }
    }

    /// open, write, close: Foundation's `Data.write` also calls fsync for every file, which made writing
    /// the slowest stage on a large site. Like Hugo's, the build does not fsync: the staging folder and
    /// the swap protect the output from a build that fails, not from a power cut just after one.
    private static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer, display: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
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

    struct WriteFailure: Error {
        var message: String
    }

    /// A page reported an error: the site is not swapped in, and the error is already a finding.
    struct Abandoned: Error {}
}
