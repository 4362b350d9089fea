import Crypto
import Foundation

/// `Public/.portal-manifest`: every file of the built site with its size and SHA-256, one a line, sorted
/// by path (`<sha256> <size> <path>`). The next build compares each file it makes with it and leaves a
/// file whose bytes are the same where it is (same inode and modification time), so mirroring tools see
/// only what changed; it is also what `portal build --changes` compares.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = ".portal-manifest"

    public struct Entry: Sendable, Equatable {
        public var size: Int
        /// Lower-case hex.
        public var sha256: String
    }

    public private(set) var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public static func entry(for bytes: UnsafeRawBufferPointer) -> Entry {
        Entry(size: bytes.count, sha256: SHA256.hash(data: bytes).hexString)
    }

    /// The text written to the output folder: sorted by the paths' bytes, so equal sites give equal text.
    public var text: String {
        var text = ""
        for path in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let entry = entries[path]!
            text += "\(entry.sha256) \(entry.size) \(Self.escape(path))\n"
        }
        return text
    }

    /// The manifest a previous build wrote, or nil when there is none or it is not one (a folder from an
    /// older portal, a manifest cut short): the build then writes every file as a clean one would.
    public static func parse(_ text: String) -> OutputManifest? {
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].utf8.count == 64, fields[0].utf8.allSatisfy(isHexDigit),
                  let size = Int(fields[1]), size >= 0, let path = unescape(fields[2]), !path.isEmpty else { return nil }
            entries[path] = Entry(size: size, sha256: String(fields[0]))
        }
        guard text.isEmpty || text.hasSuffix("\n") else { return nil }
        return OutputManifest(entries: entries)
    }

    public mutating func add(_ path: String, _ entry: Entry) {
        entries[path] = entry
    }

    /// What a site with `self` as its manifest adds, changes and removes against `previous`, by path.
    public func changes(since previous: OutputManifest) -> OutputChanges {
        var changes = OutputChanges()
        for (path, entry) in entries {
            if let old = previous.entries[path] {
                if old != entry { changes.changed.append(path) }
            } else {
                changes.added.append(path)
            }
        }
        changes.removed = previous.entries.keys.filter { entries[$0] == nil }
        changes.sort()
        return changes
    }

    /// A path is one field at the end of its line; only a backslash and a line end need escaping.
    private static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) else { return path }
        return path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func unescape(_ field: Substring) -> String? {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return String(field) }
        var result = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "\\": result.append("\\")
                case "n": result.append("\n")
                default: return nil
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return escaped ? nil : result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}

/// What a build added, changed and removed in the output folder, each sorted by path.
public struct OutputChanges: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// `+ path`, `~ path`, `- path`, one a line, in the order of the paths.
    public var lines: [String] {
        let all = added.map { ("+", $0) } + changed.map { ("~", $0) } + removed.map { ("-", $0) }
        return all.sorted { $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }.map { "\($0.0) \($0.1)" }
    }

    mutating func sort() {
        added.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        changed.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        removed.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension SHA256.Digest {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
