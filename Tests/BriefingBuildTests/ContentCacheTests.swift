import BriefingCore
import Foundation
import Testing
@testable import BriefingBuild

@Suite struct ContentCacheTests {
    static let files = [
        "briefing.yml": "title: Test Desk\nbaseURL: https://example.org/\n",
        "content/topics/ai-chips.md": "---\nname: AI chips\ndescription: Accelerators.\nkeywords: [GPU, \"NPU\"]\n---\nIntro — ünïcode.\n",
        "content/companies/nvidia.md": "---\nname: Nvidia\naliases: [NVDA, Nvidia Corp]\nticker: NVDA\nwebsite: https://nvidia.com\n---\nProfile.\n",
        "content/companies/huawei.md": "---\nname: Huawei\n---\n",
        "content/briefs/2025/one.md": """
            ---
            id: guid-1
            title: "One: a \\"quoted\\" title"
            date: 2025-09-01T08:30:00Z
            summary: 华为 and Nvidia.
            topics: [ai-chips]
            companies: [nvidia, huawei]
            sources:
              - url: https://example.com/a
                publisher: Example
              - url: https://example.com/b
                title: B
            events:
              - date: 2025-09
                text: Something in September.
                companies: [huawei]
              - date: 2026
                text: Something next year.
            ---
            Body with *emphasis*.

            """,
        "content/briefs/2025/two.md": "---\ntitle: Two\ndate: 2025-09-02\nstories: [chip-ban]\n---\n",
        "content/stories/chip-ban.md": """
            ---
            title: "Chip ban"
            summary: Where it stands.
            status: concluded
            topics: [ai-chips]
            companies: [nvidia]
            sources:
              - url: https://example.com/s
            events:
              - date: 2025-09-01
                text: It began.
            ---
            What is happening.

            """,
    ]

    func loadSite(_ site: BuildTestSite) throws -> Site {
        try SiteLoader(directory: site.directory).load()
    }

    func inputs(_ site: BuildTestSite) -> SiteInputs { SiteInputs.scan(site: site.directory, previous: [:], jobs: 2) }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let folder = try BuildTestSite(Self.files)
        let site = try loadSite(folder)
        let url = folder.directory.appendingPathComponent(".briefing/content")
        let options = Fingerprint.of(Array("options".utf8))
        try ContentCache.store(site, reused: ParsedContent(), inputs: inputs(folder), options: options, previous: nil, at: url)
        let cache = try #require(ContentCache.load(from: url, siteDirectory: folder.directory, jobs: 2))
        let reused = cache.reusable(for: inputs(folder), options: options)
        #expect(reused.count == 6)
        #expect(try SiteLoader(directory: folder.directory).load(reusing: reused).briefs == site.briefs)
        for brief in site.briefs { #expect(reused.briefs[brief.location.file] == brief) }
        for topic in site.topics { #expect(reused.topics[topic.location.file] == topic) }
        for company in site.companies { #expect(reused.companies[company.location.file] == company) }
        #expect(site.stories.count == 1)
        for story in site.stories { #expect(reused.stories[story.location.file] == story) }
        #expect(site.briefs.first { $0.slug.rawValue == "two" }?.stories.map(\.rawValue) == ["chip-ban"])
        // Another binary may parse differently: nothing is reused under other options.
        #expect(cache.reusable(for: inputs(folder), options: Fingerprint.of(Array("other".utf8))).count == 0)
    }

    @Test func aChangedFileIsNotReusedAndAnAppendedRecordSupersedesIt() throws {
        let folder = try BuildTestSite(Self.files)
        let url = folder.directory.appendingPathComponent(".briefing/content")
        let options = Fingerprint.of(Array("options".utf8))
        try ContentCache.store(try loadSite(folder), reused: ParsedContent(), inputs: inputs(folder), options: options, previous: nil, at: url)
        let size = try #require(FileStamp(path: url.path)).size

        try folder.write("content/briefs/2025/two.md", "---\ntitle: Two, edited\ndate: 2025-09-02\n---\n")
        let cache = try #require(ContentCache.load(from: url, siteDirectory: folder.directory, jobs: 2))
        let reused = cache.reusable(for: inputs(folder), options: options)
        #expect(reused.briefs["content/briefs/2025/two.md"] == nil && reused.count == 5)
        let site = try SiteLoader(directory: folder.directory).load(reusing: reused)
        try ContentCache.store(site, reused: reused, inputs: inputs(folder), options: options, previous: cache, at: url)

        let grown = try #require(FileStamp(path: url.path)).size
        #expect(grown > size && grown - size < size / 2, "one record appended, not the whole cache rewritten")
        let again = try #require(ContentCache.load(from: url, siteDirectory: folder.directory, jobs: 2))
        #expect(again.reusable(for: inputs(folder), options: options).briefs["content/briefs/2025/two.md"]?.title == "Two, edited")
    }

    @Test func aPartialRecordFromAKilledBuildIsIgnoredAndRewritten() throws {
        let folder = try BuildTestSite(Self.files)
        let url = folder.directory.appendingPathComponent(".briefing/content")
        let options = Fingerprint.of(Array("options".utf8))
        let site = try loadSite(folder)
        try ContentCache.store(site, reused: ParsedContent(), inputs: inputs(folder), options: options, previous: nil, at: url)
        let whole = try Data(contentsOf: url)
        // A record's length, then fewer bytes than it promises.
        var torn = whole
        torn.append(contentsOf: [200, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3])
        try torn.write(to: url)

        let cache = try #require(ContentCache.load(from: url, siteDirectory: folder.directory, jobs: 2))
        #expect(cache.isDamaged)
        #expect(cache.reusable(for: inputs(folder), options: options).count == 6)
        try ContentCache.store(site, reused: ParsedContent(), inputs: inputs(folder), options: options, previous: cache, at: url)
        #expect(try Data(contentsOf: url) == whole, "rewritten from scratch, not appended after the torn record")
    }

    @Test func garbageIsNoCache() throws {
        let folder = try BuildTestSite(Self.files)
        let url = folder.directory.appendingPathComponent(".briefing/content")
        try folder.write(".briefing/content", "not a cache")
        #expect(ContentCache.load(from: url, siteDirectory: folder.directory, jobs: 2) == nil)
    }
}

@Suite struct SettledInputsTests {
    @Test func aFileSavedDuringTheBuildIsRecordedAsUnknown() throws {
        let folder = try BuildTestSite(ContentCacheTests.files)
        let inputs = SiteInputs.scan(site: folder.directory, previous: [:], jobs: 2)
        #expect(inputs.changedSinceScan(Array(inputs.files.keys), site: folder.directory, jobs: 2).isEmpty)
        try folder.write("content/briefs/2025/two.md", "---\ntitle: Two, saved mid-build\ndate: 2025-09-02\n---\n")
        let unsettled = inputs.changedSinceScan(Array(inputs.files.keys), site: folder.directory, jobs: 2)
        #expect(unsettled == ["content/briefs/2025/two.md"])
        let recorded = inputs.forgetting(unsettled)
        // The next scan hashes it again and cannot find it unchanged, whatever it holds by then.
        let next = SiteInputs.scan(site: folder.directory, previous: recorded.files, jobs: 2)
        #expect(next.files["content/briefs/2025/two.md"]?.hash != recorded.files["content/briefs/2025/two.md"]?.hash)
        #expect(recorded.files["content/briefs/2025/one.md"] == inputs.files["content/briefs/2025/one.md"])
    }
}
