import BriefingCore
import Foundation
import Testing
@testable import BriefingBuild
@testable import BriefingIngest
@testable import BriefingScaffold

/// One brief schema for every tool: what ingest writes and `briefing new` scaffolds, the loader reads, and the
/// parse cache keeps, field for field.
@Suite struct BriefSchemaRoundTripTests {
    static let fields = Brief.Fields(
        id: "fnv1a:0123456789abcdef", title: "Huawei's \"Ascend\" roadmap: 2026", date: Timestamp(iso: "2025-09-18T09:30:00Z")!,
        summary: "Huawei sets out three years of AI chips.", topics: [Slug(validating: "ai-chips")!],
        companies: [Slug(validating: "nvidia")!], authors: ["Li Wei"],
        sources: [SourceCitation(url: "https://example.com/ascend", publisher: "Example News", title: "Ascend")],
        events: [TimelineEvent(date: PartialDate(iso: "2026-03")!, text: "Ascend 950PR ships.", companies: [Slug(validating: "nvidia")!])])

    @Test func ingestsBriefLoadsAndSurvivesTheParseCache() throws {
        let site = try CheckSite.clean()
        let draft = BriefDraft(fields: Self.fields, slug: Slug(validating: "ascend")!, body: "Body.")
        try site.write(draft.relativePath, BriefFile.text(of: draft))
        let loaded = try SiteLoader(directory: site.directory).load()
        let brief = try #require(loaded.briefs.first { $0.slug.rawValue == "ascend" })
        #expect(brief.fields == Self.fields)
        #expect(brief.body == "Body.\n")

        let inputs = SiteInputs.scan(site: site.directory, previous: [:], jobs: 1)
        let options = Fingerprint.of(Array("options".utf8))
        let url = site.directory.appendingPathComponent(".briefing/content")
        try ContentCache.store(loaded, reused: ParsedContent(), inputs: inputs, options: options, previous: nil, at: url)
        let cache = try #require(ContentCache.load(from: url, siteDirectory: site.directory, jobs: 1))
        let cached = try #require(cache.reusable(for: inputs, options: options).briefs[draft.relativePath])
        #expect(cached == brief)
        #expect(cached.fields == Self.fields)
    }

    @Test func aScaffoldedBriefLoadsAndIngestWritesItBackTheSame() throws {
        let site = try CheckSite.clean()
        let path = try Scaffolder(siteDirectory: site.directory, now: Timestamp(iso: "2025-09-18T09:30:00Z")!)
            .newBrief(title: "Ascend", topics: ["ai-chips"], companies: ["nvidia"])
        let text = try #require(site.read(path))
        // The scaffold names every field the loader reads.
        for name in Brief.fieldNames { #expect(text.contains("\n\(name):"), "`\(name)` is missing from the new brief") }
        let brief = try #require(try SiteLoader(directory: site.directory).load().briefs.first { $0.location.file == path })
        #expect(brief.topics.map(\.rawValue) == ["ai-chips"])
        #expect(brief.companies.map(\.rawValue) == ["nvidia"])
        // Written again as ingest writes briefs, it reads back as the same fields.
        let draft = BriefDraft(fields: brief.fields, slug: brief.slug, body: brief.body)
        var reread = try FrontMatter.parse(BriefFile.text(of: draft), file: path).fields
        #expect(Brief.Fields.read(&reread) == brief.fields)
    }
}
