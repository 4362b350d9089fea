import CVips
import Foundation

/// Raster images through libvips: the only code that touches its pointers.
///
/// Thread-safety: libvips is safe to call from many threads once initialised (`VIPS_INIT`, done once
/// here before the first call, under Swift's lazy global initialisation). Every image object is made,
/// used and released inside one call, so no pointer crosses threads. libvips' error buffer is one per
/// process: a failed call takes its message with `vips_error_buffer_copy`, which reads and clears it
/// under libvips' own lock, so a message can at worst carry another failing call's words too, never
/// lose its own. Each call runs its pixels on libvips' own thread pool; callers may run many calls at
/// once (`ImageCodecTests` encodes on every core and compares with one-at-a-time output).
public enum ImageCodec {
    /// What a file is, from its bytes (libvips' loaders sniff the content, not the name).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case jpeg, png, webp, gif, heif, other
    }

    public enum Format: String, Sendable, Equatable, CaseIterable {
        case jpeg, png, webp

        public var fileExtension: String {
            switch self {
            case .jpeg: "jpg"
            case .png: "png"
            case .webp: "webp"
            }
        }

        public var mimeType: String { "image/" + rawValue }
    }

    /// The header of an image: read without decoding a pixel, so a decompression bomb is refused before
    /// it is decoded.
    public struct Header: Sendable, Equatable {
        public var kind: Kind
        /// The loader libvips chose (`jpegload_buffer`), for messages.
        public var loader: String
        /// As stored, before the camera's orientation is applied.
        public var storedWidth: Int
        public var storedHeight: Int
        /// EXIF orientation, 1 (upright) to 8.
        public var orientation: Int
        public var bands: Int
        public var hasAlpha: Bool
        public var isCMYK: Bool
        public var bitsPerSample: Int

        /// As a reader sees it: width and height swap for orientations 5 to 8 (a quarter turn).
        public var width: Int { orientation >= 5 ? storedHeight : storedWidth }
        public var height: Int { orientation >= 5 ? storedWidth : storedHeight }
        public var megapixels: Double { Double(storedWidth) * Double(storedHeight) / 1_000_000 }
    }

    public struct Settings: Sendable, Equatable {
        public var jpegQuality: Int
        public var webpQuality: Int
        /// zlib level, 0–9.
        public var pngCompression: Int

        public init(jpegQuality: Int = 82, webpQuality: Int = 80, pngCompression: Int = 6) {
            self.jpegQuality = jpegQuality
            self.webpQuality = webpQuality
            self.pngCompression = pngCompression
        }
    }

    /// One image to make from a source: a width (the height follows the source's shape) or a box that
    /// is filled exactly from the centre (`crop`), in the given formats.
    public struct Request: Sendable, Equatable {
        public var width: Int
        public var height: Int?
        public var formats: [Format]

        public init(width: Int, height: Int? = nil, formats: [Format]) {
            self.width = width
            self.height = height
            self.formats = formats
        }
    }

    public struct Encoded: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var format: Format
        public var bytes: [UInt8]
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    /// libvips' version: derived images depend on it, so caches key on it.
    public static var version: String {
        initialise()
        return String(cString: vips_version_string())
    }

    /// Where an image's bytes are. A file is streamed to the decoder in chunks, so a build holds no
    /// camera photo whole in memory; bytes are for images already in memory (tests, outputs read back).
    public enum Input: Sendable {
        case file(path: String)
        case bytes([UInt8])
    }

    public static func header(of bytes: [UInt8]) throws(Failure) -> Header { try header(of: .bytes(bytes)) }

    public static func header(of input: Input) throws(Failure) -> Header {
        try initialiseOrFail()
        return try withSource(input) { source throws(Failure) -> Header in
            guard let loaderName = vips_foreign_find_load_source(source) else {
                _ = takeError()
                throw Failure(message: "not an image libvips can read")
            }
            let loader = String(cString: loaderName)
            guard let image = portal_vips_open_header(source) else { throw Failure(message: takeError()) }
            defer { portal_vips_unref(image) }
            let interpretation = vips_image_get_interpretation(image)
            let format = vips_image_get_format(image)
            let bits: Int = switch format {
            case VIPS_FORMAT_UCHAR, VIPS_FORMAT_CHAR: 8
            case VIPS_FORMAT_USHORT, VIPS_FORMAT_SHORT: 16
            default: 32
            }
            return Header(
                kind: kind(ofLoader: loader), loader: loader,
                storedWidth: Int(vips_image_get_width(image)), storedHeight: Int(vips_image_get_height(image)),
                orientation: Int(vips_image_get_orientation(image)), bands: Int(vips_image_get_bands(image)),
                hasAlpha: vips_image_hasalpha(image) != 0, isCMYK: interpretation == VIPS_INTERPRETATION_CMYK,
                bitsPerSample: bits)
        }
    }

    public static func encode(_ bytes: [UInt8], _ requests: [Request], settings: Settings) throws(Failure) -> [Encoded] {
        try encode(.bytes(bytes), requests, settings: settings)
    }

    /// Every request made from one decode: the source is decoded once (shrunk while loading, to the
    /// largest size asked for), turned upright, converted to 8-bit sRGB, and each request is resized from
    /// that; never larger than the source. Every output is written without metadata (EXIF, GPS, XMP,
    /// IPTC, ICC profile, comments). The same bytes and requests give the same output bytes.
    ///
    /// Memory: the one decoded size (5.8 MB for 1600 × 1200) plus what the encoder of the output being
    /// written needs; the source itself is streamed, never held whole.
    public static func encode(_ input: Input, _ requests: [Request], settings: Settings) throws(Failure) -> [Encoded] {
        try initialiseOrFail()
        guard let largest = requests.map(\.width).max() else { return [] }
        return try withSource(input) { source throws(Failure) -> [Encoded] in
            var decoded: UnsafeMutablePointer<VipsImage>?
            guard portal_vips_thumbnail_source(source, Int32(largest), 10_000_000, 0, &decoded) == 0, let decoded else {
                throw Failure(message: takeError())
            }
            var current = decoded
            defer { portal_vips_unref(current) }
            current = try step(current) { portal_vips_colourspace_srgb($0, &$1) }
            if vips_image_get_format(current) != VIPS_FORMAT_UCHAR {
                current = try step(current) { portal_vips_cast_uchar($0, &$1) }
            }
            // Decoded once into memory: every request below reads it, and a sequential source can be
            // read only once.
            guard let inMemory = vips_image_copy_memory(current) else { throw Failure(message: takeError()) }
            portal_vips_unref(current)
            current = inMemory
            portal_vips_remove_metadata(current)
            let decodedWidth = Int(vips_image_get_width(current))
            var outputs: [Encoded] = []
            for request in requests {
                let sized: UnsafeMutablePointer<VipsImage>
                if request.height == nil && request.width >= decodedWidth {
                    // The decoded size itself: a saver given the image in memory reads it where it is,
                    // where a resize to the same size would be rendered into a second copy first.
                    g_object_ref(current)
                    sized = current
                } else {
                    var resized: UnsafeMutablePointer<VipsImage>?
                    guard portal_vips_thumbnail_image(current, Int32(request.width), Int32(request.height ?? 10_000_000),
                                                      request.height != nil ? 1 : 0, &resized) == 0, let resized else {
                        throw Failure(message: takeError())
                    }
                    sized = resized
                }
                defer { portal_vips_unref(sized) }
                let width = Int(vips_image_get_width(sized)), height = Int(vips_image_get_height(sized))
                for format in request.formats {
                    outputs.append(Encoded(width: width, height: height, format: format,
                                           bytes: try save(sized, as: format, settings: settings)))
                }
            }
            return outputs
        }
    }

    /// A libvips source over `input`, alive while `body` runs.
    private static func withSource<T>(_ input: Input, _ body: (UnsafeMutablePointer<VipsSource>) throws(Failure) -> T) throws(Failure) -> T {
        switch input {
        case .file(let path):
            guard let source = portal_vips_source_file(path) else { throw Failure(message: takeError()) }
            defer { portal_vips_source_unref(source) }
            return try body(source)
        case .bytes(let bytes):
            let result: Result<T, Failure> = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(Failure(message: "the file is empty")) }
                guard let source = portal_vips_source_memory(base, buffer.count) else { return .failure(Failure(message: takeError())) }
                defer { portal_vips_source_unref(source) }
                do throws(Failure) { return .success(try body(source)) } catch { return .failure(error) }
            }
            return try result.get()
        }
    }

    /// SHA-256 of a file, read a mebibyte at a time; nil when it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)!
        defer { g_checksum_free(checksum) }
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = fread(chunk, 1, 1 << 20, file)
            if count > 0 { g_checksum_update(checksum, chunk.assumingMemoryBound(to: guchar.self), gssize(count)) }
            if count < 1 << 20 { break }
        }
        guard ferror(file) == 0 else { return nil }
        return String(cString: g_checksum_get_string(checksum))
    }

    /// SHA-256 of some bytes, in hex, through GLib (which libvips links anyway).
    public static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))!
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }

    private static func step(_ image: UnsafeMutablePointer<VipsImage>,
                             _ operation: (UnsafeMutablePointer<VipsImage>, inout UnsafeMutablePointer<VipsImage>?) -> Int32)
        throws(Failure) -> UnsafeMutablePointer<VipsImage> {
        var out: UnsafeMutablePointer<VipsImage>?
        guard operation(image, &out) == 0, let out else { throw Failure(message: takeError()) }
        portal_vips_unref(image)
        return out
    }

    private static func save(_ image: UnsafeMutablePointer<VipsImage>, as format: Format, settings: Settings) throws(Failure) -> [UInt8] {
        var pointer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 = switch format {
        case .jpeg: portal_vips_jpegsave(image, Int32(settings.jpegQuality), &pointer, &length)
        case .webp: portal_vips_webpsave(image, Int32(settings.webpQuality), &pointer, &length)
        case .png: portal_vips_pngsave(image, Int32(settings.pngCompression), &pointer, &length)
        }
        guard status == 0, let pointer else { throw Failure(message: takeError()) }
        defer { g_free(pointer) }
        let bytes = Array(UnsafeRawBufferPointer(start: pointer, count: length))
        return format == .webp ? WebPContainer.removingMetadata(bytes) : bytes
    }

    private static func kind(ofLoader loader: String) -> Kind {
        if loader.hasPrefix("VipsForeignLoadJpeg") || loader.hasPrefix("jpegload") { return .jpeg }
        if loader.hasPrefix("VipsForeignLoadPng") || loader.hasPrefix("pngload") { return .png }
        if loader.hasPrefix("VipsForeignLoadWebp") || loader.hasPrefix("webpload") { return .webp }
        if loader.hasPrefix("VipsForeignLoadGif") || loader.hasPrefix("gifload") { return .gif }
        if loader.hasPrefix("VipsForeignLoadHeif") || loader.hasPrefix("heifload") { return .heif }
        return .other
    }

    /// libvips' message, one line, without its trailing newline; the buffer is cleared for the next call.
    private static func takeError() -> String {
        guard let copy = vips_error_buffer_copy() else { return "libvips failed" }
        defer { g_free(copy) }
        let message = String(cString: copy).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        return message.isEmpty ? "libvips failed" : message
    }

    private static let initialised: Bool = portal_vips_init("portal") == 0

    private static func initialise() { _ = initialised }

    private static func initialiseOrFail() throws(Failure) {
        guard initialised else { throw Failure(message: "libvips could not start: \(takeError())") }
    }
}
