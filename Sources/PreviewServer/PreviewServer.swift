import Foundation
import Hummingbird
import Logging
import NIOCore
import PortalCore
import ServiceLifecycle
import Synchronization

/// `portal serve`: builds the site into memory, serves it on 127.0.0.1, watches `Content/` and `Theme/`,
/// rebuilds on every save and tells the open tabs to reload.
public final class PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port; `Started.port` tells which.
        public var port: Int
        /// `output` is ignored here; see `writeTo`.
        public var build: BuildOptions
        /// Also write each good build here, after the browsers have been told (the files never contain
        /// the reload script).
        public var writeTo: (url: URL, display: String)?
        public var watchMode: WatchMode
        public var debounce: Debounce

        public init(host: String = "127.0.0.1", port: Int = 8080, build: BuildOptions, writeTo: (url: URL, display: String)? = nil,
                    watchMode: WatchMode = .automatic, debounce: Debounce = Debounce()) {
            self.host = host
            self.port = port
            self.build = build
            self.writeTo = writeTo
            self.watchMode = watchMode
            self.debounce = debounce
        }
    }

    /// What the terminal shows once the server listens.
    public struct Started: Sendable {
        public var host: String
        public var port: Int
        /// "inotify" or "polling".
        public var watching: String
        public var firstBuild: RebuildReport
        public var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/" }
    }

    /// Why the server could not start, in a sentence for the terminal.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    let configuration: Configuration
    let site: PreviewSite
    private let group = Mutex<ServiceGroup?>(nil)
    private let stopRequested = Mutex(false)

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        site = PreviewSite(options: configuration.build, output: configuration.writeTo, broadcaster: ReloadBroadcaster())
    }

    /// Serves until `stop()` or, when `handleSignals`, until SIGINT or SIGTERM (Ctrl-C). Throws
    /// `StartError` when the address cannot be used (the port is taken, say).
    public func run(handleSignals: Bool,
                    onStarted: @escaping @Sendable (Started) -> Void,
                    onRebuild: @escaping @Sendable (RebuildReport) -> Void) async throws {
        let firstBuild = site.rebuild()
        let roots = [configuration.build.content.root, configuration.build.theme.root]
        let watcher = FileWatchers.make(roots: roots, mode: configuration.watchMode, debounce: configuration.debounce)
        var logger = Logger(label: "portal-serve")
        logger.logLevel = .critical

        let host = configuration.host
        let app = Application(
            responder: PreviewResponder(site: site),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onStarted(Started(host: host, port: port, watching: watcher.mechanism, firstBuild: firstBuild))
            },
            logger: logger)
        let session = PreviewSession(site: site, watcher: watcher, onRebuild: onRebuild)
        // Shut down in reverse order: the session first, which ends the event streams that would
        // otherwise keep the HTTP server waiting for them.
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: app), .init(service: session)],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: logger))
        let stopEarly = group.withLock { group in
            group = serviceGroup
            return stopRequested.withLock { $0 }
        }
        if stopEarly { return }
        do {
            try await serviceGroup.run()
        } catch {
            watcher.stop()
            site.broadcaster.close()
            throw Self.explain(error, host: host, port: configuration.port)
        }
    }

    /// Stops as Ctrl-C does: open event streams end, the server finishes its requests and `run` returns.
    public func stop() async {
        let serviceGroup = group.withLock { group in
            stopRequested.withLock { $0 = true }
            return group
        }
        await serviceGroup?.triggerGracefulShutdown()
    }

    static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE:
                return StartError(description: "port \(port) on \(host) is already in use: stop the program using it, or choose another port with --port")
            case EACCES:
                return StartError(description: "not allowed to listen on port \(port): choose a port above 1023 with --port")
            case EADDRNOTAVAIL:
                return StartError(description: "\(host) is not an address of this machine: use --host 127.0.0.1")
            default:
                return StartError(description: "cannot listen on \(host):\(port): \(io.description)")
            }
        }
        if error is SocketAddressError {
            return StartError(description: "cannot listen on \(host):\(port): \(host) is not a known host name or address")
        }
        return error
    }
}

/// Runs the watcher and the rebuilds for as long as the server runs.
struct PreviewSession: Service {
    let site: PreviewSite
    let watcher: any FileWatcher
    let onRebuild: @Sendable (RebuildReport) -> Void

    func run() async throws {
        let site = self.site
        let onRebuild = self.onRebuild
        watcher.start { changed in
            onRebuild(site.rebuild(changedPaths: changed))
        }
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                site.broadcaster.sendHeartbeat()
            }
        }
        try? await gracefulShutdown()
        heartbeat.cancel()
        watcher.stop()
        site.broadcaster.close()
    }
}
