import Foundation
import PortalCore
import PortalTestSupport
@testable import PreviewServer
import Testing

/// A real `PreviewServer` on 127.0.0.1 (a port the system picks), a small site written inline, and a
/// raw HTTP client: what an editor's browser sees while they save files.
final class RunningServer: Sendable {
    let server: PreviewServer
    let port: Int
    let watching: String
    let task: Task<Void, any Error>

    private init(server: PreviewServer, port: Int, watching: String, task: Task<Void, any Error>) {
        self.server = server
        self.port = port
        self.watching = watching
        self.task = task
    }

    static func start(_ site: TestSite, mode: WatchMode = .automatic, port: Int = 0,
                      writeTo: (url: URL, display: String)? = nil) async throws -> RunningServer {
        let server = PreviewServer(PreviewServer.Configuration(
            host: "127.0.0.1", port: port, build: site.options(write: false), writeTo: writeTo, watchMode: mode))
        let (started, continuation) = AsyncStream<PreviewServer.Started>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run(handleSignals: false, onStarted: { continuation.yield($0) }, onRebuild: { _ in })
        }
        var iterator = started.makeAsyncIterator()
        guard let first = await iterator.next() else {
            try await task.value
            throw RawHTTPConnection.Failure(description: "the server stopped before it listened")
        }
        return RunningServer(server: server, port: first.port, watching: first.watching, task: task)
    }

    func stop() async throws {
        await server.stop()
        try await task.value
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> RawHTTPConnection.Response {
        try await RawHTTPConnection.request(port: port, path: path, headers: headers)
    }
}

/// Saves the way many editors do: write a temporary file beside it, then rename it over the old one.
func saveLikeAnEditor(_ site: TestSite, _ path: String, _ text: String) throws {
    let target = site.content.appendingPathComponent(path)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).swp-\(UUID().uuidString)")
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, target.path) == 0 else { throw RawHTTPConnection.Failure(description: "rename failed") }
}

/// Polls until `condition` holds, for things that follow a rebuild without an event to wait on.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

@Suite(.serialized) struct PreviewServerTests {
    static let item = TestSite.news(title: "Tin xem trước", body: "Nội dung ban đầu.")

    @Test func aSaveSendsAReloadEventAndTheNewContentIsServed() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let (events, hello) = try await RawHTTPConnection.events(port: server.port)
        let before = try await server.get("/tin-tuc/tin-xem-truoc/")
        #expect(before.status == 200)
        #expect(before.text.contains("Nội dung ban đầu."))

        try saveLikeAnEditor(site, "news/a.md", TestSite.news(title: "Tin xem trước", body: "Nội dung đã sửa."))
        let event = try await events.nextEvent(timeout: .seconds(10))
        #expect(event?.event == "reload")
        #expect(event?.data != hello)
        let after = try await server.get("/tin-tuc/tin-xem-truoc/")
        #expect(after.status == 200)
        #expect(after.text.contains("Nội dung đã sửa."))
        try await server.stop()
    }

    /// The search index is served from the prepared site and is the new one after a save: a word only
    /// the saved text has is in the shard the directory names for it, and its document in the store.
    @Test func theSearchIndexIsServedAndCurrentAfterASave() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let (events, _) = try await RawHTTPConnection.events(port: server.port)
        func documents(of word: String) async throws -> [String] {
            let directory = try await server.get(URLScheme.searchDirectory)
            #expect(directory.status == 200)
            #expect(directory.headers["content-type"] == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(directory.body)) as? [String: Any])
            let firstKeys = try #require(object["shards"] as? [String])
            let shard = firstKeys.lastIndex { !word.utf8.lexicographicallyPrecedes($0.utf8) } ?? 0
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(try await server.get(URLScheme.searchShard(shard)).body)) as? [[Any]])
            guard let entry = entries.first(where: { $0[0] as? String == word }) else { return [] }
            let chunkSize = try #require(object["chunk"] as? Int)
            var titles: [String] = []
            for document in SearchEntryReader.postings(entry).map(\.document) {
                let chunk = try #require(try JSONSerialization.jsonObject(with: Data(try await server.get(URLScheme.searchChunk(document / chunkSize)).body)) as? [[Any]])
                titles.append(chunk[document % chunkSize][1] as? String ?? "")
            }
            return titles
        }
        #expect(try await documents(of: "ban") == ["Tin xem trước"])
        #expect(try await documents(of: "vssid") == [])
        try saveLikeAnEditor(site, "news/a.md", TestSite.news(title: "Tin xem trước", body: "Nội dung đã sửa, nhắc VssID."))
        #expect(try await events.nextEvent(timeout: .seconds(10))?.event == "reload")
        #expect(try await documents(of: "vssid") == ["Tin xem trước"])
        #expect(try await documents(of: "ban") == [])
        try await server.stop()
    }

    @Test func aBrokenSaveShowsTheErrorPageAndTheFixBringsThePageBack() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let (events, _) = try await RawHTTPConnection.events(port: server.port)

        try saveLikeAnEditor(site, "news/a.md", "---\ntitle: \"Tin xem trước\"\ndate: 2024-03-14\ncategory: kinh-te\n---\nNội dung.\n")
        #expect(try await events.nextEvent(timeout: .seconds(10))?.event == "reload")
        for path in ["/tin-tuc/tin-xem-truoc/", "/", "/khong-co/", "/tin-tuc/tin-xem-truoc/index.html"] {
            let broken = try await server.get(path)
            #expect(broken.status == 500, "\(path)")
            #expect(broken.headers["content-type"] == "text/html; charset=utf-8")
            #expect(broken.text.contains("Không dựng được trang"))
            #expect(broken.text.contains("Content/news/a.md:4:11"))
            #expect(broken.text.contains("unknown category &quot;kinh-te&quot;"))
            #expect(broken.text.contains("category: kinh-te"), "the source line")
            #expect(broken.text.contains(ReloadScript.eventsPath), "the error page must reload itself after the fix")
        }
        // The stylesheet of the last good build stays, so the error page can be styled and the fixed page too.
        #expect(try await server.get("/assets/css/portal.css").status == 200)

        try saveLikeAnEditor(site, "news/a.md", TestSite.news(title: "Tin xem trước", body: "Đã sửa lỗi."))
        #expect(try await events.nextEvent(timeout: .seconds(10))?.event == "reload")
        let fixed = try await server.get("/tin-tuc/tin-xem-truoc/")
        #expect(fixed.status == 200)
        #expect(fixed.text.contains("Đã sửa lỗi."))
        try await server.stop()
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let secret = "base_url"
        let attempts = [
            "/../site.yaml", "/../Content/site.yaml", "/tin-tuc/../../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/Content/site.yaml",
            "/.%2e/site.yaml", "/%2e%2e%2fsite.yaml", "/tin-tuc%2f..%2f..%2fsite.yaml", "/..%5csite.yaml", "/..\\site.yaml",
            "/index.html%00.css", "/%00", "/tin-tuc/%2e/", "/%252e%252e/site.yaml", "/%zz", "/%c0%ae%c0%ae/site.yaml",
            "/.portal-output", "/Content/site.yaml", "/site.yaml",
        ]
        for path in attempts {
            let response = try await server.get(path)
            #expect(response.status == 400 || response.status == 404, "\(path) → \(response.status)")
            #expect(!response.text.contains(secret), "\(path) leaked a file")
        }
        try await server.stop()
    }

    @Test func headETagAndConditionalGet() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let page = try await server.get("/")
        #expect(page.status == 200)
        let tag = try #require(page.headers["etag"])
        #expect(page.headers["cache-control"] == "no-cache")

        let head = try await RawHTTPConnection.request("HEAD", port: server.port, path: "/")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.count))
        #expect(head.headers["etag"] == tag)

        let notModified = try await server.get("/", headers: ["If-None-Match": tag])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(try await server.get("/", headers: ["If-None-Match": "\"something-else\""]).status == 200)
        #expect(try await server.get("/", headers: ["If-None-Match": "\"x\", \(tag)"]).status == 304)

        let post = try await RawHTTPConnection.request("POST", port: server.port, path: "/")
        #expect(post.status == 405)
        try await server.stop()
    }

    @Test func contentTypesFollowTheFileExtension() async throws {
        let expected = [
            // PNG, JPEG and WebP are photos, published in their sizes: `photosAreServedInTheirSizes`.
            "a.svg": "image/svg+xml", "a.gif": "image/gif",
            "a.ico": "image/x-icon", "a.pdf": "application/pdf", "a.json": "application/json", "a.csv": "text/csv; charset=utf-8",
            "a.txt": "text/plain; charset=utf-8", "a.xml": "application/xml; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.woff2": "font/woff2", "a.bin": "application/octet-stream",
        ]
        var files = ["news/a.md": Self.item]
        for name in expected.keys { files["media/\(name)"] = "x" }
        let site = try TestSite(files)
        let server = try await RunningServer.start(site)
        for (name, type) in expected {
            let response = try await server.get("/media/\(name)")
            #expect(response.status == 200, "\(name)")
            #expect(response.headers["content-type"] == type, "\(name)")
            #expect(response.text == "x")
        }
        #expect(try await server.get("/assets/css/portal.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try await server.get("/").headers["content-type"] == "text/html; charset=utf-8")
        try await server.stop()
    }

    /// `serve` makes the photos' sizes while it prepares, into the same `.portal-cache/` a build uses:
    /// the bytes served are the bytes a build writes.
    @Test func photosAreServedInTheirSizes() async throws {
        let site = try TestSite(["news/a.md": Self.item, "pages/anh.md": "---\ntitle: Ảnh\n---\n![Trụ sở](tru-so.png)\n\n![Hội nghị](/media/hoi-nghi.jpg)\n"])
        try PhotoFixture.write(site.content.appendingPathComponent("media/tru-so.png"), width: 500, height: 300, kind: .png)
        try PhotoFixture.write(site.content.appendingPathComponent("media/hoi-nghi.jpg"), width: 500, height: 300)
        let server = try await RunningServer.start(site)
        let page = try await server.get("/anh/").text
        let addresses = page.components(separatedBy: "srcset=\"").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(addresses.count == 4, "\(page)")
        try await server.stop()
        #expect(site.build().succeeded)
        let types = ["png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"]
        let restarted = try await RunningServer.start(site)
        for address in addresses {
            let response = try await restarted.get(address)
            #expect(response.status == 200, "\(address)")
            #expect(response.headers["content-type"] == types[String(address.split(separator: ".").last!)])
            #expect(Data(response.body) == site.snapshot()[String(address.dropFirst())], "\(address): the built file's bytes")
        }
        try await restarted.stop()
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheirSlash() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let list = try await server.get("/tin-tuc/")
        #expect(list.status == 200)
        #expect(list.text.contains("Tin xem trước"))
        let redirect = try await server.get("/tin-tuc?trang=1")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/tin-tuc/?trang=1")
        #expect(try await server.get("/tin-tuc/index.html").status == 200)
        try await server.stop()
    }

    @Test func unknownAddressesGetTheSitesOwn404Page() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let missing = try await server.get("/khong-co-trang-nay/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Không tìm thấy trang"))
        #expect(missing.text.contains(ReloadScript.eventsPath))
        #expect(try await server.get("/tin-tuc/khong-co.png").status == 404)
        try await server.stop()
    }

    @Test func theReloadScriptIsAddedOnlyWhenServing() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site, writeTo: (site.output, "Public"))
        let served = try await server.get("/tin-tuc/tin-xem-truoc/")
        #expect(served.text.contains(ReloadScript.eventsPath))
        #expect(served.text.range(of: "</body>").map { served.text[$0.lowerBound...].count < 20 } == true)
        #expect(try await server.get("/assets/css/portal.css").text.contains(ReloadScript.eventsPath) == false)
        try await server.stop()

        let written = site.snapshot()
        #expect(written["tin-tuc/tin-xem-truoc/index.html"] != nil, "--output writes the site")
        for (path, data) in written {
            #expect(!String(decoding: data, as: UTF8.self).contains("__portal"), "\(path) on disk has the reload script")
        }
        for file in SiteBuilder().render(site.options(write: false)).files {
            if case .text(let text) = file.body { #expect(!text.contains("__portal"), "\(file.path)") }
        }
    }

    @Test func foldersCreatedWhileRunningAreWatchedToo() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        #if os(Linux)
        #expect(server.watching == "inotify")
        #endif
        let (events, _) = try await RawHTTPConnection.events(port: server.port)
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("news/2024-03-15-goi/anh"),
                                                withIntermediateDirectories: true)
        _ = try await events.nextEvent(timeout: .seconds(5))
        // Give the watcher time to add watches for the new folders, then write inside the deepest one.
        try await Task.sleep(for: .milliseconds(200))
        try Data("<svg/>".utf8).write(to: site.content.appendingPathComponent("news/2024-03-15-goi/anh/so-do.svg"))
        #expect(try await events.nextEvent(timeout: .seconds(10))?.event == "reload", "no event for a file in a new folder")

        try saveLikeAnEditor(site, "news/2024-03-15-goi/index.md", TestSite.news(title: "Tin dạng thư mục", body: "![Sơ đồ](anh/so-do.svg)"))
        let appeared = try await eventually { try await server.get("/tin-tuc/tin-dang-thu-muc/").status == 200 }
        #expect(appeared)
        #expect(try await server.get("/tin-tuc/tin-dang-thu-muc/anh/so-do.svg").status == 200)
        try await server.stop()
    }

    @Test func aDeletedItemDisappears() async throws {
        let site = try TestSite(["news/a.md": Self.item, "news/b.md": TestSite.news(title: "Tin sẽ xoá")])
        let server = try await RunningServer.start(site)
        #expect(try await server.get("/tin-tuc/tin-se-xoa/").status == 200)
        try site.remove("news/b.md")
        #expect(try await eventually { try await server.get("/tin-tuc/tin-se-xoa/").status == 404 })
        try await server.stop()
    }

    @Test func pollingNoticesSavesWhereInotifyIsNotUsed() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site, mode: .polling)
        #expect(server.watching == "polling")
        let (events, _) = try await RawHTTPConnection.events(port: server.port)
        // Past the file system's timestamp granularity, so the polled modification time differs.
        try await Task.sleep(for: .milliseconds(50))
        try saveLikeAnEditor(site, "news/a.md", TestSite.news(title: "Tin xem trước", body: "Sửa khi thăm dò."))
        #expect(try await events.nextEvent(timeout: .seconds(10))?.event == "reload")
        #expect(try await server.get("/tin-tuc/tin-xem-truoc/").text.contains("Sửa khi thăm dò."))
        // Polling names the files that changed, so a rebuild reads only those: new and removed ones too.
        try site.write("news/c.md", TestSite.news(title: "Tin mới khi thăm dò"))
        #expect(try await eventually { try await server.get("/tin-tuc/tin-moi-khi-tham-do/").status == 200 })
        try site.remove("news/c.md")
        #expect(try await eventually { try await server.get("/tin-tuc/tin-moi-khi-tham-do/").status == 404 })
        try await server.stop()
    }

    @Test func pollingNamesWhatCameWentOrChanged() {
        typealias Stamp = PollingWatcher.Stamp
        let before = ["/s/Content/a.md": Stamp(size: 1, modified: 1), "/s/Content/b.md": Stamp(size: 1, modified: 1),
                      "/s/Content/c.md": Stamp(size: 1, modified: 1)]
        let after = ["/s/Content/a.md": Stamp(size: 1, modified: 1), "/s/Content/b.md": Stamp(size: 2, modified: 1),
                     "/s/Content/d.md": Stamp(size: 1, modified: 1)]
        #expect(PollingWatcher.changedPaths(from: before, to: after) == ["/s/Content/b.md", "/s/Content/c.md", "/s/Content/d.md"])
        #expect(PollingWatcher.changedPaths(from: before, to: before).isEmpty)
    }

    @Test func stoppingEndsOpenEventStreamsPromptly() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let server = try await RunningServer.start(site)
        let (events, _) = try await RawHTTPConnection.events(port: server.port)
        let clock = ContinuousClock()
        let started = clock.now
        try await server.stop()
        #expect(clock.now - started < .seconds(3))
        #expect(try await events.waitForClose(timeout: .seconds(3)))
    }

    @Test func aBusyPortIsAClearError() async throws {
        let site = try TestSite(["news/a.md": Self.item])
        let first = try await RunningServer.start(site)
        let second = PreviewServer(PreviewServer.Configuration(host: "127.0.0.1", port: first.port, build: site.options(write: false)))
        do {
            try await second.run(handleSignals: false, onStarted: { _ in }, onRebuild: { _ in })
            Issue.record("a second server started on a busy port")
        } catch let error as PreviewServer.StartError {
            #expect(error.description.contains("port \(first.port) on 127.0.0.1 is already in use"))
        }
        try await first.stop()
    }
}

@Suite struct RequestPathTests {
    @Test func decodesAndRefusesWhatCouldLeaveTheSite() {
        #expect(RequestPath.decode("/") == .file(path: "", isFolder: true))
        #expect(RequestPath.decode("/tin-tuc/") == .file(path: "tin-tuc", isFolder: true))
        #expect(RequestPath.decode("/media/%E1%BA%A3nh%20m%E1%BB%9Bi.png") == .file(path: "media/ảnh mới.png", isFolder: false))
        for bad in ["/..", "/a/../b", "/%2e%2e/x", "/a%2fb", "/a%5cb", "/a\\b", "/a%00b", "/%zz", "/%e1%ba", "/.", "relative"] {
            #expect(RequestPath.decode(bad) == .bad, "\(bad)")
        }
    }

    @Test func etagMatchingFollowsIfNoneMatch() {
        let tag = ETag.of(Array("abc".utf8))
        #expect(ETag.matches(tag, tag))
        #expect(ETag.matches("W/\(tag)", tag))
        #expect(ETag.matches("*", tag))
        #expect(!ETag.matches("\"other\"", tag))
        #expect(tag != ETag.of(Array("abd".utf8)))
    }

    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let text = String(decoding: ReloadScript.inject(into: page), as: UTF8.self)
        #expect(text.hasSuffix("</script></BODY></html>"))
        #expect(String(decoding: ReloadScript.inject(into: Array("<p>x</p>".utf8)), as: UTF8.self).hasSuffix("</script>"))
    }
}
