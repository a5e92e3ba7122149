/// A dated statement on the timeline, as written in a brief's `events`.
public struct TimelineEvent: Hashable, Sendable {
    public var date: PartialDate
    public var text: String
    public var companies: [Slug]
    /// A plan or deadline ("by 2030", "will launch in March"), not something that has happened.
    public var expected: Bool

    public init(date: PartialDate, text: String, companies: [Slug] = [], expected: Bool = false) {
        self.date = date
        self.text = text
        self.companies = companies
        self.expected = expected
    }
}

extension TimelineEvent: SchemaRecord {
    // Year 1 is always a valid date; reading replaces it.
    public static let empty = TimelineEvent(date: PartialDate(year: 1)!, text: "")

    public static let schema: [SchemaField<TimelineEvent>] = [
        SchemaField("date", .partialDate(\.date, .required(fix: "give each event a `date: 2025`, `2025-07` or `2025-07-31`"))),
        SchemaField("text", .text(\.text, .required(fix: "give each event a `text: …` saying what happened"))),
        SchemaField("companies", .slugs(\.companies, writtenWhenEmpty: false)),
        SchemaField("expected", .flag(\.expected)),
    ]
}

/// An event placed in the site: which brief it comes from, so the timeline can link back.
public struct DatedEvent: Hashable, Sendable {
    public var event: TimelineEvent
    public var brief: Slug
    /// Position within its brief, to keep ordering stable among same-day events.
    public var index: Int

    public init(event: TimelineEvent, brief: Slug, index: Int) {
        self.event = event
        self.brief = brief
        self.index = index
    }
}

extension FrontMatterFields {
    /// A list of slugs; an entry that is not a valid slug is reported, with the slug it should probably be.
    mutating func slugs(_ key: String) -> [Slug] {
        strings(key).compactMap { text in
            if let slug = Slug(validating: text) { return slug }
            report(key, "`\(text)` in `\(key)` is not a slug", fix: "write it as `\(Slug(deriving: text))`")
            return nil
        }
    }
}
