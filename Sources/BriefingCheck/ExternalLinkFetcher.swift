import Dispatch
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What fetching an external link found.
public enum ExternalLinkStatus: Sendable, Equatable {
    /// The server answered with success (after redirects), or with 429 (busy: not the link's fault).
    case reachable(Int)
    /// The server answered with an error status.
    case failed(Int)
    /// No answer: DNS, connection, TLS or timeout, with the reason.
    case unreachable(String)
}

/// Fetches external links for `briefing check --external`; tests substitute one that records what it was asked.
public protocol ExternalLinkFetcher: Sendable {
    /// The status of each URL; `progress` is told (done, total) as answers arrive.
    func statuses(of urls: [String], progress: (@Sendable (Int, Int) -> Void)?) -> [String: ExternalLinkStatus]
}

/// Fetches with URLSession: `HEAD` first, `GET` when the server refuses `HEAD`; a timeout per request and a cap on
/// how many run at once, so a large site neither hangs nor floods one host.
public struct URLSessionLinkFetcher: ExternalLinkFetcher {
    public var timeout: TimeInterval
    public var concurrency: Int

    public init(timeout: TimeInterval = 10, concurrency: Int = 8) {
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
    }

    public func statuses(of urls: [String], progress: (@Sendable (Int, Int) -> Void)?) -> [String: ExternalLinkStatus] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpAdditionalHeaders = ["User-Agent": "briefing-check/0.1 (link checker)"]
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        let results = Mutex<[String: ExternalLinkStatus]>([:])
        let slots = DispatchSemaphore(value: concurrency)
        let group = DispatchGroup()
        for url in urls {
            slots.wait()
            group.enter()
            fetch(url, with: session) { status in
                let done = results.withLock { results in
                    results[url] = status
                    return results.count
                }
                progress?(done, urls.count)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return results.withLock { $0 }
    }

    private func fetch(_ address: String, with session: URLSession, then finish: @escaping @Sendable (ExternalLinkStatus) -> Void) {
        guard let url = URL(string: address) else {
            finish(.unreachable("not a valid URL"))
            return
        }
        request(url, method: "HEAD", with: session) { status in
            // Many servers answer HEAD with 403, 404, 405 or 501 but GET correctly: only a GET failure counts.
            guard case .failed = status else { return finish(status) }
            request(url, method: "GET", with: session, then: finish)
        }
    }

    private func request(_ url: URL, method: String, with session: URLSession, then finish: @escaping @Sendable (ExternalLinkStatus) -> Void) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        if method == "GET" { request.setValue("bytes=0-0", forHTTPHeaderField: "Range") }
        session.dataTask(with: request) { _, response, error in
            if let error {
                finish(.unreachable(error.localizedDescription))
            } else if let http = response as? HTTPURLResponse {
                let code = http.statusCode
                finish((200..<400).contains(code) || code == 429 ? .reachable(code) : .failed(code))
            } else {
                finish(.unreachable("no HTTP response"))
            }
        }.resume()
    }
}
