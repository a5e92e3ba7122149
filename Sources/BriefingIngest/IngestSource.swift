import BriefingCore

/// A source document already in memory (a fetched feed, a file's bytes) and the tags every brief from it gets.
public struct IngestSource: Sendable {
    /// What errors and the report call the document: a file path or a feed's URL.
    public var name: String
    public var bytes: [UInt8]
    /// Added to every brief drafted from this source, after the topics ingest finds in the text.
    public var topics: [Slug]
    /// Added to every brief drafted from this source, after the companies ingest finds in the text.
    public var companies: [Slug]
    /// When the bytes were fetched (a file's modification time): an item the feed does not date, in a feed
    /// without a date of its own, is dated by it. Nil means now.
    public var fetchedAt: Timestamp?

    public init(name: String, bytes: [UInt8], topics: [Slug] = [], companies: [Slug] = [], fetchedAt: Timestamp? = nil) {
        self.name = name
        self.bytes = bytes
        self.topics = topics
        self.companies = companies
        self.fetchedAt = fetchedAt
    }
}
