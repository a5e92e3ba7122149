import BriefingCore
import Foundation
import Testing
@testable import BriefingIngest

/// Every item is dated by its own date where it has one, by the feed's (or the fetch time) with a warning
/// where it has none, and every item not written is reported with its reason.
@Suite struct ItemDatingTests {
    func ingest(_ fixture: String, fetchedAt: Timestamp? = nil) throws -> (report: IngestReport, briefs: [Brief]) {
        let site = try IngesterTests.makeSite()
        let source = IngestSource(name: fixture, bytes: try FeedFixtures.bytes(fixture), fetchedAt: fetchedAt)
        let report = try Ingester(siteDirectory: site).ingest([source])
        return (report, try SiteLoader(directory: site).load().briefs)
    }

    @Test func anAtomEntryDatedOnlyByUpdatedIsIngested() throws {
        let (report, briefs) = try ingest("atom-updated-only.xml")
        #expect(report.count(.written) == 1)
        #expect(briefs.first?.date.description == "2025-09-11T09:30:00Z")
        #expect(report.warnings.isEmpty)
    }

    @Test func aJSONFeedItemWithOnlyDateModifiedIsIngested() throws {
        let (report, briefs) = try ingest("jsonfeed-modified-only.json")
        #expect(report.count(.written) == 1)
        #expect(briefs.first?.date.description == "2025-09-07T23:00:00Z")
    }

    @Test func undatedItemsTakeTheFeedsDateWithAWarningNamingTheText() throws {
        let (report, briefs) = try ingest("rss2-undated-items.xml")
        let byTitle = Dictionary(uniqueKeysWithValues: briefs.map { ($0.title, $0.date.description) })
        #expect(byTitle["Dated story"] == "2025-09-09T10:00:00Z")
        // Not the other item's date: the feed's own.
        #expect(byTitle["Story with a date nobody can read"] == "2025-09-10T15:27:22Z")
        #expect(byTitle["Story without a date"] == "2025-09-10T15:27:22Z")
        let warnings = report.warnings.map(\.description)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("“Story with a date nobody can read”") && $0.contains("`the ninth of Septembre`")
            && $0.contains("the feed's own date") && $0.hasPrefix("rss2-undated-items.xml:") })
        #expect(warnings.contains { $0.contains("“Story without a date”") && $0.contains("it has no date") })
    }

    @Test func itemsWithOnlyADublinCoreOrMediaTitleAreRead() throws {
        let (_, briefs) = try ingest("rss2-undated-items.xml")
        #expect(briefs.contains { $0.title == "Only a Dublin Core title" })
        #expect(briefs.contains { $0.title == "Only a media title" })
    }

    @Test func aSkippedItemIsReportedWithItsReasonAndCounted() throws {
        let (report, briefs) = try ingest("rss2-undated-items.xml")
        #expect(briefs.count == 5)
        #expect(report.count(.written) == 5)
        #expect(report.count(.skipped) == 1)
        let skip = try #require(report.skipped.first)
        #expect(skip.item == "item 4")
        #expect(skip.message == "it has no title and no text")
        #expect(skip.line == 24)
        #expect(report.description.contains("skipped: rss2-undated-items.xml:24: item 4: it has no title and no text"))
        #expect(report.description.contains("5 written, 0 updated, 0 unchanged, 0 kept, 0 merged, 1 skipped"))
    }

    @Test func withoutAFeedDateAnUndatedItemTakesTheFetchTime() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "D", "items": [{"id": "u", "title": "Undated", "content_text": "x", "date_published": "someday"}]}"#
        let site = try IngesterTests.makeSite()
        let fetched = Timestamp(iso: "2025-10-01T06:00:00Z")!
        let report = try Ingester(siteDirectory: site).ingest([IngestSource(name: "d.json", bytes: Array(json.utf8), fetchedAt: fetched)])
        #expect(try SiteLoader(directory: site).load().briefs.first?.date == fetched)
        #expect(report.warnings.first?.message == "could not read its date `someday`; dated by the time the source was fetched, 2025-10-01T06:00:00Z")
    }
}
