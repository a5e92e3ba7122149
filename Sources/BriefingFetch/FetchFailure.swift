/// Why one source could not be fetched; the description is what `briefing fetch` prints after `failed`.
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// An HTTP status that is neither success, not-modified nor a redirect.
    case status(Int, String)
    case timeout(seconds: Int)
    case connection(String)
    case tls(String)
    case tooLarge(limit: Int)
    case compressionBomb(limit: Int)
    case badRedirect(String)
    case refusedRedirect(host: String, address: String)
    /// A web page where a feed was expected.
    case webPage
    /// A body ingest cannot read, with its reason.
    case notAFeed(String)
    /// Ingest stopped for a reason of the site's (a brief it cannot write).
    case ingest(String)

    public var description: String {
        switch self {
        case .status(let code, let reason): return "\(code) \(reason)"
        case .timeout(let seconds): return "no complete answer within \(seconds) s (timed out)"
        case .connection(let detail): return "cannot connect: \(detail)"
        case .tls(let detail): return "TLS error: \(detail)"
        case .tooLarge(let limit): return "the feed is larger than \(limit / 1024 / 1024) MiB; it was not read further"
        case .compressionBomb(let limit):
            return "the compressed feed inflates to more than \(limit / 1024 / 1024) MiB; it was refused (compression bomb?)"
        case .badRedirect(let detail): return detail
        case .refusedRedirect(let host, let address):
            return "refused a redirect to \(host), which resolves to the internal address \(address) — "
                + "if that host is yours, list it under `fetch: allowHosts:` in briefing.yml"
        case .webPage:
            return "this is a web page, not a feed — run `briefing sources add URL` with it to find its feed"
        case .notAFeed(let detail): return "not a feed: \(detail)"
        case .ingest(let detail): return "ingest stopped: \(detail)"
        }
    }
}
