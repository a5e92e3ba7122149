import BriefingBuild
import FlyingFox
import FlyingSocks
import Foundation

/// Builds a site, serves its output folder with live reload, and rebuilds whenever an input changes.
public struct DevServer: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL?
    public var host: String
    /// 0 picks a free port; `.listening` says which.
    public var port: UInt16
    public var jobs: Int

    public init(siteDirectory: URL, outputDirectory: URL? = nil, host: String = "127.0.0.1", port: UInt16 = 8080,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.host = host
        self.port = port
        self.jobs = jobs
    }

    /// Serves until the task is cancelled. A failed build does not end it: the error goes to `report` and
    /// to the browser, and the next change builds again.
    public func run(report: @escaping @Sendable (ServeEvent) -> Void) async throws(ServeError) {
        let address = try socketAddress()
        let live = LiveReload()
        let output = SiteBuilder(siteDirectory: siteDirectory, outputDirectory: outputDirectory).outputDirectory
        let routes = DevServerRoutes(files: StaticFileRoute(root: output), live: live, hosts: HostCheck(listeningOn: host))
        let server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled), handler: routes)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening()
                    let url = try await self.url(listeningAt: server.listeningAddress)
                    try await self.buildAndWatch(baseURL: url, live: live, report: report)
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: .seconds(15))
                        await live.heartbeat()
                    }
                }
                // The first to end is the server failing to listen, or cancellation; either way, stop the rest.
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch is CancellationError {
        } catch let error as ServeError {
            throw error
        } catch SocketError.failed(_, _, let message) {
            throw .cannotListen(address: "\(host):\(port)", reason: message.lowercased())
        } catch {
            throw .cannotListen(address: "\(host):\(port)", reason: error.localizedDescription)
        }
        await live.finishAll()
        await server.stop()
    }

    func buildAndWatch(baseURL: URL, live: LiveReload, report: @escaping @Sendable (ServeEvent) -> Void) async throws {
        var builder = SiteBuilder(siteDirectory: siteDirectory, outputDirectory: outputDirectory, baseURL: baseURL.absoluteString, jobs: jobs)
        // Each build leaves the manifest and parse cache here for the next, instead of in `.briefing/` alone.
        builder.memory = BuildMemory()
        let watcher = SiteWatcher(site: builder.siteDirectory)
        let events = FileEvents()
        // Taken before the build, so an edit made while it runs is seen and built next.
        var baseline = watcher.snapshot()
        await Self.build(builder, changed: [], live: live, report: report)
        report(.listening(baseURL))
        while true {
            let change = try await watcher.nextChange(after: baseline, events: events)
            baseline = change.snapshot
            guard !change.changed.isEmpty else { continue }
            await Self.build(builder, changed: change.changed, live: live, report: report)
        }
    }

    static func build(_ builder: SiteBuilder, changed: [String], live: LiveReload, report: @escaping @Sendable (ServeEvent) -> Void) async {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<BuildReport, BuildError>, Never>) in
            // A build blocks its thread and fans out with Dispatch; run off the cooperative pool, it leaves
            // the server free to answer requests.
            Thread.detachNewThread {
                continuation.resume(returning: Result { () throws(BuildError) in
                    try builder.build { report(.waitingForLock) }
                })
            }
        }
        switch result {
        case .success(let built):
            report(.built(built, changed: changed))
            await live.buildSucceeded(changedOutput: built.written > 0 || built.removed > 0)
        case .failure(let error):
            report(.failed(error, changed: changed))
            await live.buildFailed(error.description)
        }
    }

    func socketAddress() throws(ServeError) -> any SocketAddress {
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
            return try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw .badHost(host)
        }
    }

    /// The URL pages are built for and the terminal shows; a wildcard address is reached as localhost.
    func url(listeningAt address: Socket.Address?) throws -> URL {
        let port: UInt16
        switch address {
        case .ip4(_, let listening)?, .ip6(_, let listening)?: port = listening
        default: throw ServeError.cannotListen(address: "\(host):\(self.port)", reason: "the socket has no port")
        }
        let name = switch host {
        case "0.0.0.0", "::": "localhost"
        case let ip6 where ip6.contains(":"): "[\(ip6)]"
        default: host
        }
        guard let url = URL(string: "http://\(name):\(port)/") else {
            throw ServeError.badHost(host)
        }
        return url
    }
}

/// The server's two kinds of request: the live-reload event stream, and files from the output folder.
struct DevServerRoutes: HTTPHandler {
    let files: StaticFileRoute
    let live: LiveReload
    let hosts: HostCheck

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard hosts.allows(request.headers[.host]) else {
            return StaticFileRoute.message(
                .forbidden, "This preview answers only to localhost, 127.0.0.1 or [::1], not to `\(request.headers[.host] ?? "")`.\n",
                head: request.method == .HEAD)
        }
        if request.method == .GET, request.target.path() == LiveReload.eventsPath {
            return await live.eventStreamResponse()
        }
        return files.response(to: request, pageExtra: await live.pageExtra())
    }
}
