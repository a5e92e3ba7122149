import BriefingCore

/// What asking one source gave, before ingest looks at the body.
public struct FetchResult: Sendable {
    public enum Outcome: Sendable {
        /// A full answer: the body (decompressed, at most the size limit) and its validators.
        case fetched(body: [UInt8], contentType: String?, etag: String?, lastModified: String?)
        case notModified
        /// `410 Gone`: the source is disabled.
        case gone
        /// Anything else; `retryAfter` when a 429 or 503 said when to come back.
        case failed(FetchFailure, retryAfter: Timestamp?)
    }

    public var outcome: Outcome
    /// Where a permanent redirect (301, 308), before any temporary one, says the feed now lives.
    public var movedTo: String?
    /// Every URL requested, in order (redirects included).
    public var requested: [String]
}
