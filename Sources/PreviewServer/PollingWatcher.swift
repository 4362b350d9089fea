import Foundation
import Synchronization

/// Where inotify is missing or runs out of watches: every `interval`, a fingerprint of every file's
/// path, size and modification time; the paths whose stamp differs (or that came or went) are the
/// change.
///
/// Unchecked `Sendable`: it has no mutable state of its own; the fingerprints live on the watcher thread's
/// stack, and `stop` only writes to the wake pipe.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    let mechanism = "polling"
    private let roots: [URL]
    private let interval: Duration
    private let wake = WakePipe()
    private let thread = WatcherThread()

    init(roots: [URL], interval: Duration) {
        self.roots = roots
        self.interval = interval
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        thread.start(name: "portal-polling") { [self] in
            var last = fingerprint()
            while sleep() {
                let now = fingerprint()
                if now != last {
                    onChange(Self.changedPaths(from: last, to: now))
                    last = now
                }
            }
        }
    }

    func stop() {
        thread.stop { wake?.wake() }
    }

    /// Sorted, so the rebuild reads them in a fixed order.
    static func changedPaths(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = new.filter { old[$0.key] != $0.value }.map(\.key)
        changed += old.keys.filter { new[$0] == nil }
        return changed.sorted()
    }

    /// False when woken to stop.
    private func sleep() -> Bool {
        guard let wake else {
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            return thread.isRunning
        }
        var descriptor = pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)
        let result = poll(&descriptor, 1, Int32(interval.milliseconds))
        return result == 0 || (result < 0 && errno == EINTR)
    }

    struct Stamp: Equatable {
        var size: Int
        var modified: Double
    }

    func fingerprint() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots { collect(root.path, into: &result) }
        return result
    }

    private func collect(_ path: String, into result: inout [String: Stamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !FileWatchers.isIgnored(Substring(name)) {
            let child = path + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: child) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            result[child] = Stamp(size: size, modified: modified)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                collect(child, into: &result)
            }
        }
    }
}
