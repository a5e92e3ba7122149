import BriefingCore

/// The text of a new brief: every field an editor fills in, with guidance where the writing goes.
public struct BriefTemplate: Sendable {
    public var id: String
    public var title: String
    /// `2025-09-09T10:00:00Z`, or `2025-09-09` when the editor gave only a day.
    public var date: String
    public var topics: [Slug]
    public var companies: [Slug]

    public init(id: String, title: String, date: String, topics: [Slug] = [], companies: [Slug] = []) {
        self.id = id
        self.title = title
        self.date = date
        self.topics = topics
        self.companies = companies
    }

    /// A stable identity for a brief no feed gave one: a tag URI (RFC 4151) from the site's host, the day and the slug.
    public static func id(host: String, day: PartialDate, slug: Slug) -> String {
        "tag:\(host),\(day):\(slug)"
    }

    // The guidance is in comments (YAML `#`, Markdown `<!-- -->`) so nothing of it is published, and
    // `briefing check` reports the brief as empty until the editor has written it.
    public var text: String {
        """
        ---
        id: \(YAMLText.quoted(id))
        title: \(YAMLText.quoted(title))
        date: \(date)
        summary: ""                    # one or two sentences: shown on cards, in feeds and search results
        topics: [\(topics.map(\.rawValue).joined(separator: ", "))]
        companies: [\(companies.map(\.rawValue).joined(separator: ", "))]
        sources:                       # where the facts come from, one entry each
          # - url: https://example.com/story
          #   publisher: Example News
        events: []                     # timeline entries, each: - date: 2025-09-09 (or 2025-09, 2025), text, companies
        ---
        <!-- What happened, why it matters and who is involved, in two or three short paragraphs. -->

        ## Key points

        <!-- - One line per point, the most important first. -->

        """
    }
}
