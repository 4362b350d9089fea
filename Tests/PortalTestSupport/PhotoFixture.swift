import Foundation

/// Photo-like test images made on the spot with the `vips` and `exiftool` command-line tools (Debian's
/// libvips-tools and libimage-exiftool-perl), not with the code under test: noise over two gradients,
/// so encoders meet camera-like detail, with the orientation, GPS position and XMP a phone writes.
public enum PhotoFixture {
    public enum Kind: Sendable { case jpeg, png, heic, cmykJPEG, png16WithAlpha }

    /// Writes a `width`×`height` image (as stored, before orientation) to `url`. `orientation` and
    /// `gps` are written into a JPEG's EXIF with exiftool, plus an XMP creator and a comment.
    public static func write(_ url: URL, width: Int, height: Int, kind: Kind = .jpeg, orientation: Int? = nil,
                             gps: Bool = false, seed: Int = 1) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        func file(_ name: String) -> String { work.appendingPathComponent(name).path }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let sigma = String(20 + seed % 30)
        try run("vips", "gaussnoise", file("n.v"), "\(width)", "\(height)", "--mean", "100", "--sigma", sigma)
        try run("vips", "xyz", file("xy.v"), "\(width)", "\(height)")
        try run("vips", "extract_band", file("xy.v"), file("x.v"), "0")
        try run("vips", "extract_band", file("xy.v"), file("y.v"), "1")
        try run("vips", "linear", file("x.v"), file("gx.v"), "\(128.0 / Double(width))", "0")
        try run("vips", "linear", file("y.v"), file("gy.v"), "\(128.0 / Double(height))", "\(seed % 60)")
        try run("vips", "add", file("n.v"), file("gx.v"), file("r.v"))
        try run("vips", "add", file("n.v"), file("gy.v"), file("g.v"))
        try run("vips", "bandjoin", "\(file("r.v")) \(file("g.v")) \(file("n.v"))", file("rgb.v"))
        try run("vips", "cast", file("rgb.v"), file("c.v"), "uchar")
        try run("vips", "copy", file("c.v"), file("srgb.v"), "--interpretation", "srgb")
        // libvips picks the format from the name, so each kind is written under its own and then moved:
        // a PNG saved as `anh.jpg` must stay a PNG.
        switch kind {
        case .jpeg: try run("vips", "copy", file("srgb.v"), file("out.jpg") + "[Q=90]")
        case .png: try run("vips", "copy", file("srgb.v"), file("out.png"))
        case .heic: try run("vips", "copy", file("srgb.v"), file("out.heic") + "[Q=60]")
        case .cmykJPEG:
            try run("vips", "colourspace", file("srgb.v"), file("cmyk.v"), "cmyk")
            try run("vips", "copy", file("cmyk.v"), file("out.jpg") + "[Q=90]")
        case .png16WithAlpha:
            try run("vips", "colourspace", file("srgb.v"), file("rgb16.v"), "rgb16")
            try run("vips", "bandjoin_const", file("rgb16.v"), file("rgba16.v"), "40000")
            try run("vips", "copy", file("rgba16.v"), file("out.png"))
        }
        let written = ["jpg", "png", "heic"].map { work.appendingPathComponent("out.\($0)") }.first { FileManager.default.fileExists(atPath: $0.path) }!
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: written, to: url)
        if orientation != nil || gps {
            var arguments = ["-q", "-overwrite_original"]
            if let orientation { arguments.append("-Orientation#=\(orientation)") }
            if gps {
                arguments += ["-GPSLatitude=22.1470", "-GPSLatitudeRef=N", "-GPSLongitude=105.8348", "-GPSLongitudeRef=E",
                              "-XMP-dc:Creator=Phóng viên", "-Comment=chụp tại hiện trường", "-Make=TestCam"]
            }
            try run("exiftool", arguments + [url.path])
        }
    }

    /// A PNG whose header says 20,000 × 20,000 (400 megapixels) followed by a few bytes of pixel data:
    /// what a decompression bomb looks like to a reader of headers.
    public static func pngBombHeader(width: UInt32 = 20_000, height: UInt32 = 20_000) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: [UInt8]) {
            let typed = Array(type.utf8) + body
            data.append(contentsOf: be32(UInt32(body.count)))
            data.append(contentsOf: typed)
            data.append(contentsOf: be32(crc32(typed)))
        }
        chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
        // A zlib stream of a few zero rows: the decoder would inflate 1.2 GB from a file of a few hundred bytes.
        chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00, 0x00, 0x00])
        chunk("IEND", [])
        return data
    }

    /// Every metadata tag exiftool finds in a file, as `Group:Tag`, without the groups that describe the
    /// file itself (File, System, ExifTool, Composite) or the image's own structure (the PNG/JPEG/WebP
    /// header groups, and a PNG's pixel density, which libvips writes into every PNG).
    public static func metadataTags(_ url: URL) throws -> [String] {
        let output = try capture("exiftool", "-a", "-G1", "-s", "-j", url.path)
        guard let list = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]], let tags = list.first else {
            return []
        }
        let structural = ["SourceFile", "File", "System", "ExifTool", "Composite", "PNG", "PNG-pHYs", "JFIF", "RIFF", "WebP", "VP8", "VP8L", "VP8X"]
        return tags.keys.filter { key in !structural.contains { key == $0 || key.hasPrefix($0 + ":") } }.sorted()
    }

    public static func run(_ tool: String, _ arguments: String...) throws { try run(tool, arguments) }

    public static func run(_ tool: String, _ arguments: [String]) throws { _ = try capture(tool, arguments) }

    public static func capture(_ tool: String, _ arguments: String...) throws -> String { try capture(tool, arguments) }

    public static func capture(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureFailure(message: "\(tool) \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct FixtureFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
