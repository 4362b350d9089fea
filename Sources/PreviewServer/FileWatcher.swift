import Foundation
import PortalCore
import Synchronization

/// Reports changes under the watched folders, on a thread of its own, after a burst of events has
/// settled. `onChange` runs on that thread and the next burst waits for it, so rebuilds never overlap and
/// the saves made during one rebuild are all taken by the next.
protocol FileWatcher: AnyObject, Sendable {
    /// "inotify" or "polling", for the terminal.
    var mechanism: String { get }
    func start(onChange: @escaping @Sendable (_ changedPaths: [String]) -> Void)
    func stop()
}

public enum WatchMode: Sendable {
    /// inotify on Linux, or polling where inotify cannot start and on other systems.
    case automatic
    /// Polling only: for folders on network drives, where change notifications do not arrive.
    case polling
}

/// How long a burst of events may run before the rebuild.
public struct Debounce: Sendable {
    /// The rebuild starts once no event has come for this long.
    public var quiet: Duration
    /// … or this long after the first event, if events keep coming.
    public var maximum: Duration

    public init(quiet: Duration = .milliseconds(5), maximum: Duration = .milliseconds(50)) {
        self.quiet = quiet
        self.maximum = maximum
    }
}

enum FileWatchers {
    static func make(roots: [URL], mode: WatchMode, debounce: Debounce) -> any FileWatcher {
        #if os(Linux)
        if mode == .automatic, let watcher = InotifyWatcher(roots: roots, debounce: debounce) {
            return watcher
        }
        #endif
        // Elsewhere (macOS) polling, which works on every system; inotify is Linux's own.
        return PollingWatcher(roots: roots, interval: .milliseconds(500))
    }

    /// The same files `FileTree` reads: hidden files and editors' backups (`name~`) change nothing in
    /// the site, and editors write many of them.
    static func isIgnored(_ name: Substring) -> Bool {
        FileTree.isSkipped(name)
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// The thread a watcher runs on. `stop` wakes it and waits until its loop has returned, so no rebuild
/// starts after `stop`.
final class WatcherThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(false)

    var isRunning: Bool { running.withLock { $0 } }

    func start(name: String, _ loop: @escaping @Sendable () -> Void) {
        running.withLock { $0 = true }
        let thread = Thread { [finished] in
            loop()
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// - Parameter wake: makes the loop return (it checks `isRunning` or a wake pipe).
    func stop(wake: () -> Void) {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        wake()
        finished.wait()
    }
}

/// A self-pipe: `stop()` writes a byte so a thread blocked in `poll` wakes at once.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
