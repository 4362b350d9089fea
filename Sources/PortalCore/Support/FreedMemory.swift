import Foundation

/// Has memory freed while photos are encoded go back to the system at once, when the process's allocator
/// would keep it.
///
/// The `portal` command links jemalloc (Package.swift), which keeps each arena's freed pages for ten
/// seconds before returning them and cannot reuse one arena's pages in another: a photo's buffers (the
/// decoded size, the encoders' state, libvips' per-thread regions: tens of megabytes) freed on one thread
/// stayed resident while the next photo, on threads with other arenas, asked for the same again. For the
/// photo stage only, every arena returns freed pages at once (`dirty_decay_ms` 0); the rest of the build,
/// millions of small strings, keeps jemalloc's default. Where jemalloc is not the allocator (the tests,
/// macOS), `mallctl` is not found and this only runs `body`.
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

    static func returnedAtOnce<T>(_ body: () -> T) -> T {
        guard let control = mallocControl else { return body() }
        var defaultDecay = 0
        var size = MemoryLayout<Int>.size
        var arenas: UInt32 = 0
        var arenasSize = MemoryLayout<UInt32>.size
        guard control("arenas.dirty_decay_ms", &defaultDecay, &size, nil, 0) == 0,
              control("arenas.narenas", &arenas, &arenasSize, nil, 0) == 0 else { return body() }
        setDecay(0, arenas: arenas, control)
        defer { setDecay(defaultDecay, arenas: arenas, control) }
        return body()
    }

    /// Arenas not made yet refuse the setting; they are made with the default, which is set too.
    private static func setDecay(_ milliseconds: Int, arenas: UInt32, _ control: MallocControl) {
        var value = milliseconds
        _ = control("arenas.dirty_decay_ms", nil, nil, &value, MemoryLayout<Int>.size)
        for arena in 0..<arenas {
            _ = control("arena.\(arena).dirty_decay_ms", nil, nil, &value, MemoryLayout<Int>.size)
        }
    }
}
