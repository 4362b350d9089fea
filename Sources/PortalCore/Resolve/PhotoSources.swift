import VietnameseText

/// Which files are photos and where each one's sizes are published, from file names alone.
struct PhotoSources {
    private var byPath: [String: PhotoSource] = [:]
    private(set) var filesWithLeadImage: Set<String> = []

    /// The raster kinds libvips decodes here; GIF (animations) and SVG are published as they are.
    static let extensions = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

    static func isPhoto(_ path: String) -> Bool { extensions.contains { FileTree.hasExtension(path, $0) } }

    /// `publishedAt` is where the file would have been copied: its folder is where its sizes go.
    mutating func add(_ contentPath: String, publishedAt url: String) {
        guard byPath[contentPath] == nil else { return }
        let folder = url.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(url[...$0]) } ?? "/"
        byPath[contentPath] = PhotoSource(contentPath: contentPath, folderURL: folder, stem: Self.stem(of: contentPath),
                                          openGraph: false, frontMatterUses: [])
    }

    /// Photos beside pages, reports and documents (which have no bundle folder of their own), and
    /// beside a news item written as a single file: published below `/media/`. A news bundle's files
    /// are published only with its item (a draft's are not).
    mutating func addTheRest(of files: Set<String>) {
        for path in files where Self.isPhoto(path) && byPath[path] == nil && !path.hasPrefix("media/") {
            let parts = path.split(separator: "/")
            if parts.first == "news" && parts.count > 2 { continue }
            let folder = parts.dropLast().joined(separator: "/")
            byPath[path] = PhotoSource(contentPath: path, folderURL: URLScheme.photoFolder(contentFolder: folder),
                                       stem: Self.stem(of: path), openGraph: false, frontMatterUses: [])
        }
    }

    mutating func markLeadImage(_ contentPath: String, of newsFile: String, at location: SourceLocation) {
        guard byPath[contentPath] != nil else { return }
        byPath[contentPath]?.openGraph = true
        byPath[contentPath]?.frontMatterUses.append(location)
        filesWithLeadImage.insert(newsFile)
    }

    var sorted: [PhotoSource] { byPath.keys.sorted().map { byPath[$0]! } }

    /// `Ảnh Hội nghị.JPG` → `anh-hoi-nghi`; a name with no letters or digits → `anh`.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
        let slug = Slug.make(base)
        return slug.isEmpty ? "anh" : slug
    }
}
