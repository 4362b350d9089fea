import Foundation

// The one primitive for work on many threads: these jobs, on every core (or on `threads` threads for
// work that waits in the kernel), results in input order, so output never depends on scheduling. Every
// stage that works in parallel goes through it; none starts threads or waits on conditions of its own.

extension Array where Element: Sendable {
    /// `map` over every core, results in input order (so output never depends on scheduling).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let elements = UnsafeInput(buffer: input)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(transform(elements.buffer[index]), at: index)
            }
        }
        return slots.collect()
    }
}

/// Unchecked `Sendable`: each index is written by exactly one iteration, so no two threads touch the same
/// slot, and the slots are read only after every iteration has finished (the join in `parallelMap`).
///
/// The slots are raw memory allocated once, not an `Array`: `Array.withUnsafeMutableBufferPointer`
/// moves the array's storage out of the property for the duration of the call, so two threads calling
/// it on the same array at once corrupt the heap (seen as crashes in malloc on a 10,000-item build).
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<T>.allocate(capacity: count)
    }

    func store(_ value: T, at index: Int) {
        (slots + index).initialize(to: value)
    }

    /// Moves the results out; called once, after every slot was stored.
    func collect() -> [T] {
        let result = Array(UnsafeBufferPointer(start: slots, count: count))
        slots.deinitialize(count: count)
        return result
    }

    deinit {
        slots.deallocate()
    }
}

/// Unchecked `Sendable`: the buffer is only read, and only while the array it points into is kept alive by
/// `withUnsafeBufferPointer` around `concurrentPerform`, which returns after every iteration.
private struct UnsafeInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

extension Array where Element: Sendable {
    /// `map` on `threads` threads of its own, results in input order: for work that blocks on the disk
    /// (render a page, then write it), where more threads than cores keep the cores busy while some
    /// wait in the kernel. `concurrentPerform` never runs more threads than cores.
    func parallelMap<T: Sendable>(threads: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let threads = Swift.min(threads, count)
        guard threads > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        let next = NextIndex()
        let elements = self
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            Thread {
                while let index = next.take(below: elements.count) {
                    slots.store(transform(elements[index]), at: index)
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        return slots.collect()
    }
}

/// Threads for work that waits in the kernel (reading the content, which may not be in the page cache):
/// more than the cores, so the others keep the cores busy while some wait.
let threadsForWorkThatWaits = max(4, 3 * ProcessInfo.processInfo.activeProcessorCount)

/// Threads for rendering and writing pages: one more than the cores. Writing goes to the page cache and
/// rarely waits, and more threads only contended more (on the folder each new page folder is made in, and
/// in the Swift runtime's cast cache): at 10,000 items three threads took about 0.2 s less CPU than six
/// on two cores.
let threadsForPages = ProcessInfo.processInfo.activeProcessorCount + 1

/// Hands out 0, 1, 2, … to the threads of `parallelMap(threads:)`. Unchecked `Sendable`: `value` is read
/// and written under `lock` only.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
