import BriefingCore
import Foundation
import Testing
@testable import BriefingFetch
import BriefingBuild

@Suite struct SourcesConfigTests {
    @Test func sourcesAreReadWithTheirLines() throws {
        let config = try SiteConfig.parse("""
            title: T
            sources:
              - url: https://techwireasia.com/category/asia-pacific-focus/china/feed/
                name: Tech Wire Asia — China
                topics: [ai-chips]
              - url: http://example.org/rss
                every: 6h
                companies: [nvidia]
            fetch:
              allowHosts: [Feeds.Internal]
              timeout: 30s
            """)
        #expect(config.sources.count == 2)
        #expect(config.sources[0].name == "Tech Wire Asia — China")
        #expect(config.sources[0].topics == [Slug(validating: "ai-chips")!])
        #expect(config.sources[0].every == 3600)
        #expect(config.sources[0].line == 3)
        #expect(config.sources[1].every == 21_600)
        #expect(config.sources[1].line == 6)
        #expect(config.fetch.allowHosts == ["feeds.internal"])
        #expect(config.fetch.timeout == 30)
    }

    @Test func aBadSourceIsAnErrorAtItsLine() {
        #expect {
            _ = try SiteConfig.parse("sources:\n  - url: ftp://example.org/feed\n  - name: no url\n  - url: https://a.example/\n    every: soon\n  - url: https://a.example/\n")
        } throws: { error in
            let problems = (error as? ContentErrors)?.problems.map { "\($0.line ?? 0): \($0.message)" } ?? []
            return problems == [
                "2: `ftp://example.org/feed` is not an http or https URL",
                "3: the required field `url` is missing",
                "5: `every` must be a duration from 1m to 30d, not `soon`",
                "6: the source https://a.example/ is listed twice (first on line 4)",
            ]
        }
    }

    @Test func durations() {
        #expect(SiteConfig.parseDuration("90s") == 90)
        #expect(SiteConfig.parseDuration("1h30m") == 5400)
        #expect(SiteConfig.parseDuration("2d") == 172_800)
        #expect(SiteConfig.parseDuration("10") == nil)
        #expect(SiteConfig.parseDuration("h") == nil)
        #expect(SiteConfig.describeDuration(5400) == "90m")
    }
}

@Suite struct FetchStateFileTests {
    @Test func roundTripsAndSortsBySource() throws {
        var state = FetchState()
        var a = SourceState()
        a.etag = "\"5f1c-63a\""
        a.lastModified = "Tue, 09 Sep 2025 10:00:00 GMT"
        a.fetched = TestFeeds.now
        a.status = "200, 2 items: 2 new,\n0 unchanged"
        a.newItem = TestFeeds.now
        var b = SourceState()
        b.failures = 3
        b.backoffUntil = TestFeeds.now
        b.movedTo = "https://b.example/new"
        b.disabled = "410 Gone on 2025-09-10T06:00:00Z"
        state["https://b.example/feed"] = b
        state["https://a.example/feed"] = a
        let text = FetchStateFile.text(of: state)
        #expect(text.hasSuffix("""
            briefing-sources-state 1

            source https://a.example/feed
            etag "5f1c-63a"
            last-modified Tue, 09 Sep 2025 10:00:00 GMT
            fetched 2025-09-10T06:00:00Z
            status 200, 2 items: 2 new, 0 unchanged
            new-item 2025-09-10T06:00:00Z

            source https://b.example/feed
            failures 3
            backoff-until 2025-09-10T06:00:00Z
            moved-to https://b.example/new
            disabled 410 Gone on 2025-09-10T06:00:00Z

            """))
        var expected = state
        expected.sources["https://a.example/feed"]?.status = "200, 2 items: 2 new, 0 unchanged"
        #expect(try FetchStateFile.parse(text) == expected)
    }

    @Test func corruptFilesAreRefusedWithTheirLine() {
        #expect(throws: FetchStateFile.Corrupt(line: 1, message: "expected `briefing-sources-state 1`, found `briefing-sources-state 2`")) {
            try FetchStateFile.parse("briefing-sources-state 2\n")
        }
        #expect(throws: FetchStateFile.Corrupt(line: 2, message: "`etag` before any `source` line")) {
            try FetchStateFile.parse("briefing-sources-state 1\netag x\n")
        }
        #expect(throws: FetchStateFile.Corrupt(line: 3, message: "`yesterday` is not a time like 2025-09-10T06:00:00Z")) {
            try FetchStateFile.parse("briefing-sources-state 1\nsource http://a/\nfetched yesterday\n")
        }
        #expect(throws: FetchStateFile.Corrupt(line: 1, message: "the file is empty")) { try FetchStateFile.parse("# nothing\n") }
    }

    @Test func stateMovesWithTheSourceWhenTheEditorFollowsARedirect() {
        var state = FetchState()
        var old = SourceState()
        old.etag = "\"e\""
        old.movedTo = "https://new.example/feed"
        state["https://old.example/feed"] = old
        state["https://dropped.example/feed"] = old
        let kept = state.keeping(only: ["https://new.example/feed"])
        #expect(kept.sources.keys.sorted() == ["https://new.example/feed"])
        #expect(kept["https://new.example/feed"].etag == "\"e\"")
        #expect(kept["https://new.example/feed"].movedTo == nil)
    }
}

@Suite struct PolitenessTests {
    let now = TestFeeds.now

    @Test func retryAfterSecondsAndDates() {
        #expect(RetryAfter.parse("120", now: now) == Timestamp(iso: "2025-09-10T06:02:00Z"))
        #expect(RetryAfter.parse("Wed, 10 Sep 2025 07:00:00 GMT", now: now) == Timestamp(iso: "2025-09-10T07:00:00Z"))
        #expect(RetryAfter.parse("Wednesday, 10-Sep-25 07:00:00 GMT", now: now) == Timestamp(iso: "2025-09-10T07:00:00Z"))
        #expect(RetryAfter.parse("Wed Sep 10 07:00:00 2025", now: now) == Timestamp(iso: "2025-09-10T07:00:00Z"))
        #expect(RetryAfter.parse("Tue, 09 Sep 2025 07:00:00 GMT", now: now) == now, "a date in the past means now")
        #expect(RetryAfter.parse("99999999", now: now) == Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + RetryAfter.longest))
        #expect(RetryAfter.parse("soon", now: now) == nil)
    }

    @Test func backOffDoublesUpToADayWithJitterOnTop() {
        let backoff = Backoff()
        #expect(backoff.delay(failures: 1, every: 3600, jitter: 0) == 3600)
        #expect(backoff.delay(failures: 2, every: 3600, jitter: 0) == 7200)
        #expect(backoff.delay(failures: 3, every: 3600, jitter: 0.5) == 16_200)
        #expect(backoff.delay(failures: 30, every: 3600, jitter: 0) == 86_400)
        #expect(backoff.delay(failures: 30, every: 3600, jitter: 0.99) < 86_400 * 5 / 4)
        #expect(backoff.delay(failures: 5, every: 86_400, jitter: 0) == 4 * 86_400)
    }

    @Test func scheduleWithSlackBackOffAndDisabled() {
        let source = FeedSource(url: "https://a.example/feed")
        var state = SourceState()
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: false) == .due)
        state.fetched = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - 3590)
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: false) == .due, "an hourly cron job a few seconds early")
        state.fetched = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - 1800)
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: false) == .notDue(until: Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + 1800)))
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: true) == .due)
        state.retryAfter = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + 60)
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: true) == .waiting(until: state.retryAfter!))
        state.disabled = "410 Gone"
        #expect(FetchSchedule.decide(source, state, now: now, ignoringInterval: true) == .disabled("410 Gone"))
    }

    @Test func internalAddresses() {
        for address: AddressCheck.Address in [[127, 0, 0, 2], [10, 1, 2, 3], [172, 16, 0, 1], [172, 31, 255, 255], [192, 168, 1, 1], [169, 254, 169, 254], [0, 0, 0, 0]] {
            #expect(AddressCheck.isInternal(address), "\(address)")
        }
        for address: AddressCheck.Address in [[8, 8, 8, 8], [172, 32, 0, 1], [192, 169, 0, 1], [100, 64, 0, 1]] {
            #expect(!AddressCheck.isInternal(address), "\(address)")
        }
        let loopback6: AddressCheck.Address = Array(repeating: 0, count: 15) + [1]
        let mapped: AddressCheck.Address = Array(repeating: 0, count: 10) + [0xff, 0xff, 127, 0, 0, 1]
        let uniqueLocal: AddressCheck.Address = [0xfd, 0x12] + Array(repeating: 0, count: 14)
        let linkLocal: AddressCheck.Address = [0xfe, 0x80] + Array(repeating: 0, count: 14)
        let global: AddressCheck.Address = [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 12)
        #expect([loopback6, mapped, uniqueLocal, linkLocal].allSatisfy(AddressCheck.isInternal))
        #expect(!AddressCheck.isInternal(global))
        #expect(AddressCheck.resolve("localhost").contains { AddressCheck.isInternal($0) })
        #expect(AddressCheck.text([127, 0, 0, 1]) == "127.0.0.1")
        #expect(AddressCheck.text(loopback6) == "::1")
    }

    @Test func redirectsOnlyToHTTPAndNeverToATrustedlessInternalHost() throws {
        let policy = RedirectPolicy(trustedHosts: ["127.0.0.1"])
        let here = try #require(URL(string: "http://127.0.0.1:8080/feed"))
        #expect(try policy.check("/new", from: here, visited: [here]).absoluteString == "http://127.0.0.1:8080/new")
        #expect(throws: FetchFailure.badRedirect("the server redirected to `file:///etc/passwd`: only http and https are fetched")) {
            try policy.check("file:///etc/passwd", from: here, visited: [here])
        }
        #expect(throws: FetchFailure.refusedRedirect(host: "127.0.0.2", address: "127.0.0.2")) {
            try policy.check("http://127.0.0.2/feed", from: here, visited: [here])
        }
        #expect(throws: FetchFailure.refusedRedirect(host: "169.254.169.254", address: "169.254.169.254")) {
            try policy.check("http://169.254.169.254/latest/meta-data/", from: here, visited: [here])
        }
    }
}

@Suite struct FeedBodyTests {
    @Test func charsetComesFromTheBOMTheDeclarationOrTheHeader() {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\"?><rss><title>caf".utf8) + [0xE9] + Array("</title></rss>".utf8)
        let converted = FeedCharset.normalised(latin1, contentType: "application/rss+xml; charset=\"ISO-8859-1\"")
        #expect(String(decoding: converted, as: UTF8.self).contains("café"))
        let declared: [UInt8] = Array("<?xml version='1.0' encoding='iso-8859-1'?><rss>".utf8) + [0xE9]
        #expect(FeedCharset.normalised(declared, contentType: "text/xml; charset=utf-8") == declared, "libxml2 reads the declaration itself")
        #expect(FeedCharset.declaredEncoding(declared) == "iso-8859-1")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<rss/>".utf8)
        #expect(FeedCharset.normalised(bom, contentType: "text/xml; charset=iso-8859-1") == bom)
        #expect(FeedCharset.charset(in: "text/html") == nil)
    }

    @Test func webPagesAreToldFromFeeds() {
        #expect(FeedCharset.isWebPage(Array("\n<!DOCTYPE html><html>".utf8)))
        #expect(FeedCharset.isWebPage(Array("<?xml version=\"1.0\"?>\n<!-- x --><html xmlns=\"http://www.w3.org/1999/xhtml\">".utf8)))
        #expect(!FeedCharset.isWebPage(Array("<?xml version=\"1.0\"?><rss version=\"2.0\">".utf8)))
        #expect(!FeedCharset.isWebPage(Array("{\"version\": \"https://jsonfeed.org/version/1.1\"}".utf8)))
    }

    @Test func autodiscoveryFindsAlternateFeedsAndSkipsComments() throws {
        let page = """
            <html><head><base href="https://news.example/section/">
            <!-- <link rel="alternate" type="application/rss+xml" href="/hidden.xml"> -->
            <link rel=stylesheet href=/s.css>
            <LINK REL="alternate" TYPE="application/rss+xml" TITLE="Comments Feed" HREF="/comments/feed/">
            <link rel="alternate feed" type="application/atom+xml" title="News &amp; more" href="atom.xml?a=1&amp;b=2">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            </head></html>
            """
        let candidates = FeedAutodiscovery.candidates(in: page, pageURL: try #require(URL(string: "https://news.example/")))
        #expect(candidates.map(\.url) == ["https://news.example/comments/feed/", "https://news.example/section/atom.xml?a=1&b=2"])
        #expect(candidates[1].title == "News & more")
        #expect(FeedAutodiscovery.pick(candidates)?.url == "https://news.example/section/atom.xml?a=1&b=2")
    }

    @Test func opmlRoundTrips() throws {
        let sources = [
            FeedSource(url: "https://a.example/feed?x=1&y=2", name: "A & B", topics: [Slug(validating: "ai-chips")!], companies: [Slug(validating: "nvidia")!]),
            FeedSource(url: "https://c.example/rss"),
        ]
        let document = OPML.document(title: "Portal — sources", sources: sources)
        #expect(document.contains("<opml version=\"2.0\">"))
        #expect(document.contains("<outline type=\"rss\" text=\"A &amp; B\" title=\"A &amp; B\" xmlUrl=\"https://a.example/feed?x=1&amp;y=2\" category=\"/topics/ai-chips,/companies/nvidia\"/>"))
        let outlines = try OPML.outlines(in: document)
        #expect(outlines.map(\.url) == sources.map(\.url))
        #expect(outlines[0].title == "A & B")
        #expect(outlines[0].topics == sources[0].topics)
        #expect(outlines[0].companies == sources[0].companies)
        #expect(outlines[1].title == "https://c.example/rss")
        let reader = """
            <?xml version="1.0"?><opml version="1.0"><body><outline text="Tech"><outline text="Wire" xmlUrl="https://w.example/feed" htmlUrl="https://w.example/"/></outline></body></opml>
            """
        #expect(try OPML.outlines(in: reader) == [OPML.Outline(url: "https://w.example/feed", title: "Wire")])
        #expect(throws: OPML.NotOPML.self) { try OPML.outlines(in: "<rss/>") }
    }

    @Test func entriesAreAddedToTheSourcesListKeepingTheRestOfTheFile() throws {
        let source = FeedSource(url: "https://n.example/feed", name: "N: news", topics: [Slug(validating: "ai-chips")!], every: 21_600)
        let none = SourceEntries.adding([source], to: "title: T # the title\n")
        #expect(none == "title: T # the title\nsources:\n  - url: https://n.example/feed\n    name: \"N: news\"\n    topics: [ai-chips]\n    every: 6h\n")
        let existing = "title: T\nsources:\n- url: https://a.example/feed\n  name: A\n\n# comment\nfeeds:\n  entries: 5\n"
        let added = SourceEntries.adding([FeedSource(url: "https://b.example/feed")], to: existing)
        #expect(added == "title: T\nsources:\n- url: https://a.example/feed\n  name: A\n- url: https://b.example/feed\n\n# comment\nfeeds:\n  entries: 5\n")
        #expect(try SiteConfig.parse(added).sources.map(\.url) == ["https://a.example/feed", "https://b.example/feed"])
        #expect(SourceEntries.adding([source], to: "sources: []\n").hasPrefix("sources:\n  - url: https://n.example/feed\n"))
        #expect(try SiteConfig.parse(none).sources.first?.name == "N: news")
    }
}

@Suite struct StateFileAndBuildTests {
    @Test func theBuildDoesNotReadTheStateFile() async throws {
        let site = try FetchSite()
        try FetchStateFile.save(FetchState(sources: ["https://a.example/feed": { var s = SourceState(); s.etag = "\"x\""; return s }()]), to: site.directory)
        #expect(site.stateText?.contains("briefing-sources-state 1") == true)
        let paths = SiteInputs.paths(site: site.directory)
        #expect(paths.contains("briefing.yml"))
        #expect(!paths.contains(FetchStateFile.fileName))
    }
}
