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

    /// The draft with `topics` and `companies` added after its own, each once.
    func tagged(topics: [Slug], companies: [Slug]) -> BriefDraft {
        var draft = self
        for topic in topics where !draft.brief.topics.contains(topic) { draft.brief.topics.append(topic) }
        for company in companies where !draft.brief.companies.contains(company) { draft.brief.companies.append(company) }
        return draft
    }

    /// `content/briefs/YYYY/<slug>.md`.
    public var relativePath: String { "content/briefs/\(brief.date.components.year)/\(brief.slug).md" }
}
