import Foundation
import Images
import PortalTestSupport
import Testing

@Suite struct ImageCodecTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func photo(_ name: String, width: Int, height: Int, kind: PhotoFixture.Kind = .jpeg, orientation: Int? = nil,
               gps: Bool = false, seed: Int = 1) throws -> [UInt8] {
        let url = folder.appendingPathComponent(name)
        try PhotoFixture.write(url, width: width, height: height, kind: kind, orientation: orientation, gps: gps, seed: seed)
        return Array(try Data(contentsOf: url))
    }

    func saved(_ encoded: ImageCodec.Encoded, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(encoded.bytes).write(to: url)
        return url
    }

    @Test func headerTellsTheUprightSizeOfARotatedPhoto() throws {
        let bytes = try photo("xoay.jpg", width: 400, height: 300, orientation: 6)
        let header = try ImageCodec.header(of: bytes)
        #expect(header.kind == .jpeg)
        #expect(header.orientation == 6)
        #expect((header.storedWidth, header.storedHeight) == (400, 300))
        #expect((header.width, header.height) == (300, 400))
    }

    @Test func rotatedPhotoIsEncodedUprightAtTheWidthAsked() throws {
        let bytes = try photo("xoay.jpg", width: 400, height: 300, orientation: 6)
        let outputs = try ImageCodec.encode(bytes, [.init(width: 150, formats: [.jpeg, .webp])], settings: .init())
        #expect(outputs.map(\.format) == [.jpeg, .webp])
        for output in outputs {
            #expect((output.width, output.height) == (150, 200))
            let header = try ImageCodec.header(of: output.bytes)
            #expect((header.storedWidth, header.storedHeight, header.orientation) == (150, 200, 1))
        }
    }

    @Test func noMetadataBlockRemains() throws {
        let bytes = try photo("gps.jpg", width: 640, height: 480, orientation: 3, gps: true)
        let original = try PhotoFixture.metadataTags(folder.appendingPathComponent("gps.jpg"))
        // The fixture itself carries what a phone writes, or the check below proves nothing.
        #expect(original.contains { $0.hasPrefix("GPS:") })
        #expect(original.contains { $0.hasPrefix("XMP-dc:") })
        #expect(original.contains { $0.hasPrefix("IFD0:") })
        let outputs = try ImageCodec.encode(bytes, [.init(width: 320, formats: [.jpeg, .webp, .png])], settings: .init())
        for output in outputs {
            let url = try saved(output, "out.\(output.format.fileExtension)")
            let tags = try PhotoFixture.metadataTags(url)
            #expect(tags == [], "\(output.format): \(tags)")
            let raw = Data(output.bytes)
            // The EXIF header, XMP's namespace and the camera's name, as bytes: no reader is needed to find them.
            for marker in ["Exif\0\0", "http://ns.adobe.com/xap", "TestCam", "Phóng viên"] {
                #expect(raw.range(of: Data(marker.utf8)) == nil, "\(marker) in \(output.format)")
            }
        }
    }

    @Test func neverWiderThanTheSource() throws {
        let bytes = try photo("nho.png", width: 300, height: 200, kind: .png)
        let outputs = try ImageCodec.encode(bytes, [.init(width: 960, formats: [.png]), .init(width: 1200, height: 630, formats: [.jpeg])],
                                            settings: .init())
        #expect((outputs[0].width, outputs[0].height) == (300, 200))
        #expect(outputs[1].width <= 300 && outputs[1].height <= 200)
    }

    @Test func openGraphCropFillsTheBox() throws {
        let bytes = try photo("lon.jpg", width: 1600, height: 1200)
        let outputs = try ImageCodec.encode(bytes, [.init(width: 1200, height: 630, formats: [.jpeg])], settings: .init())
        #expect((outputs[0].width, outputs[0].height) == (1200, 630))
    }

    @Test func sameInputGivesSameBytes() throws {
        let bytes = try photo("a.jpg", width: 800, height: 600)
        let requests: [ImageCodec.Request] = [.init(width: 480, formats: [.webp, .jpeg]), .init(width: 1200, height: 630, formats: [.jpeg])]
        let first = try ImageCodec.encode(bytes, requests, settings: .init())
        let second = try ImageCodec.encode(bytes, requests, settings: .init())
        #expect(first == second)
    }

    @Test func qualitySettingsChangeTheBytes() throws {
        let bytes = try photo("a.jpg", width: 800, height: 600)
        let low = try ImageCodec.encode(bytes, [.init(width: 480, formats: [.jpeg, .webp])], settings: .init(jpegQuality: 40, webpQuality: 40))
        let high = try ImageCodec.encode(bytes, [.init(width: 480, formats: [.jpeg, .webp])], settings: .init(jpegQuality: 95, webpQuality: 95))
        #expect(low[0].bytes.count < high[0].bytes.count)
        #expect(low[1].bytes.count < high[1].bytes.count)
    }

    /// libvips after its one initialisation, called from many threads at once: each result equals the
    /// one made alone.
    @Test func encodesOnManyThreadsAsOnOne() throws {
        let sources = try (0..<6).map { try photo("p\($0).jpg", width: 640 + 16 * $0, height: 480, orientation: $0 % 2 == 0 ? 6 : 1, seed: $0) }
        let requests: [ImageCodec.Request] = [.init(width: 200, formats: [.webp, .jpeg]), .init(width: 400, formats: [.webp])]
        let alone = try sources.map { try ImageCodec.encode($0, requests, settings: .init()) }
        let together = Array(repeating: [ImageCodec.Encoded]?.none, count: sources.count * 4)
        let box = ResultBox(together)
        DispatchQueue.concurrentPerform(iterations: sources.count * 4) { index in
            box.set(index, try? ImageCodec.encode(sources[index % sources.count], requests, settings: .init()))
        }
        for index in 0..<(sources.count * 4) {
            #expect(box.values[index] == alone[index % sources.count])
        }
    }

    @Test func truncatedJPEGIsRefusedWhenDecoded() throws {
        let bytes = try photo("cut.jpg", width: 800, height: 600)
        let truncated = Array(bytes.prefix(bytes.count / 2))
        // The header is intact: only decoding finds the missing half.
        #expect(try ImageCodec.header(of: truncated).storedWidth == 800)
        #expect(throws: ImageCodec.Failure.self) { try ImageCodec.encode(truncated, [.init(width: 480, formats: [.jpeg])], settings: .init()) }
    }

    @Test func textIsNotAnImage() throws {
        let text = Array("Đây không phải là ảnh\n".utf8)
        #expect(throws: ImageCodec.Failure(message: "not an image libvips can read")) { try ImageCodec.header(of: text) }
    }

    @Test func bombIsMeasuredFromItsHeaderAlone() throws {
        let header = try ImageCodec.header(of: Array(PhotoFixture.pngBombHeader()))
        #expect(header.kind == .png)
        #expect((header.width, header.height) == (20_000, 20_000))
        #expect(header.megapixels == 400)
    }

    @Test func cmykPhotoBecomesSRGB() throws {
        let bytes = try photo("cmyk.jpg", width: 400, height: 300, kind: .cmykJPEG)
        #expect(try ImageCodec.header(of: bytes).isCMYK)
        let output = try ImageCodec.encode(bytes, [.init(width: 200, formats: [.jpeg])], settings: .init())[0]
        let header = try ImageCodec.header(of: output.bytes)
        #expect(!header.isCMYK)
        #expect(header.bands == 3)
    }

    @Test func sixteenBitPNGWithAlphaKeepsItsAlphaInEightBits() throws {
        let bytes = try photo("alpha.png", width: 400, height: 300, kind: .png16WithAlpha)
        let source = try ImageCodec.header(of: bytes)
        #expect((source.bitsPerSample, source.hasAlpha) == (16, true))
        for output in try ImageCodec.encode(bytes, [.init(width: 200, formats: [.png, .webp])], settings: .init()) {
            let header = try ImageCodec.header(of: output.bytes)
            #expect((header.bitsPerSample, header.bands, header.hasAlpha) == (8, 4, true), "\(output.format)")
        }
    }

    @Test func heicFromAPhoneIsRead() throws {
        let bytes = try photo("iphone.heic", width: 400, height: 300, kind: .heic)
        #expect(try ImageCodec.header(of: bytes).kind == .heif)
        let output = try ImageCodec.encode(bytes, [.init(width: 200, formats: [.jpeg])], settings: .init())[0]
        #expect(try ImageCodec.header(of: output.bytes).kind == .jpeg)
        #expect(output.width == 200)
    }

    @Test func sha256IsTheStandardDigest() {
        #expect(ImageCodec.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

/// Results written by many threads, each slot by one.
private final class ResultBox: @unchecked Sendable {
    private(set) var values: [[ImageCodec.Encoded]?]
    private let lock = NSLock()
    init(_ values: [[ImageCodec.Encoded]?]) { self.values = values }
    func set(_ index: Int, _ value: [ImageCodec.Encoded]?) { lock.withLock { values[index] = value } }
}
