extension Brief {
    /// A brief's front matter: everything an editor or ingest writes about it, apart from its body.
    public struct Fields: SchemaRecord, Equatable {
        /// Stable identity across re-ingests and renames (feed guid, canonical URL or content hash).
        public var id: String
        public var title: String
        public var date: Timestamp
        public var summary: String
        public var topics: [Slug]
        /// The companies the brief is about, most salient first (named in the title, in the lead, most often).
        public var companies: [Slug]
        /// Companies it names only in passing: shown on its page, not listed among the company's briefs.
        public var mentions: [Slug]
        /// The stories (`content/stories/<slug>.md`) the brief is part of; ingest threads briefs into them.
        public var stories: [Slug]
        /// Who wrote the story, as its source names them (a feed's authors).
        public var authors: [String]
        public var sources: [SourceCitation]
        public var events: [TimelineEvent]

        public init(
            id: String, title: String, date: Timestamp, summary: String = "", topics: [Slug] = [], companies: [Slug] = [],
            mentions: [Slug] = [], stories: [Slug] = [], authors: [String] = [], sources: [SourceCitation] = [], events: [TimelineEvent] = []
        ) {
            self.id = id
            self.title = title
            self.date = date
            self.summary = summary
            self.topics = topics
            self.companies = companies
            self.mentions = mentions
            self.stories = stories
            self.authors = authors
            self.sources = sources
            self.events = events
        }

        public static let empty = Fields(id: "", title: "", date: Timestamp(secondsSinceEpoch: 0))

        public static let schema: [SchemaField<Fields>] = [
            SchemaField("id", .text(\.id, .optional)),
            SchemaField("title", .text(\.title, .required(fix: "add `title: \"…\"` to the front matter"))),
            SchemaField("date", .timestamp(\.date, .required(fix: "add `date: 2025-09-09T10:00:00Z` to the front matter"))),
            SchemaField("summary", .text(\.summary, .optional),
                        guidance: "one or two sentences: shown on cards, in feeds and search results"),
            SchemaField("topics", .slugs(\.topics, writtenWhenEmpty: true)),
            SchemaField("companies", .slugs(\.companies, writtenWhenEmpty: true)),
            SchemaField("mentions", .slugs(\.mentions, writtenWhenEmpty: false),
                        guidance: "companies it names only in passing: [slug, …]; shown on the brief, not on their pages"),
            SchemaField("stories", .slugs(\.stories, writtenWhenEmpty: false),
                        guidance: "stories it is part of: [slug, …]; `stories: []` keeps ingest from threading it"),
            SchemaField("authors", .texts(\.authors), guidance: "who wrote the story: [\"Name\", \"Name\"]"),
            SchemaField("sources", .sources(\.sources), guidance: "where the facts come from, one entry each",
                        example: ["- url: https://example.com/story", "  publisher: Example News"]),
            SchemaField("events", .events(\.events),
                        guidance: "timeline entries, each: - date: 2025-09-09 (or 2025-09, 2025), text, companies, expected: true for a plan"),
        ]
    }
}
