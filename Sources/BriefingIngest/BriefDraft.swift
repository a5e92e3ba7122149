import BriefingCore

/// A brief as ingest proposes it, before it is written as Markdown with front matter.
public struct BriefDraft: Sendable, Equatable {
    public var id: String
    public var slug: Slug
    public var title: String
    public var date: Timestamp
    public var summary: String
    public var topics: [Slug]
    public var companies: [Slug]
    public var sources: [SourceCitation]
    public var events: [TimelineEvent]
    /// Markdown.
    public var body: String
    /// The story's canonical URL, when it has one: two documents with the same story make one brief.
    public var canonicalURL: String?

    /// `content/briefs/YYYY/<slug>.md`.
    public var relativePath: String { "content/briefs/\(date.components.year)/\(slug).md" }
}
