import AsyncHTTPClient
import BriefingCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// Asks feed servers for their documents as a good HTTP citizen: conditional requests, redirects checked hop
/// by hop, timeouts, size and decompression limits, and no more than a few requests at once.
public final class Fetcher: Sendable {
    let options: FetchOptions
    let redirects: RedirectPolicy
    let client: HTTPClient
    let slots: RequestSlots

    /// `sourceHosts` are trusted as redirect targets: the editor chose them.
    public init(options: FetchOptions, sourceHosts: Set<String>) {
        self.options = options
        redirects = RedirectPolicy(trustedHosts: sourceHosts.union(options.allowHosts))
        var configuration = HTTPClient.Configuration(
            // Redirects are followed here, not by the client, so each hop can be checked before it is requested.
            redirectConfiguration: .disallow,
            timeout: .init(connect: Fetcher.timeAmount(options.connectTimeout)),
            connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: options.perHost),
            decompression: .enabled(limit: .size(options.maximumBytes)))
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        slots = RequestSlots(total: options.concurrency, perHost: options.perHost)
    }

    /// Closes the connections; call once, after the last `fetch`.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `url`, sending the validators of the last full answer.
    public func fetch(_ url: String, etag: String? = nil, lastModified: String? = nil, now: Timestamp) async -> FetchResult {
        var result = FetchResult(outcome: .notModified, movedTo: nil, requested: [])
        guard var current = URL(string: url), SiteConfig.isFetchableURL(url) else {
            result.outcome = .failed(.badRedirect("`\(url)` is not an http or https URL"), retryAfter: nil)
            return result
        }
        var visited: [URL] = []
        var permanentSoFar = true
        while true {
            visited.append(current)
            result.requested.append(current.absoluteString)
            let answer: Answer
            do {
                answer = try await request(current, etag: etag, lastModified: lastModified)
            } catch {
                result.outcome = .failed(error, retryAfter: nil)
                return result
            }
            let status = answer.status
            if RedirectPolicy.isRedirect(status) {
                guard let location = answer.headers.first(name: "location") else {
                    result.outcome = .failed(.status(status, "redirect without a Location"), retryAfter: nil)
                    return result
                }
                let next: URL
                do {
                    next = try redirects.check(location, from: current, visited: visited)
                } catch {
                    result.outcome = .failed(error, retryAfter: nil)
                    return result
                }
                permanentSoFar = permanentSoFar && RedirectPolicy.isPermanent(status)
                if permanentSoFar { result.movedTo = next.absoluteString }
                current = next
                continue
            }
            switch status {
            case 200..<300:
                result.outcome = .fetched(
                    body: answer.body, contentType: answer.headers.first(name: "content-type"),
                    etag: answer.headers.first(name: "etag"), lastModified: answer.headers.first(name: "last-modified"))
            case 304:
                result.outcome = .notModified
            case 410:
                result.outcome = .gone
            case 429, 503:
                let retry = answer.headers.first(name: "retry-after").flatMap { RetryAfter.parse($0, now: now) }
                result.outcome = .failed(.status(status, answer.reason), retryAfter: retry)
            default:
                result.outcome = .failed(.status(status, answer.reason), retryAfter: nil)
            }
            return result
        }
    }

    struct Answer {
        var status: Int
        var reason: String
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// One request, no redirects followed, within the per-request deadline and the concurrency limits.
    func request(_ url: URL, etag: String?, lastModified: String?) async throws(FetchFailure) -> Answer {
        let host = url.host?.lowercased() ?? ""
        await slots.acquire(host: host)
        let outcome: Result<Answer, FetchFailure> = await {
            do {
                return .success(try await unlimitedRequest(url, etag: etag, lastModified: lastModified))
            } catch {
                return .failure(failure(for: error))
            }
        }()
        await slots.release(host: host)
        return try outcome.get()
    }

    private func unlimitedRequest(_ url: URL, etag: String?, lastModified: String?) async throws -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(
            name: "Accept",
            value: "application/atom+xml, application/rss+xml, application/feed+json, application/rdf+xml;q=0.9, "
                + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let deadline = ContinuousClock.now + options.timeout
        let response = try await client.execute(request, deadline: .now() + Fetcher.timeAmount(options.timeout))
        let reason = response.status.reasonPhrase
        // A redirect's or an error's body is not needed; reading a little of it lets the connection be reused.
        let limit = (200..<300).contains(Int(response.status.code)) ? options.maximumBytes : 64 * 1024
        let body: ByteBuffer
        do {
            // The client's deadline covers the head; a server trickling the body is cut off here.
            body = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await response.body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let buffer = first else { throw HTTPClientError.deadlineExceeded }
                return buffer
            }
        } catch is NIOTooManyBytesError {
            guard (200..<300).contains(Int(response.status.code)) else {
                return Answer(status: Int(response.status.code), reason: reason, headers: response.headers, body: [])
            }
            if response.headers.first(name: "content-encoding") != nil { throw FetchFailure.compressionBomb(limit: limit) }
            throw FetchFailure.tooLarge(limit: limit)
        }
        return Answer(status: Int(response.status.code), reason: reason, headers: response.headers, body: Array(body.readableBytesView))
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// BoringSSL's reason (`CERTIFICATE_VERIFY_FAILED`, `WRONG_VERSION_NUMBER`) out of NIOSSL's long description.
    static func tlsReason(_ description: String) -> String {
        if let match = description.firstMatch(of: /OPENSSL_internal:([A-Z0-9_]+)/) {
            let reason = String(match.1)
            let hint = reason == "WRONG_VERSION_NUMBER" ? " (the server may not speak https on that port)" : ""
            return "the handshake failed: \(reason)\(hint)"
        }
        return description.count > 200 ? String(description.prefix(200)) + "…" : description
    }

    /// The client's errors in words an editor can act on.
    func failure(for error: any Error) -> FetchFailure {
        let seconds = Int(options.timeout.components.seconds)
        switch error {
        case let failure as FetchFailure:
            return failure
        case is NIOTooManyBytesError:
            return .tooLarge(limit: options.maximumBytes)
        case let error as NIOHTTPDecompression.DecompressionError:
            return error == .limit ? .compressionBomb(limit: options.maximumBytes) : .notAFeed("the compressed body is damaged (\(error))")
        case let error as HTTPClientError:
            if error == .deadlineExceeded || error == .readTimeout { return .timeout(seconds: seconds) }
            if error == .connectTimeout { return .connection("no connection within \(options.connectTimeout.components.seconds) s") }
            if error == .tlsHandshakeTimeout { return .tls("the TLS handshake timed out") }
            if error == .remoteConnectionClosed { return .connection("the server closed the connection before answering") }
            return .connection(String(describing: error))
        case is NIOSSLError, is BoringSSLError:
            return .tls(Fetcher.tlsReason(String(describing: error)))
        case let error as NIOConnectionError:
            let causes = (error.dnsAError.map { [$0] } ?? []) + (error.dnsAAAAError.map { [$0] } ?? [])
                + error.connectionErrors.map(\.error)
            let detail = causes.first.map { String(describing: $0) } ?? "no address"
            if detail.contains("UnknownHost") { return .connection("the host name \(error.host) does not resolve") }
            return .connection("\(error.host):\(error.port): \(detail)")
        case let error as IOError:
            return .connection(error.description)
        case let error as ChannelError:
            if case .connectTimeout = error { return .connection("no connection within \(options.connectTimeout.components.seconds) s") }
            return .connection(String(describing: error))
        default:
            return .connection(String(describing: error))
        }
    }
}
