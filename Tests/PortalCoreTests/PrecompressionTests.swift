import Foundation
import PortalCore
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every text file of 1 KB or more gets a `.gz` and a `.br` beside it (SPEC §11), each the file's bytes
/// when the system's own `gzip` and `brotli` open it, and a real nginx sends them.
@Suite struct PrecompressionTests {
    static func decompress(_ tool: String, _ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, "-dc", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) -dc \(file.lastPathComponent)")
        return data
    }

    static let textExtensions = ["html", "css", "js", "json", "xml", "svg", "csv", "txt"]

    @Test func everyTextFileOfOneKilobyteOrMoreHasAGzAndABrOfItsBytes() throws {
        let site = try IncrementalOutputTests.site()
        try ExtensionCaseTests.writeJPEG(site, "media/anh.jpg")
        try site.writeData("media/ghi-chu.txt", Data(String(repeating: "Ghi chú. ", count: 200).utf8))
        try site.writeData("media/ngan.txt", Data("ngắn".utf8))
        try site.writeData("media/bang.CSV", Data(String(repeating: "a,b,c\n", count: 300).utf8))
        #expect(site.build().succeeded)
        let files = site.snapshot()
        var checked: Set<String> = []
        for (path, bytes) in files where !path.hasSuffix(".gz") && !path.hasSuffix(".br") {
            let isText = Self.textExtensions.contains { path.lowercased().hasSuffix("." + $0) }
            let expected = isText && bytes.count >= 1024
            #expect((files[path + ".gz"] != nil) == expected, "\(path).gz")
            #expect((files[path + ".br"] != nil) == expected, "\(path).br")
            guard expected else { continue }
            checked.insert(String(path.split(separator: ".").last!).lowercased())
            #expect(try Self.decompress("gzip", site.output.appendingPathComponent(path + ".gz")) == bytes, "\(path).gz")
            #expect(try Self.decompress("brotli", site.output.appendingPathComponent(path + ".br")) == bytes, "\(path).br")
            let gz = files[path + ".gz"]!
            // gzip's header: no file name (FLG 0) and no time (MTIME 0).
            #expect(gz[3] == 0 && gz[4..<8].allSatisfy { $0 == 0 }, "\(path).gz has a name or a time")
            #expect(gz.count < bytes.count && files[path + ".br"]!.count < bytes.count)
        }
        #expect(checked.isSuperset(of: ["html", "xml", "json", "csv", "svg", "txt"]), "\(checked)")
        let photo = try #require(files.keys.first { $0.hasPrefix("media/anh-") && $0.hasSuffix(".jpg") }, "the photo is published")
        #expect(files["media/ngan.txt.gz"] == nil && files[photo + ".gz"] == nil && files[photo + ".br"] == nil)
    }

    @Test func compressedFilesAreTheSameBytesFromBuildToBuild() throws {
        let site = try IncrementalOutputTests.site()
        #expect(site.build().succeeded)
        let first = site.snapshot()
        #expect(site.build(clean: true, output: site.root.appendingPathComponent("Again")).succeeded)
        #expect(site.snapshot(of: site.root.appendingPathComponent("Again")) == first)
        #expect(first.keys.contains { $0.hasSuffix(".br") })
    }

    @Test func compressFalseInSiteYAMLWritesNone() throws {
        let site = try IncrementalOutputTests.site()
        try site.write("site.yaml", TestSite.defaultSiteYAML + "\ncompress: false\n")
        #expect(site.build().succeeded)
        #expect(!site.snapshot().keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
    }

    /// nginx on 127.0.0.1 with `gzip_static on` and `brotli_static on` (Debian's nginx and
    /// libnginx-mod-http-brotli-static) sends the built `.gz` to a client that accepts gzip and the
    /// `.br` to one that accepts Brotli, byte for byte, and the page itself to one that accepts neither.
    @Test func nginxSendsThePrecompressedFiles() throws {
        let site = try IncrementalOutputTests.site()
        #expect(site.build().succeeded)
        let server = try Nginx(serving: site.output, prefix: site.root.appendingPathComponent("nginx"))
        defer { server.stop() }
        for path in ["tin-tuc/tin-so-1/index.html", "sitemap.xml"] {
            let file = site.output.appendingPathComponent(path)
            let url = "/" + path
            let gz = try server.get(url, acceptEncoding: "gzip")
            #expect(gz.headers["content-encoding"] == "gzip", "\(url): \(gz.headers)")
            #expect(gz.body == (try Data(contentsOf: URL(fileURLWithPath: file.path + ".gz"))))
            let br = try server.get(url, acceptEncoding: "br")
            #expect(br.headers["content-encoding"] == "br", "\(url): \(br.headers)")
            #expect(br.body == (try Data(contentsOf: URL(fileURLWithPath: file.path + ".br"))))
            let plain = try server.get(url, acceptEncoding: nil)
            #expect(plain.headers["content-encoding"] == nil)
            #expect(plain.body == (try Data(contentsOf: file)))
        }
    }
}

/// nginx as a plain process on a free loopback port with its own prefix and no system configuration,
/// stopped by the pid in its pid file.
final class Nginx {
    let prefix: URL
    let port: Int
    private let process: Process

    init(serving root: URL, prefix: URL) throws {
        self.prefix = prefix
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("logs"), withIntermediateDirectories: true)
        port = Nginx.freePort()
        // Its workers run as nobody and read the files as nobody.
        _ = chmod(root.deletingLastPathComponent().path, 0o755)
        let chmodding = Process()
        chmodding.executableURL = URL(fileURLWithPath: "/bin/chmod")
        chmodding.arguments = ["-R", "a+rX", root.path]
        try chmodding.run()
        chmodding.waitUntilExit()
        let config = """
            load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
            pid \(prefix.path)/nginx.pid;
            error_log \(prefix.path)/logs/error.log;
            worker_processes 1;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path \(prefix.path)/client; proxy_temp_path \(prefix.path)/proxy;
              fastcgi_temp_path \(prefix.path)/fastcgi; uwsgi_temp_path \(prefix.path)/uwsgi; scgi_temp_path \(prefix.path)/scgi;
              types { text/html html; application/xml xml; }
              server {
                listen 127.0.0.1:\(port);
                root \(root.path);
                gzip_static on;
                brotli_static on;
              }
            }
            """
        try Data(config.utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-p", prefix.path, "-c", prefix.appendingPathComponent("nginx.conf").path, "-g", "daemon off;"]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? get("/", acceptEncoding: nil)) != nil { return }
            usleep(50_000)
        }
        stop()
        throw NginxFailure(log: (try? String(contentsOf: prefix.appendingPathComponent("logs/error.log"), encoding: .utf8)) ?? "")
    }

    struct NginxFailure: Error { var log: String }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// One HTTP/1.1 request (gzip_static answers no HTTP/1.0 one) over a plain socket, so nothing between the test and nginx decompresses.
    func get(_ path: String, acceptEncoding: String?) throws -> Response {
        let socket = TestSocket.open()
        guard socket >= 0 else { throw NginxFailure(log: "socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw NginxFailure(log: "connect") }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + (acceptEncoding.map { "Accept-Encoding: \($0)\r\n" } ?? "") + "\r\n"
        _ = Array(request.utf8).withUnsafeBytes { TestSocket.send($0, on: socket) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        guard let end = received.range(of: Data("\r\n\r\n".utf8)) else { throw NginxFailure(log: "no header") }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: headers, body: Data(received[end.upperBound...]))
    }

    /// A port the kernel has just handed out and taken back.
    static func freePort() -> Int {
        let socket = TestSocket.open()
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 ? getsockname(socket, $0, &length) : -1 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
