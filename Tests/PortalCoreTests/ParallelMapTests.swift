@testable import PortalCore
import Testing

@Suite struct ParallelMapTests {
    /// Many small jobs on every core, each result a heap-allocated value: the pattern that corrupted the
    /// heap when the results went through `Array.withUnsafeMutableBufferPointer` from several threads.
    @Test func givesTheSameResultsInTheSameOrderAsMap() {
        let input = (0..<200_000).map { "mục \($0)" }
        for _ in 0..<3 {
            let parallel = input.parallelMap { $0 + " đã xử lý" }
            #expect(parallel == input.map { $0 + " đã xử lý" })
        }
    }
}
