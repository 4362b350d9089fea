import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket calls the tests make, written once for Linux and macOS: Glibc imports `SOCK_STREAM` as
/// an enum and Darwin as a number, and Darwin has no `MSG_NOSIGNAL` (a socket option does its work).
public enum TestSocket {
    /// A TCP socket; writing to it after the peer has gone fails with EPIPE instead of killing the test.
    public static func open() -> Int32 {
        #if canImport(Glibc)
        return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        var on: Int32 = 1
        if descriptor >= 0 { _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size)) }
        return descriptor
        #endif
    }

    /// `send` on a socket from `open()`: the bytes sent, or -1 with `errno`.
    public static func send(_ bytes: UnsafeRawBufferPointer, on descriptor: Int32) -> Int {
        #if canImport(Glibc)
        return Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        #else
        return Darwin.send(descriptor, bytes.baseAddress, bytes.count, 0)
        #endif
    }
}
