import BriefingCore
import Testing
@testable import BriefingCheck

/// One test per content rule: a site with exactly that mistake gives exactly that finding, at its file and line.
@Suite struct ContentRuleTests {
    @Test func aCleanSiteHasNoFindings() throws {
        #expect(try CheckSite.clean().contentProblems() == [])
    }

    @Test func configurationProblems() throws {
        let site = try CheckSite.clean(["briefing.yml": "title: Test Desk\nbaseURL: https://example.org/\npageSize: many\n"])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.config])
        #expect(found.first?.file == "briefing.yml")
        #expect(found.first?.line == 3)
        #expect(found.first?.severity == .error)
        #expect(found.first?.fix != nil)
    }

    @Test func unreadableOrMisnamedFiles() throws {
        let site = try CheckSite.clean(["content/briefs/2025/Bad Name.md": CheckSite.brief(["id": "other"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.file])
        #expect(found.first?.file == "content/briefs/2025/Bad Name.md")
        #expect(found.first?.fix?.contains("bad-name.md") == true)
    }

    @Test func frontMatterTypesAndRequiredFields() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["date": "last tuesday"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.frontMatter])
        #expect(found.first.map { ($0.file, $0.line) } ?? ("", nil) == ("content/briefs/2025/h20.md", 3))
        #expect(found.first?.message == "`last tuesday` is not a date")
    }

    @Test func duplicateSlugs() throws {
        let site = try CheckSite.clean(["content/briefs/2024/h20.md": CheckSite.brief(["id": "older"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.duplicateSlug, .duplicateSlug])
        #expect(found.map(\.file) == ["content/briefs/2024/h20.md", "content/briefs/2025/h20.md"])
    }

    @Test func duplicateIDs() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["id": "tag:x,2025:1"]),
            "content/briefs/2025/h20-again.md": CheckSite.brief(["id": "tag:x,2025:1"]),
        ])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.duplicateID, .duplicateID])
        #expect(found.map(\.file) == ["content/briefs/2025/h20-again.md", "content/briefs/2025/h20.md"])
        #expect(found.allSatisfy { $0.line == 2 })
    }

    @Test func unknownTopicsSuggestTheClosestOne() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["topics": "[ai-chip]"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.unknownTopic])
        #expect(found.first?.line == 5)
        #expect(found.first?.fix?.hasPrefix("did you mean `ai-chips`?") == true)
    }

    @Test func unknownCompanies() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["companies": "[nvdia]"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.unknownCompany])
        #expect(found.first?.line == 6)
        #expect(found.first?.message == "unknown company `nvdia`")
        #expect(found.first?.fix?.contains("`nvidia`") == true)
    }

    @Test func briefsDatedBeyondTheToleranceAreReported() throws {
        // Now is 2025-12-01T12:00:00Z; a day of tolerance allows up to 2025-12-02T12:00:00Z.
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["date": "2025-12-02T12:00:00Z"]),
            "content/briefs/2025/typo.md": CheckSite.brief(["id": "typo", "date": "2052-09-09"]),
        ])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.futureDate])
        #expect(found.first.map { ($0.file, $0.line) } ?? ("", nil) == ("content/briefs/2025/typo.md", 4))
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("2052-09-09T00:00:00Z") == true)
        #expect(site.contentProblems(toleranceDays: 10_000) == [])
        #expect(site.contentProblems(now: Timestamp(iso: "2052-09-10")!) == [])
    }

    @Test func emptyBodiesAreReportedAtTheLineTheBodyStarts() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(body: "<!-- to do -->\n\n## Key points\n\n- \n"),
            "content/companies/nvidia.md": "---\nname: Nvidia\n---\n",
        ])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.emptyBody, .emptyBody])
        #expect(found.map(\.file) == ["content/briefs/2025/h20.md", "content/companies/nvidia.md"])
        #expect(found.map(\.line) == [8, 4])
    }

    @Test func textCountsWhateverItsMarkdownForm() {
        #expect(ContentRules.hasText("A paragraph."))
        #expect(ContentRules.hasText("## Key points\n\n- One point"))
        #expect(ContentRules.hasText("1. First"))
        #expect(ContentRules.hasText("> Quoted"))
        #expect(ContentRules.hasText("2025"))
        #expect(!ContentRules.hasText(""))
        #expect(!ContentRules.hasText("\n\n## Key points\n\n- \n1.\n---\n***\n"))
        #expect(!ContentRules.hasText("<!-- a\nmulti-line\ncomment -->\n# Title only"))
    }

    @Test func missingSummaries() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["summary": "\"\""])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.missingSummary])
        #expect(found.first?.line == 4)
    }

    @Test func unknownFieldsSuggestTheKnownOne() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["topic": "[ai-chips]"])])
        let found = site.contentProblems()
        #expect(found.map(\.rule) == [.unknownField])
        #expect(found.first?.line == 7)
        #expect(found.first?.fix?.hasPrefix("did you mean `topics`?") == true)
    }

    @Test func everyLoaderRuleHasACheckRule() {
        let loaderRules = [
            ContentProblem.frontMatter, ContentProblem.config, ContentProblem.unreadableFile, ContentProblem.duplicateSlug,
            ContentProblem.duplicateID, ContentProblem.unknownTopic, ContentProblem.unknownCompany,
        ]
        #expect(loaderRules.allSatisfy { CheckRule(rawValue: $0) != nil })
    }
}
