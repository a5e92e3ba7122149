import Testing
@testable import BriefingCore

/// The brief schema: every field it declares is written, read back and stored as it was.
@Suite struct BriefSchemaTests {
    /// Every field of the schema set, nested entries included, with text that needs quoting.
    static let full = Brief.Fields(
        id: "tag:example.org,2025:one", title: "One: a \"quoted\" title", date: Timestamp(iso: "2025-09-01T08:30:00Z")!,
        summary: "华为 and Nvidia.\nSecond line.", topics: [Slug(validating: "ai-chips")!],
        companies: [Slug(validating: "nvidia")!, Slug(validating: "huawei")!], mentions: [Slug(validating: "smic")!], stories: [Slug(validating: "chip-ban")!],
        authors: ["Jane Doe", "O'Brien, \"Pat\""],
        sources: [
            SourceCitation(url: "https://example.com/a", publisher: "Example"),
            SourceCitation(url: "https://example.com/b", title: "B: the story"),
        ],
        events: [
            TimelineEvent(date: PartialDate(iso: "2025-09")!, text: "Something in September.", companies: [Slug(validating: "huawei")!]),
            TimelineEvent(date: PartialDate(iso: "2026")!, text: "Something next year.", expected: true),
        ])

    static func parse(_ lines: [String]) throws -> FrontMatterFields {
        try FrontMatter.parse("---\n" + lines.joined(separator: "\n") + "\n---\nBody.\n", file: "one.md").fields
    }

    @Test func theWrittenFrontMatterReadsBackAsEveryField() throws {
        var fields = try Self.parse(Self.full.frontMatterLines())
        #expect(Brief.Fields.read(&fields) == Self.full)
        #expect(fields.problems.isEmpty)
        // Every declared field is written, so none can be forgotten by the writer.
        #expect(fields.fieldNames == Brief.Fields.fieldNames.sorted())
    }

    @Test func theScaffoldWritesEveryFieldEvenEmpty() throws {
        let blank = Brief.Fields(id: "x", title: "T", date: Timestamp(iso: "2025-09-01")!)
        var fields = try Self.parse(blank.scaffoldLines())
        #expect(fields.fieldNames == Brief.Fields.fieldNames.sorted())
        #expect(Brief.Fields.read(&fields) == blank)
        #expect(fields.problems.isEmpty)
    }

    @Test func theStoredFieldsDecodeAsTheyWere() throws {
        var bytes = ByteLog()
        Self.full.encode(to: &bytes)
        Brief.Fields.empty.encode(to: &bytes)
        #expect(Brief.Fields.decode(from: &bytes) == Self.full)
        #expect(Brief.Fields.decode(from: &bytes) == Brief.Fields.empty)
        #expect(bytes.isAtEnd)
        // Cut short anywhere, the record is refused rather than read wrong.
        var cut = ByteLog()
        Self.full.encode(to: &cut)
        cut.values.removeLast()
        #expect(Brief.Fields.decode(from: &cut) == nil)
    }

    @Test func theLoaderKnowsAuthors() throws {
        let site = try TemporarySite([
            "content/briefs/2025/a.md": TemporarySite.brief(extra: "authors: [\"Jane Doe\", John Roe]\n"),
            "content/briefs/2025/b.md": TemporarySite.brief(title: "B"),
        ])
        let briefs = try SiteLoader(directory: site.directory).load().briefs.sorted { $0.slug < $1.slug }
        #expect(briefs.map(\.authors) == [["Jane Doe", "John Roe"], []])
        #expect(Brief.fieldNames.contains("authors"))
    }

    @Test func theLoaderKnowsExpectedEvents() throws {
        let events = "events:\n  - date: 2030\n    text: Chips by 2030\n    expected: true\n  - date: 2025-09\n    text: Shipped\n"
        let site = try TemporarySite(["content/briefs/2025/a.md": TemporarySite.brief(extra: events)])
        let brief = try #require(try SiteLoader(directory: site.directory).load().briefs.first)
        #expect(brief.events.map(\.expected) == [true, false])
    }

    @Test func aBriefWithoutAnIDIsKnownByItsFile() throws {
        let site = try TemporarySite(["content/briefs/2025/a.md": TemporarySite.brief()])
        #expect(try SiteLoader(directory: site.directory).load().briefs.first?.id == "content/briefs/2025/a.md")
    }

    @Test func aRequiredFieldMissingIsReportedAndTheRecordRefused() throws {
        var fields = try Self.parse(["events:", "  - text: \"No date\"", "  - date: \"2025-13\"", "    text: \"Bad month\""])
        #expect(Brief.Fields.read(&fields) == nil)
        let messages = fields.problems.map(\.message)
        #expect(messages.contains("the required field `title` is missing"))
        #expect(messages.contains("the required field `date` is missing"))
        #expect(messages.contains("`2025-13` is not a date"))
    }
}

/// An in-memory `FieldEncoder`/`FieldDecoder`: the values in order, read back from the front.
struct ByteLog: FieldEncoder, FieldDecoder {
    enum Value: Equatable {
        case int(Int)
        case string(String)
    }

    var values: [Value] = []
    var next = 0

    var isAtEnd: Bool { next == values.count }

    mutating func int(_ value: Int) { values.append(.int(value)) }
    mutating func string(_ text: String) { values.append(.string(text)) }

    mutating func int() -> Int? {
        guard next < values.count, case .int(let value) = values[next] else { return nil }
        next += 1
        return value
    }

    mutating func string() -> String? {
        guard next < values.count, case .string(let text) = values[next] else { return nil }
        next += 1
        return text
    }
}
