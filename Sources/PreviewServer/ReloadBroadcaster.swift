import Foundation
import Synchronization

/// Hands each Server-Sent Events connection its own stream of events and sends every rebuild to all
/// of them.
final class ReloadBroadcaster: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// A stream that ends when the server shuts down or the connection goes away. After `close()` it
    /// is already finished, so a browser reconnecting during shutdown cannot hold the server open.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// `event` and `data` as Server-Sent Events write them; data is one line.
    func send(event: String, data: String) {
        broadcast("event: \(event)\ndata: \(data)\n\n")
    }

    /// A comment line: keeps proxies from timing the connection out and finds connections whose browser
    /// has gone, since writing to them fails.
    func sendHeartbeat() {
        broadcast(": ping\n\n")
    }

    private func broadcast(_ text: String) {
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(text) }
    }

    func close() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
