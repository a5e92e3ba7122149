import Foundation
import Testing
@testable import BriefingBuild

/// `.briefing/search-terms`: kept between builds, appended to after an edit, and never trusted when damaged.
@Suite struct SearchTermFileTests {
    let files = IncrementalBuildTests.files

    func build(_ site: BuildTestSite) throws {
        _ = try SiteBuilder(siteDirectory: site.directory, jobs: 2).build()
    }

    func termFile(_ site: BuildTestSite) -> String { site.directory.appendingPathComponent(".briefing/search-terms").path }

    func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    @Test func anEditAppendsTheTermsOfItsBriefAlone() throws {
        let site = try BuildTestSite(files)
        try build(site)
        let path = termFile(site)
        let first = size(path)
        #expect(first > 0)
        try site.write("content/briefs/2025/one.md", IncrementalBuildTests.brief("One", date: "2025-09-01", body: "Zeppelins over *Hangzhou*."))
        try build(site)
        let second = size(path)
        // One brief's record (and its two new terms), not the three briefs again.
        #expect(second > first && second - first < first / 2)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
        let text = try #require(site.read("search/terms/t.json"))
        #expect(text.contains("\"zeppelins\""))
    }

    @Test func aDamagedFileIsIgnoredAndWrittenAfresh() throws {
        let site = try BuildTestSite(files)
        try build(site)
        let path = termFile(site)
        // A build killed while appending: a record cut short.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([1, 0, 0, 0, 0, 0, 0, 0, 99, 0]))
        try handle.close()
        try site.write("content/briefs/2025/two.md", IncrementalBuildTests.brief("Two", date: "2025-09-02", topics: "[policy]", companies: "[huawei]", body: "Quasars."))
        try build(site)
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
        let loaded = try #require(SearchTermFile.load(from: URL(fileURLWithPath: path), engine: SiteBuilder(siteDirectory: site.directory).binaryFingerprint().hex) { _ in nil })
        #expect(!loaded.isDamaged)
        #expect(loaded.records == 3)
    }

    @Test func termsKeptUnderAnotherFilesHashAreNotUsed() throws {
        // The same site built twice with one brief's text swapped in between: the second build must show the new words.
        let site = try BuildTestSite(files)
        try build(site)
        try site.write("content/briefs/2025/three.md", IncrementalBuildTests.brief("Three", date: "2025-09-03", body: "Lithography."))
        try build(site)
        try site.write("content/briefs/2025/three.md", IncrementalBuildTests.brief("Three", date: "2025-09-03", body: "Etching."))
        try build(site)
        let shard = try #require(site.read("search/terms/t.json"))
        #expect(shard.contains("\"etching\"") && !shard.contains("\"lithography\""))
        #expect(site.snapshot() == (try IncrementalBuildTests().cleanBuild(site)))
    }
}
