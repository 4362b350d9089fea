import Foundation
import PortalCore
import Synchronization

/// The photos of a build, told as they go: on a terminal one line rewritten in place (count, rate, time
/// left), at most five times a second; in a log (no terminal) nothing until the one summary line.
final class PhotoProgressPrinter: Sendable {
    private struct State {
        var last: PhotoProgress?
        var lastDrawn: ContinuousClock.Instant?
        var drewLine = false
    }

    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let isTerminal: Bool
    private let state = Mutex(State())

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
        started = clock.now
    }

    var report: @Sendable (PhotoProgress) -> Void {
        { [self] progress in self.update(progress) }
    }

    private func update(_ progress: PhotoProgress) {
        let now = clock.now
        let line: String? = state.withLock { state in
            state.last = progress
            guard isTerminal, progress.encoded > 0 else { return nil }
            if let drawn = state.lastDrawn, now - drawn < .milliseconds(200), progress.done < progress.total { return nil }
            state.lastDrawn = now
            state.drewLine = true
            let elapsed = Self.seconds(now - started)
            let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
            let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
            return "\rphotos: \(progress.done)/\(progress.total), " + String(format: "%.1f", rate) + "/s, about "
                + String(format: "%.0f", left.rounded(.up)) + " s left\u{1B}[K"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// After the build: the summary line, ending the progress line when one was drawn.
    func finish() {
        let (last, drew) = state.withLock { ($0.last, $0.drewLine) }
        if drew { FileHandle.standardError.write(Data("\n".utf8)) }
        guard let last, last.total > 0 else { return }
        let elapsed = Self.seconds(clock.now - started)
        print("photos: \(last.total) (\(last.encoded) encoded, \(last.total - last.encoded) from .portal-cache) in "
              + String(format: "%.2f", elapsed) + " s")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
