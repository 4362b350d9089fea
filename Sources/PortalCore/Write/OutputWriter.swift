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
    public func checkDestination(findings: inout [Finding]) -> Bool {
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

    /// Writes every file; returns false with a finding when the disk refuses, leaving the old output.
    public func write(_ files: [OutputFile], findings: inout [Finding]) -> Bool {
        guard checkDestination(findings: &findings) else { return false }
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).building-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folder.isEmpty { folders.insert(folder) }
            }
            for folder in folders.sorted() {
                try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = files.parallelMap { file -> String? in
                do {
                    try write(file, into: staging)
                    return nil
                } catch let failure as WriteFailure {
                    return failure.message
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }.compactMap { $0 }
            if let failure = failures.first {
                throw WriteFailure(message: failure)
            }
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
        } catch {
            try? fileManager.removeItem(at: staging)
            let reason = (error as? WriteFailure)?.message ?? error.localizedDescription
            findings.append(Finding(file: displayOutput, message: "cannot write the site (\(reason)); the previous site is left as it was"))
            return false
        }
    }

    private func write(_ file: OutputFile, into folder: URL) throws {
        let destination = folder.appendingPathComponent(file.path)
        switch file.body {
        case .text(let text):
            try Data(text.utf8).write(to: destination)
        case .copy(let copied):
            let tree = copied.root == .content ? content : theme
            let data: Data
            do {
                data = try tree.readData(copied.sourcePath)
            } catch {
                throw WriteFailure(message: "cannot read \(tree.displayPath(copied.sourcePath))")
            }
            try data.write(to: destination)
        }
    }

    struct WriteFailure: Error {
        var message: String
    }
}
