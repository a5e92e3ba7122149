import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingIngest

@Suite struct IngesterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site with the example registry (companies and topics) and no briefs.
    static func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        for folder in ["companies", "topics"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("content/\(folder)"), to: site.appendingPathComponent("content/\(folder)"))
        }
        return site
    }

    static func seed(_ prefix: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures/seeds", withExtension: nil))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        return folder.appendingPathComponent(name)
    }

    static func briefFiles(in site: URL) -> [String] {
        (FileManager.default.enumerator(atPath: site.appendingPathComponent("content/briefs").path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func ingestingTheSeedsWritesOneBriefPerStoryThatLoads() throws {
        let site = try Self.makeSite()
        let report = try Ingester(siteDirectory: site).ingest([try Self.seed("000_"), try Self.seed("003_")])
        #expect(report.count(.written) == 40, "26 briefs and 14 stories")
        #expect(Self.briefFiles(in: site).count == 26)
        let loaded = try SiteLoader(directory: site).load()
        #expect(loaded.briefs.count == 26)
        let qwen = try #require(loaded.briefs.first { $0.id == "https://techwireasia.com/?p=243591" })
        #expect(qwen.companies.contains(Slug(validating: "alibaba")!))
        #expect(qwen.sources.first?.publisher == "Tech Wire Asia")
        #expect(qwen.date.description == "2025-09-09T10:00:00Z")
        #expect(qwen.body.contains("[Read the full story at Tech Wire Asia]"))
        #expect(!qwen.topics.isEmpty)
        let cluster = try #require(loaded.briefs.first { $0.title.hasPrefix("China discourages Nvidia AI chip purchases") })
        #expect(cluster.sources.contains { $0.publisher == "Reuters" })
        #expect(cluster.body.contains("*Based on 13 articles.*"))
        #expect(cluster.events.contains { $0.date.description == "2025-07" })
        #expect(report.unmatchedNames.keys.contains("MIIT") || report.unmatchedNames.keys.contains("CAC"))
    }

    @Test func reIngestingChangesNothing() throws {
        let site = try Self.makeSite()
        let seeds = [try Self.seed("000_"), try Self.seed("003_")]
        _ = try Ingester(siteDirectory: site).ingest(seeds)
        let before = try Self.briefFiles(in: site).map { try Data(contentsOf: site.appendingPathComponent("content/briefs/\($0)")) }
        let again = try Ingester(siteDirectory: site).ingest(seeds)
        #expect(again.count(.unchanged) == 40)
        #expect(again.count(.written) == 0)
        let after = try Self.briefFiles(in: site).map { try Data(contentsOf: site.appendingPathComponent("content/briefs/\($0)")) }
        #expect(before == after)
    }

    @Test func aBriefAnEditorChangedIsNeverOverwritten() throws {
        let site = try Self.makeSite()
        let seed = try Self.seed("000_")
        _ = try Ingester(siteDirectory: site).ingest([seed])
        let path = site.appendingPathComponent("content/briefs/" + (Self.briefFiles(in: site).first ?? ""))
        let edited = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "topics: [", with: "topics: [export-controls, ")
        try Data(edited.utf8).write(to: path)
        let report = try Ingester(siteDirectory: site).ingest([seed])
        #expect(report.count(.kept) == 1)
        #expect(try String(contentsOf: path, encoding: .utf8) == edited)
    }

    @Test func theSameStoryFromTwoDocumentsMakesOneBrief() throws {
        let site = try Self.makeSite()
        let feed = site.appendingPathComponent("feed.json")
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [
              {"id": "a", "url": "https://example.com/story?utm_source=x", "title": "Huawei ships a chip", "content_text": "Huawei ships.", "date_published": "2025-09-01T00:00:00Z"},
              {"id": "b", "url": "https://EXAMPLE.com/story", "title": "Huawei ships a chip (copy)", "content_text": "Huawei ships.", "date_published": "2025-09-01T00:00:00Z"}
            ]}
            """
        try Data(json.utf8).write(to: feed)
        let report = try Ingester(siteDirectory: site).ingest([feed])
        #expect(report.count(.written) == 1)
        #expect(report.count(.merged) == 1)
    }

    @Test func inMemorySourcesAreIngestedWithTheirOwnTags() throws {
        let site = try Self.makeSite()
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [{"id": "m1", "title": "Huawei ships a chip", "content_text": "Huawei ships.", "date_published": "2025-09-01T00:00:00Z"}]}"#
        let source = IngestSource(
            name: "https://desk.example/feed.json", bytes: Array(json.utf8),
            topics: [Slug(validating: "ai-chips")!], companies: [Slug(validating: "huawei")!, Slug(validating: "smic")!])
        let report = try Ingester(siteDirectory: site).ingest([source])
        #expect(report.count(.written) == 1)
        let brief = try #require(try SiteLoader(directory: site).load().briefs.first)
        #expect(brief.id == "m1")
        #expect(brief.topics.contains(Slug(validating: "ai-chips")!))
        // Huawei is found in the text as well: it is listed once.
        #expect(brief.companies.map(\.rawValue) == ["huawei", "smic"])
        let again = try Ingester(siteDirectory: site).ingest([source])
        #expect(again.count(.unchanged) == 1)
    }

    @Test func aSourceTagNotInTheRegistryIsRefusedBeforeAnythingIsWritten() throws {
        let site = try Self.makeSite()
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [{"id": "m1", "title": "T", "content_text": "x", "date_published": "2025-09-01T00:00:00Z"}]}"#
        let source = IngestSource(name: "desk-feed", bytes: Array(json.utf8), companies: [Slug(validating: "nvida")!])
        #expect {
            try Ingester(siteDirectory: site).ingest([source])
        } throws: { error in
            "\(error)".contains("desk-feed") && "\(error)".contains("nvida") && "\(error)".contains("nvidia")
        }
        #expect(Self.briefFiles(in: site).isEmpty)
    }

    @Test func authorsAreWrittenWhenTheFeedNamesThem() throws {
        let site = try Self.makeSite()
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "authors": [{"name": "Desk Staff"}], "items": [{"id": "a1", "title": "Huawei ships a chip", "content_text": "Huawei ships.", "date_published": "2025-09-01T00:00:00Z", "authors": [{"name": "Li Wei"}, {"name": "Ana \"Q\" Ruiz"}]}, {"id": "a2", "title": "Another", "content_text": "x", "date_published": "2025-09-01T00:00:00Z"}]}"#
        _ = try Ingester(siteDirectory: site).ingest([IngestSource(name: "feed.json", bytes: Array(json.utf8))])
        let briefs = try SiteLoader(directory: site).load().briefs
        #expect(briefs.first { $0.id == "a1" }?.authors == ["Li Wei", "Ana \"Q\" Ruiz"])
        // The feed's own author stands for items that name none.
        #expect(briefs.first { $0.id == "a2" }?.authors == ["Desk Staff"])
    }

    @Test func aStoryWithoutGuidOrLinkIsNamedByItsContentHashAndFoundUnderTheOldPrefix() throws {
        let site = try Self.makeSite()
        let digest = try Self.seed("003_")
        _ = try Ingester(siteDirectory: site).ingest([digest])
        let loaded = try SiteLoader(directory: site).load().briefs
        #expect(!loaded.isEmpty)
        #expect(loaded.allSatisfy { $0.id.hasPrefix("fnv1a:") })
        // Briefs written when these ids were spelt `sha:` keep their ids and files: re-ingest finds them.
        for brief in loaded {
            var fields = brief.fields
            fields.id = "sha:" + fields.id.dropFirst("fnv1a:".count)
            let text = BriefFile.text(of: BriefDraft(fields: fields, slug: brief.slug, body: brief.body))
            try Data(text.utf8).write(to: site.appendingPathComponent(brief.location.file))
        }
        let before = Self.briefFiles(in: site)
        let again = try Ingester(siteDirectory: site).ingest([digest])
        #expect(again.count(.unchanged) == 2 * loaded.count, "the briefs and their stories")
        #expect(Self.briefFiles(in: site) == before)
        #expect(try SiteLoader(directory: site).load().briefs.allSatisfy { $0.id.hasPrefix("sha:") })
    }

    @Test func aFeedCategoryTagsATopic() throws {
        let site = try Self.makeSite()
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [{"id": "c1", "title": "A quiet week", "content_text": "Little happened.", "date_published": "2025-09-01T00:00:00Z", "tags": ["Export controls"]}, {"id": "c2", "title": "Another quiet week", "content_text": "Little happened.", "date_published": "2025-09-02T00:00:00Z"}]}"#
        _ = try Ingester(siteDirectory: site).ingest([IngestSource(name: "feed.json", bytes: Array(json.utf8))])
        let briefs = try SiteLoader(directory: site).load().briefs
        #expect(briefs.first { $0.id == "c1" }?.topics.map(\.rawValue) == ["export-controls"])
        #expect(briefs.first { $0.id == "c2" }?.topics == [])
    }

    @Test func forwardLookingEventsAreKeptAndMarkedExpected() throws {
        var item = SourceItem()
        item.title = "Huawei's plans"
        item.published = Timestamp(iso: "2025-09-01T00:00:00Z")
        item.paragraphs = ["Huawei shipped the Ascend 910C in March 2025. Huawei will launch the Ascend 960 in 2027. It aims for self-sufficiency by 2030."]
        let drafter = BriefDrafter(companies: [], topics: [])
        let fallback = BriefDrafter.FallbackDate(date: Timestamp(secondsSinceEpoch: 0), name: "none")
        guard case .drafted(let draft, _) = drafter.draft(item, from: SourceDocument(format: .rss2), fallback: fallback) else {
            Issue.record("the item was not drafted")
            return
        }
        let expected = Dictionary(draft.fields.events.map { ($0.date.description, $0.expected) }, uniquingKeysWith: { $0 || $1 })
        #expect(expected == ["2025-03": false, "2027": true, "2030": true])
        // The flag is written, and read back by the loader.
        var fields = try FrontMatter.parse(BriefFile.text(of: draft), file: "x.md").fields
        #expect(Brief.Fields.read(&fields)?.events.map(\.expected) == draft.fields.events.map(\.expected))
    }

    @Test func aNameTakenInAnotherYearIsNotReused() throws {
        let site = try Self.makeSite()
        let older = site.appendingPathComponent("content/briefs/2024/huawei-ships-a-chip.md")
        try FileManager.default.createDirectory(at: older.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\nid: older\ntitle: Huawei ships a chip\ndate: 2024-01-01\n---\nOlder.\n".utf8).write(to: older)
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [{"id": "newer", "title": "Huawei ships a chip", "content_text": "Huawei ships.", "date_published": "2025-09-01T00:00:00Z"}]}"#
        _ = try Ingester(siteDirectory: site).ingest([IngestSource(name: "feed.json", bytes: Array(json.utf8))])
        #expect(Self.briefFiles(in: site) == ["2024/huawei-ships-a-chip.md", "2025/huawei-ships-a-chip-2.md"])
        // The build accepts the site: no two briefs share a slug.
        #expect(try SiteLoader(directory: site).load().briefs.count == 2)
    }

    @Test func aHostileTitleCannotEscapeContent() throws {
        let site = try Self.makeSite()
        let feed = site.appendingPathComponent("feed.json")
        try Data(#"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "title": "../../../etc/passwd", "content_text": "x", "date_published": "2025-01-01T00:00:00Z"}]}"#.utf8).write(to: feed)
        _ = try Ingester(siteDirectory: site).ingest([feed])
        #expect(Self.briefFiles(in: site) == ["2025/etc-passwd.md"])
    }

    @Test func anUnknownFormatIsRefusedAndNothingIsWritten() throws {
        let site = try Self.makeSite()
        let good = try Self.seed("003_")
        let bad = site.appendingPathComponent("notes.txt")
        try Data("Just some notes.\nNothing to see.\n".utf8).write(to: bad)
        #expect {
            try Ingester(siteDirectory: site).ingest([good, bad])
        } throws: { error in
            "\(error)".contains("notes.txt") && "\(error)".contains("not a format ingest reads")
        }
        #expect(Self.briefFiles(in: site).isEmpty)
    }

    @Test func briefFilesRecogniseTheirOwnChecksum() {
        let draft = BriefDraft(
            fields: Brief.Fields(id: "x", title: "A \"quoted\" title: with colon", date: Timestamp(iso: "2025-01-02")!, summary: "Line\nbreak"),
            slug: Slug(deriving: "A \"quoted\" title: with colon"), body: "Body")
        let text = BriefFile.text(of: draft)
        #expect(BriefFile.isUnedited(text))
        #expect(!BriefFile.isUnedited(text.replacingOccurrences(of: "Body", with: "Body!")))
        let fields = try? FrontMatter.parse(text, file: "x.md")
        var parsed = fields?.fields
        #expect(parsed?.string("title") == "A \"quoted\" title: with colon")
        #expect(parsed?.string("summary") == "Line\nbreak")
    }
}
