/// One briefing: a short, sourced write-up of what happened, why it matters and who is involved.
///
/// A value type whose fields live in one shared box until written: a large site holds tens of thousands of
/// briefs and the build copies them between its stages, where copying eleven fields cost eleven reference
/// counts each time and was the largest single cost of loading. Its body may stay in its file until read.
public struct Brief: Sendable, Identifiable, Equatable {
    private final class Storage: @unchecked Sendable {
        // Only ever mutated while uniquely referenced (see `mutable`), so sharing it between threads is safe.
        var fields: Fields
        var slug: Slug
        var body: BodyText
        var location: ContentLocation

        init(fields: Fields, slug: Slug, body: BodyText, location: ContentLocation) {
            self.fields = fields
            self.slug = slug
            self.body = body
            self.location = location
        }

        func copy() -> Storage { Storage(fields: fields, slug: slug, body: body, location: location) }
    }

    private var storage: Storage

    private var mutable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Its front matter, declared field by field in `Fields.schema`.
    public var fields: Fields {
        get { storage.fields }
        set { mutable.fields = newValue }
    }

    // One accessor per field of `Fields`: the build reads these on every page, so they stay direct.
    /// Stable identity across re-ingests and renames (feed guid, canonical URL or content hash).
    public var id: String {
        get { storage.fields.id }
        set { mutable.fields.id = newValue }
    }
    public var title: String {
        get { storage.fields.title }
        set { mutable.fields.title = newValue }
    }
    public var date: Timestamp {
        get { storage.fields.date }
        set { mutable.fields.date = newValue }
    }
    public var summary: String {
        get { storage.fields.summary }
        set { mutable.fields.summary = newValue }
    }
    public var topics: [Slug] {
        get { storage.fields.topics }
        set { mutable.fields.topics = newValue }
    }
    public var companies: [Slug] {
        get { storage.fields.companies }
        set { mutable.fields.companies = newValue }
    }
    public var mentions: [Slug] {
        get { storage.fields.mentions }
        set { mutable.fields.mentions = newValue }
    }
    public var stories: [Slug] {
        get { storage.fields.stories }
        set { mutable.fields.stories = newValue }
    }
    public var authors: [String] {
        get { storage.fields.authors }
        set { mutable.fields.authors = newValue }
    }
    public var sources: [SourceCitation] {
        get { storage.fields.sources }
        set { mutable.fields.sources = newValue }
    }
    public var events: [TimelineEvent] {
        get { storage.fields.events }
        set { mutable.fields.events = newValue }
    }

    /// The URL name, taken from the file name.
    public var slug: Slug {
        get { storage.slug }
        set { mutable.slug = newValue }
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

    public init(fields: Fields, slug: Slug, body: String = "", location: ContentLocation) {
        storage = Storage(fields: fields, slug: slug, body: BodyText(body), location: location)
    }

    /// A brief whose body stays in its file (`bodyFile`, from `location.bodyOffset` on) until first read.
    public init(fields: Fields, slug: Slug, bodyFile: String, location: ContentLocation) {
        storage = Storage(fields: fields, slug: slug, body: BodyText(file: bodyFile, offset: location.bodyOffset), location: location)
    }

    public init(
        id: String, slug: Slug, title: String, date: Timestamp, summary: String = "", topics: [Slug] = [],
        companies: [Slug] = [], mentions: [Slug] = [], stories: [Slug] = [], authors: [String] = [], sources: [SourceCitation] = [], events: [TimelineEvent] = [],
        body: String = "", location: ContentLocation
    ) {
        let fields = Fields(
            id: id, title: title, date: date, summary: summary, topics: topics, companies: companies, mentions: mentions, stories: stories, authors: authors,
            sources: sources, events: events)
        self.init(fields: fields, slug: slug, body: body, location: location)
    }

    /// Compares bodies too, which reads a body still in its file.
    public static func == (lhs: Brief, rhs: Brief) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.storage.fields == rhs.storage.fields && lhs.slug == rhs.slug && lhs.location == rhs.location && lhs.body == rhs.body
    }

    /// The front matter fields this reader knows; any other is ignored by the build.
    public static var fieldNames: [String] { Fields.fieldNames }

    /// Reads a brief from its front matter; returns nil when a required field is unusable (problems are recorded).
    static func read(_ fields: inout FrontMatterFields, body: String, slug: Slug, location: ContentLocation) -> Brief? {
        guard var values = Fields.read(&fields) else { return nil }
        // A brief without an id is known by its file.
        if values.id.isEmpty { values.id = location.file }
        return Brief(fields: values, slug: slug, body: body, location: location)
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
