import CLibdeflate

/// gzip files for servers that send precompressed files (nginx `gzip_static`): libdeflate, which at each
/// level compresses about as small as zlib and twice as fast (README, "Hosting").
///
/// The only code that touches libdeflate's pointers. Thread-safe: a libdeflate compressor may be used by
/// one thread at a time, so each call allocates its own and frees it before returning; nothing is shared
/// between calls. The header libdeflate writes has no file name and a zero time, so equal input gives
/// equal bytes on every machine and at every time.
public enum Gzip {
    /// The level the build uses (1–12). Browsers take the `.br`; the `.gz` is for the other clients, so its
    /// level is the fastest (README, "Hosting": level 1 still compresses these pages better
    /// than zlib's 1 at over twice its speed).
    public static let defaultLevel: Int32 = 1

    /// `bytes` as a gzip file, or nil when libdeflate cannot allocate its compressor.
    public static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = defaultLevel) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(level) else { return nil }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
        var result = [UInt8](repeating: 0, count: bound)
        let written = result.withUnsafeMutableBytes { out in
            libdeflate_gzip_compress(compressor, bytes.baseAddress, bytes.count, out.baseAddress, out.count)
        }
        guard written > 0 else { return nil }
        result.removeSubrange(written...)
        return result
    }
}
