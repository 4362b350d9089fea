import Foundation
import PortalTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately dumb HTTP/1.1 client over a plain socket to 127.0.0.1: it sends the request line
/// exactly as given (URLSession would normalise `..` and percent-encoding away, which is what the
/// traversal tests must not have), and it can read a Server-Sent Events stream as it arrives.
final class RawHTTPConnection: @unchecked Sendable {
    struct Response: Sendable {
        var status: Int
        /// Lower-cased names.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(port: Int) throws {
        let descriptor = TestSocket.open()
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        socket = descriptor
    }

    deinit {
        close(socket)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { TestSocket.send($0, on: socket) }
            guard result > 0 else { throw Failure(description: "send failed") }
            sent += result
        }
    }

    /// Reads more bytes into the buffer; false on end of stream or timeout.
    private func fill(timeout: Duration) -> Bool {
        guard !closed else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, max(1, milliseconds)) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 {
            closed = true
            return false
        }
        buffer += chunk[..<count]
        return true
    }

    private func readUntil(_ delimiter: [UInt8], deadline: ContinuousClock.Instant) -> [UInt8]? {
        while true {
            if let range = find(delimiter) {
                let head = Array(buffer[..<range.lowerBound])
                buffer.removeSubrange(..<range.upperBound)
                return head
            }
            let left = deadline - .now
            if left <= .zero || !fill(timeout: left) { return nil }
        }
    }

    private func find(_ delimiter: [UInt8]) -> Range<Int>? {
        guard buffer.count >= delimiter.count else { return nil }
        for start in 0...(buffer.count - delimiter.count) where buffer[start..<(start + delimiter.count)].elementsEqual(delimiter) {
            return start..<(start + delimiter.count)
        }
        return nil
    }

    /// Reads a status line and headers; the body is left in the stream.
    func readHead(timeout: Duration = .seconds(10)) throws -> (status: Int, headers: [String: String]) {
        guard let head = readUntil(Array("\r\n\r\n".utf8), deadline: .now + timeout) else {
            throw Failure(description: "no response head (connection closed or timed out)")
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines.first ?? "")") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// A whole response; with `Connection: close` the body runs to the end of the stream unless a
    /// length is given.
    func readResponse(method: String, timeout: Duration = .seconds(10)) throws -> Response {
        let (status, headers) = try readHead(timeout: timeout)
        let deadline = ContinuousClock.now + timeout
        if method == "HEAD" || status == 304 || status == 204 {
            return Response(status: status, headers: headers, body: [])
        }
        if let length = headers["content-length"].flatMap(Int.init) {
            while buffer.count < length {
                let left = deadline - .now
                guard left > .zero, fill(timeout: left) else { throw Failure(description: "body shorter than its length") }
            }
            let body = Array(buffer[..<length])
            buffer.removeSubrange(..<length)
            return Response(status: status, headers: headers, body: body)
        }
        while deadline - .now > .zero, fill(timeout: deadline - .now) {}
        let body = buffer
        buffer = []
        return Response(status: status, headers: headers, body: body)
    }

    /// Event-stream text already taken out of its chunks.
    private var eventText: [UInt8] = []
    private var chunked = false

    /// Moves one chunk of a chunked body into `eventText`; false on timeout or end of stream.
    private func readChunk(deadline: ContinuousClock.Instant) -> Bool {
        guard chunked else {
            let left = deadline - .now
            guard left > .zero, !buffer.isEmpty || fill(timeout: left) else { return false }
            eventText += buffer
            buffer = []
            return true
        }
        guard let sizeLine = readUntil(Array("\r\n".utf8), deadline: deadline),
              let size = Int(String(decoding: sizeLine, as: UTF8.self).split(separator: ";").first ?? "", radix: 16), size > 0
        else { return false }
        while buffer.count < size + 2 {
            let left = deadline - .now
            guard left > .zero, fill(timeout: left) else { return false }
        }
        eventText += buffer[..<size]
        buffer.removeSubrange(..<(size + 2))
        return true
    }

    /// The next Server-Sent Event (`event`, `data`), skipping comments; nil on timeout or end of stream.
    func nextEvent(timeout: Duration) -> (event: String, data: String)? {
        let deadline = ContinuousClock.now + timeout
        while true {
            var block: [UInt8]?
            while block == nil {
                if let end = eventText.firstRange(of: Array("\n\n".utf8)) {
                    block = Array(eventText[..<end.lowerBound])
                    eventText.removeSubrange(..<end.upperBound)
                } else if !readChunk(deadline: deadline) {
                    return nil
                }
            }
            guard let block else { return nil }
            var event = "message"
            var data: [String] = []
            for line in String(decoding: block, as: UTF8.self).split(separator: "\n") {
                if line.hasPrefix("event:") { event = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            }
            if !data.isEmpty { return (event, data.joined(separator: "\n")) }
        }
    }

    /// True when the server closed the stream within `timeout`.
    func waitForClose(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while deadline - .now > .zero {
            if !fill(timeout: deadline - .now) && closed { return true }
        }
        return closed
    }

    /// One request on a fresh connection.
    static func request(_ method: String = "GET", port: Int, path: String, headers: [String: String] = [:]) throws -> Response {
        let connection = try RawHTTPConnection(port: port)
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try connection.send(text + "\r\n")
        return try connection.readResponse(method: method)
    }

    /// An open `/__portal/reload` stream, its `hello` event already read.
    static func events(port: Int) throws -> (connection: RawHTTPConnection, hello: String) {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET /__portal/reload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let (status, headers) = try connection.readHead()
        connection.chunked = headers["transfer-encoding"]?.lowercased().contains("chunked") == true
        guard status == 200, headers["content-type"]?.hasPrefix("text/event-stream") == true else {
            throw Failure(description: "events answered \(status) \(headers)")
        }
        guard let hello = connection.nextEvent(timeout: .seconds(5)), hello.event == "hello" else {
            throw Failure(description: "no hello event")
        }
        return (connection, hello.data)
    }
}

/// Runs blocking socket work on a thread of its own: blocking one of the (two, here) threads of Swift's
/// cooperative pool could starve the server under test, which answers on that same pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

extension RawHTTPConnection {
    func nextEvent(timeout: Duration) async throws -> (event: String, data: String)? {
        try await onThread { self.nextEvent(timeout: timeout) }.map { ($0.event, $0.data) }
    }

    func waitForClose(timeout: Duration) async throws -> Bool {
        try await onThread { self.waitForClose(timeout: timeout) }
    }

    static func request(_ method: String = "GET", port: Int, path: String, headers: [String: String] = [:]) async throws -> Response {
        try await onThread { try request(method, port: port, path: path, headers: headers) }
    }

    static func events(port: Int) async throws -> (connection: RawHTTPConnection, hello: String) {
        let (connection, hello) = try await onThread { try events(port: port) }
        return (connection, hello)
    }
}
