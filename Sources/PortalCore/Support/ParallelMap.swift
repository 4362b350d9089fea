import Foundation

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

/// Each index is written by exactly one iteration of `concurrentPerform`, so no two threads touch the
/// same slot; the slots are read only after every iteration has finished.
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

private struct UnsafeInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
