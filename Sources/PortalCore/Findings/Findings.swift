/// The findings of a build, or of one part of it: each finding once, read in the order they are printed
/// (file, line, column), however many times and in whatever order the stages came upon them. A body
/// rendered twice (for a card's summary and for its page) or a part reused from the previous rebuild
/// adds nothing twice, so no stage has to undo another's repetitions.
public struct Findings: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var unique: Set<Finding>

    public init() { unique = [] }

    public init(arrayLiteral elements: Finding...) { unique = Set(elements) }

    public init<S: Sequence>(_ findings: S) where S.Element == Finding { unique = Set(findings) }

    public mutating func append(_ finding: Finding) { unique.insert(finding) }

    public mutating func append<S: Sequence>(contentsOf findings: S) where S.Element == Finding {
        unique.formUnion(findings)
    }

    public static func += <S: Sequence>(lhs: inout Findings, rhs: S) where S.Element == Finding {
        lhs.append(contentsOf: rhs)
    }

    public static func + <S: Sequence>(lhs: Findings, rhs: S) -> Findings where S.Element == Finding {
        var sum = lhs
        sum.append(contentsOf: rhs)
        return sum
    }

    /// In the order they are printed: by file, line and column.
    public var sorted: [Finding] { unique.sorted() }

    public var isEmpty: Bool { unique.isEmpty }
    public var count: Int { unique.count }
    public var hasErrors: Bool { unique.contains { $0.severity == .error } }

    public func makeIterator() -> IndexingIterator<[Finding]> { sorted.makeIterator() }

    public var description: String { sorted.description }
}
