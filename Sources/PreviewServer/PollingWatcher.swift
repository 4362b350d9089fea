import Foundation
import Synchronization

/// Where inotify is missing or runs out of watches: every `interval`, a fingerprint of every file's
/// path, size and modification time; a different fingerprint is a change.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    let mechanism = "polling"
    private let roots: [URL]
    private let interval: Duration
    private let wake = WakePipe()
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(false)

    init(roots: [URL], interval: Duration) {
        self.roots = roots
        self.interval = interval
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        running.withLock { $0 = true }
        let thread = Thread { [self] in
            var last = fingerprint()
            while sleep() {
                let now = fingerprint()
                if now != last {
                    last = now
                    onChange([])
                }
            }
            finished.signal()
        }
        thread.name = "portal-polling"
        thread.start()
    }

    func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        wake?.wake()
        finished.wait()
    }

    /// False when woken to stop.
    private func sleep() -> Bool {
        guard let wake else {
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            return running.withLock { $0 }
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
