import Foundation
import Synchronization
import Testing
@testable import BriefingServe

@Suite struct DevServerTests {
    @Test(arguments: ["example.org", "127.0.0.300", "", "::zz"])
    func refusesAHostThatIsNotAnAddress(host: String) async {
        let server = DevServer(siteDirectory: FileManager.default.temporaryDirectory, host: host, port: 0)
        await #expect {
            try await server.run { _ in }
        } throws: { error in
            guard case ServeError.badHost(let named) = error else { return false }
            return named == host
        }
    }

    @Test func saysWhenThePortIsTakenAndStopsWhenCancelled() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-devserver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("title: Port Desk\n".utf8).write(to: site.appendingPathComponent("briefing.yml"))
        let listening = Mutex<URL?>(nil)
        let first = Task {
            try await DevServer(siteDirectory: site, port: 0, jobs: 1).run { event in
                if case .listening(let url) = event { listening.withLock { $0 = url } }
            }
        }
        // The server runs on the test runner's threads, one per core: on two cores other suites' builds can hold them
        // for a minute or more, so the wait is long; it only guards against a server that never listens.
        let deadline = ContinuousClock.now + .seconds(300)
        while listening.withLock({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let url = try #require(listening.withLock { $0 })
        let port = try #require(url.port.flatMap { UInt16(exactly: $0) })
        #expect(url.absoluteString == "http://127.0.0.1:\(port)/")

        await #expect {
            try await DevServer(siteDirectory: site, port: port, jobs: 1).run { _ in }
        } throws: { error in
            guard case ServeError.cannotListen(let address, let reason) = error else { return false }
            return address == "127.0.0.1:\(port)" && reason.contains("in use")
        }

        first.cancel()
        try await first.value
    }

    @Test func theAddressPagesAreBuiltForNamesTheListeningPort() throws {
        let server = DevServer(siteDirectory: FileManager.default.temporaryDirectory, host: "::1", port: 0)
        #expect(try server.url(listeningAt: .ip6("::1", port: 4321)).absoluteString == "http://[::1]:4321/")
        let wildcard = DevServer(siteDirectory: FileManager.default.temporaryDirectory, host: "0.0.0.0", port: 0)
        #expect(try wildcard.url(listeningAt: .ip4("0.0.0.0", port: 80)).absoluteString == "http://localhost:80/")
    }
}
