import Foundation
import Images

/// How far the photos of a build have got, for a progress line.
public struct PhotoProgress: Sendable {
    public var done: Int
    public var total: Int
    /// Of `done`, how many were encoded now (the others came from the cache).
    public var encoded: Int
}

/// The photo stage, between resolve and render: reads each photo the resolve stage found, refuses what
/// cannot be published, and makes its sizes through the cache (`PhotoCache`), on every core. The one
/// stage besides load and write that touches files: it reads sources and the cache, and writes only
/// into the cache. Problems are findings at the front matter that names the photo, or at the photo
/// itself; the render stage adds one at each Markdown line that uses it.
public struct PhotoProcessor: Sendable {
    public static let openGraphWidth = 1200
    public static let openGraphHeight = 630
    /// A source heavier than this is a warning (SPEC §10).
    public static let heavySourceBytes = 10 * 1024 * 1024

    let content: FileTree
    let cacheFolder: URL
    let progress: (@Sendable (PhotoProgress) -> Void)?

    public init(content: FileTree, cacheFolder: URL? = nil, progress: (@Sendable (PhotoProgress) -> Void)? = nil) {
        self.content = content
        self.cacheFolder = cacheFolder ?? PhotoCache.folder(forContent: content.root)
        self.progress = progress
    }

    /// Fills `model.photos` and checks `model.svgFiles`.
    public func process(_ model: inout SiteModel, findings: inout Findings) {
        let settings = model.config.images
        let codecSettings = ImageCodec.Settings(jpegQuality: settings.jpegQuality, webpQuality: settings.webpQuality,
                                                pngCompression: settings.pngCompression)
        // Everything that changes a derived byte: a new libvips, other widths or qualities make new keys.
        let settingsKey = "portal-photos-1|vips \(ImageCodec.version)|\(settings.widths.map(String.init).joined(separator: ","))"
            + "|q\(settings.jpegQuality)|w\(settings.webpQuality)|p\(settings.pngCompression)|og\(Self.openGraphWidth)x\(Self.openGraphHeight)"
        let cache = PhotoCache(folder: cacheFolder)
        let counter = ProgressCounter(total: model.photoSources.count, report: progress)
        let results = FreedMemory.returnedAtOnce { model.photoSources.parallelMap { source -> (Photo?, problem: String?, warning: String?) in
            let result = publish(source, settings: settings, codec: codecSettings, settingsKey: settingsKey, cache: cache, counter: counter)
            return result
        } }
        cache.finish(keepFor: settings.cacheBuilds)
        for (source, result) in zip(model.photoSources, results) {
            if let photo = result.0 { model.photos.photos[source.contentPath] = photo }
            if let warning = result.warning {
                findings.append(Finding(file: content.displayPath(source.contentPath), severity: .warning, message: warning))
            }
            guard let problem = result.problem else { continue }
            model.photos.problems[source.contentPath] = problem
            let message = "image \(content.displayPath(source.contentPath)) cannot be published: \(problem)"
            if source.frontMatterUses.isEmpty {
                findings.append(Finding(file: content.displayPath(source.contentPath), message: message))
            }
            for use in source.frontMatterUses { findings.append(.error(message, at: use)) }
        }
        for path in model.svgFiles {
            guard let data = try? content.readData(path) else { continue }
            if let problem = SVGSafety.problem(in: Array(data)) {
                model.photos.problems[path] = problem
                findings.append(Finding(file: content.displayPath(path), message: "SVG \(content.displayPath(path)) cannot be published: \(problem)"))
            }
        }
    }

    private func publish(_ source: PhotoSource, settings: SiteConfig.ImageSettings, codec: ImageCodec.Settings, settingsKey: String,
                         cache: PhotoCache, counter: ProgressCounter) -> (Photo?, problem: String?, warning: String?) {
        let path = content.path(source.contentPath)
        guard var stamp = PhotoCache.stamp(of: path) else {
            counter.step(encoded: false)
            return (nil, "the file cannot be read", nil)
        }
        let warning = stamp.size > Self.heavySourceBytes
            ? "image is \(stamp.size / (1024 * 1024)) MB: the site publishes smaller copies, but a photo this heavy is slow to build; export it at most 10 MB"
            : nil
        // The photo is never read whole into memory: its digest is read a mebibyte at a time, and libvips
        // streams it from the file when it decodes.
        let digest: String
        if let known = cache.knownDigest(of: source.contentPath, stamp: stamp) {
            digest = known
        } else {
            guard let made = ImageCodec.sha256(ofFile: path) else {
                counter.step(encoded: false)
                return (nil, "the file cannot be read", warning)
            }
            digest = made
        }
        let key = String(ImageCodec.sha256(Array((digest + "|" + settingsKey + (source.openGraph ? "|og" : "")).utf8)).prefix(32))
        if let entry = cache.entry(key) {
            stamp.digest = digest
            cache.remember(source.contentPath, stamp)
            counter.step(encoded: false)
            return (photo(source, key: key, entry: entry, cache: cache), nil, warning)
        }
        defer { counter.step(encoded: true) }
        let header: ImageCodec.Header
        do {
            header = try ImageCodec.header(of: .file(path: path))
        } catch {
            return (nil, "it is not an image (\(error.message)): export it again as JPEG or PNG", warning)
        }
        if let problem = Self.kindProblem(header, path: source.contentPath) { return (nil, problem, warning) }
        if header.megapixels > Double(settings.maxMegapixels) {
            return (nil, "it is \(header.width) × \(header.height) pixels (\(Int(header.megapixels.rounded())) megapixels), over the limit of \(settings.maxMegapixels) (images.max_megapixels): scale it down before adding it", warning)
        }
        let widths = Self.widths(settings.widths, sourceWidth: header.width)
        let own: ImageCodec.Format = switch header.kind {
        case .png: .png
        case .webp: .webp
        default: .jpeg
        }
        let formats: [ImageCodec.Format] = own == .webp ? [.webp] : [.webp, own]
        var requests = widths.map { ImageCodec.Request(width: $0, formats: formats) }
        if source.openGraph {
            requests.append(ImageCodec.Request(width: Self.openGraphWidth, height: Self.openGraphHeight, formats: [own == .png ? .png : .jpeg]))
        }
        let encoded: [ImageCodec.Encoded]
        do {
            encoded = try ImageCodec.encode(.file(path: path), requests, settings: codec)
        } catch {
            return (nil, "it cannot be decoded (\(error.message)): the file may be cut short; copy it again from the camera or phone", warning)
        }
        let openGraphCount = source.openGraph ? 1 : 0
        let outputs = encoded.enumerated().map { (index, output) in (encoded: output, openGraph: index >= encoded.count - openGraphCount) }
        guard let entry = try? cache.store(key, width: header.width, height: header.height, sourceByteCount: stamp.size,
                                           outputs: outputs) else {
            return (nil, "its sizes cannot be written to \(cacheFolder.path): check that folder's permissions", warning)
        }
        stamp.digest = digest
        cache.remember(source.contentPath, stamp)
        return (photo(source, key: key, entry: entry, cache: cache), nil, warning)
    }

    /// The widths asked for that are not wider than the source, and the source's own width when it is
    /// narrower than the widest asked (a 1500 px photo: 480, 960, 1500), so no photo loses detail it has.
    static func widths(_ asked: [Int], sourceWidth: Int) -> [Int] {
        let fitting = asked.filter { $0 <= sourceWidth }
        guard let widest = asked.last, sourceWidth < widest, fitting.last != sourceWidth else { return fitting }
        return fitting + [sourceWidth]
    }

    /// A file whose bytes are not what its name says (a PNG named .jpg), or a kind that is not a photo.
    static func kindProblem(_ header: ImageCodec.Header, path: String) -> String? {
        let named: ImageCodec.Kind? =
            FileTree.hasExtension(path, "jpg") || FileTree.hasExtension(path, "jpeg") ? .jpeg
            : FileTree.hasExtension(path, "png") ? .png
            : FileTree.hasExtension(path, "webp") ? .webp
            : FileTree.hasExtension(path, "heic") || FileTree.hasExtension(path, "heif") ? .heif : nil
        guard header.kind != .other && header.kind != .gif else {
            return "it is not a photo (libvips reads it as \(header.loader)): export it as JPEG or PNG"
        }
        if let named, named != header.kind {
            return "its name says \(named.rawValue.uppercased()) but the file is \(header.kind.rawValue.uppercased()): rename it or export it again"
        }
        return nil
    }

    private func photo(_ source: PhotoSource, key: String, entry: PhotoCache.Entry, cache: PhotoCache) -> Photo {
        let hash = String(key.prefix(10))
        let entryFolder = cache.entryFolder(key).path
        var variants: [Photo.Variant] = []
        var openGraph: Photo.Variant?
        for file in entry.files {
            let url = URLScheme.photo(folder: source.folderURL, stem: source.stem, hash: hash, size: file.openGraph ? "og" : "\(file.width)",
                                      fileExtension: file.format.fileExtension)
            let variant = Photo.Variant(width: file.width, height: file.height, format: file.format, url: url,
                                        cacheFile: entryFolder + "/" + file.name, byteCount: file.byteCount)
            if file.openGraph { openGraph = variant } else { variants.append(variant) }
        }
        variants.sort { ($0.format == .webp ? 0 : 1, $0.width) < ($1.format == .webp ? 0 : 1, $1.width) }
        return Photo(source: source, width: entry.width, height: entry.height, sourceByteCount: entry.sourceByteCount,
                     variants: variants, openGraph: openGraph)
    }
}

/// Counts finished photos for the progress line. Unchecked `Sendable`: its counts are guarded by `lock`.
final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (PhotoProgress) -> Void)?
    private var done = 0
    private var encoded = 0
    private let lock = NSLock()

    init(total: Int, report: (@Sendable (PhotoProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step(encoded wasEncoded: Bool) {
        guard let report else { return }
        let state = lock.withLock { () -> PhotoProgress in
            done += 1
            if wasEncoded { encoded += 1 }
            return PhotoProgress(done: done, total: total, encoded: encoded)
        }
        report(state)
    }
}
