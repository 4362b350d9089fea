#if os(Linux)
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Linux change notifications, one watch per folder (inotify is not recursive), with watches added for
/// folders created or moved in while running.
///
/// The events are the ones a save produces whatever the editor: `IN_CLOSE_WRITE` for a file written in
/// place, `IN_MOVED_TO` for the write-a-temporary-file-then-rename save, `IN_CREATE`/`IN_DELETE`/
/// `IN_MOVED_FROM` for files and folders coming and going. `IN_MODIFY` is left out on purpose: it fires
/// for every block written, before the file is complete.
///
/// Unchecked `Sendable`: `folders`, its only mutable state, is touched by the watcher thread alone once
/// `start` has run (before, by `init` alone); `stop` only writes to the wake pipe.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    let mechanism = "inotify"
    private let fd: Int32
    private let roots: [URL]
    private let debounce: Debounce
    private let wake: WakePipe
    /// Watch descriptor → folder path; touched only by the watcher thread, after `start`.
    private var folders: [Int32: String] = [:]
    private let thread = WatcherThread()

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR)

    init?(roots: [URL], debounce: Debounce) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0, let wake = WakePipe() else {
            if fd >= 0 { close(fd) }
            return nil
        }
        self.fd = fd
        self.roots = roots
        self.debounce = debounce
        self.wake = wake
        for root in roots { addWatches(under: root.path) }
        // Out of watches (fs.inotify.max_user_watches) means some folders would go unwatched without a
        // word; polling sees them all.
        if folders.isEmpty || outOfWatches {
            close(fd)
            return nil
        }
    }

    private var outOfWatches = false

    deinit {
        close(fd)
    }

    /// Watches `path` and every folder below it, skipping hidden ones as the build does.
    private func addWatches(under path: String) {
        let descriptor = inotify_add_watch(fd, path, Self.mask)
        guard descriptor >= 0 else {
            if errno == ENOSPC { outOfWatches = true }
            return
        }
        folders[descriptor] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !FileWatchers.isIgnored(Substring(name)) {
            let child = path + "/" + name
            var isDirectory: ObjCBool = false
            // Symbolic links to folders are not followed by the build either.
            if let type = try? FileManager.default.attributesOfItem(atPath: child)[.type] as? FileAttributeType,
               type == .typeDirectory, FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) {
                addWatches(under: child)
            }
        }
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        thread.start(name: "portal-inotify") { [self] in run(onChange) }
    }

    func stop() {
        thread.stop { wake.wake() }
    }

    private enum Wait { case events, timeout, stopped }

    private func wait(milliseconds: Int32) -> Wait {
        var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
        while true {
            let result = poll(&descriptors, 2, milliseconds)
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { return result == 0 ? .timeout : .stopped }
            if descriptors[1].revents != 0 { return .stopped }
            return .events
        }
    }

    private func run(_ onChange: @Sendable ([String]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            guard wait(milliseconds: -1) == .events else { return }
            var changed = readEvents(&buffer)
            if changed.isEmpty { continue }
            // Let the burst settle: a save is several events within a millisecond or two, a `git checkout`
            // many more; one rebuild should take them all.
            let clock = ContinuousClock()
            let deadline = clock.now + debounce.maximum
            settle: while clock.now < deadline {
                let left = max(1, min(debounce.quiet.milliseconds, (deadline - clock.now).milliseconds))
                switch wait(milliseconds: Int32(left)) {
                case .stopped: return
                case .timeout: break settle
                case .events: changed += readEvents(&buffer)
                }
            }
            var seen = Set<String>()
            onChange(changed.filter { seen.insert($0).inserted })
        }
    }

    /// Reads what is queued; returns the relevant paths and adds watches for new folders.
    private func readEvents(_ buffer: inout [UInt8]) -> [String] {
        var changed: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return changed }
            var offset = 0
            while offset + 16 <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length

                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: watch every folder again and rebuild, which reads everything anyway.
                    for descriptor in folders.keys { inotify_rm_watch(fd, descriptor) }
                    folders.removeAll()
                    for root in roots { addWatches(under: root.path) }
                    changed.append("")
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders.removeValue(forKey: descriptor)
                    continue
                }
                guard let folder = folders[descriptor], !FileWatchers.isIgnored(Substring(name)) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addWatches(under: path)
                }
                changed.append(path)
            }
        }
    }
}
#endif
