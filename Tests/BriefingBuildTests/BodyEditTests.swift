import BriefingCore
import BriefingRender
import Foundation
import Testing
@testable import BriefingBuild

/// The fast path for prose edits: only pages whose context holds a changed body are examined at all.
@Suite struct BodyEditTests {
    let files = IncrementalBuildTests.files

    func brief(_ title: String, _ date: String, _ topics: String, _ companies: String, _ body: String) -> String {
        IncrementalBuildTests.brief(title, date: date, topics: topics, companies: companies, body: body)
    }

    func build(_ site: BuildTestSite) throws -> BuildReport {
        try SiteBuilder(siteDirectory: site.directory, jobs: 2).build(explain: true)
    }

    @Test func aBodyEditExaminesOnlyThePagesHoldingThatBody() throws {
        let site = try BuildTestSite(files)
        let first = try build(site)
        let plan = PagePlan(site: try SiteLoader(directory: site.directory).load())
        #expect(first.examined == plan.pages.count, "a clean build examines every page")
        // The search index's manifest and term shards are made from every body.
        let index = plan.pages.filter { $0.url == SearchPages.manifestURL || $0.url.hasPrefix("search/terms/") }.count
        try site.write("content/briefs/2025/one.md", brief("One", "2025-09-01", "[ai-chips]", "[nvidia]", "New *body* zeppelin."))
        let report = try build(site)
        // Its page, the site, topic and company feeds that carry its content, its search file and the index.
        #expect(report.examined == 4 + 1 + index)
        // …of which the shards without a term of the brief stay as they were.
        #expect(report.rendered >= 4 + 1 + 1 && report.rendered < report.examined)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }

    /// New words can split a term shard and their removal merge it again: the plan changes, the shortcut holds,
    /// the sitemap (which lists the plan) is looked at, and shards no longer planned are removed.
    @Test func aBodyEditThatSplitsOrMergesSearchShardsStaysOnTheShortcut() throws {
        let site = try BuildTestSite(files)
        let first = try build(site)
        // Some thousands of distinct made-up words: more than one shard's worth of terms.
        let syllables = ["ka", "lo", "mi", "ne", "tu", "ra", "po", "ve", "zu", "den", "gar", "bel"]
        let words = (0..<3000).map { (n: Int) -> String in
            let first: String = syllables[n % 12]
            let second: String = syllables[(n / 12) % 12]
            return first + second + "x" + String(n)
        }
        try site.write("content/briefs/2025/one.md", brief("One", "2025-09-01", "[ai-chips]", "[nvidia]", words.joined(separator: " ")))
        let split = try build(site)
        #expect(split.planned > first.planned, "the words should have split the index into more shards")
        #expect(split.examined < split.planned, "a body edit should not examine every page")
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))

        try site.write("content/briefs/2025/one.md", brief("One", "2025-09-01", "[ai-chips]", "[nvidia]", "Short again."))
        let merged = try build(site)
        #expect(merged.planned == first.planned)
        #expect(merged.removed > 0)
        #expect(merged.examined < merged.planned)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }

    @Test func aBodyEditWithAnOutputChangedByHandRestoresIt() throws {
        let site = try BuildTestSite(files)
        _ = try build(site)
        let page = site.output.appendingPathComponent("topics/policy/index.html")
        try Data("edited by hand".utf8).write(to: page)
        try site.write("content/briefs/2025/one.md", brief("One", "2025-09-01", "[ai-chips]", "[nvidia]", "New body."))
        _ = try build(site)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }

    @Test func aTitleEditExaminesOnlyThePagesThatReadTheBrief() throws {
        let site = try BuildTestSite(files)
        let first = try build(site)
        try site.write("content/briefs/2025/one.md", brief("One, retitled", "2025-09-01", "[ai-chips]", "[nvidia]", "New body."))
        let report = try build(site)
        #expect(!report.examinedEveryPage)
        #expect(report.examined < first.examined)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }

    @Test func aChangedTopicFileExaminesEveryPage() throws {
        let site = try BuildTestSite(files)
        let first = try build(site)
        try site.write("content/briefs/2025/one.md", brief("One", "2025-09-01", "[ai-chips]", "[nvidia]", "New body."))
        try site.write("content/topics/policy.md", "---\nname: Public policy\n---\nIntro.\n")
        let report = try build(site)
        #expect(report.examined == first.examined)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }

    @Test func aCacheOlderThanTheManifestCannotVouchForAFile() throws {
        let site = try BuildTestSite(files)
        let first = try build(site)
        let cache = site.directory.appendingPathComponent(".briefing/content")
        let older = try Data(contentsOf: cache)
        try site.write("content/briefs/2025/one.md", brief("One, retitled", "2025-09-01", "[ai-chips]", "[nvidia]", "Body."))
        _ = try build(site)
        // As if the cache could not be saved after that build: it still holds the old title.
        try older.write(to: cache)
        try site.write("content/briefs/2025/one.md", brief("One, retitled", "2025-09-01", "[ai-chips]", "[nvidia]", "Other body."))
        let report = try build(site)
        #expect(report.examined == first.examined)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }
}
