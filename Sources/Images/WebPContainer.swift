/// libvips 8.14's WebP saver writes an EXIF chunk (orientation, resolution) even when asked to strip
/// metadata; the chunks that are metadata are taken out of the RIFF container here, byte for byte
/// the rest kept, so the guarantee holds whatever libvips does.
enum WebPContainer {
    /// Metadata chunks and the VP8X flag bit each one sets: ICC profile, EXIF, XMP.
    private static let metadata: [(fourCC: [UInt8], flag: UInt8)] = [
        (Array("ICCP".utf8), 0x20), (Array("EXIF".utf8), 0x08), (Array("XMP ".utf8), 0x04),
    ]

    static func removingMetadata(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return bytes }
        var chunks: [UInt8] = []
        var offset = 12
        var flagsAt: Int?
        var cleared: UInt8 = 0
        while offset + 8 <= bytes.count {
            let fourCC = Array(bytes[offset..<(offset + 4)])
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || offset + 8 + size == bytes.count else { return bytes }
            let chunkEnd = min(end, bytes.count)
            if let known = metadata.first(where: { $0.fourCC == fourCC }) {
                cleared |= known.flag
            } else {
                if fourCC.elementsEqual("VP8X".utf8) { flagsAt = chunks.count + 8 }
                chunks += bytes[offset..<chunkEnd]
            }
            offset = chunkEnd
        }
        if let flagsAt, flagsAt < chunks.count { chunks[flagsAt] &= ~cleared }
        let riffSize = UInt32(chunks.count + 4)
        return Array("RIFF".utf8) + [UInt8(riffSize & 0xFF), UInt8(riffSize >> 8 & 0xFF), UInt8(riffSize >> 16 & 0xFF), UInt8(riffSize >> 24)]
            + Array("WEBP".utf8) + chunks
    }
}
