import Foundation

/// Gives the memory a finished photo freed back to the system, when the process's allocator keeps it.
///
/// The `portal` command links jemalloc (Package.swift), which keeps freed pages of each of its arenas for
/// ten seconds before returning them, and cannot reuse one arena's pages in another: a photo's buffers
/// (the decoded size, the encoders' state: tens of megabytes) freed on one thread stayed resident while
/// the next photo, on a thread with another arena, asked for the same again. Purging after each photo
/// keeps the photo stage's peak near what the photos being encoded hold at that moment. Where jemalloc is
/// not the allocator (the tests, macOS), `mallctl` is not found and this does nothing.
enum FreedMemory {
    private typealias MallocControl = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                      UnsafeMutableRawPointer?, Int) -> Int32

    /// jemalloc's `mallctl`, looked up once in the process.
    nonisolated(unsafe) private static let mallocControl: MallocControl? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") else { return nil }
        return unsafeBitCast(symbol, to: MallocControl.self)
        #else
        return nil
        #endif
    }()

    /// Returns every arena's unused pages to the system now (`arena.<MALLCTL_ARENAS_ALL>.purge`).
    static func returnToSystem() {
        _ = mallocControl?("arena.4096.purge", nil, nil, nil, 0)
    }
}
