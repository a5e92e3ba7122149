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
    // `briefing check` reports the brief as empty until the editor has written it. The front matter is the
    // brief schema's, so every field the loader reads is there.
    public var text: String {
        let date = Timestamp(iso: self.date) ?? Timestamp(secondsSinceEpoch: 0)
        let fields = Brief.Fields(id: id, title: title, date: date, topics: topics, companies: companies)
        // A date given as a day stays a day: the editor did not choose a time.
        let lines = fields.scaffoldLines(overrides: ["date": self.date])
        return "---\n" + lines.map { $0 + "\n" }.joined() + """
            ---
            <!-- What happened, why it matters and who is involved, in two or three short paragraphs. -->

            ## Key points

            <!-- - One line per point, the most important first. -->

            """
    }
}
