import BriefingCore

/// A brief as ingest proposes it, before it is written as Markdown with front matter.
@dynamicMemberLookup
public struct BriefDraft: Sendable {
    public var brief: Brief
    /// The story's canonical URL, when it has one: two documents with the same story make one brief.
    public var canonicalURL: String?

    public init(brief: Brief, canonicalURL: String?) {
        self.brief = brief
        self.canonicalURL = canonicalURL
    }

    public subscript<Value>(dynamicMember field: KeyPath<Brief, Value>) -> Value { brief[keyPath: field] }

    /// `content/briefs/YYYY/<slug>.md`.
    public var relativePath: String { "content/briefs/\(brief.date.components.year)/\(brief.slug).md" }
}
