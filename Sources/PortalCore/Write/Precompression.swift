import Brotli
import Gzip

/// Which files get precompressed siblings, and how they are made (SPEC §11): every text file of 1 KB or
/// more gets a `.gz` and a `.br` beside it, for servers that send them in place of compressing on each
/// request (nginx `gzip_static`, `brotli_static`). Below 1 KB a compressed copy saves less than a disk
/// block and nginx's own `gzip_min_length` advice.
enum Precompression {
    static let minimumSize = 1024
    static let textExtensions = ["html", "css", "js", "json", "xml", "svg", "csv", "txt"]
    static let suffixes = [".gz", ".br"]

    static func applies(to path: String, size: Int) -> Bool {
        size >= minimumSize && textExtensions.contains { FileTree.hasExtension(path, $0) }
    }

    /// The sibling for `suffix` (one of `suffixes`): gzip at `Gzip.defaultLevel`, Brotli at
    /// `Brotli.defaultQuality`; nil when the library fails (it cannot allocate).
    static func compress(_ bytes: UnsafeRawBufferPointer, suffix: String) -> [UInt8]? {
        suffix == ".gz" ? Gzip.compress(bytes) : Brotli.compress(bytes)
    }
}
