import ByteText
import Foundation

/// Read access to one root folder (`Content/` or `Theme/`), listing files in a stable order.
///
/// Reading goes through this one type so that a missing, unreadable or looping folder becomes a finding
/// rather than a crash, and so that every listing is sorted: output never depends on directory order.
public struct FileTree: Sendable {
    public let root: URL
    /// The root as the person typed it, for findings: `Content`.
    public let displayRoot: String

    /// `root.path` with a final "/", made once: `URL.appendingPathComponent` asks the file system whether
    /// the result is a folder, which was most of the cost of listing and reading a large archive.
    private let rootPathWithSlash: String

    public init(root: URL, displayRoot: String) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
        let rootPath = self.root.path
        rootPathWithSlash = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
    }

    public func displayPath(_ relativePath: String) -> String {
        relativePath.isEmpty ? displayRoot : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relativePath
    }

    public func url(_ relativePath: String) -> URL {
        relativePath.isEmpty ? root : root.appendingPathComponent(relativePath)
    }

    /// The file-system path of a path relative to the root, as `url(_:).path` gives it for the paths this
    /// type lists (no "..", no doubled or final "/"), without touching the disk.
    public func path(_ relativePath: String) -> String {
        relativePath.isEmpty ? root.path : rootPathWithSlash + relativePath
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relativePath))
    }

    public func isDirectory(_ relativePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(relativePath), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file under `folder`, recursively, sorted by path. Hidden files (`.`-prefixed) and
    /// editors' backup files (`~` suffix) are skipped. Symbolic links to folders are not followed, so a
    /// link loop cannot hang the build; a link that leads nowhere is a finding.
    public func files(under folder: String, findings: inout Findings) -> [String] {
        var result: [String] = []
        walk(folder, into: &result, findings: &findings)
        return result.sorted()
    }

    /// Hidden files and folders and editors' backups (`name~`): never part of the site. The file
    /// watchers and the incremental listing skip the same names.
    public static func isSkipped(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }

    /// Whether the file name ends in `.ext` (given in lower case, without the dot), whatever the case it
    /// is written in: Windows tools save `Bài mới.MD` and `ANH.JPG`, and such a file is the same kind of
    /// content as its lower-case spelling. Every test of a content file's kind goes through here.
    public static func hasExtension(_ path: some StringProtocol, _ ext: String) -> Bool {
        let suffix = ext.utf8.count + 1
        let utf8 = path.utf8
        guard utf8.count > suffix else { return false }
        let tail = utf8.suffix(suffix)
        guard tail.first == UInt8(ascii: ".") else { return false }
        return zip(tail.dropFirst(), ext.utf8).allSatisfy { lowerCasedASCII($0) == $1 }
    }

    /// Whether the last part of `path` is `stem` followed by `.ext`, the extension in any case
    /// (`news/a/index.MD` is named `index` `.md`).
    public static func isNamed(_ path: some StringProtocol, _ stem: String, extension ext: String) -> Bool {
        guard hasExtension(path, ext) else { return false }
        let name = path.split(separator: "/").last ?? ""
        return name.utf8.count == stem.utf8.count + ext.utf8.count + 1 && name.utf8.starts(with: stem.utf8)
    }

    private static func lowerCasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private func walk(_ folder: String, into result: inout [String], findings: inout Findings) {
        guard let entries = Self.entries(of: path(folder)) else {
            if exists(folder) {
                findings.append(Finding(file: displayPath(folder), message: "cannot read this folder: check its permissions"))
            }
            return
        }
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) where !Self.isSkipped(name[...]) {
            let relative = folder.isEmpty ? name : folder + "/" + name
            switch type ?? Self.type(at: path(relative)) {
            case .directory:
                walk(relative, into: &result, findings: &findings)
            case .regular:
                result.append(relative)
            case .symbolicLink:
                let linkPath = path(relative)
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: linkPath, isDirectory: &isDirectory) {
                    findings.append(Finding(file: displayPath(relative), message: "symbolic link points to nothing: remove it or fix its target"))
                } else if isDirectory.boolValue {
                    findings.append(Finding(file: displayPath(relative), severity: .warning,
                                            message: "symbolic link to a folder is not followed: copy the folder here instead"))
                } else if !isInsideRoot(URL(fileURLWithPath: linkPath).resolvingSymlinksInPath()) {
                    // Publishing it would copy a file from elsewhere on the machine into the site.
                    findings.append(Finding(file: displayPath(relative), message:
                        "symbolic link points outside \(displayRoot): copy the file here instead of linking to it"))
                } else {
                    result.append(relative)
                }
            case .other, nil:
                continue
            }
        }
    }

    private func isInsideRoot(_ url: URL) -> Bool {
        let rootPath = root.resolvingSymlinksInPath().path
        return url.path.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    enum EntryType { case directory, regular, symbolicLink, other }

    /// A folder's entries with their types as the folder lists them (readdir's d_type); a nil type is
    /// looked up with lstat. Foundation's attributesOfItem cost a dictionary per file. Nil when the
    /// folder cannot be opened.
    static func entries(of path: String) -> [(name: String, type: EntryType?)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(String, EntryType?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: CChar.self)
                return FileManager.default.string(withFileSystemRepresentation: bytes.baseAddress!, length: strlen(bytes.baseAddress!))
            }
            if name == "." || name == ".." { continue }
            let type: EntryType?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): type = .directory
            case Int32(DT_REG): type = .regular
            case Int32(DT_LNK): type = .symbolicLink
            case Int32(DT_UNKNOWN): type = nil
            default: type = .other
            }
            entries.append((name, type))
        }
        return entries
    }

    /// The type lstat gives, nil when the entry is gone.
    static func type(at path: String) -> EntryType? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The file as text: UTF-8 without a byte-order mark, line endings made `\n`.
    public func readText(_ relativePath: String, findings: inout Findings) -> SourceFile? {
        let display = displayPath(relativePath)
        guard var bytes = Self.readBytes(path(relativePath)) else {
            findings.append(Finding(file: display, message: "cannot read this file: check that it exists and is readable"))
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard var text = String(validatingUTF8Bytes: bytes) else {
            let line = Self.lineOfFirstInvalidUTF8(bytes)
            findings.append(Finding(file: display, line: line, message:
                "file is not UTF-8 text: save it with UTF-8 encoding (in Word or Notepad: Save As, Encoding: UTF-8)"))
            return nil
        }
        if bytes.withUnsafeBufferPointer({ ByteSearch.find(UInt8(ascii: "\r"), in: $0) != nil }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return SourceFile(relativePath: relativePath, displayPath: display, text: text)
    }

    /// The whole file, read with open/read: `Data(contentsOf:)` costs more than parsing a news item's
    /// front matter on Linux. Nil when the file cannot be opened or read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    public func readData(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validatingUTF8Bytes: Array(bytes[lineStart..<index])) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}

extension String {
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
