import Foundation
import Hummingbird
import PortalCore

/// Answers every request from the site held in memory: static files with their content type and ETag,
/// folders by their `index.html`, the site's own 404 page, the reload events, and the error page while
/// the build is broken.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: PreviewSite

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = plain(.methodNotAllowed, "Method not allowed\n", request: request)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let rawPath = request.uri.path
        if rawPath == ReloadScript.eventsPath {
            return events(request: request)
        }
        guard case .file(let path, let isFolder) = RequestPath.decode(rawPath) else {
            return plain(.badRequest, "Bad request: this address cannot name a file of the site\n", request: request)
        }
        let snapshot = site.snapshot
        let candidate = isFolder ? (path.isEmpty ? "index.html" : path + "/index.html") : path
        if let file = snapshot.site?.file(candidate) {
            return serve(file, status: .ok, snapshot: snapshot, request: request)
        }
        if !isFolder, snapshot.site?.contains(path + "/index.html") == true {
            // Relative links on a folder's page only work under its `/`, so send the browser there.
            var location = rawPath + "/"
            if let query = request.uri.query { location += "?" + query }
            var response = Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-cache"])
            response.headers[.contentLength] = "0"
            return response
        }
        if let errorPage = snapshot.errorPage {
            return html(errorPage, status: .internalServerError, request: request)
        }
        if let notFound = snapshot.site?.file(URLScheme.outputPath(for: URLScheme.notFound)) {
            return serve(notFound, status: .notFound, snapshot: snapshot, request: request)
        }
        return plain(.notFound, "Not found\n", request: request)
    }

    func serve(_ file: OutputFile, status: HTTPResponse.Status, snapshot: SiteSnapshot, request: Request) -> Response {
        let isHTML = ContentType.isHTML(path: file.path)
        if isHTML, let errorPage = snapshot.errorPage {
            return html(errorPage, status: .internalServerError, request: request)
        }
        var bytes: [UInt8]
        do {
            bytes = [UInt8](try file.data(content: site.options.content, theme: site.options.theme))
        } catch {
            // Deleted since the build; the rebuild that follows the deletion will drop it.
            return plain(.notFound, "Not found\n", request: request)
        }
        if isHTML { bytes = ReloadScript.inject(into: bytes) }
        return respond(bytes: bytes, contentType: ContentType.of(path: file.path), status: status, request: request)
    }

    func html(_ text: String, status: HTTPResponse.Status, request: Request) -> Response {
        respond(bytes: ReloadScript.inject(into: Array(text.utf8)), contentType: "text/html; charset=utf-8", status: status,
                request: request)
    }

    func plain(_ status: HTTPResponse.Status, _ text: String, request: Request) -> Response {
        respond(bytes: Array(text.utf8), contentType: "text/plain; charset=utf-8", status: status, request: request)
    }

    func respond(bytes: [UInt8], contentType: String, status: HTTPResponse.Status, request: Request) -> Response {
        let tag = ETag.of(bytes)
        var headers: HTTPFields = [.contentType: contentType, .eTag: tag, .cacheControl: "no-cache",
                                   .contentLength: String(bytes.count)]
        if status == .ok, let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch, tag) {
            headers[.contentLength] = nil
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        if request.method == .head {
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The Server-Sent Events stream: `hello` with the current build at once, then `reload` after each
    /// rebuild, until the server stops or the browser goes away.
    func events(request: Request) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let stream = site.broadcaster.subscribe()
        let hello = "retry: 1000\nevent: hello\ndata: \(site.buildID)\n\n"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: hello))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event))
            }
            try await writer.finish(nil)
        })
    }
}
