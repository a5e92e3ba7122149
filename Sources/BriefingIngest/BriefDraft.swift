import BriefingCore

/// A brief as ingest proposes it: its front matter, file name and body, before it is written to a file.
public struct BriefDraft: Sendable, Equatable {
    public var fields: Brief.Fields
    /// The file name, made from the title.
    public var slug: Slug
    /// Markdown.
    public var body: String
    /// The story's canonical URL, when it has one: two documents with the same story make one brief.
    public var canonicalURL: String?

    public init(fields: Brief.Fields, slug: Slug, body: String, canonicalURL: String? = nil) {
        self.fields = fields
        self.slug = slug
        self.body = body
        self.canonicalURL = canonicalURL
    }

    /// The draft with `topics` and `companies` added after its own, each once.
    func tagged(topics: [Slug], companies: [Slug]) -> BriefDraft {
        var draft = self
        for topic in topics where !draft.fields.topics.contains(topic) { draft.fields.topics.append(topic) }
        for company in companies where !draft.fields.companies.contains(company) { draft.fields.companies.append(company) }
        draft.fields.mentions.removeAll(where: companies.contains)
        return draft
    }

    /// `content/briefs/YYYY/<slug>.md`.
    public var relativePath: String { "content/briefs/\(fields.date.components.year)/\(slug).md" }
}
