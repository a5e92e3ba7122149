/// A record whose front matter fields are declared once, in `schema`: the loader reads them, ingest and
/// `briefing new` write them, and the parse cache stores them, all from that one list.
public protocol SchemaRecord: Sendable {
    /// The fields, in the order they are written.
    static var schema: [SchemaField<Self>] { get }
    /// A record with every field empty, which reading fills in.
    static var empty: Self { get }
}

/// One front matter field: its name, the type of its value and where that value lives in the record.
public struct SchemaField<Record: SchemaRecord>: Sendable {
    public let name: String
    let kind: Kind
    /// What `briefing new` writes after the field, as a YAML comment.
    let guidance: String?
    /// Lines `briefing new` writes, commented out, under an empty list: an entry to copy.
    let example: [String]

    /// Whether a record missing this field cannot be used.
    public enum Requirement: Sendable {
        case optional
        /// Missing, it is a problem; `fix` says what to write.
        case required(fix: String)
    }

    enum Kind: Sendable {
        case text(WritableKeyPath<Record, String> & Sendable, Requirement)
        case optionalText(WritableKeyPath<Record, String?> & Sendable)
        /// An http(s) address.
        case url(WritableKeyPath<Record, String> & Sendable, Requirement)
        case timestamp(WritableKeyPath<Record, Timestamp> & Sendable, Requirement)
        case partialDate(WritableKeyPath<Record, PartialDate> & Sendable, Requirement)
        /// Written as `[a, b]`; `writtenWhenEmpty` keeps `topics: []` in the file so editors see where tags go.
        case slugs(WritableKeyPath<Record, [Slug]> & Sendable, writtenWhenEmpty: Bool)
        case texts(WritableKeyPath<Record, [String]> & Sendable)
        /// Written only when true.
        case flag(WritableKeyPath<Record, Bool> & Sendable)
        case sources(WritableKeyPath<Record, [SourceCitation]> & Sendable)
        case events(WritableKeyPath<Record, [TimelineEvent]> & Sendable)
    }

    init(_ name: String, _ kind: Kind, guidance: String? = nil, example: [String] = []) {
        self.name = name
        self.kind = kind
        self.guidance = guidance
        self.example = example
    }
}

extension SchemaRecord {
    /// The names of the fields, in the order they are written.
    public static var fieldNames: [String] { schema.map(\.name) }
}
