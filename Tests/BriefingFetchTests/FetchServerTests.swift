import BriefingCore
import Foundation
import Testing
@testable import BriefingFetch

/// `briefing fetch` against real servers: nginx for what a well-behaved server does, feed_server.py for the rest.
@Suite(.timeLimit(.minutes(1))) struct FetchServerTests {
    func source(_ url: String, name: String? = nil, topics: [String] = [], every: Int = 3600) -> FeedSource {
        FeedSource(url: url, name: name, topics: topics.compactMap(Slug.init(validating:)), every: every, line: 3)
    }

    func later(_ seconds: Int) -> Timestamp { Timestamp(secondsSinceEpoch: TestFeeds.now.secondsSinceEpoch + seconds) }

    @Test func nginxAnswersTheSecondFetchWithNotModifiedAndNothingIsWritten() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let nginx = try Nginx(root: site.www)
        let feed = source(nginx.url("/feed.xml"), name: "Chip Wire", topics: ["policy"])

        let first = await site.run([feed])
        #expect(first.exitStatus == 0)
        #expect(first.lines.first == "fetched       Chip Wire — 2 items: 2 new, 0 unchanged")
        #expect(site.briefFiles.count == 2)
        let brief = try site.read("content/briefs/" + site.briefFiles[0])
        #expect(brief.contains("policy"), "the source's topics are added to every brief")
        let state = try #require(site.stateText)
        #expect(state.contains("source \(feed.url)\netag \""))
        #expect(state.contains("\nlast-modified "))
        #expect(state.contains("\nnew-item 2025-09-10T06:00:00Z"))
        let written = try FileManager.default.attributesOfItem(atPath: site.directory.appendingPathComponent("content/briefs/" + site.briefFiles[0]).path)

        let second = await site.run([feed], now: later(7200))
        #expect(second.lines.first == "not modified  Chip Wire")
        #expect(second.summary.hasPrefix("fetch: 1 source — 0 fetched (0 new briefs), 1 not modified, 0 not due, 0 failed in "))
        let log = nginx.accessLog
        #expect(log.count == 2)
        #expect(log.first?.hasPrefix("/feed.xml 200 inm=[] ims=[]") == true)
        let etag = try #require(state.split(separator: "\n").first { $0.hasPrefix("etag ") }?.dropFirst(5))
        #expect(log.last?.hasPrefix("/feed.xml 304 inm=[\(etag)] ims=[") == true)
        let after = try FileManager.default.attributesOfItem(atPath: site.directory.appendingPathComponent("content/briefs/" + site.briefFiles[0]).path)
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date)
        #expect(try #require(site.stateText).contains("status 304 Not Modified"))
    }

    @Test func aSourceThatChangesGetsItsNewItemsAndKeepsEditedBriefs() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two, modified: Date(timeIntervalSinceNow: -100))
        let nginx = try Nginx(root: site.www)
        let feed = source(nginx.url("/feed.xml"))
        #expect(await site.run([feed]).exitStatus == 0)
        let files = site.briefFiles
        #expect(files.count == 2)
        let edited = try #require(files.first { $0.contains("nvidia") })
        let untouched = try #require(files.first { $0.contains("huawei") })
        let editedPath = site.directory.appendingPathComponent("content/briefs/" + edited)
        let editorsText = try site.read("content/briefs/" + edited).replacingOccurrences(of: "ships the H20 again", with: "resumes H20 sales")
        try editorsText.write(to: editedPath, atomically: true, encoding: .utf8)
        let untouchedStamp = try FileManager.default.attributesOfItem(
            atPath: site.directory.appendingPathComponent("content/briefs/" + untouched).path)[.modificationDate] as? Date

        try site.publish("feed.xml", TestFeeds.rss([
            ("chip-1", "Nvidia ships the H20 again, with a new driver"), ("chip-2", "Huawei shows a new Ascend part"),
            ("chip-3", "Moore Threads lists on the STAR Market"),
        ]))
        let report = await site.run([feed], now: later(3600))
        #expect(report.lines.first == "fetched       \(feed.url) — 3 items: 1 new, 1 unchanged, 1 kept (edited)")
        #expect(site.briefFiles.count == 3)
        #expect(try site.read("content/briefs/" + edited) == editorsText)
        #expect(try FileManager.default.attributesOfItem(
            atPath: site.directory.appendingPathComponent("content/briefs/" + untouched).path)[.modificationDate] as? Date == untouchedStamp)
        #expect(nginx.accessLog.last?.contains(" 200 inm=[\"") == true, "the changed file is asked for with the old ETag and sent in full")
    }

    @Test func retryAfterInSecondsIsHonouredEvenWithAll() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let busy = source(server.url("/status/429?retry-after=120"))
        let first = await site.run([busy])
        #expect(first.exitStatus == 1)
        #expect(first.lines.first == "failed        \(busy.url) — 429 Too Many Requests; next try after 2025-09-10T06:02:00Z (the server's Retry-After)")
        #expect(site.stateText?.contains("failures 1\nretry-after 2025-09-10T06:02:00Z\n") == true)

        let waiting = await site.run([busy], now: later(60), all: true)
        #expect(waiting.exitStatus == 0)
        #expect(waiting.lines.first?.hasPrefix("waiting ") == true)
        #expect(server.requests.count == 1)

        _ = await site.run([busy], now: later(121))
        #expect(server.requests.count == 2)
        #expect(site.stateText?.contains("failures 2\n") == true)
    }

    @Test func retryAfterAsAnHTTPDate() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let busy = source(server.url("/status/503?retry-after=Wed,%2010%20Sep%202025%2008:00:00%20GMT"))
        let report = await site.run([busy])
        #expect(report.lines.first?.contains("503 Service Unavailable; next try after 2025-09-10T08:00:00Z (the server's Retry-After)") == true)
    }

    @Test func serverErrorsBackOffExponentially() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let broken = source(server.url("/status/500"))
        let first = await site.run([broken])
        // An hour doubled by nothing yet, plus the fixed jitter's eighth: 4,050 s.
        #expect(first.lines.first == "failed        \(broken.url) — 500 Internal Server Error; next try after 2025-09-10T07:07:30Z")
        #expect(await site.run([broken], now: later(3600)).lines.first?.hasPrefix("not due ") == true)
        #expect(server.requests.count == 1)
        let second = await site.run([broken], now: later(4100))
        // Two hours, and the eighth: 8,100 s after the second try.
        #expect(second.lines.first?.hasSuffix("next try after \(Timestamp(secondsSinceEpoch: later(4100).secondsSinceEpoch + 8100))") == true)
        #expect(site.stateText?.contains("failures 2\nbackoff-until ") == true)
    }

    @Test func goneDisablesTheSourceUntilTheEditorEnablesIt() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let gone = source(server.url("/status/410"), name: "Old wire")
        let first = await site.run([gone])
        #expect(first.exitStatus == 1)
        #expect(first.lines.first?.hasPrefix("gone          Old wire <\(gone.url)> — 410 Gone") == true)
        #expect(site.stateText?.contains("disabled 410 Gone on 2025-09-10T06:00:00Z") == true)
        let second = await site.run([gone], now: later(86_400), all: true)
        #expect(second.exitStatus == 0)
        #expect(second.lines.first?.hasPrefix("disabled      Old wire") == true)
        #expect(server.requests.count == 1)

        #expect(try FetchStateFile.enable(gone.url, in: site.directory))
        #expect(site.stateText?.contains("disabled") == false)
        _ = await site.run([gone], now: later(86_400))
        #expect(server.requests.count == 2)
    }

    @Test func permanentRedirectsAreRememberedAndReported() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let server = try FeedServer(root: site.www)
        let moved = source(server.url("/redirect/301/redirect/308/redirect/302/files/feed.xml"))
        let first = await site.run([moved])
        #expect(first.exitStatus == 0)
        let target = server.url("/redirect/302/files/feed.xml")
        #expect(first.lines == [
            "fetched       \(moved.url) — 2 items: 2 new, 0 unchanged",
            "              moved permanently to \(target) — change its url in briefing.yml (line 3)",
            first.summary,
        ])
        #expect(server.requests.map(\.path) == [
            "/redirect/301/redirect/308/redirect/302/files/feed.xml", "/redirect/308/redirect/302/files/feed.xml",
            "/redirect/302/files/feed.xml", "/files/feed.xml",
        ])
        #expect(site.stateText?.contains("moved-to \(target)\n") == true)
        _ = await site.run([moved], now: later(7200))
        #expect(server.requests.dropFirst(4).first?.path == "/redirect/302/files/feed.xml", "the next fetch goes to the new address")
    }

    @Test func aTemporaryRedirectIsFollowedButNotRemembered() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let server = try FeedServer(root: site.www)
        let report = await site.run([source(server.url("/redirect/307/files/feed.xml"))])
        #expect(report.exitStatus == 0)
        #expect(report.sources.first?.movedTo == nil)
        #expect(site.stateText?.contains("moved-to") == false)
    }

    @Test func redirectLoopsAndLongChainsFail() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let report = await site.run([source(server.url("/loop/a")), source(server.url("/chain/0"))])
        #expect(report.exitStatus == 1)
        #expect(report.lines[0].contains("the redirects go round in a circle (back to \(server.url("/loop/a")))"))
        #expect(report.lines[1].contains("more than 5 redirects"))
        #expect(server.requests.filter { $0.path.hasPrefix("/chain/") }.count == 6)
    }

    @Test func aRedirectToAnotherLoopbackHostIsRefusedUnlessAllowed() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let server = try FeedServer(root: site.www)
        let sneaky = source(server.url("/redirect/302/http://localhost:PORT/files/feed.xml"))
        let refused = await site.run([sneaky])
        #expect(refused.exitStatus == 1)
        #expect(refused.lines.first?.contains("refused a redirect to localhost, which resolves to the internal address") == true)
        #expect(server.requests.count == 1)
        #expect(site.briefFiles.isEmpty)

        let allowed = await site.run([sneaky], all: true) { $0.allowHosts = ["localhost"] }
        #expect(allowed.exitStatus == 0)
        #expect(server.requests.last?.path == "/files/feed.xml")
        #expect(server.requests.last?.headers["host"] == "localhost:\(server.port)")
    }

    @Test func aHungServerAndASlowTrickleTimeOut() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www, hang: 30)
        let start = ContinuousClock.now
        let report = await site.run([source(server.url("/hang")), source(server.url("/trickle"))]) { $0.timeout = .seconds(1) }
        // Well under the server's 30 s, with room for a loaded machine.
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(report.lines[0].contains("no complete answer within 1 s (timed out)"))
        #expect(report.lines[1].contains("no complete answer within 1 s (timed out)"))
    }

    @Test func aBodyOverTheLimitAndACompressionBombAreRefused() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www, huge: 3 << 20)
        let report = await site.run([source(server.url("/huge")), source(server.url("/bomb"))]) { $0.maximumBytes = 2 << 20 }
        #expect(report.lines[0].contains("the feed is larger than 2 MiB; it was not read further"))
        #expect(report.lines[1].contains("inflates to more than 2 MiB; it was refused (compression bomb?)"))
        #expect(site.briefFiles.isEmpty)
    }

    @Test func gzipAndDeflateBodiesAreAskedForAndRead() async throws {
        let site = try FetchSite()
        try site.publish("a.xml", TestFeeds.rss([("a-1", "Nvidia GPU news")]))
        try site.publish("b.xml", TestFeeds.rss([("b-1", "Another GPU story")]))
        let server = try FeedServer(root: site.www)
        let report = await site.run([source(server.url("/gzip/a.xml")), source(server.url("/deflate/b.xml"))])
        #expect(report.exitStatus == 0)
        #expect(site.briefFiles.count == 2)
        #expect(server.requests.allSatisfy { $0.headers["accept-encoding"] == "gzip, deflate" })
        #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("Briefing/9.9.9-test ") == true })
    }

    @Test func aWebPageIsReportedWithAHintAndAForeignCharsetIsRead() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let report = await site.run([source(server.url("/page")), source(server.url("/latin1"))])
        #expect(report.lines[0].contains("this is a web page, not a feed — run `briefing sources add URL` with it to find its feed"))
        #expect(report.lines[1].hasPrefix("fetched "))
        let brief = try site.read("content/briefs/" + (site.briefFiles.first ?? "?"))
        #expect(brief.contains("Zürich café opens à la carte"))
        #expect(brief.contains("Crème brûlée"))
    }

    @Test func aTLSFailureIsReportedAsOne() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        // https to a server that speaks plain HTTP: the handshake fails.
        let report = await site.run([source("https://127.0.0.1:\(server.port)/files/feed.xml")])
        #expect(report.exitStatus == 1)
        #expect(report.lines.first?.contains(
            "— TLS error: the handshake failed: WRONG_VERSION_NUMBER (the server may not speak https on that port); next try after ") == true,
            "\(report.lines)")
    }

    @Test func oneFailingSourceDoesNotStopTheOthers() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        try site.publish("garbage.xml", "<rss><channel><item>unclosed")
        let server = try FeedServer(root: site.www)
        let nginx = try Nginx(root: site.www)
        let report = await site.run([
            source(server.url("/status/500")), source(server.url("/files/garbage.xml")), source(nginx.url("/feed.xml")),
            source("http://127.0.0.1:\(try Nginx.freePort())/refused.xml"),
        ])
        #expect(report.exitStatus == 1)
        #expect(report.lines[0].hasPrefix("failed "))
        #expect(report.lines[1].contains("— not a feed: "))
        #expect(report.lines[2].hasPrefix("fetched "))
        #expect(report.lines[3].contains("— cannot connect: "))
        #expect(report.summary.contains("1 fetched (2 new briefs), 0 not modified, 0 not due, 3 failed"))
        #expect(site.briefFiles.count == 2)
    }

    @Test func aCorruptStateFileMeansUnconditionalFetches() async throws {
        let site = try FetchSite()
        try site.publish("feed.xml", TestFeeds.two)
        let nginx = try Nginx(root: site.www)
        let feed = source(nginx.url("/feed.xml"))
        _ = await site.run([feed])
        try "briefing-sources-state 1\nsource \(feed.url)\netag \"x\"\n<<<<<<< HEAD\n".write(
            to: site.directory.appendingPathComponent(FetchStateFile.fileName), atomically: true, encoding: .utf8)
        let report = await site.run([feed], all: true)
        #expect(report.warnings == [FetchWarning(
            file: "sources.state", line: 4, message: "unknown key `<<<<<<<`",
            fix: "the file is ignored and every source is fetched unconditionally; the next fetch writes it anew")])
        #expect(nginx.accessLog.last?.hasPrefix("/feed.xml 200 inm=[] ims=[]") == true)
        #expect(FetchStateFile.load(from: site.directory).warning == nil)
    }

    @Test func aDryRunRequestsAndWritesNothing() async throws {
        let site = try FetchSite()
        let server = try FeedServer(root: site.www)
        let report = await site.run([source(server.url("/files/feed.xml"))], dryRun: true)
        #expect(report.lines.first == "would fetch   \(server.url("/files/feed.xml")) — unconditionally")
        #expect(server.requests.isEmpty)
        #expect(site.stateText == nil)
    }

    @Test func noMoreThanTwoRequestsToOneHostAtOnce() async throws {
        let site = try FetchSite()
        for number in 0..<6 { try site.publish("s\(number).xml", TestFeeds.rss([("s\(number)", "GPU story \(number)")])) }
        let server = try FeedServer(root: site.www)
        let report = await site.run((0..<6).map { source(server.url("/slow/s\($0).xml")) })
        #expect(report.exitStatus == 0)
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: try #require(URL(string: server.url("/stats"))))) as? [String: Int]
        #expect(stats?["most"] == 2)
    }

    @Test func fiftySourcesFromNginx() async throws {
        let site = try FetchSite()
        for number in 0..<50 {
            try site.publish("feed-\(number).xml", TestFeeds.rss([("s\(number)-1", "GPU story \(number)"), ("s\(number)-2", "Chip story \(number)")]))
        }
        let nginx = try Nginx(root: site.www)
        let sources = (0..<50).map { source(nginx.url("/feed-\($0).xml")) }
        let start = ContinuousClock.now
        let report = await site.run(sources) { $0.timeout = .seconds(10) }
        #expect(report.exitStatus == 0)
        #expect(site.briefFiles.count == 100)
        #expect(ContinuousClock.now - start < .seconds(20))
        let again = await site.run(sources, all: true) { $0.timeout = .seconds(10) }
        #expect(again.summary.contains("0 fetched (0 new briefs), 50 not modified"))
    }
}
