/// A dated statement on the timeline, as written in a brief's `events`.
public struct TimelineEvent: Hashable, Sendable {
    public var date: PartialDate
    public var text: String
    public var companies: [Slug]

    public init(date: PartialDate, text: String, companies: [Slug] = []) {
        self.date = date
        self.text = text
        self.companies = companies
    }

    static func read(_ fields: inout FrontMatterFields) -> TimelineEvent? {
        let dateText = fields.string("date", required: true, fix: "give each event a `date: 2025`, `2025-07` or `2025-07-31`")
        let text = fields.string("text", required: true, fix: "give each event a `text: …` saying what happened")
        let companies = fields.slugs("companies")
        guard let dateText, let text else { return nil }
        guard let date = PartialDate(iso: dateText) else {
            fields.report("date", "`\(dateText)` is not a date", fix: "write the date as 2025, 2025-07 or 2025-07-31")
            return nil
        }
        return TimelineEvent(date: date, text: text, companies: companies)
    }
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
