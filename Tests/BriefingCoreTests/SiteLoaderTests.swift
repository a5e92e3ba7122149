import Foundation
import Testing
@testable import BriefingCore

@Suite struct SiteLoaderTests {
    func problems(_ site: TemporarySite) -> [ContentProblem] {
        do {
            _ = try SiteLoader(directory: site.directory).load()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func loadsBriefsCompaniesTopicsAndRelations() throws {
        let site = try TemporarySite([
            "briefing.yml": "title: Test Desk\nbaseURL: https://example.org/portal\npageSize: 5\n",
            "content/topics/ai-chips.md": TemporarySite.topic("AI chips"),
            "content/companies/nvidia.md": TemporarySite.company("Nvidia", aliases: ["NVDA"]),
            "content/companies/huawei.md": TemporarySite.company("Huawei"),
            "content/briefs/2025/older.md": TemporarySite.brief(
                title: "Older", date: "2025-08-01", extra: "topics: [ai-chips]\ncompanies: [nvidia]\n"),
            "content/briefs/2025/newer.md": TemporarySite.brief(
                title: "Newer", date: "2025-09-01T08:00:00Z",
                extra: """
                id: tag:example.org,2025:1
                summary: What happened.
                topics: [ai-chips]
                companies: [nvidia, huawei]
                sources:
                  - url: https://www.reuters.com/x
                events:
                  - date: 2025-08-27
                    text: Huawei unveils a chip
                    companies: [huawei]
                  - date: 2025
                    text: A year-long push

                """),
        ])
        let loaded = try SiteLoader(directory: site.directory).load()
        #expect(loaded.config.title == "Test Desk")
        #expect(loaded.config.baseURL == "https://example.org/portal/")
        #expect(loaded.config.basePath == "/portal/")
        #expect(loaded.config.pageSize == 5)
        #expect(loaded.briefs.map(\.title) == ["Newer", "Older"])
        #expect(loaded.briefs(inTopic: Slug(validating: "ai-chips")!).map(\.title) == ["Newer", "Older"])
        #expect(loaded.briefs(mentioning: Slug(validating: "huawei")!).map(\.title) == ["Newer"])
        #expect(loaded.events(involving: Slug(validating: "huawei")!).map(\.event.text) == ["Huawei unveils a chip"])
        let newer = try #require(loaded.brief(Slug(validating: "newer")!))
        #expect(newer.id == "tag:example.org,2025:1")
        #expect(newer.sources.first?.host == "reuters.com")
        #expect(newer.body == "Body.\n")
        #expect(loaded.company(Slug(validating: "nvidia")!)?.aliases == ["NVDA"])
        #expect(loaded.timeline.years.map(\.year) == [2025])
        #expect(loaded.timeline.periods(of: 2025).map(\.month) == [nil, 8])
        #expect(loaded.timeline.months.map { "\($0.year)-\($0.month)" } == ["2025-8"])
    }

    @Test func aSiteWithoutConfigurationUsesDefaults() throws {
        let site = try TemporarySite(["content/briefs/a.md": TemporarySite.brief()])
        let loaded = try SiteLoader(directory: site.directory).load()
        #expect(loaded.config == SiteConfig())
        #expect(loaded.briefs.count == 1)
    }

    @Test func invalidYAMLIsReportedAtItsLineInTheFile() throws {
        let site = try TemporarySite(["content/briefs/bad.md": "---\ntitle: \"ok\"\ndate: 2025-01-01\ntopics: [a, b\n---\nBody\n"])
        let found = problems(site)
        #expect(found.count == 1)
        #expect(found.first?.file == "content/briefs/bad.md")
        #expect(found.first?.message.contains("not valid YAML") == true)
        #expect((found.first?.line ?? 0) >= 4)
    }

    @Test func missingRequiredFieldsAreAllReported() throws {
        let site = try TemporarySite(["content/briefs/empty.md": "---\nsummary: nothing else\n---\nBody\n"])
        let found = problems(site)
        #expect(found.map(\.message).sorted() == ["the required field `date` is missing", "the required field `title` is missing"])
        #expect(found.allSatisfy { $0.file == "content/briefs/empty.md" && $0.line == 2 && $0.fix != nil })
    }

    @Test func unknownTopicsAndCompaniesNameTheLineAndTheFix() throws {
        let site = try TemporarySite([
            "content/topics/ai-chips.md": TemporarySite.topic("AI chips"),
            "content/briefs/a.md": TemporarySite.brief(extra: "topics: [ai-chip]\ncompanies: [nvidia]\n"),
        ])
        let found = problems(site)
        #expect(found.count == 2)
        let topic = try #require(found.first { $0.message == "unknown topic `ai-chip`" })
        #expect(topic.line == 4)
        #expect(topic.fix?.contains("content/topics/ai-chip.md") == true)
        #expect(topic.description.hasPrefix("content/briefs/a.md:4"))
        let company = try #require(found.first { $0.message == "unknown company `nvidia`" })
        #expect(company.line == 5)
    }

    @Test func duplicateSlugsAndIdsAreReportedOnEveryFile() throws {
        let site = try TemporarySite([
            "content/briefs/2024/same.md": TemporarySite.brief(extra: "id: x\n"),
            "content/briefs/2025/same.md": TemporarySite.brief(extra: "id: y\n"),
            "content/briefs/2025/other.md": TemporarySite.brief(extra: "id: x\n"),
        ])
        let found = problems(site)
        #expect(found.filter { $0.message.contains("brief slug `same`") }.map(\.file) == ["content/briefs/2024/same.md", "content/briefs/2025/same.md"])
        #expect(found.filter { $0.message.contains("brief id `x`") }.map(\.file) == ["content/briefs/2024/same.md", "content/briefs/2025/other.md"])
    }

    @Test func unreadableAndMisnamedFilesAreReported() throws {
        let site = try TemporarySite(["content/briefs/Bad Name.md": TemporarySite.brief()])
        try site.write("content/briefs/latin1.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0xFF, 0x0A]))
        let found = problems(site)
        #expect(found.contains { $0.file == "content/briefs/latin1.md" && $0.message.contains("UTF-8") })
        #expect(found.contains { $0.file == "content/briefs/Bad Name.md" && $0.fix?.contains("bad-name.md") == true })
    }

    @Test func badValuesAreReportedWithTheirFix() throws {
        let site = try TemporarySite([
            "content/briefs/a.md": TemporarySite.brief(
                date: "last tuesday",
                extra: "sources:\n  - url: ftp://x\nevents:\n  - date: 2025-02-30\n    text: Impossible\n  - text: no date\n"),
        ])
        let messages = problems(site).map(\.message)
        #expect(messages.contains("`last tuesday` is not a date"))
        #expect(messages.contains("the source URL `ftp://x` is not an http(s) URL"))
        #expect(messages.contains("`2025-02-30` is not a date"))
        #expect(messages.contains("the required field `date` is missing"))
    }

    @Test func configurationProblemsNameTheSetting() throws {
        let site = try TemporarySite(["briefing.yml": "title: X\npagesize: 10\nbaseURL: example.org\nfeeds:\n  entries: many\n"])
        let found = problems(site)
        #expect(found.contains { $0.message == "unknown setting `pagesize`" && $0.line == 2 })
        #expect(found.contains { $0.message.contains("`example.org` is not an absolute") && $0.line == 3 })
        #expect(found.contains { $0.message.contains("`entries` must be a whole number") && $0.line == 5 })
    }

    @Test func contentLoadsAsFarAsItCanBesideItsProblems() throws {
        let site = try TemporarySite([
            "briefing.yml": "title: [not, text]\n",
            "content/topics/ai-chips.md": TemporarySite.topic("AI chips"),
            "content/briefs/good.md": TemporarySite.brief(extra: "topics: [ai-chips]\nsummry: typo\n"),
            "content/briefs/bad.md": TemporarySite.brief(date: "soon"),
            "content/briefs/lost.md": TemporarySite.brief(extra: "id: lost\ntopics: [ai-chip]\n"),
        ])
        let content = SiteLoader(directory: site.directory).loadContent()
        #expect(content.briefs.map(\.slug.rawValue).sorted() == ["good", "lost"])
        #expect(content.config == SiteConfig())
        #expect(content.problems.map(\.rule).sorted() == ["config", "front-matter", "unknown-topic"])
        #expect(content.problems.first { $0.rule == "unknown-topic" }?.fix?.hasPrefix("did you mean `ai-chips`?") == true)
        // Every field's line is kept, so later checks can point at fields the loader does not know.
        #expect(content.briefs.first { $0.slug.rawValue == "good" }?.location.fieldLines["summry"] == 5)
    }

    @Test func frontMatterMustBeFenced() throws {
        let site = try TemporarySite([
            "content/briefs/none.md": "title: x\n",
            "content/briefs/open.md": "---\ntitle: x\n",
        ])
        let found = problems(site)
        #expect(found.contains { $0.file == "content/briefs/none.md" && $0.message.contains("does not start with front matter") })
        #expect(found.contains { $0.file == "content/briefs/open.md" && $0.message.contains("never closed") })
    }
}
