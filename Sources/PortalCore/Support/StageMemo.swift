import Synchronization

/// What one run of a stage hands to the next run: each result kept under a name (a file's path) with
/// the exact input it was made from.
///
/// A result is used again only when the new input equals the kept one, and the input is all that the
/// stage's function is given (`make` takes the input and nothing else worth caching), so nothing the
/// function reads can change unseen. Inputs compare loaded objects by identity (a file read again is a
/// new object) and texts that did not change in constant time (they are the very strings the previous
/// load read), so finding what changed costs nothing like hashing the archive.
final class StageMemo<Input: Equatable & Sendable, Output: Sendable>: Sendable {
    private struct Entry: Sendable {
        var input: Input
        var output: Output
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let made = Mutex(0)

    init() {}

    /// The output for each input, made on every core for those whose kept input differs; only these
    /// slots are kept afterwards, so the memo never outgrows one site.
    func outputs(_ inputs: [(slot: String, input: Input)], make: @Sendable (Input) -> Output) -> [Output] {
        let kept = entries.withLock { $0 }
        let outputs = inputs.parallelMap { pair -> (output: Output, isNew: Bool) in
            if let entry = kept[pair.slot], entry.input == pair.input { return (entry.output, false) }
            return (make(pair.input), true)
        }
        var next: [String: Entry] = [:]
        next.reserveCapacity(inputs.count)
        for (pair, result) in zip(inputs, outputs) where next[pair.slot] == nil {
            next[pair.slot] = Entry(input: pair.input, output: result.output)
        }
        let madeCount = outputs.count { $0.isNew }
        entries.withLock { $0 = next }
        made.withLock { $0 = madeCount }
        return outputs.map(\.output)
    }

    /// The one output of a stage that runs once per site, kept while its input is the same.
    func output(_ input: Input, make: (Input) -> Output) -> Output {
        if let entry = entries.withLock({ $0[""] }), entry.input == input {
            made.withLock { $0 = 0 }
            return entry.output
        }
        let output = make(input)
        entries.withLock { $0 = ["": Entry(input: input, output: output)] }
        made.withLock { $0 = 1 }
        return output
    }

    /// How many outputs the last call made rather than reused: for tests, which check that a save does
    /// only the work it must.
    var madeLastTime: Int { made.withLock { $0 } }
}
