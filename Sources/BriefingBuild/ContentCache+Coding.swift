import BriefingCore

// The layout of each content type in the cache. Reading and writing sit side by side so the two
// cannot drift apart unnoticed; a round-trip test covers every field.

// A brief's body is not stored: it stays in its file, which the cache vouches for by hash, and is read
// from `location.bodyOffset` only if a page needs it.

extension BinaryWriter {
    mutating func entry(_ entry: ContentCache.Entry) {
        string(entry.path)
        fingerprint(entry.hash)
        switch entry.item {
        case .brief(let brief): int(0); self.brief(brief)
        case .topic(let topic): int(1); self.topic(topic)
        case .company(let company): int(2); self.company(company)
        }
    }

    private mutating func brief(_ brief: Brief) {
        string(brief.id)
        string(brief.slug.rawValue)
        string(brief.title)
        int(brief.date.secondsSinceEpoch)
        string(brief.summary)
        list(brief.topics) { $0.string($1.rawValue) }
        list(brief.companies) { $0.string($1.rawValue) }
        list(brief.sources) { writer, source in
            writer.string(source.url)
            writer.optional(source.publisher)
            writer.optional(source.title)
        }
        list(brief.events) { writer, event in
            writer.int(event.date.year)
            writer.int(event.date.month ?? 0)
            writer.int(event.date.day ?? 0)
            writer.string(event.text)
            writer.list(event.companies) { $0.string($1.rawValue) }
        }
        location(brief.location)
    }

    private mutating func topic(_ topic: Topic) {
        string(topic.slug.rawValue)
        string(topic.name)
        string(topic.description)
        list(topic.keywords) { $0.string($1) }
        string(topic.body)
        location(topic.location)
    }

    private mutating func company(_ company: Company) {
        string(company.slug.rawValue)
        string(company.name)
        list(company.aliases) { $0.string($1) }
        optional(company.ticker)
        optional(company.headquarters)
        optional(company.website)
        string(company.body)
        location(company.location)
    }

    private mutating func location(_ location: ContentLocation) {
        string(location.file)
        list(location.fieldLines.sorted { $0.key < $1.key }) { writer, field in
            writer.string(field.key)
            writer.int(field.value)
        }
        int(location.bodyLine)
        int(location.bodyOffset)
    }
}

extension BinaryReader {
    /// `siteDirectory` ends with a slash; bodies are read from the files below it.
    mutating func entry(siteDirectory: String) -> ContentCache.Entry? {
        guard let path = string(), let hash = fingerprint(), let kind = int() else { return nil }
        let item: ContentCache.Entry.Item?
        switch kind {
        case 0: item = brief(bodyFile: siteDirectory + path).map { .brief($0) }
        case 1: item = topic().map { .topic($0) }
        case 2: item = company().map { .company($0) }
        default: item = nil
        }
        return item.map { ContentCache.Entry(path: path, hash: hash, item: $0) }
    }

    private mutating func brief(bodyFile: String) -> Brief? {
        guard let id = string(), let slug = slug(), let title = string(), let seconds = int(), let summary = string(),
              let topics = list({ $0.slug() }), let companies = list({ $0.slug() }),
              let sources = list({ reader -> SourceCitation? in
                  guard let url = reader.string(), let publisher = reader.optional(), let title = reader.optional() else { return nil }
                  return SourceCitation(url: url, publisher: publisher, title: title)
              }),
              let events = list({ reader -> TimelineEvent? in
                  guard let year = reader.int(), let month = reader.int(), let day = reader.int(),
                        let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day),
                        let text = reader.string(), let companies = reader.list({ $0.slug() }) else { return nil }
                  return TimelineEvent(date: date, text: text, companies: companies)
              }),
              let location = location()
        else { return nil }
        return Brief(
            id: id, slug: slug, title: title, date: Timestamp(secondsSinceEpoch: seconds), summary: summary, topics: topics,
            companies: companies, sources: sources, events: events, bodyFile: bodyFile, location: location)
    }

    private mutating func topic() -> Topic? {
        guard let slug = slug(), let name = string(), let description = string(), let keywords = list({ $0.string() }),
              let body = string(), let location = location()
        else { return nil }
        return Topic(slug: slug, name: name, description: description, keywords: keywords, body: body, location: location)
    }

    private mutating func company() -> Company? {
        guard let slug = slug(), let name = string(), let aliases = list({ $0.string() }), let ticker = optional(),
              let headquarters = optional(), let website = optional(), let body = string(), let location = location()
        else { return nil }
        return Company(
            slug: slug, name: name, aliases: aliases, ticker: ticker, headquarters: headquarters, website: website, body: body,
            location: location)
    }

    private mutating func slug() -> Slug? { string().flatMap(Slug.init(validating:)) }

    private mutating func location() -> ContentLocation? {
        guard let file = string(), let lines = list({ reader -> (String, Int)? in
            guard let key = reader.string(), let line = reader.int() else { return nil }
            return (key, line)
        }), let bodyLine = int(), let bodyOffset = int() else { return nil }
        return ContentLocation(
            file: file, fieldLines: Dictionary(lines, uniquingKeysWith: { first, _ in first }), bodyLine: bodyLine, bodyOffset: bodyOffset)
    }
}
