import Crypto
import Foundation
import Markdown
import Synchronization

/// `.portal-cache/markdown/`: what the Markdown renderer made of each news body, kept between builds so
/// a rebuild renders only the bodies whose text changed.
///
/// An entry is keyed by a digest of exactly what `MarkdownRenderer.render` reads: the body's text, the
/// renderer's options (their whole description, so an option added later is part of the key without
/// anyone listing it) and the executable (`ExecutableIdentity`), whose code is the rest of the renderer.
/// Shortcodes and photos are not part of it: the entry is the rendering before `ShortcodeExpander`,
/// which runs on every build against the model of that build.
///
/// One file per entry, named by its key, written under a temporary name and renamed into place, ending in
/// the SHA-256 of the bytes before it: a file cut short or changed is not used (the body is rendered and
/// the file written again). Entries no build of the site used are removed after a build that wrote its
/// output (`removeUnused`).
final class MarkdownStore: Sendable {
    let folder: String
    let renderer: MarkdownRenderer
    private let seed: [UInt8]
    private let used = Mutex<Set<String>>([])

    init(folder: String, renderer: MarkdownRenderer) {
        self.folder = folder
        self.renderer = renderer
        var seed = Array("portal markdown 1\n".utf8)
        seed += ExecutableIdentity.current
        seed += Array(String(reflecting: renderer.options).utf8)
        self.seed = seed
    }

    /// The cache of a content folder: `.portal-cache/markdown/` beside the photos' cache.
    static func folder(forCacheRoot root: URL) -> URL {
        root.appendingPathComponent("markdown", isDirectory: true)
    }

    func key(for body: String) -> String {
        var hasher = SHA256()
        hasher.update(data: seed)
        var body = body
        body.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().hexString
    }

    /// The body's rendering from the store, or rendered now and stored.
    func rendering(of body: String) -> RenderedMarkdown {
        let key = key(for: body)
        used.withLock { _ = $0.insert(key) }
        let path = folder + "/" + key
        if let bytes = Self.read(path), let found = Self.decode(bytes) { return found }
        let rendered = renderer.render(body)
        store(Self.encode(rendered), at: path)
        return rendered
    }

    /// Removes the entries this build did not use: bodies edited or deleted since.
    func removeUnused() {
        let keep = used.withLock { $0 }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder), names.count > keep.count else { return }
        for name in names where !keep.contains(name) { unlink(folder + "/" + name) }
    }

    private func store(_ bytes: [UInt8], at path: String) {
        // A store that cannot be written is no error: the next build renders the body again.
        mkdir(folder, 0o777)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0 ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return }
        var complete = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        complete = close(descriptor) == 0 && complete
        if !complete || rename(temporary, path) != 0 { unlink(temporary) }
    }

    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0, status.st_size < 1 << 30 else { return nil }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        let got = bytes.withUnsafeMutableBytes { buffer -> Int in
            var offset = 0
            while offset < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                offset += count
            }
            return offset
        }
        return got == size ? bytes : nil
    }

    /// The rendering's bytes (`RenderedMarkdown.encoded`) and their SHA-256.
    static func encode(_ rendered: RenderedMarkdown) -> [UInt8] {
        var bytes = rendered.encoded()
        bytes += Array(SHA256.hash(data: bytes))
        return bytes
    }

    /// Nil for bytes `encode` did not make: cut short, changed, or of another layout.
    static func decode(_ bytes: [UInt8]) -> RenderedMarkdown? {
        guard bytes.count > 32 else { return nil }
        let body = bytes.count - 32
        let digest = bytes.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        guard Array(digest) == Array(bytes[body...]) else { return nil }
        return RenderedMarkdown(encoded: bytes[..<body])
    }
}
