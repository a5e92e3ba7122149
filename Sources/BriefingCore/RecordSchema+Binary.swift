// Storing a record in a binary cache (the build's parse cache) and reading it back, side by side for each
// kind of field. The layout follows the schema's order; a cache is only read by the binary that wrote it.

/// Where a record's values are written in order: the parse cache's byte writer.
public protocol FieldEncoder {
    mutating func int(_ value: Int)
    mutating func string(_ text: String)
}

/// Reads back what a `FieldEncoder` wrote; nil at any inconsistency.
public protocol FieldDecoder {
    mutating func int() -> Int?
    mutating func string() -> String?
}

extension SchemaRecord {
    public func encode(to encoder: inout some FieldEncoder) {
        for field in Self.schema { field.encode(self, to: &encoder) }
    }

    public static func decode(from decoder: inout some FieldDecoder) -> Self? {
        var record = empty
        for field in schema {
            guard field.decode(from: &decoder, into: &record) else { return nil }
        }
        return record
    }
}

extension SchemaField {
    func encode(_ record: Record, to encoder: inout some FieldEncoder) {
        switch kind {
        case .text(let path, _), .url(let path, _):
            encoder.string(record[keyPath: path])
        case .optionalText(let path):
            let text = record[keyPath: path]
            encoder.int(text == nil ? 0 : 1)
            if let text { encoder.string(text) }
        case .timestamp(let path, _):
            encoder.int(record[keyPath: path].secondsSinceEpoch)
        case .partialDate(let path, _):
            let date = record[keyPath: path]
            encoder.int(date.year)
            encoder.int(date.month ?? 0)
            encoder.int(date.day ?? 0)
        case .slugs(let path, _):
            encoder.list(record[keyPath: path]) { $0.string($1.rawValue) }
        case .texts(let path):
            encoder.list(record[keyPath: path]) { $0.string($1) }
        case .flag(let path):
            encoder.int(record[keyPath: path] ? 1 : 0)
        case .sources(let path):
            encoder.list(record[keyPath: path]) { $1.encode(to: &$0) }
        case .events(let path):
            encoder.list(record[keyPath: path]) { $1.encode(to: &$0) }
        }
    }

    func decode(from decoder: inout some FieldDecoder, into record: inout Record) -> Bool {
        switch kind {
        case .text(let path, _), .url(let path, _):
            guard let text = decoder.string() else { return false }
            record[keyPath: path] = text
        case .optionalText(let path):
            switch decoder.int() {
            case 0: record[keyPath: path] = nil
            case 1:
                guard let text = decoder.string() else { return false }
                record[keyPath: path] = text
            default: return false
            }
        case .timestamp(let path, _):
            guard let seconds = decoder.int() else { return false }
            record[keyPath: path] = Timestamp(secondsSinceEpoch: seconds)
        case .partialDate(let path, _):
            guard let year = decoder.int(), let month = decoder.int(), let day = decoder.int(),
                  let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else { return false }
            record[keyPath: path] = date
        case .slugs(let path, _):
            guard let slugs = decoder.list({ $0.string().flatMap(Slug.init(validating:)) }) else { return false }
            record[keyPath: path] = slugs
        case .texts(let path):
            guard let texts = decoder.list({ $0.string() }) else { return false }
            record[keyPath: path] = texts
        case .flag(let path):
            guard let value = decoder.int(), value == 0 || value == 1 else { return false }
            record[keyPath: path] = value == 1
        case .sources(let path):
            guard let sources = decoder.list({ SourceCitation.decode(from: &$0) }) else { return false }
            record[keyPath: path] = sources
        case .events(let path):
            guard let events = decoder.list({ TimelineEvent.decode(from: &$0) }) else { return false }
            record[keyPath: path] = events
        }
        return true
    }
}

extension FieldEncoder {
    mutating func list<Item>(_ items: [Item], _ write: (inout Self, Item) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }
}

extension FieldDecoder {
    mutating func list<Item>(_ read: (inout Self) -> Item?) -> [Item]? {
        // A damaged count fails at the first item that cannot be read; no space is reserved for it up front.
        guard let count = int(), count >= 0 else { return nil }
        var items: [Item] = []
        for _ in 0..<count {
            guard let item = read(&self) else { return nil }
            items.append(item)
        }
        return items
    }
}
