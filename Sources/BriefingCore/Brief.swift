/// One briefing: a short, sourced write-up of what happened, why it matters and who is involved.
///
/// A value type whose fields live in one shared box until written: a large site holds tens of thousands of
/// briefs and the build copies them between its stages, where copying eleven fields cost eleven reference
/// counts each time and was the largest single cost of loading. Its body may stay in its file until read.
public struct Brief: Sendable, Identifiable, Equatable {
    private final class Storage: @unchecked Sendable {
        // Only ever mutated while uniquely referenced (see `mutable`), so sharing it between threads is safe.
        var id: String
        var slug: Slug
        var title: String
        var date: Timestamp
        var summary: String
        var topics: [Slug]
        var companies: [Slug]
        var sources: [SourceCitation]
        var events: [TimelineEvent]
        var body: BodyText
        var location: ContentLocation

        init(
            id: String, slug: Slug, title: String, date: Timestamp, summary: String, topics: [Slug], companies: [Slug],
            sources: [SourceCitation], events: [TimelineEvent], body: BodyText, location: ContentLocation
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

        func copy() -> Storage {
            Storage(
                id: id, slug: slug, title: title, date: date, summary: summary, topics: topics, companies: companies,
                sources: sources, events: events, body: body, location: location)
        }
    }

    private var storage: Storage

    private var mutable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Stable identity across re-ingests and renames (feed guid, canonical URL or content hash).
    public var id: String {
        get { storage.id }
        set { mutable.id = newValue }
    }
    /// The URL name, taken from the file name.
    public var slug: Slug {
        get { storage.slug }
        set { mutable.slug = newValue }
    }
    public var title: String {
        get { storage.title }
        set { mutable.title = newValue }
    }
    public var date: Timestamp {
        get { storage.date }
        set { mutable.date = newValue }
    }
    public var summary: String {
        get { storage.summary }
        set { mutable.summary = newValue }
    }
    public var topics: [Slug] {
        get { storage.topics }
        set { mutable.topics = newValue }
    }
    public var companies: [Slug] {
        get { storage.companies }
        set { mutable.companies = newValue }
    }
    public var sources: [SourceCitation] {
        get { storage.sources }
        set { mutable.sources = newValue }
    }
    public var events: [TimelineEvent] {
        get { storage.events }
        set { mutable.events = newValue }
    }
    /// Markdown.
    public var body: String {
        get { storage.body.value }
        set { mutable.body = BodyText(newValue) }
    }

    /// Whether `body` was read from the file after the brief was loaded: the file was then read twice.
    public var bodyWasReadLater: Bool { storage.body.wasReadFromFile }
    /// Where it came from, for error messages.
    public var location: ContentLocation {
        get { storage.location }
        set { mutable.location = newValue }
    }

    public init(
        id: String, slug: Slug, title: String, date: Timestamp, summary: String = "", topics: [Slug] = [],
        companies: [Slug] = [], sources: [SourceCitation] = [], events: [TimelineEvent] = [], body: String = "",
        location: ContentLocation
    ) {
        storage = Storage(
            id: id, slug: slug, title: title, date: date, summary: summary, topics: topics, companies: companies, sources: sources,
            events: events, body: BodyText(body), location: location)
    }

    /// A brief whose body stays in its file (`bodyFile`, from `location.bodyOffset` on) until first read.
    public init(
        id: String, slug: Slug, title: String, date: Timestamp, summary: String, topics: [Slug], companies: [Slug],
        sources: [SourceCitation], events: [TimelineEvent], bodyFile: String, location: ContentLocation
    ) {
        storage = Storage(
            id: id, slug: slug, title: title, date: date, summary: summary, topics: topics, companies: companies, sources: sources,
            events: events, body: BodyText(file: bodyFile, offset: location.bodyOffset), location: location)
    }

    /// Compares bodies too, which reads a body still in its file.
    public static func == (lhs: Brief, rhs: Brief) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.id == rhs.id && lhs.slug == rhs.slug && lhs.title == rhs.title && lhs.date == rhs.date
            && lhs.summary == rhs.summary && lhs.topics == rhs.topics && lhs.companies == rhs.companies
            && lhs.sources == rhs.sources && lhs.events == rhs.events && lhs.location == rhs.location && lhs.body == rhs.body
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
    /// Where the body starts, in bytes from the start of the file.
    public var bodyOffset: Int

    public init(file: String, fieldLines: [String: Int] = [:], bodyLine: Int = 1, bodyOffset: Int = 0) {
        self.file = file
        self.fieldLines = fieldLines
        self.bodyLine = bodyLine
        self.bodyOffset = bodyOffset
    }

    public func line(of field: String) -> Int { fieldLines[field] ?? 1 }
}
