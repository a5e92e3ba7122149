import BriefingCore

// The layout of each content type in the cache. Reading and writing sit side by side so the two
// cannot drift apart unnoticed; a round-trip test covers every field. A brief's front matter is stored
// by its schema (`Brief.Fields.schema`), so a field added there is stored without a change here.

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
        case .story(let story): int(3); self.story(story)
        }
    }

    private mutating func brief(_ brief: Brief) {
        string(brief.slug.rawValue)
        brief.fields.encode(to: &self)
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

    private mutating func story(_ story: Story) {
        string(story.slug.rawValue)
        story.fields.encode(to: &self)
        string(story.body)
        location(story.location)
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
        case 3: item = story().map { .story($0) }
        default: item = nil
        }
        return item.map { ContentCache.Entry(path: path, hash: hash, item: $0) }
    }

    private mutating func brief(bodyFile: String) -> Brief? {
        guard let slug = slug(), let fields = Brief.Fields.decode(from: &self), let location = location() else { return nil }
        return Brief(fields: fields, slug: slug, bodyFile: bodyFile, location: location)
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

    private mutating func story() -> Story? {
        guard let slug = slug(), let fields = Story.Fields.decode(from: &self), let body = string(), let location = location() else { return nil }
        return Story(fields: fields, slug: slug, body: body, location: location)
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

extension BinaryWriter: FieldEncoder {}
extension BinaryReader: FieldDecoder {}
