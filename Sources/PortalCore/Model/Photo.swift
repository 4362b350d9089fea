import Images

/// A raster image an editor put in `Content/` (a bundle's file, `media/`, a news item's `image`),
/// to be published in the sizes of SPEC §10. Found by the resolve stage from file names alone.
public struct PhotoSource: Sendable, Equatable {
    /// Under `Content/`: `news/hoi-nghi/anh-1.jpg`.
    public var contentPath: String
    /// The address of the folder its sizes are published in, ending in `/`.
    public var folderURL: String
    /// The file name without its extension, made an address segment: `anh-1`.
    public var stem: String
    /// A news item's `image` also gets a 1200×630 crop for link previews.
    public var openGraph: Bool
    /// Where front matter names it (`image:`), for findings about it.
    public var frontMatterUses: [SourceLocation]
}

/// A photo as published: its sizes, each a file in the cache folder. Made by `PhotoProcessor`.
public struct Photo: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var format: ImageCodec.Format
        /// Its address on the site.
        public var url: String
        /// Its bytes, in the cache folder (absolute).
        public var cacheFile: String
        public var byteCount: Int

        public var outputPath: String { String(url.dropFirst()) }
    }

    public var source: PhotoSource
    /// The upright size of the source.
    public var width: Int
    public var height: Int
    public var sourceByteCount: Int
    /// Ascending width; the WebP sizes first, then the source's own format.
    public var variants: [Variant]
    public var openGraph: Variant?

    public var webp: [Variant] { variants.filter { $0.format == .webp } }
    /// The sizes in a format every browser reads: JPEG (for JPEG and HEIC sources) or PNG; WebP for a WebP.
    public var fallback: [Variant] {
        let other = variants.filter { $0.format != .webp }
        return other.isEmpty ? webp : other
    }
    /// The largest size: its width and height go on `<img>`, so the page keeps the photo's room before it arrives.
    public var largest: Variant? { fallback.last }
}

/// Every photo of the site, by content path, and what could not be published.
public struct PhotoCatalog: Sendable {
    public var photos: [String: Photo] = [:]
    /// Content path → why it cannot be published (unreadable, not what its name says, too large, an SVG
    /// with scripts). The uses of such an image are errors at their lines.
    public var problems: [String: String] = [:]
    /// Every file under `Content/`, to tell a missing image from one that is published as it is.
    public var contentFiles: Set<String> = []
    /// News items whose page opens with their `image`: their body's photos all load lazily.
    public var filesWithLeadImage: Set<String> = []

    public init() {}

    /// Every variant file, sorted by output path: the order they are written in.
    public var outputFiles: [Photo.Variant] {
        photos.values.flatMap { $0.variants + ($0.openGraph.map { [$0] } ?? []) }.sorted { $0.url < $1.url }
    }
}
