/// One briefing: a short, sourced write-up of what happened, why it matters and who is involved.
public struct Brief: Sendable, Identifiable {
    /// Stable identity across re-ingests and renames (feed guid, canonical URL or content hash).
    public var id: String
    /// The URL name, taken from the file name.
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
    /// Where it came from, for error messages.
    public var location: ContentLocation

    public init(
        id: String, slug: Slug, title: String, date: Timestamp, summary: String = "", topics: [Slug] = [],
        companies: [Slug] = [], sources: [SourceCitation] = [], events: [TimelineEvent] = [], body: String = "",
        location: ContentLocation
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.topics = topics
        self.companies = companies
        self.sources = sources
        self.events = events
        self.body = body
        self.location = location
    }

    /// The front matter fields this reader knows; any other is ignored by the build.
    public static let fieldNames: [String] = ["id", "title", "date", "summary", "topics", "companies", "sources", "events"]

    /// Reads a brief from its front matter; returns nil when a required field is unusable (problems are recorded).
    static func read(_ fields: inout FrontMatterFields, body: String, slug: Slug, location: ContentLocation) -> Brief? {
        let title = fields.string("title", required: true, fix: "add `title: \"…\"` to the front matter")
        let dateText = fields.string("date", required: true, fix: "add `date: 2025-09-09T10:00:00Z` to the front matter")
        let date = dateText.flatMap { text -> Timestamp? in
            if let date = Timestamp(iso: text) { return date }
            fields.report("date", "`\(text)` is not a date", fix: "write it as 2025-09-09 or 2025-09-09T10:00:00Z")
            return nil
        }
        let brief = Brief(
            id: fields.string("id") ?? location.file,
            slug: slug,
            title: title ?? "",
            date: date ?? Timestamp(secondsSinceEpoch: 0),
            summary: fields.string("summary") ?? "",
            topics: fields.slugs("topics"),
            companies: fields.slugs("companies"),
            sources: fields.items("sources", SourceCitation.read),
            events: fields.items("events", TimelineEvent.read),
            body: body,
            location: location)
        guard title != nil, date != nil else { return nil }
        return brief
    }
}

/// A content file and where its parts start, so later checks can point at the right line.
public struct ContentLocation: Hashable, Sendable {
    /// Relative to the site folder: `content/briefs/2025/alibaba-qwen.md`.
    public var file: String
    /// Lines of front matter fields that later checks refer to (`topics`, `companies`, `id`).
    public var fieldLines: [String: Int]
    public var bodyLine: Int

    public init(file: String, fieldLines: [String: Int] = [:], bodyLine: Int = 1) {
        self.file = file
        self.fieldLines = fieldLines
        self.bodyLine = bodyLine
    }

    public func line(of field: String) -> Int { fieldLines[field] ?? 1 }
}
