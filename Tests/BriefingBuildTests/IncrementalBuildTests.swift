import Foundation
import Synchronization
import Testing
@testable import BriefingBuild

@Suite struct IncrementalBuildTests {
    static func brief(_ title: String, date: String, topics: String = "[ai-chips]", companies: String = "[nvidia]", body: String = "Body.") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\nsummary: About \(title).\ntopics: \(topics)\ncompanies: \(companies)\n---\n\(body)\n"
    }

    static let files = [
        "briefing.yml": "title: Test Desk\nbaseURL: https://example.org/\npageSize: 2\n",
        "content/topics/ai-chips.md": "---\nname: AI chips\n---\nIntro.\n",
        "content/topics/policy.md": "---\nname: Policy\n---\nIntro.\n",
        "content/companies/nvidia.md": "---\nname: Nvidia\n---\nProfile.\n",
        "content/companies/huawei.md": "---\nname: Huawei\n---\nProfile.\n",
        "content/briefs/2025/one.md": brief("One", date: "2025-09-01"),
        "content/briefs/2025/two.md": brief("Two", date: "2025-09-02", topics: "[policy]", companies: "[huawei]"),
        "content/briefs/2025/three.md": brief("Three", date: "2025-09-03"),
    ]

    /// Builds, returns the report and the paths it wrote.
    func build(_ site: BuildTestSite, jobs: Int = 2) throws -> (BuildReport, Set<String>) {
        let before = site.snapshot()
        let report = try SiteBuilder(siteDirectory: site.directory, jobs: jobs).build(explain: true)
        let after = site.snapshot()
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        return (report, changed)
    }

    /// A clean build of the same site into a fresh folder, for comparison.
    func cleanBuild(_ site: BuildTestSite) throws -> [String: Data] {
        let copy = try BuildTestSite()
        for item in ["briefing.yml", "content", "templates", "static"] {
            let source = site.directory.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: copy.directory.appendingPathComponent(item))
            }
        }
        _ = try SiteBuilder(siteDirectory: copy.directory).build()
        return copy.snapshot()
    }

    @Test func aNoOpBuildRendersAndWritesNothing() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        // A touch changes the stamp but not the bytes: the content hash decides.
        let path = site.directory.appendingPathComponent("content/briefs/2025/one.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        let (report, changed) = try build(site)
        #expect(report.rendered == 0 && report.written == 0 && changed.isEmpty)
    }

    @Test func aBodyEditRendersThePageAndTheFeedsThatCarryIt() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01", body: "New *body*."))
        let (report, changed) = try build(site)
        // Its page, the feeds that carry it, its search file and the term shard its words are in (this small site has
        // one). Search documents take a block of 16 numbers per day from 1 January: 1 September is day 243.
        #expect(changed == [
            "briefs/one/index.html", "feed.xml", "topics/ai-chips/feed.xml", "companies/nvidia/feed.xml", "search/docs/3888.json",
            "search/terms/t.json",
        ])
        #expect(report.written == changed.count)
        #expect(report.explanations.contains("briefs/one/index.html: changed: brief"))
        #expect(!report.explanations.contains { $0.hasPrefix("topics/ai-chips/index.html") })
        #expect(site.snapshot() == (try cleanBuild(site)))
    }

    @Test func aTitleEditUpdatesExactlyTheListsItAppearsIn() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        try site.write("content/briefs/2025/two.md", Self.brief("Two renamed", date: "2025-09-02", topics: "[policy]", companies: "[huawei]"))
        let (_, changed) = try build(site)
        #expect(changed.contains("topics/policy/index.html"))
        #expect(changed.contains("companies/huawei/index.html"))
        #expect(!changed.contains("topics/ai-chips/index.html"))
        #expect(!changed.contains("companies/nvidia/index.html"))
        #expect(site.snapshot() == (try cleanBuild(site)))
    }

    @Test func deletingABriefRemovesItsPageAndUpdatesItsLists() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent("content/briefs/2025/three.md"))
        let (report, _) = try build(site)
        // Its page, its search file (numbered by its day, 3 September: day 245 × 16) while the others keep theirs,
        // and its day of the daily briefing with both editions: it was the only brief of 3 September.
        #expect(report.removed == 5)
        #expect(site.read("briefs/three/index.html") == nil)
        #expect(site.read("search/docs/3920.json") == nil && site.read("search/docs/3904.json") != nil)
        #expect(site.read("daily/2025-09-03/index.html") == nil)
        #expect(site.read("daily/2025-09-03/email.html") == nil)
        #expect(site.read("daily/2025-09-03/email.txt") == nil)
        #expect(site.read("daily/index.html")?.contains("daily/2025-09-03/") == false)
        #expect(site.read("topics/ai-chips/index.html")?.contains("Three") == false)
        #expect(site.snapshot() == (try cleanBuild(site)))
    }

    @Test func aTemplateChangeRendersOnlyThePagesThatUseIt() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        try site.write("templates/robots.txt.mustache", "User-agent: *\nDisallow: /private/\n")
        let (report, changed) = try build(site)
        #expect(changed == ["robots.txt"])
        #expect(report.rendered == 1)
    }

    @Test func aMissingOrCorruptManifestMeansACleanBuild() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        let first = site.snapshot()
        try Data("garbage".utf8).write(to: site.directory.appendingPathComponent(".briefing/manifest"))
        let (report, changed) = try build(site)
        #expect(report.rendered == first.count)
        #expect(changed.isEmpty)
    }

    @Test func anOutputFileChangedByHandIsRestored() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        let first = site.snapshot()
        try Data("defaced".utf8).write(to: site.output.appendingPathComponent("briefs/one/index.html"))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("feed.xml"))
        let (report, _) = try build(site)
        #expect(report.rendered == 2)
        #expect(site.snapshot() == first)
    }

    @Test func aBuildInterruptedAfterWritingIsRepairedByTheNext() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        // What a kill between writing outputs and saving the manifest leaves: new bytes, no manifest.
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01", body: "Edited."))
        try Data("half-written".utf8).write(to: site.output.appendingPathComponent("briefs/one/index.html"))
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent(".briefing/manifest"))
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01"))
        _ = try build(site)
        #expect(site.snapshot() == (try cleanBuild(site)))
    }

    @Test func aBuildTimesEachStageItRan() throws {
        let site = try BuildTestSite(Self.files)
        let (first, _) = try build(site)
        #expect(first.times.stages.map(\.name) == [
            "manifest loaded", "inputs scanned", "parse cache loaded", "site loaded", "planned", "reads compared", "pages examined", "rendered and written", "manifest saved",
        ])
        #expect(first.times.stages.allSatisfy { $0.seconds >= 0 })
        let (noOp, _) = try build(site)
        #expect(noOp.times.stages.map(\.name) == ["manifest loaded", "inputs scanned", "outputs checked"])
        #expect(noOp.times.description.hasPrefix("manifest loaded "))
    }

    @Test func serveKeepsTheManifestInMemoryOnlyWhenTheFileHoldsItAsItIs() throws {
        var files = Self.files
        for day in 1...60 {
            files["content/briefs/2025/b\(day).md"] = Self.brief("Brief \(day)", date: "2025-0\(day % 6 + 1)-\(10 + day % 18)")
        }
        let site = try BuildTestSite(files)
        let url = site.directory.appendingPathComponent(".briefing/manifest")
        var builder = SiteBuilder(siteDirectory: site.directory, jobs: 2)
        builder.memory = BuildMemory()
        _ = try builder.build()
        // Written whole, the file may number the reads otherwise than the memory would: it is read back instead.
        #expect(builder.memory?.manifest.value(at: url) == nil)
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01", body: "Edited."))
        _ = try builder.build()
        let kept = try #require(builder.memory?.manifest.value(at: url), "an edit's change was appended, so the manifest stays in memory")
        let loaded = try #require(BuildManifest.load(from: url))
        #expect(kept.outputs == loaded.outputs)
        #expect(kept.reads.keys == loaded.reads.keys)
        #expect(kept.inputs == loaded.inputs)
    }

    @Test func aBuildKilledWhileItsOutputsChangedLeavesAManifestThatLoadsAsNone() throws {
        let site = try BuildTestSite(Self.files)
        _ = try build(site)
        let manifest = site.directory.appendingPathComponent(".briefing/manifest")
        #expect(BuildManifest.load(from: manifest) != nil)
        // What a kill between putting files in place and saving leaves: the mark last, and new bytes in place.
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01", body: "Edited."))
        #expect(BuildManifest.markOutputsChanging(at: manifest))
        try Data("half-written".utf8).write(to: site.output.appendingPathComponent("briefs/one/index.html"))
        #expect(BuildManifest.load(from: manifest) == nil)
        try site.write("content/briefs/2025/one.md", Self.brief("One", date: "2025-09-01"))
        let (report, _) = try build(site)
        #expect(report.examinedEveryPage)
        #expect(site.snapshot() == (try cleanBuild(site)))
    }

    @Test func anEditAppendsItsChangesToTheManifestAndTheyLoadAsAWholeOne() throws {
        // Enough briefs that one edit changes a small part of the manifest (a large one is written whole).
        var files = Self.files
        for day in 1...60 {
            files["content/briefs/2025/b\(day).md"] = Self.brief("Brief \(day)", date: "2025-0\(day % 6 + 1)-\(10 + day % 18)", topics: day % 2 == 0 ? "[policy]" : "[ai-chips]")
        }
        let site = try BuildTestSite(files)
        _ = try build(site)
        let url = site.directory.appendingPathComponent(".briefing/manifest")
        let whole = try Data(contentsOf: url)
        try site.write("content/briefs/2025/one.md", Self.brief("One, retitled", date: "2025-09-01", body: "Edited."))
        let (report, _) = try build(site)
        #expect(!report.examinedEveryPage)
        let appended = try Data(contentsOf: url)
        #expect(appended.count > whole.count && appended.prefix(whole.count) == whole, "the edit's changes follow the last whole manifest")

        let loaded = try #require(BuildManifest.load(from: url))
        let copy = url.deletingLastPathComponent().appendingPathComponent("manifest-copy")
        try loaded.save(to: copy)
        let rewritten = try #require(BuildManifest.load(from: copy))
        #expect(rewritten.inputs == loaded.inputs)
        #expect(rewritten.outputs == loaded.outputs)
        #expect(rewritten.siteDigest == loaded.siteDigest)
        #expect(loaded.outputs.keys.contains("briefs/one/index.html"))
        // The appended record names the brief's new title in its page's record, as a fresh build would.
        let fresh = try BuildTestSite(files)
        try fresh.write("content/briefs/2025/one.md", Self.brief("One, retitled", date: "2025-09-01", body: "Edited."))
        _ = try build(fresh)
        let clean = try #require(BuildManifest.load(from: fresh.directory.appendingPathComponent(".briefing/manifest")))
        #expect(clean.outputs["briefs/one/index.html"]?.fingerprint == loaded.outputs["briefs/one/index.html"]?.fingerprint)
    }
}

@Suite struct BuildLockTests {
    @Test func aSecondBuildWaitsForTheFirst() async throws {
        let site = try BuildTestSite(IncrementalBuildTests.files)
        let builder = SiteBuilder(siteDirectory: site.directory)
        var held: BuildLock? = try BuildLock(file: builder.stateDirectory.appendingPathComponent("lock"), waiting: {})
        let waited = Mutex(false)
        let finished = Mutex(false)
        let task = Blocking.run {
            _ = try builder.build(waiting: { waited.withLock { $0 = true } })
            finished.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(waited.withLock { $0 })
        #expect(!finished.withLock { $0 })
        held = nil
        _ = held
        try await task()
        #expect(finished.withLock { $0 })
        #expect(site.read("index.html") != nil)
    }
}

@Suite struct OutputLockTests {
    @Test func aBuildWaitsWhileAnotherWritesTheSameOutputFolder() async throws {
        let site = try BuildTestSite(IncrementalBuildTests.files)
        let builder = SiteBuilder(siteDirectory: site.directory)
        var held: BuildLock? = try BuildLock(folder: builder.outputDirectory, waiting: {})
        let waited = Mutex(false)
        let task = Blocking.run { _ = try builder.build(waiting: { waited.withLock { $0 = true } }) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(waited.withLock { $0 })
        held = nil
        _ = held
        try await task()
        #expect(site.read("index.html") != nil)
    }
}

/// Runs blocking work (a build waiting on a file lock) on a Dispatch thread: blocking the few threads of
/// Swift's cooperative pool would stall every other test, including the one that releases the lock.
enum Blocking {
    static func run(_ work: @escaping @Sendable () throws -> Void) -> @Sendable () async throws -> Void {
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.global().async {
            do { try work() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        return {
            while done.wait(timeout: .now()) == .timedOut { try await Task.sleep(for: .milliseconds(20)) }
            if let error = failure.withLock({ $0 }) { throw error }
        }
    }
}
