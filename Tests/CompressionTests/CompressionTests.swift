import Brotli
import Foundation
import Gzip
import Synchronization
import Testing

/// The wrappers checked against the system's own decoders (`gzip -dc`, `brotli -dc`), so a file the site
/// serves is known to open in tools other than the library that made it.
@Suite struct CompressionTests {
    /// Vietnamese HTML of about `count` repetitions, different for each `seed`.
    static func sample(_ seed: Int, count: Int = 200) -> [UInt8] {
        var text = "<!doctype html><html lang=\"vi\"><body>"
        for index in 0..<count {
            text += "<p>Tỷ lệ hồ sơ trực tuyến đạt \(seed * 7 + index % 13),\(index % 10)% — Chuyển đổi số tỉnh Bắc Kạn</p>\n"
        }
        return Array((text + "</body></html>").utf8)
    }

    /// Runs `tool arguments` with `input` on stdin and returns its stdout.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("in"), outputFile = folder.appendingPathComponent("out")
        try Data(input).write(to: inputFile)
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return Array(try Data(contentsOf: outputFile))
    }

    @Test func gzipDecompressesWithGzipToTheSameBytes() throws {
        let input = Self.sample(1)
        let compressed = try #require(input.withUnsafeBytes { Gzip.compress($0) })
        #expect(compressed.count < input.count / 3)
        #expect(try Self.run("gzip", ["-dc"], input: compressed) == input)
    }

    @Test func gzipHeaderHasNoNameAndNoTime() throws {
        let compressed = try #require(Self.sample(2).withUnsafeBytes { Gzip.compress($0) })
        #expect(Array(compressed.prefix(3)) == [0x1f, 0x8b, 8])
        // FLG: no FNAME (0x08), FCOMMENT (0x10) or FEXTRA (0x04); MTIME (bytes 4–7) zero.
        #expect(compressed[3] == 0)
        #expect(Array(compressed[4..<8]) == [0, 0, 0, 0])
    }

    @Test func brotliDecompressesWithBrotliToTheSameBytes() throws {
        let input = Self.sample(3)
        let compressed = try #require(input.withUnsafeBytes { Brotli.compress($0) })
        #expect(compressed.count < input.count / 3)
        #expect(try Self.run("brotli", ["-dc"], input: compressed) == input)
    }

    @Test func emptyAndOneByteInputsRoundTrip() throws {
        for input in [[UInt8](), [UInt8(ascii: "a")]] {
            let gz = try #require(input.withUnsafeBytes { Gzip.compress($0) })
            let br = try #require(input.withUnsafeBytes { Brotli.compress($0) })
            #expect(try Self.run("gzip", ["-dc"], input: gz) == input)
            #expect(try Self.run("brotli", ["-dc"], input: br) == input)
        }
    }

    /// The thread-safety each wrapper states: many calls at once on every core give exactly the bytes of
    /// the same calls one after another.
    @Test func compressingOnManyThreadsGivesTheSingleThreadedBytes() {
        let inputs = (0..<400).map { Self.sample($0, count: 20 + $0 % 150) }
        let alone = inputs.map { input in input.withUnsafeBytes { [Gzip.compress($0), Brotli.compress($0)] } }
        let mismatches = Mutex<[Int]>([])
        // Each input four times, on whichever threads concurrentPerform gives.
        DispatchQueue.concurrentPerform(iterations: inputs.count * 4) { iteration in
            let index = iteration % inputs.count
            let result = inputs[index].withUnsafeBytes { [Gzip.compress($0), Brotli.compress($0)] }
            if result != alone[index] { mismatches.withLock { $0.append(index) } }
        }
        #expect(mismatches.withLock { $0 } == [])
        #expect(alone.allSatisfy { $0[0] != nil && $0[1] != nil })
    }
}
