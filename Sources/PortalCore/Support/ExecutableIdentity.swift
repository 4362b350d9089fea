import Foundation

/// The running program's file as caches on disk see it: its size, modification time and inode. A cache
/// entry made by one build of portal is never used by another, whose renderer or templates engine may
/// write other bytes; reading the whole executable to digest it would cost more than a rebuild saves.
enum ExecutableIdentity {
    static let current: [UInt8] = {
        var status = stat()
        let path = "/proc/self/exe"
        guard stat(path, &status) == 0 || stat(CommandLine.arguments.first ?? "", &status) == 0 else {
            // Nothing to tell builds apart by: a key no other process shares, so nothing is reused.
            return Array(UUID().uuidString.utf8)
        }
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        return Array("exe \(status.st_size) \(modified) \(status.st_ino)\n".utf8)
    }()

    /// Bytes no other process has: for a value whose key cannot be derived, so it matches nothing kept.
    static let processNonce: [UInt8] = Array(UUID().uuidString.utf8)
}
