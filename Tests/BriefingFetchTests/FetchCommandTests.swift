import BriefingCore
import Foundation
import Testing
@testable import BriefingFetch

/// `briefing fetch` and `briefing sources` as the built binary runs them: exit status, standard output and error.
@Suite(.timeLimit(.minutes(1))) struct FetchCommandTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    static var executable: URL? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("briefing"),
            repository.appendingPathComponent(".build/debug/briefing"),
        ].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func briefing(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try #require(Self.executable, "build the briefing executable first (swift build)")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    func writeConfig(_ site: FetchSite, _ text: String) throws {
        try text.write(to: site.directory.appendingPathComponent("briefing.yml"), atomically: true, encoding: .utf8)
    }

    @Test func configurationAndUsageErrorsExitTwo() throws {
        let site = try FetchSite()
        let none = try briefing(["fetch", "--site", site.directory.path])
        #expect(none.status == 2)
        #expect(none.errors == "briefing.yml: error: no sources to fetch — add feeds under `sources:`, or run `briefing sources add URL` (a feed or a page that links to one)\n")

        try writeConfig(site, "title: T\nsources:\n  - url: http://127.0.0.1:9/feed.xml\n    topics: [ai-chip]\n")
        let unknown = try briefing(["fetch", "--site", site.directory.path])
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("briefing.yml:3: error: unknown topic `ai-chip` for the source http://127.0.0.1:9/feed.xml — did you mean `ai-chips`?"))

        try writeConfig(site, "sources:\n  - url: gopher://example.org/\n")
        let bad = try briefing(["fetch", "--site", site.directory.path])
        #expect(bad.status == 2)
        #expect(bad.errors.hasPrefix("briefing.yml:2:"))

        let usage = try briefing(["fetch", "--site", site.directory.path, "--every-source"])
        #expect(usage.status == 2)
        #expect(usage.errors.contains("Unknown option '--every-source'"))
        #expect(try briefing(["sources", "add", "file:///etc/passwd", "--site", site.directory.path]).status == 2)
        try writeConfig(site, "title: T\n")
        let unknownTopic = try briefing(["sources", "add", "http://127.0.0.1:9/feed.xml", "--topic", "chips", "--site", site.directory.path])
        #expect(unknownTopic.status == 2)
        #expect(unknownTopic.errors.hasPrefix("briefing.yml: error: unknown topic `chips` for the source http://127.0.0.1:9/feed.xml"))
        #expect(try site.read("briefing.yml") == "title: T\n")
    }

    @Test func fetchPrintsALinePerSourceAndExitsOneWhenOneFails() throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let nginx = try Nginx(root: site.www)
        try writeConfig(site, """
            title: T
            sources:
              - url: \(nginx.url("/feed.xml"))
                name: Chip Wire
                companies: [nvidia]
              - url: \(nginx.url("/missing.xml"))
            """)
        let first = try briefing(["fetch", "--site", site.directory.path])
        #expect(first.status == 1)
        let lines = first.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "fetched       Chip Wire — 2 items: 2 new, 0 unchanged")
        #expect(lines[1].hasPrefix("failed        \(nginx.url("/missing.xml")) — 404 Not Found; next try after "))
        #expect(lines[2].hasPrefix("fetch: 2 sources — 1 fetched (2 new briefs), 0 not modified, 0 not due, 1 failed in "))
        #expect(site.briefFiles.count == 2)
        #expect(try site.read("content/briefs/" + site.briefFiles[0]).contains("nvidia"))

        let dry = try briefing(["fetch", "--site", site.directory.path, "--all", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.output.hasPrefix("would fetch   Chip Wire — If-None-Match: \""))

        let list = try briefing(["sources", "list", "--site", site.directory.path])
        #expect(list.status == 0)
        #expect(list.output.hasPrefix("Chip Wire <\(nginx.url("/feed.xml"))>\n  every 1h · tags nvidia\n  last fetched "))
        #expect(list.output.contains("200, 2 items: 2 new, 0 unchanged\n  last new item: "))
        #expect(list.output.contains("  last fetched ") && list.output.contains(": failed: 404 Not Found\n"))
    }

    @Test func addFindsTheFeedOfAWebPageAndExportImportRoundTrips() throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let server = try FeedServer(root: site.www)
        try writeConfig(site, "title: Test portal # ours\n")
        let added = try briefing(["sources", "add", server.url("/page"), "--topic", "ai-chips", "--every", "6h", "--site", site.directory.path])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output == """
            \(server.url("/page")) is a web page; it announces 3 feeds:
                \(server.url("/comments/feed/")) (application/rss+xml, “Comments”)
              * \(server.url("/files/feed.xml")) (application/atom+xml, “News & more”)
                \(server.url("/feed.json")) (application/feed+json, “JSON”)
            picked \(server.url("/files/feed.xml"))
            added Chip Wire <\(server.url("/files/feed.xml"))> to briefing.yml (line 3); `briefing fetch` fetches it

            """)
        #expect(try site.read("briefing.yml") == """
            title: Test portal # ours
            sources:
              - url: \(server.url("/files/feed.xml"))
                name: Chip Wire
                topics: [ai-chips]
                every: 6h

            """)
        let again = try briefing(["sources", "add", server.url("/files/feed.xml"), "--site", site.directory.path])
        #expect(again.status == 2)

        let exported = try briefing(["sources", "export", "--site", site.directory.path])
        #expect(exported.output.contains("<outline type=\"rss\" text=\"Chip Wire\" title=\"Chip Wire\" xmlUrl=\"\(server.url("/files/feed.xml"))\" category=\"/topics/ai-chips\"/>"))
        let opml = site.www.appendingPathComponent("list.opml")
        try """
            <?xml version="1.0"?><opml version="2.0"><head/><body>
            <outline text="News"><outline text="Other" xmlUrl="https://other.example/rss"/></outline>
            <outline text="Chip Wire" xmlUrl="\(server.url("/files/feed.xml"))"/>
            </body></opml>
            """.write(to: opml, atomically: true, encoding: .utf8)
        let imported = try briefing(["sources", "import", opml.path, "--site", site.directory.path])
        #expect(imported.status == 0)
        #expect(imported.output.hasSuffix("import: 1 added, 1 skipped of 2 feeds in \(opml.path)\n"))
        #expect(try SiteSources.load(from: site.directory).sources.map(\.url) == [server.url("/files/feed.xml"), "https://other.example/rss"])

        let notAFeed = try briefing(["sources", "add", server.url("/status/500"), "--site", site.directory.path])
        #expect(notAFeed.status == 1)
        #expect(notAFeed.errors.contains("cannot fetch \(server.url("/status/500")): 500 Internal Server Error"))
    }
}
