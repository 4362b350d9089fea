import Foundation

extension OutputFile {
    /// The bytes the file has in the built site: rendered text as UTF-8, or a copied file read from the
    /// tree it comes from. Throws when a copied file cannot be read (deleted since the build, say).
    public func data(content: FileTree, theme: FileTree) throws -> Data {
        switch body {
        case .text(let text):
            return Data(text.utf8)
        case .copy(let copied) where copied.root == .photoCache:
            return try Data(contentsOf: URL(fileURLWithPath: copied.sourcePath))
        case .copy(let copied):
            return try (copied.root == .content ? content : theme).readData(copied.sourcePath)
        }
    }
}
