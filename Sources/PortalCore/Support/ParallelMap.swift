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
/// same slot; the array is read only after every iteration has finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private var values: [T?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func collect() -> [T] { values.map { $0! } }
}

private struct UnsafeInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
