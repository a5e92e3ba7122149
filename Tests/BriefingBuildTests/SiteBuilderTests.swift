import Foundation
import Testing
@testable import BriefingBuild
import BriefingIngest

@Suite struct SiteBuilderTests {
    static let brief = "---\ntitle: \"Chips & policy\"\ndate: 2025-09-09T10:00:00Z\ntopics: [ai-chips]\ncompanies: [nvidia]\nevents:\n  - date: 2025-09-01\n    text: A dated thing\n    companies: [nvidia]\n---\nBody **text**.\n"
    static let files = [
        "briefing.yml": "title: Test Desk\nbaseURL: https://example.org/portal/\n",
        "content/topics/ai-chips.md": "---\nname: AI chips\n---\nIntro.\n",
        "content/companies/nvidia.md": "---\nname: Nvidia\n---\nProfile.\n",
        "content/briefs/2025/chips.md": brief,
    ]

    @Test func buildsEveryPageKind() throws {
        let site = try BuildTestSite(Self.files)
        let report = try SiteBuilder(siteDirectory: site.directory).build()
        let expected = [
            "index.html", "briefs/chips/index.html", "topics/index.html", "topics/ai-chips/index.html",
            "topics/ai-chips/feed.xml", "companies/index.html", "companies/nvidia/index.html", "companies/nvidia/feed.xml",
            "companies/nvidia/timeline/index.html",
            "timeline/index.html", "timeline/2025/index.html", "timeline/2025/09/index.html", "feed.xml",
            "sitemap.xml", "robots.txt", "404.html", "assets/style.css", "search/index.html", "search/manifest.json", "search/docs/4022.json",
            "assets/search.js", "stories/index.html", "daily/index.html", "daily/2025-09-09/index.html", "daily/2025-09-09/email.html",
            "daily/2025-09-09/email.txt", "daily/feed.xml",
        ]
        let files = site.snapshot()
        for path in expected { #expect(files[path] != nil, "\(path) was not written") }
        // 26 pages and assets, and the search index: manifest, one shard, one brief, one topic's and one company's list.
        #expect(report.planned == 31)
        #expect(report.written == files.count)
        #expect(site.read("briefs/chips/index.html")?.contains("Chips &amp; policy") == true)
        #expect(site.read("briefs/chips/index.html")?.contains("<strong>text</strong>") == true)
        #expect(site.read("feed.xml")?.contains("<updated>2025-09-09T10:00:00Z</updated>") == true)
        #expect(site.read("sitemap.xml")?.contains("<loc>https://example.org/portal/briefs/chips/</loc>") == true)
        #expect(site.read("robots.txt")?.contains("Sitemap: https://example.org/portal/sitemap.xml") == true)
        #expect(site.read("sitemap.xml")?.contains("<loc>https://example.org/portal/search/</loc>") == true)
        #expect(site.read("sitemap.xml")?.contains(".json") == false)
        // Numbered by its day and time: 9 September is day 251 of the year, in blocks of 16; 10:00 is place 6 of 16.
        #expect(site.read("search/docs/4022.json")?.contains(#""title":"Chips \u0026 policy""#) == true)
    }

    @Test func buildingTwiceGivesTheSameBytesAndWritesNothing() throws {
        let site = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: site.directory, jobs: 2).build()
        let first = site.snapshot()
        let second = try SiteBuilder(siteDirectory: site.directory, jobs: 1).build()
        #expect(second.written == 0)
        #expect(second.rendered == 0)
        #expect(second.skipped == first.count)
        #expect(site.snapshot() == first)
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent(".briefing"))
        let clean = try SiteBuilder(siteDirectory: site.directory, jobs: 2).build()
        #expect(clean.rendered == first.count)
        #expect(clean.written == 0)
        #expect(site.snapshot() == first)
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: site.directory).build()
        let before = site.snapshot()
        try site.write("content/briefs/2025/broken.md", "---\ntitle: [unclosed\n---\n")
        try site.write("content/briefs/2025/unknown.md", "---\ntitle: x\ndate: 2025-01-01\ntopics: [nope]\n---\n")
        #expect {
            try SiteBuilder(siteDirectory: site.directory).build()
        } throws: { error in
            guard case BuildError.content(let errors) = error else { return false }
            return errors.problems.map(\.file) == ["content/briefs/2025/broken.md", "content/briefs/2025/unknown.md"]
        }
        #expect(site.snapshot() == before)
    }

    /// Pages are either written as they render, under hidden names (`staged`: one page failing late must take every
    /// other one back), or all rendered before any is written in place: either way a failure writes nothing.
    @Test(arguments: [0, 10_000])
    func aPageFailingToRenderLeavesNoFileBehindAndKeepsTheManifest(inPlaceLimit: Int) throws {
        let site = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: site.directory).build()
        let before = site.snapshot()
        // Changes every page's footer, then fails on brief pages alone, at render time (a partial including itself).
        try site.write("templates/partials/site-footer.mustache", "<footer>changed</footer>\n")
        try site.write("templates/brief.mustache", "{{> brief}}\n")
        var builder = SiteBuilder(siteDirectory: site.directory)
        builder.inPlaceLimit = inPlaceLimit
        #expect(throws: BuildError.self) { try builder.build() }
        #expect(site.snapshot() == before, "a file was put in place or left behind")
        #expect(FileManager.default.fileExists(atPath: site.directory.appendingPathComponent(".briefing/manifest").path))
        // The last good build's record still describes the output: with the theme restored nothing is rendered.
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent("templates"))
        let report = try SiteBuilder(siteDirectory: site.directory).build()
        #expect(report.rendered == 0)
    }

    /// An edit build's few files are overwritten where they are (the same file, cut to its new length); more than
    /// `inPlaceLimit` are staged and renamed into place. Either way the folder ends as a clean build leaves it.
    @Test(arguments: [0, 10_000])
    func anEditedPageIsRewrittenInPlaceOnlyUnderTheLimit(inPlaceLimit: Int) throws {
        let long = Self.brief.replacingOccurrences(of: "Body **text**.", with: String(repeating: "A long paragraph of body text. ", count: 200))
        let site = try BuildTestSite(Self.files.merging(["content/briefs/2025/chips.md": long]) { _, new in new })
        _ = try SiteBuilder(siteDirectory: site.directory).build()
        let page = site.directory.appendingPathComponent("public/briefs/chips/index.html").path
        let before = try #require(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int)
        try site.write("content/briefs/2025/chips.md", Self.brief)
        var builder = SiteBuilder(siteDirectory: site.directory)
        builder.inPlaceLimit = inPlaceLimit
        let report = try builder.build()
        #expect(report.rendered > 0 && report.rendered <= 10_000)
        let after = try #require(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int)
        #expect((after == before) == (inPlaceLimit > 0), "in place: the same file; staged: a new one renamed over it")

        let clean = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: clean.directory).build()
        #expect(site.snapshot() == clean.snapshot())
        #expect(!site.snapshot().keys.contains { $0.contains(".briefing-tmp") })
    }

    @Test func aTemplateErrorNamesTheFileAndLeavesTheOutput() throws {
        let site = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: site.directory).build()
        let before = site.snapshot()
        try site.write("templates/brief.mustache", "<p>\n{{#brief}}{{title}}\n")
        #expect {
            try SiteBuilder(siteDirectory: site.directory).build()
        } throws: { error in
            "\(error)".contains("templates/brief.mustache")
        }
        #expect(site.snapshot() == before)
    }

    @Test func theSiteCanOverrideOneTemplate() throws {
        let site = try BuildTestSite(Self.files)
        try site.write("templates/robots.txt.mustache", "User-agent: *\nDisallow: /\n")
        _ = try SiteBuilder(siteDirectory: site.directory).build()
        #expect(site.read("robots.txt") == "User-agent: *\nDisallow: /\n")
        #expect(site.read("index.html")?.lowercased().contains("<!doctype html>") == true)
    }

    @Test func filesNoPageProducesAreRemovedAndStaticFilesCopied() throws {
        let site = try BuildTestSite(Self.files)
        try site.write("static/images/logo.svg", "<svg/>")
        try site.write("public/briefs/gone/index.html", "old")
        let report = try SiteBuilder(siteDirectory: site.directory).build()
        #expect(report.removed == 1)
        #expect(site.read("briefs/gone/index.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("briefs/gone").path))
        #expect(site.read("images/logo.svg") == "<svg/>")
    }

    @Test func refusesAnOutputFolderThatHoldsTheSite() throws {
        let site = try BuildTestSite(Self.files)
        for output in [site.directory, site.directory.appendingPathComponent("content/out"), site.directory.deletingLastPathComponent()] {
            #expect(throws: BuildError.self) {
                try SiteBuilder(siteDirectory: site.directory, outputDirectory: output).build()
            }
        }
        #expect(FileManager.default.fileExists(atPath: site.directory.appendingPathComponent("content/briefs/2025/chips.md").path))
    }

    @Test func baseURLOverrideMovesCanonicalLinksButNotRelativeOnes() throws {
        let site = try BuildTestSite(Self.files)
        _ = try SiteBuilder(siteDirectory: site.directory, baseURL: "https://news.example.com/desk").build()
        let page = site.read("briefs/chips/index.html") ?? ""
        #expect(page.contains("https://news.example.com/desk/briefs/chips/"))
        #expect(page.contains("href=\"../../topics/ai-chips/\""))
        #expect(site.read("404.html")?.contains("href=\"/desk/") == true)
        #expect(throws: BuildError.self) { try SiteBuilder(siteDirectory: site.directory, baseURL: "not a url").build() }
    }

    @Test func buildsTheExampleSite() throws {
        let site = try BuildTestSite.example()
        let report = try SiteBuilder(siteDirectory: site.directory).build()
        let files = site.snapshot()
        #expect(report.planned > 40)
        let briefs = try FileManager.default.subpathsOfDirectory(atPath: site.directory.appendingPathComponent("content/briefs").path)
            .filter { $0.hasSuffix(".md") }
        #expect(files.keys.filter { $0.hasPrefix("briefs/") }.count == briefs.count)
        #expect(site.read("index.html")?.contains("China Tech Briefing") == true)
    }
}

@Suite struct IngestThenBuildTests {
    @Test func theSeedsIngestIntoASiteThatBuilds() throws {
        let site = try BuildTestSite.example()
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent("content/briefs"))
        let seeds = BuildTestSite.repository.appendingPathComponent("Tests/BriefingIngestTests/Fixtures/seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map { seeds.appendingPathComponent($0) }
        let ingested = try Ingester(siteDirectory: site.directory).ingest(files)
        #expect(ingested.count(.written) == 26)
        let report = try SiteBuilder(siteDirectory: site.directory).build()
        #expect(report.rendered == report.planned)
        #expect(site.snapshot().keys.filter { $0.hasPrefix("briefs/") }.count == 26)
        // The committed example site is exactly what ingesting the seeds produces.
        for path in try FileManager.default.subpathsOfDirectory(atPath: site.directory.appendingPathComponent("content/briefs").path)
        where path.hasSuffix(".md") {
            let ingestedText = try String(contentsOf: site.directory.appendingPathComponent("content/briefs/" + path), encoding: .utf8)
            let committed = try? String(contentsOf: BuildTestSite.repository.appendingPathComponent("content/briefs/" + path), encoding: .utf8)
            #expect(committed == ingestedText, "content/briefs/\(path) differs from what ingest writes: re-run the ingest of the seeds")
        }
    }
}
