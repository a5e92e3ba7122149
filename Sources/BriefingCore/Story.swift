/// A developing story readers follow across briefs ("China discourages Nvidia purchases"): its own summary
/// and Markdown body, and the briefs that join it through their `stories` field.
public struct Story: Sendable, Identifiable, Equatable {
    /// Whether the story is still moving; a concluded story stays on the site but no longer draws new briefs.
    public enum Status: String, Sendable, CaseIterable {
        case developing, concluded
    }

    /// A story's front matter, declared once: the loader reads it, ingest and `briefing new` write it, the parse
    /// cache stores it.
    public struct Fields: SchemaRecord, Equatable {
        public var title: String
        public var summary: String
        /// `developing` or `concluded`; empty means developing.
        public var status: String
        public var topics: [Slug]
        public var companies: [Slug]
        public var sources: [SourceCitation]
        /// The story's own dated events (a digest's key points); its briefs add theirs on its timeline.
        public var events: [TimelineEvent]

        public init(
            title: String, summary: String = "", status: String = "", topics: [Slug] = [], companies: [Slug] = [],
            sources: [SourceCitation] = [], events: [TimelineEvent] = []
        ) {
            self.title = title
            self.summary = summary
            self.status = status
            self.topics = topics
            self.companies = companies
            self.sources = sources
            self.events = events
        }

        public static let empty = Fields(title: "")

        public static let schema: [SchemaField<Fields>] = [
            SchemaField("title", .text(\.title, .required(fix: "add `title: \"…\"`, the story as readers know it"))),
            SchemaField("summary", .text(\.summary, .optional), guidance: "one or two sentences: what the story is about"),
            SchemaField("status", .text(\.status, .optional), guidance: "developing or concluded"),
            SchemaField("topics", .slugs(\.topics, writtenWhenEmpty: true)),
            SchemaField("companies", .slugs(\.companies, writtenWhenEmpty: true)),
            SchemaField("sources", .sources(\.sources), guidance: "where the story's facts come from, one entry each",
                        example: ["- url: https://example.com/story", "  publisher: Example News"]),
            SchemaField("events", .events(\.events),
                        guidance: "the story's own timeline entries; its briefs' events are added to them"),
        ]
    }

    public var fields: Fields
    /// The URL name, taken from the file name.
    public var slug: Slug
    /// Markdown: what is happening, why it matters, who is involved.
    public var body: String
    public var location: ContentLocation

    public var id: Slug { slug }
    public var title: String { fields.title }
    public var summary: String { fields.summary }
    public var topics: [Slug] { fields.topics }
    public var companies: [Slug] { fields.companies }
    public var sources: [SourceCitation] { fields.sources }
    public var events: [TimelineEvent] { fields.events }
    public var status: Status { Status(rawValue: fields.status) ?? .developing }

    public init(fields: Fields, slug: Slug, body: String = "", location: ContentLocation) {
        self.fields = fields
        self.slug = slug
        self.body = body
        self.location = location
    }

    /// The front matter fields this reader knows; any other is ignored by the build.
    public static var fieldNames: [String] { Fields.fieldNames }

    static func read(_ fields: inout FrontMatterFields, body: String, slug: Slug, location: ContentLocation) -> Story? {
        guard let values = Fields.read(&fields) else { return nil }
        if !values.status.isEmpty, Status(rawValue: values.status) == nil {
            fields.report("status", "the status `\(values.status)` is neither `developing` nor `concluded`",
                          fix: "write `status: developing` or `status: concluded`")
            return nil
        }
        return Story(fields: values, slug: slug, body: body, location: location)
    }
}
