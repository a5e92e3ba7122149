import BriefingCore

/// What `briefing fetch` remembers about one source between runs: validators, times, failures, moves.
public struct SourceState: Sendable, Equatable {
    /// The `ETag` of the last full response, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last full response, sent back verbatim as `If-Modified-Since`.
    public var lastModified: String?
    /// When the source was last asked, whatever the answer.
    public var fetched: Timestamp?
    /// The last answer in words: `200 OK, 12 items, 3 new`, `304 Not Modified`, `failed: …`.
    public var status: String?
    /// When a fetch last brought a brief that was not there before.
    public var newItem: Timestamp?
    /// Failures in a row; the back-off grows with it.
    public var failures = 0
    /// Not before this time, because the server said so (`Retry-After`): even `--all` waits.
    public var retryAfter: Timestamp?
    /// Not before this time, because the source keeps failing.
    public var backoffUntil: Timestamp?
    /// Where a permanent redirect (301, 308) said the feed now lives; fetches go there directly.
    public var movedTo: String?
    /// Why the source is no longer fetched (`410 Gone on …`), until `briefing sources enable` clears it.
    public var disabled: String?

    public init() {}

    /// True when nothing is remembered, so the state file need not mention the source.
    public var isEmpty: Bool { self == SourceState() }
}
