import BriefingCore

/// A story as ingest proposes it from a digest cluster: the cluster's paragraphs as its body, its key points as
/// dated events, its citations as sources.
struct StoryDraft: Sendable, Equatable {
    var fields: Story.Fields
    var slug: Slug
    var body: String

    /// The story of a cluster's brief draft: the same title, companies, topics, sources and events; the body up to
    /// its key points (which are the events) and without the article count.
    init(cluster draft: BriefDraft) {
        fields = Story.Fields(
            title: draft.fields.title, summary: draft.fields.summary, status: Story.Status.developing.rawValue,
            topics: draft.fields.topics, companies: draft.fields.companies, sources: draft.fields.sources, events: draft.fields.events)
        slug = draft.slug
        let body = draft.body.components(separatedBy: "\n\n## Key points").first ?? draft.body
        self.body = body.hasPrefix("*Based on ") ? "" : body
    }

    var story: Story { Story(fields: fields, slug: slug, body: body, location: ContentLocation(file: "content/stories/\(slug).md")) }
}
