import BriefingCore

/// One story read from a source document, in a shape common to every format, before it becomes a brief.
public struct SourceItem: Sendable, Equatable {
    /// The feed's own identifier (RSS guid, Atom id, JSON Feed id); nil when the format has none.
    public var guid: String?
    public var title: String?
    /// Absolute URL of the original story.
    public var link: String?
    public var published: Timestamp?
    /// When the item last changed; Atom requires only this one, so it dates items that have no `published`.
    public var updated: Timestamp?
    /// A date the source gave that could not be read, kept for the warning that says so.
    public var unreadDate: String?
    public var authors: [String] = []
    /// Plain text: the feed's description/summary with markup removed.
    public var summary: String?
    /// The story's content converted from (sanitised) HTML to Markdown.
    public var contentMarkdown: String?
    /// Feed categories or tags, as written.
    public var categories: [String] = []
    /// Plain-text paragraphs of the story (a digest cluster's three paragraphs, a flattened post's text).
    public var paragraphs: [String] = []
    /// Highlight bullets: a digest's "Key Points", a post's leading summary bullets.
    public var keyPoints: [String] = []
    /// Domains cited in the text, in order of first citation: `(reuters.com)` → "reuters.com".
    public var citations: [String] = []
    /// For a digest cluster: "13 articles • …" → 13.
    public var articleCount: Int?
    /// For a digest cluster: the one-sentence description after the bullet.
    public var blurb: String?
    /// Line in the source document where the item starts, for messages.
    public var line: Int?

    public init() {}
}

/// A parsed source document: who published it and its items in document order.
public struct SourceDocument: Sendable, Equatable {
    public var format: SourceFormat
    /// The feed or site title ("Tech Wire Asia"), used as each item's publisher.
    public var publisher: String?
    /// The site's home page.
    public var link: String?
    /// The feed's own date (RSS `lastBuildDate`/`pubDate`, Atom `updated`): what an undated item is dated by.
    public var date: Timestamp?
    public var items: [SourceItem]

    public init(format: SourceFormat, publisher: String? = nil, link: String? = nil, date: Timestamp? = nil, items: [SourceItem] = []) {
        self.format = format
        self.publisher = publisher
        self.link = link
        self.date = date
        self.items = items
    }
}
