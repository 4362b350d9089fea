/// A page whose photos weigh more than 1 MB on a 360 px phone screen (SPEC §10, `portal check`): each
/// photo counted at the WebP size such a screen picks from its `srcset` (the narrowest at least 360 px
/// wide), which is what a reader on a mountain 3G link downloads.
struct PhotoWeightCheck {
    static let screenWidth = 360
    static let limit = 1024 * 1024

    /// Variant address → the photo's content path.
    private let photoOfURL: [String: String]
    private let photos: [String: Photo]

    init(_ catalog: PhotoCatalog) {
        var photoOfURL: [String: String] = [:]
        for (path, photo) in catalog.photos {
            for variant in photo.variants { photoOfURL[variant.url] = path }
        }
        self.photoOfURL = photoOfURL
        photos = catalog.photos
    }

    /// The bytes a 360 px screen fetches for one photo.
    static func bytesAtScreen(_ photo: Photo) -> Int {
        let sizes = photo.webp.isEmpty ? photo.fallback : photo.webp
        return (sizes.first { $0.width >= screenWidth } ?? sizes.last)?.byteCount ?? 0
    }

    /// The photos a page shows (through any `srcset` or `src` naming one of their sizes), each once.
    func photos(in html: String) -> [String] {
        guard !photoOfURL.isEmpty else { return [] }
        var found: Set<String> = []
        for attribute in ["srcset=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                for candidate in value[..<end].split(separator: ",") {
                    let url = candidate.split(separator: " ").first.map(String.init) ?? ""
                    if let path = photoOfURL[url] { found.insert(path) }
                }
                rest = value[end...]
            }
        }
        return found.sorted()
    }

    func finding(page path: String, html: String, source: SourceFile?) -> Finding? {
        let shown = photos(in: html)
        let total = shown.reduce(0) { $0 + (photos[$1].map(Self.bytesAtScreen) ?? 0) }
        guard total > Self.limit else { return nil }
        let megabytes = Double(total) / Double(1024 * 1024)
        let message = "the \(shown.count) photos on this page weigh " + String(format: "%.1f", megabytes)
            + " MB on a 360 px phone screen (over 1 MB): show fewer photos here, or link to an album page"
        return Finding(file: source?.displayPath ?? "Public/" + path, severity: .warning, message: message)
    }
}
