import Foundation
import Testing
@testable import BriefingServe

@Suite struct SiteWatcherTests {
    let site: URL
    let watcher: SiteWatcher

    init() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-watch-\(UUID().uuidString)")
        watcher = SiteWatcher(site: site, interval: .milliseconds(20), quiet: .milliseconds(20))
        try write("briefing.yml", "title: Watched\n")
        try write("content/briefs/2025/a.md", "---\ntitle: A\n---\n")
        try write("templates/brief.mustache", "{{title}}")
    }

    func write(_ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func watchesWhatTheBuildReads() {
        #expect(Set(watcher.snapshot().keys) == ["briefing.yml", "content/briefs/2025/a.md", "templates/brief.mustache"])
    }

    @Test func ignoresTheOutputHiddenFilesAndStrayFiles() throws {
        let before = watcher.snapshot()
        try write("public/index.html", "<p>built</p>")
        try write(".briefing/manifest", "x")
        try write("content/briefs/2025/.a.md.swp", "swap")
        try write("notes.txt", "not an input")
        #expect(watcher.snapshot() == before)
    }

    @Test func reportsEveryFileOfABurstTogether() async throws {
        let before = watcher.snapshot()
        try write("content/briefs/2025/a.md", "---\ntitle: A, edited\n---\n")
        try write("static/logo.svg", "<svg/>")
        try FileManager.default.removeItem(at: site.appendingPathComponent("templates/brief.mustache"))
        let change = try await watcher.nextChange(after: before)
        #expect(change.changed == ["content/briefs/2025/a.md", "static/logo.svg", "templates/brief.mustache"])
        #expect(change.snapshot == watcher.snapshot())
    }

    @Test func listsEveryFolderWhoseFilesAreInputs() {
        #expect(Set(watcher.folders(of: watcher.snapshot())) == Set([site.path] + ["content", "content/briefs", "content/briefs/2025", "templates", "static"].map {
            site.appendingPathComponent($0).path
        }))
    }

    /// What a watcher woken by inotify reports for `edit`, made once it waits, and how long that took. Its poll
    /// is five minutes away, so a quick answer means inotify woke it (the bound the tests set is loose because the
    /// whole suite shares two cores).
    func changeSeenByEvents(_ edit: () throws -> Void) async throws -> (changed: [String], took: Duration) {
        let slow = SiteWatcher(site: site, interval: .seconds(300), quiet: .milliseconds(20))
        let events = try #require(FileEvents())
        let before = slow.snapshot()
        events.watch(slow.folders(of: before))
        let clock = ContinuousClock()
        let start = clock.now
        async let change = slow.nextChange(after: before, events: events)
        try await Task.sleep(for: .milliseconds(100))
        try edit()
        return (try await change.changed, clock.now - start)
    }

    @Test func anEditWakesTheWatcherBeforeItsNextPoll() async throws {
        let seen = try await changeSeenByEvents { try write("content/briefs/2025/a.md", "---\ntitle: A, edited at once\n---\n") }
        #expect(seen.changed == ["content/briefs/2025/a.md"])
        #expect(seen.took < .seconds(120), "the edit waited for the poll")
    }

    /// A brief in a folder created after the watch began (a new year) is seen at once too.
    @Test func aFileInANewFolderWakesTheWatcher() async throws {
        let seen = try await changeSeenByEvents {
            try FileManager.default.createDirectory(at: site.appendingPathComponent("content/briefs/2026"), withIntermediateDirectories: true)
            usleep(100_000)
            try write("content/briefs/2026/b.md", "---\ntitle: B\n---\n")
        }
        #expect(seen.changed == ["content/briefs/2026/b.md"])
        #expect(seen.took < .seconds(120), "the new folder was not watched")
    }

    @Test func pollsLessOftenWhenScanningTakesLonger() {
        #expect(SiteWatcher.pause(.milliseconds(250), scanTime: .milliseconds(2)) == .milliseconds(250))
        #expect(SiteWatcher.pause(.milliseconds(250), scanTime: .milliseconds(50)) == .milliseconds(450))
    }

    @Test func aChangeOfSizeOrTimeCounts() {
        var old: SiteWatcher.Snapshot = ["a": .init(size: 1, modified: 5), "b": .init(size: 1, modified: 5)]
        old["c"] = .init(size: 2, modified: 1)
        let new: SiteWatcher.Snapshot = ["a": .init(size: 1, modified: 6), "b": .init(size: 1, modified: 5), "d": .init(size: 0, modified: 0)]
        #expect(SiteWatcher.changes(from: old, to: new) == ["a", "c", "d"])
    }
}
